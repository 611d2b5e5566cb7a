"""Where each cell of an official table goes on screen: column widths, line heights, spans.

Pure geometry over ``forms.TableForm.grid`` (no widget): the table editor draws from it
and moves its cursor with it. Every label comes from the form; a label too long for
its column is cut with … here and shown whole for the focused cell by the screen.
Header texts wrap (balanced, so 结果维持 becomes 结果/维持, not 结果维/持); a label
spanning several rows wraps down those rows, as in the printed form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len

from drafter.forms import GridCell, TableForm

MIN_DATA = 7
"""Narrowest data column: a marker and a five-digit figure."""
MAX_DATA = 16
MIN_WRAPPED_LABEL = 6
MIN_LABEL = 10


@dataclass(frozen=True)
class Placed:
    """A grid cell placed on screen: x and width in cells, top line and height in lines."""

    cell: GridCell
    x: int
    width: int
    top: int
    height: int
    lines: tuple[str, ...] = ()
    """For text cells: the text, wrapped or cut to ``width``, one entry per line used."""

    @property
    def path(self) -> str | None:
        return self.cell.path

    def text_line(self, line: int) -> str:
        """This text cell's share of layout line ``line``, padded to its width.

        Headers are centred both ways, as printed; labels sit top left.
        """
        header = self.cell.role in ("header", "caption")
        index = line - self.top - ((self.height - len(self.lines)) // 2 if header else 0)
        text = self.lines[index] if 0 <= index < len(self.lines) else ""
        pad = self.width - cell_len(text)
        if header:
            return " " * (pad // 2) + text + " " * (pad - pad // 2)
        return text + " " * pad


@dataclass
class FormLayout:
    """The on-screen geometry of one table form at one width."""

    form: TableForm
    col_x: list[int]
    col_w: list[int]
    row_top: list[int]
    row_h: list[int]
    rules: list[int]
    """Lines that hold a horizontal rule (after the header, before each block caption)."""
    header_lines: int
    """How many leading lines repeat at the top while scrolling (the header rows)."""
    height: int
    width: int
    placed: list[Placed] = field(default_factory=list)
    data: list[Placed] = field(default_factory=list)
    """Data cells in reading order (row by row, left to right)."""
    by_path: dict[str, Placed] = field(default_factory=dict)
    by_line: dict[int, list[Placed]] = field(default_factory=dict)
    """For every content line, the cells it crosses, left to right."""

    def neighbour(self, path: str, dx: int, dy: int) -> str | None:
        """The data cell next to ``path`` in a direction (arrow keys); None at an edge."""
        here = self.by_path[path]
        centre = here.x + here.width // 2
        if dy:
            candidates = [
                p
                for p in self.data
                if (p.top - here.top) * dy > 0 and p.x <= centre < p.x + p.width
            ]
            if not candidates:  # no cell straight below/above: the nearest column
                candidates = [p for p in self.data if (p.top - here.top) * dy > 0]
            if not candidates:
                return None
            nearest = min(candidates, key=lambda p: (abs(p.top - here.top), abs(p.x - here.x)))
            return nearest.path
        same_line = [p for p in self.data if p.top == here.top and (p.x - here.x) * dx > 0]
        if not same_line:
            return None
        return min(same_line, key=lambda p: abs(p.x - here.x)).path

    def paste_targets(
        self, anchor: str, rows: list[list[str]]
    ) -> tuple[dict[str, str | None], int]:
        """Cells for pasted ``rows``: rightwards along a row, rows downwards from ``anchor``.

        Returns the path → text mapping and how many values fell outside the table.
        """
        raw: dict[str, str | None] = {}
        dropped = 0
        start: str | None = anchor
        for row in rows:
            path = start
            for value in row:
                if path is None:
                    dropped += 1
                    continue
                raw[path] = value
                path = self.neighbour(path, 1, 0)
            start = self.neighbour(start, 0, 1) if start is not None else None
        return raw, dropped

    def _separators(self, line: int) -> set[int]:
        cells = self.by_line.get(line, [])
        found = {p.x - 1 for p in cells}
        if cells:
            found.add(cells[-1].x + cells[-1].width)
        return found

    def rule_line(self, line: int) -> str:
        """The horizontal rule at ``line``, its joints matching the columns above and below."""
        above, below = self._separators(line - 1), self._separators(line + 1)
        ends = {0: ("├", "┌", "└"), self.width - 1: ("┤", "┐", "┘")}
        chars = []
        for x in range(self.width):
            both, down_only, up_only = ends.get(x, ("┼", "┬", "┴"))
            up, down = x in above, x in below
            chars.append(both if up and down else down_only if down else up_only if up else "─")
        return "".join(chars)

    def next_in_order(self, path: str, step: int) -> str | None:
        """The next (step 1) or previous (-1) data cell in reading order."""
        order = [p.path for p in self.data]
        index = order.index(path) + step
        return order[index] if 0 <= index < len(order) else None


def wrap(text: str, width: int) -> list[str]:
    """Wrap ``text`` into lines of at most ``width`` cells, balancing the line lengths."""
    if width <= 0:
        return [""]
    if cell_len(text) <= width:
        return [text]
    greedy = _greedy(text, width)
    # The narrowest width that needs no more lines gives the most even lines.
    for narrower in range(-(-cell_len(text) // len(greedy)), width):
        lines = _greedy(text, narrower)
        if len(lines) == len(greedy):
            return lines
    return greedy


def _greedy(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line, used = "", 0
    for char in text:
        w = cell_len(char)
        if used + w > width and line:
            lines.append(line)
            line, used = "", 0
        line += char
        used += w
    if line:
        lines.append(line)
    return lines


def cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending in … when cut."""
    if cell_len(text) <= width:
        return text
    out, used = "", 0
    for char in text:
        w = cell_len(char)
        if used + w > width - 1:
            break
        out += char
        used += w
    return out + "…"


