# Two commands set everything up: `make run` and `make test` (ruff, mypy --strict,
# the import contracts of pyproject.toml, then pytest).
# Both create .venv on first use and reinstall only when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# compileall: an editable install runs reader from this tree; compiled files here mean
# no start-up spends time compiling, even where PYTHONDONTWRITEBYTECODE is set.
# install_stores: the same for reader's regular expressions and bundled themes, beside the
# .pyc files, for the very first start (reader/cli/install_stores.py says why); best effort,
# as compileall's files are: its failure only means the first start compiles (the - ).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	$(BIN)/python -m compileall -q reader
	-$(BIN)/python -m reader.cli.install_stores
	@touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

run: $(STAMP)
	$(BIN)/reader articles

test: $(TEST_STAMP)
	$(BIN)/ruff check reader tests bench docs
	$(BIN)/mypy --strict reader
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/bench_core.py

# The README's pictures, made by the app itself (docs/screenshot*.svg).
screenshots: $(STAMP)
	$(BIN)/python docs/make_screenshot.py

clean:
	rm -rf $(VENV) .pytest_cache build dist
