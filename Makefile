# drafter — the two commands a new machine needs: `make run` and `make test`.
# Both create .venv (Python >= 3.11) and install drafter with its dev extras when needed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
EXAMPLE := fixtures/example/yunxi-2025.json
# make run edits a scratch copy (ignored by git): autosave never touches the fixture.
RUN_COPY := .run/yunxi-2025.json

.PHONY: run serve test lint bench clean preview

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "需要 Python 3.11 或更高版本：请安装后用 make PYTHON=python3.11 ... 指定"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## Open drafter on (a scratch copy of) the bundled example report, drafting offline.
run: $(STAMP)
	@mkdir -p $(dir $(RUN_COPY))
	@test -f $(RUN_COPY) || cp $(EXAMPLE) $(RUN_COPY)
	$(BIN)/drafter tui --offline $(RUN_COPY)

## The same, in a browser: drafter serve on the scratch copy (Ctrl+C stops it).
serve: $(STAMP)
	@mkdir -p $(dir $(RUN_COPY))
	@test -f $(RUN_COPY) || cp $(EXAMPLE) $(RUN_COPY)
	$(BIN)/drafter serve --offline $(RUN_COPY)

## Lint, type-check, check the import layering, run the whole test suite.
test: $(STAMP)
	$(BIN)/ruff format --check drafter tests bench
	$(BIN)/ruff check drafter tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

## Benchmarks print their figures; they are not part of `make test`.
bench: $(STAMP)
	@for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis

## Render a project's Word export to PDF and PNG pages (needs LibreOffice and pdftoppm).
preview: $(STAMP)
	$(BIN)/python tools/preview.py $(or $(PROJECT),$(EXAMPLE))
