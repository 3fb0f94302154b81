# Two commands for a newcomer: `make run` opens Dossier, `make test` runs the tests.
# Both create .venv on first use and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-dev

.PHONY: run test fuzz lint format bench eval model word-classes knowledge knowledge-import screenshots package package-test venv clean

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "Cannot create a virtual environment with $(PYTHON)."; \
	  echo "On Debian/Ubuntu install it with: sudo apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(PY) -m desktop

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# Hostile inputs in depth (`make test` runs a sample of each): every corpus file and naughty
# string, FUZZ_EXAMPLES Hypothesis examples per fuzz test, dozens of kill -9 rounds.
FUZZ_EXAMPLES ?= 300

fuzz: $(STAMP)
	QT_QPA_PLATFORM=offscreen FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) HYPOTHESIS_PROFILE=explore \
	  $(PY) -m pytest tests/hostile -m "fuzz or not fuzz" $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Benchmarks and evaluations print figures; they are not pass/fail tests.
# Narrow them with ONLY=<name>, e.g. `make bench ONLY=library`.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.perf $(ONLY)

eval: $(STAMP)
	$(PY) -m tests.eval $(ONLY)

clean:
	rm -rf build dist .pytest_cache .ruff_cache

# Retrain the shipped entity model from ../shared/eval (reproducible; not run in CI).
model: $(STAMP)
	nice -n 10 $(PY) -m desktop.core.text.build_frequencies
	nice -n 10 $(PY) -m desktop.core.text.build_languages
	nice -n 10 $(PY) -m desktop.core.text.ner.train

# Rebuild resources/keyterms/word-classes-en.tsv from a git snapshot of UD_English-EWT (see
# resources/keyterms/README.md): `make word-classes EWT=/path/to/UD_English-EWT/repo`.
word-classes: $(STAMP)
	$(PY) -m desktop.core.text.build_word_classes $(EWT)

# Rebuild resources/knowledge/{people,organisations}.json.gz from the committed inputs in
# data/knowledge/ (byte-identical for the same inputs; a test checks the committed output).
knowledge: $(STAMP)
	$(PY) -m desktop.core.text.ner.knowledge_build

# Refresh data/knowledge/ from git snapshots of the open-data sources (see
# resources/knowledge/README.md): `make knowledge-import MIRRORS=/path/to/mirrors`.
knowledge-import: $(STAMP)
	$(PY) -m tools.knowledge_import $(MIRRORS)
	$(PY) -m tools.programming_languages $(MIRRORS)
	$(PY) -m desktop.core.text.ner.knowledge_build

# Light and dark screenshots of the main window into docs/.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.ui.screenshots

# A self-contained one-folder bundle in dist/ (PyInstaller), and its smoke test.
package:
	$(MAKE) -f packaging/package.mk package

package-test:
	$(MAKE) -f packaging/package.mk package-test
