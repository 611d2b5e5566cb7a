"""The report as data: the JSON contract of ``report-json.md`` as pydantic models.

A report (schema ``drafter.report/1``) is agency, year, format, title, the sections in
order and the three tables. A *project* is a report plus what drafting needs (last
year's report, the clerk's key facts, drafts). Unknown cells are ``None``, never 0;
万元 amounts are ``Decimal`` and serialise as strings, exactly as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from drafter import forms
from drafter.forms import FormatId

SCHEMA: Literal["drafter.report/1"] = "drafter.report/1"

Count = int | None
Amount = Decimal | None
CellValue = int | Decimal | None
Severity = Literal["error", "warning"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


# --------------------------------------------------------------------------- findings


class Location(BaseModel):
    """Where a finding points: a section, a table cell, a line of the checked file."""

    model_config = ConfigDict(extra="forbid")

    section: str | None = None
    cell: str | None = None
    """The cell path the finding is about (for an identity: the cell holding the total)."""
    line: int | None = None
    """1-based line in the checked file, when the input was text-like."""
    cells: list[str] = Field(default_factory=list)
    """Every cell taking part (both sides of an identity), so the UI can mark each."""


class Finding(BaseModel):
    """One rule violation, shaped as ``report-json.md`` says."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    severity: Severity
    message: str
    location: Location = Field(default_factory=Location)
    excerpt: str | None = None
    file: str | None = None

    @property
    def blocking(self) -> bool:
        """Errors block export unless forced; warnings never do."""
        return self.severity == "error"


# --------------------------------------------------------------------------- table 二


class DocCounts(_Strict):
    """规章 / 行政规范性文件 row of table 二 (2021)."""

    issued: Count = None
    """本年制发件数"""
    repealed: Count = None
    """本年废止件数"""
    in_force: Count = None
    """现行有效件数"""


class ActiveTable(_Strict):
    """Table 二, 主动公开政府信息情况 (2021 format)."""

    regulations: DocCounts = Field(default_factory=DocCounts)
    normative_documents: DocCounts = Field(default_factory=DocCounts)
    licensing: Count = None
    penalty: Count = None
    enforcement: Count = None
    fees_wan_yuan: Amount = None


class DocCounts2019(_Strict):
    made: Count = None
    """本年新制作数量"""
    published: Count = None
    """本年新公开数量"""
    public_total: Count = None
    """对外公开总数量"""


class Decisions2019(_Strict):
    previous: Count = None
    """上一年项目数量"""
    change: Count = None
    """本年增/减 (signed, V4)"""
    decisions: Count = None
    """处理决定数量"""


class Fees2019(_Strict):
    previous: Count = None
    change: Count = None


class Procurement2019(_Strict):
    projects: Count = None
    """采购项目数量"""
    amount: Amount = None
    """采购总金额, as written in the source (unit not fixed by the 2019 template)."""


class ActiveTable2019(_Strict):
    """Table 二 in the 2019 format (国办公开办函〔2019〕60号), see format-2021.md §4."""

    regulations: DocCounts2019 = Field(default_factory=DocCounts2019)
    normative_documents: DocCounts2019 = Field(default_factory=DocCounts2019)
    licensing: Decisions2019 = Field(default_factory=Decisions2019)
    other_services: Decisions2019 = Field(default_factory=Decisions2019)
    penalty: Decisions2019 = Field(default_factory=Decisions2019)
    enforcement: Decisions2019 = Field(default_factory=Decisions2019)
    fees: Fees2019 = Field(default_factory=Fees2019)
    procurement: Procurement2019 = Field(default_factory=Procurement2019)


# --------------------------------------------------------------------------- tables 三, 四


class RequestRow(_Strict):
    """One body row of table 三: a count per applicant column and 总计."""

    natural_person: Count = None
    business: Count = None
    research: Count = None
    public_interest: Count = None
    legal_services: Count = None
    other_org: Count = None
    total: Count = None


class AppealRow(_Strict):
    upheld: Count = None
    corrected: Count = None
    other: Count = None
    pending: Count = None
    total: Count = None


class AppealsTable(_Strict):
    """Table 四: 行政复议, 行政诉讼 未经复议直接起诉 and 复议后起诉."""

    review: AppealRow = Field(default_factory=AppealRow)
    litigation_direct: AppealRow = Field(default_factory=AppealRow)
    litigation_after_review: AppealRow = Field(default_factory=AppealRow)