def _column_widths(form: TableForm, width: int) -> list[int]:
    n = form.n_cols
    data_cols = sorted(
        {c for g in form.grid if g.role == "data" for c in range(g.col, g.col + g.colspan)}
    )
    label_cols = [c for c in range(n) if c not in data_cols]
    avail = max(width - (n + 1), n * 3)
    widths = [0] * n
    if not label_cols:
        each = max(avail // n, 3)
        return [each] * n
    for c in data_cols:
        widths[c] = MIN_DATA
    budget = avail - MIN_DATA * len(data_cols)
    need: dict[int, int] = {}
    minimum: dict[int, int] = {}
    for c in label_cols:
        own = [g for g in form.grid if g.col == c and g.colspan == 1 and g.text]
        need[c] = max((cell_len(g.text or "") for g in own), default=MIN_LABEL)
        wrapped = own and all(g.rowspan > 1 for g in own)
        minimum[c] = min(need[c], MIN_WRAPPED_LABEL if wrapped else MIN_LABEL)
        widths[c] = minimum[c]
    budget -= sum(minimum.values())
    # Unwrapped labels first (they are cut otherwise), then the data columns.
    for c in sorted(label_cols, key=lambda c: minimum[c] == MIN_WRAPPED_LABEL):
        if budget <= 0:
            break
        if minimum[c] == MIN_WRAPPED_LABEL:
            continue
        extra = min(budget, need[c] - widths[c])
        widths[c] += extra
        budget -= extra
    while budget > 0:
        grown = False
        for c in data_cols:
            if budget > 0 and widths[c] < MAX_DATA:
                widths[c] += 1
                budget -= 1
                grown = True
        if not grown:
            break
    return widths


def _span_width(col_w: list[int], col: int, colspan: int) -> int:
    return sum(col_w[col : col + colspan]) + colspan - 1


def _texts(form: TableForm, col_w: list[int]) -> tuple[dict[tuple[int, int], list[str]], list[int]]:
    """Each text cell's lines, and each grid row's height (headers wrap and grow rows)."""
    heights = [1] * form.n_rows
    texts: dict[tuple[int, int], list[str]] = {}
    for g in sorted(form.grid, key=lambda g: g.rowspan):
        if g.text is None:
            continue
        span = _span_width(col_w, g.col, g.colspan)
        if g.role in ("header", "caption"):
            lines = wrap(g.text, span)
            have = sum(heights[g.row : g.row + g.rowspan])
            if len(lines) > have:
                heights[g.row + g.rowspan - 1] += len(lines) - have
        elif g.rowspan > 1 and cell_len(g.text) > span:
            lines = wrap(g.text, span)
        else:
            lines = [cut(g.text, span)]
        texts[(g.row, g.col)] = lines
    return texts, heights


def layout(form: TableForm, width: int) -> FormLayout:
    """Place every cell of ``form`` in ``width`` terminal cells."""
    col_w = _column_widths(form, width)
    col_x = []
    x = 1
    for w in col_w:
        col_x.append(x)
        x += w + 1
    n_rows = form.n_rows
    texts, heights = _texts(form, col_w)
    rule_rows = {g.row for g in form.grid if g.role == "caption" and g.row > 0}
    if 0 < form.header_rows < n_rows:
        rule_rows.add(form.header_rows)
    row_top, rules, line = [], [], 0
    for r in range(n_rows):
        if r in rule_rows:
            rules.append(line)
            line += 1
        row_top.append(line)
        line += heights[r]
    header_lines = row_top[form.header_rows] if 0 < form.header_rows < n_rows else 0
    result = FormLayout(
        form=form,
        col_x=col_x,
        col_w=col_w,
        row_top=row_top,
        row_h=heights,
        rules=rules,
        header_lines=header_lines,
        height=line,
        width=x,
    )
    for g in form.grid:
        top = row_top[g.row]
        bottom = row_top[g.row + g.rowspan - 1] + heights[g.row + g.rowspan - 1]
        span = _span_width(col_w, g.col, g.colspan)
        lines = texts.get((g.row, g.col), [])
        if len(lines) > bottom - top:  # a label longer than its rows: cut the last line
            keep = max(bottom - top, 1)
            lines = [*lines[: keep - 1], cut("".join(lines[keep - 1 :]), span)]
        placed = Placed(g, col_x[g.col], span, top, bottom - top, tuple(lines))
        result.placed.append(placed)
        for y in range(top, bottom):
            if y not in rules:
                result.by_line.setdefault(y, []).append(placed)
    for cells in result.by_line.values():
        cells.sort(key=lambda p: p.x)
    result.data = sorted(
        (p for p in result.placed if p.cell.role == "data"), key=lambda p: (p.top, p.x)
    )
    result.by_path = {p.cell.path: p for p in result.data if p.cell.path}
    return result
