# The self-contained bundle: `make package` and `make package-test` (called from the Makefile).
#
# The build runs in its own virtual environment (build/package-venv), apart from the developer's
# editable .venv: the project is installed non-editable with the `package` extra, so the bundle
# holds what a user install holds. `make -f packaging/package.mk package-clean` starts afresh.

PYTHON ?= python3
NICE   ?= nice -n 10
VENV   := build/package-venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-package
REPORT := build/package-build.json

.PHONY: package package-test package-clean

# Third-party packages change only with pyproject.toml; build.py reinstalls the project itself
# on every build so the bundle always holds the current source.
$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "Cannot create a virtual environment with $(PYTHON)."; \
	  echo "On Debian/Ubuntu install it with: sudo apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet hatchling '.[package]'
	@touch $(STAMP)

package: $(STAMP)
	$(NICE) $(PY) packaging/build.py --report $(REPORT) $(BUILD_ARGS)

# A clean build (no PyInstaller cache), then the bundle is run without Python on the PATH.
package-test: $(STAMP)
	$(NICE) $(PY) packaging/build.py --clean --report $(REPORT)
	$(PY) packaging/smoke_test.py --bundle dist/dossier --report $(REPORT)

package-clean:
	rm -rf $(VENV) build/pyinstaller dist/dossier dist/dossier-*.tar.gz $(REPORT)