class Tables(_Strict):
    """The three statistical tables. Cells are addressed by path (see ``forms``)."""

    active: ActiveTable | ActiveTable2019 | None = None
    requests: dict[str, RequestRow] = Field(default_factory=dict)
    appeals: AppealsTable = Field(default_factory=AppealsTable)

    def get(self, path: str) -> CellValue:
        """The value of the cell at ``path``; KeyError if the path names no cell."""
        owner, attr = self._owner(path)
        if owner is None:
            return None
        value: CellValue = getattr(owner, attr)
        return value

    def set(self, path: str, value: CellValue) -> None:
        """Set the cell at ``path``, creating an empty row or table 二 if needed."""
        owner, attr = self._owner(path, create=True)
        setattr(owner, attr, value)

    def _owner(self, path: str, create: bool = False) -> tuple[Any, str]:
        parts = path.split(".")
        table = parts[0]
        if table == "requests" and len(parts) == 3:
            row = self.requests.get(parts[1])
            if row is None:
                if not create:
                    return None, parts[2]
                row = self.requests[parts[1]] = RequestRow()
            _check_field(row, parts[2], path)
            return row, parts[2]
        if table == "appeals" and len(parts) == 3:
            row_obj = getattr(self.appeals, parts[1], None)
            if not isinstance(row_obj, AppealRow):
                raise KeyError(path)
            _check_field(row_obj, parts[2], path)
            return row_obj, parts[2]
        if table == "active" and len(parts) in (2, 3):
            if self.active is None:
                if not create:
                    return None, parts[-1]
                self.active = ActiveTable()
            owner: Any = self.active
            for part in parts[1:-1]:
                owner = getattr(owner, part, None)
                if not isinstance(owner, BaseModel):
                    raise KeyError(path)
            _check_field(owner, parts[-1], path)
            return owner, parts[-1]
        raise KeyError(path)

    def values(
        self, fmt: FormatId, cells: Iterable[forms.CellDef] | None = None
    ) -> Iterator[tuple[forms.CellDef, CellValue]]:
        """Every cell of the format (or just ``cells``) with its value, in reading order.

        Walks the structures directly (not via :meth:`get`), looking each row up once for
        its run of cells: the rules call this for every report checked, and path parsing
        would dominate their cost.
        """
        active, requests, appeals = self.active, self.requests, self.appeals
        table, row, owner = "", "", None
        for cell in forms.all_cells(fmt) if cells is None else cells:
            if cell.row != row or cell.table != table:
                table, row = cell.table, cell.row
                if table == "requests":
                    owner = requests.get(row)
                elif table == "appeals":
                    owner = getattr(appeals, row)
                else:
                    owner = getattr(active, row, None)
            value: Any = owner
            if cell.column and owner is not None:
                value = getattr(owner, cell.column)
            yield cell, value


def _check_field(owner: BaseModel, name: str, path: str) -> None:
    if name not in _field_names(type(owner)):
        raise KeyError(path)


@cache
def _field_names(model: type[BaseModel]) -> frozenset[str]:
    """A table model's cells, remembered: pydantic's ``model_fields`` is a class property
    costing a third of a cell lookup at each access."""
    return frozenset(model.model_fields)


# --------------------------------------------------------------------------- report


class Section(_Strict):
    """One section: its key, the heading as written, and its text exactly as written."""

    key: str
    heading: str
    text: str = ""

    @field_validator("key")
    @classmethod
    def _known_key(cls, key: str) -> str:
        if key not in forms.SECTION_KEYS:
            raise ValueError(f"未知的章节键「{key}」，应为 {'、'.join(forms.SECTION_KEYS)} 之一")
        return key


def _default_heading(key: str) -> str:
    return "" if key == forms.PREAMBLE_KEY else forms.SECTION_BY_KEY[key].heading


class Report(BaseModel):
    """One annual report, exactly the JSON of report-json.md (schema drafter.report/1)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    schema_: Literal["drafter.report/1"] = Field(default=SCHEMA, alias="schema")
    agency: str = ""
    """机关全称, e.g. 川汇区信访局."""
    year: int | None = None
    """The report year (statistical period 1月1日–12月31日)."""
    format: FormatId = "2021"
    title: str = ""
    sections: list[Section] = Field(default_factory=list)
    tables: Tables = Field(default_factory=Tables)

    @model_validator(mode="after")
    def _shape_tables(self) -> Self:
        """Fill absent rows with empty cells and match table 二 to the format."""
        rows = forms.request_rows(self.format)
        allowed = {r.key for r in rows}
        unknown = [k for k in self.tables.requests if k not in allowed]
        if unknown:
            raise ValueError(
                f"表三没有「{'、'.join(unknown)}」行（{self.format} 格式的行为："
                f"{'、'.join(r.key for r in rows)}）"
            )
        self.tables.requests = {
            r.key: self.tables.requests.get(r.key) or RequestRow() for r in rows
        }
        wanted = ActiveTable if self.format == "2021" else ActiveTable2019
        active = self.tables.active
        if active is None:
            self.tables.active = wanted()
        elif not isinstance(active, wanted):
            if any(v is not None for v in _leaves(active)):
                raise ValueError(f"表二的栏目与格式 {self.format} 不符")
            self.tables.active = wanted()
        seen: set[str] = set()
        for section in self.sections:
            if section.key in seen:
                raise ValueError(f"章节「{section.key}」出现了两次")
            seen.add(section.key)
        order = {k: i for i, k in enumerate(forms.SECTION_KEYS)}
        self.sections.sort(key=lambda s: order[s.key])
        return self

    # ---------------------------------------------------------------- sections

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def text(self, key: str) -> str:
        """The text of a section, empty when the report does not have it."""
        section = self.section(key)
        return section.text if section else ""

    def set_text(self, key: str, text: str) -> Section:
        """Set a section's text, adding the section under its official heading if absent."""
        section = self.section(key)
        if section is None:
            section = Section(key=key, heading=_default_heading(key), text=text)
            self.sections.append(section)
            order = {k: i for i, k in enumerate(forms.SECTION_KEYS)}
            self.sections.sort(key=lambda s: order[s.key])
        else:
            section.text = text
        return section

    def default_title(self) -> str:
        year = f"{self.year}年" if self.year else ""
        return f"{self.agency}{year}政府信息公开工作年度报告"

    def to_json(self) -> str:
        """The report JSON, UTF-8 text with Chinese kept readable."""
        return self.model_dump_json(by_alias=True, indent=2, exclude_none=False)

    @classmethod
    def empty(cls, agency: str, year: int, fmt: FormatId = "2021") -> Self:
        """A blank report: every section under its official heading, every cell unknown."""
        report = cls(agency=agency, year=year, format=fmt)
        report.title = report.default_title()
        report.sections = [
            Section(key=k, heading=_default_heading(k), text="") for k in forms.SECTION_KEYS
        ]
        return report


def _leaves(model: BaseModel) -> Iterator[object]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _leaves(value)
        else:
            yield value


# --------------------------------------------------------------------------- project


class KeyFact(_Strict):
    """A fact the clerk gives the drafter, e.g. 主动公开信息 / 326条."""

    label: str
    value: str = ""


DraftStatus = Literal["complete", "incomplete", "failed"]


class Draft(_Strict):
    """A generated draft of one narrative section, kept beside the clerk's own text.

    A draft is written into the section only while the section is empty or still holds
    the previous draft unchanged (``applied`` and equal text); otherwise it waits here
    as a suggestion. Nothing the clerk typed is overwritten.
    """

    text: str = ""
    """The generated text (for an incomplete stream: what arrived before it broke)."""
    status: DraftStatus = "complete"
    origin: str = "offline"
    """Who wrote it: ``offline`` or ``模型名 @ 主机``."""
    created: datetime | None = None
    message: str | None = None
    """Chinese explanation when incomplete or failed."""
    findings: list[Finding] = Field(default_factory=list)
    """What the checker still found in the draft after the one re-ask."""
    applied: bool = False
    """True when this text was written into the section."""


class ImportInfo(_Strict):
    """What an import recovered from last year's file, and what it could not."""

    file: str
    kind: str
    """docx, html, pdf, txt or md."""
    encoding: str | None = None
    recovered_cells: int = 0
    missing_cells: list[str] = Field(default_factory=list)
    """Cell paths the source does not give (null in the tables)."""
    findings: list[Finding] = Field(default_factory=list)
    """What was odd in the source (N1 headings, V3 blanks, ambiguous glued digits …)."""


class LastYear(Report):
    """Last year's report as a project keeps it, with what reading its file found.

    ``imported`` is the importer's account when last year's report was a published
    file (or a project made by ``drafter import``): its hints (N1 headings, V3 blanks …)
    stay with the project, for the checks screen to show after the project is created.
    """

    # Left out of the file when there is nothing to say (last year was a project file).
    imported: ImportInfo | None = Field(default=None, exclude_if=lambda v: v is None)


class Project(Report):
    """A report plus what drafting needs. Extra keys are kept so nothing is lost on save."""

    last_year: LastYear | None = None
    """Last year's report: its section texts feed the drafter, its tables the X rules."""
    key_facts: list[KeyFact] = Field(default_factory=list)
    drafts: dict[str, Draft] = Field(default_factory=dict)
    """The latest draft per narrative section key."""
    imported: ImportInfo | None = None
    """Set by ``drafter import``: what was recovered from which file."""
