# Stepping Stones Registration — developer commands.
# `make run` and `make test` create .venv on first use: `make run` installs what the laptop
# app needs ('.[desktop]'), `make test` everything ('.[dev]': both programs and the tools).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-desktop
DEMO_DIR ?= .demo-data
DEMO_USER ?= admin
DEMO_PASSWORD ?= demo-pass-2024
# Two workers (pytest-xdist) on the 2-core reference machine; the slowest tests are listed.
PYTEST_ARGS ?= -n auto --durations=25

.PHONY: run test lint venv demo clean translations ts-update bench dist

# Qt translations: .ts sources are committed, .qm files are built here (and by the build).
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

$(STAMP): pyproject.toml setup.py constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP) $(RUN_STAMP)

$(RUN_STAMP): pyproject.toml setup.py constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[desktop]'
	@touch $(RUN_STAMP)

venv: $(STAMP)

resources/translations/%.qm: resources/translations/%.ts | $(RUN_STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Refresh the .ts sources from the code (then translate the new entries with Qt Linguist).
# The lupdate of PySide6 6.11 does not see plural (%n) messages: it turns them into plain,
# unfinished entries. Keep the committed plural forms (git diff); tests/unit/
# test_translation_files.py fails on a .ts with unfinished or flattened entries.
TS_SOURCES := ss_core/domain/labels.py ss_desktop/__main__.py ss_desktop/cli/*.py ss_desktop/ui/*.py ss_desktop/ui/register/*.py ss_desktop/ui/models/*.py ss_desktop/services/messages.py ss_desktop/services/sync_messages.py ss_desktop/services/importing/messages.py ss_desktop/services/exporting.py
ts-update: $(STAMP)
	$(BIN)/pyside6-lupdate -silent $(TS_SOURCES) -source-language en -target-language zh_CN -ts resources/translations/ss_desktop_zh_CN.ts
	$(BIN)/pyside6-lupdate -silent $(TS_SOURCES) -source-language en -target-language en -pluralonly -ts resources/translations/ss_desktop_en.ts

# The demo data folder is made once (init + demo data) and reused.
$(DEMO_DIR)/.demo-ready: | $(RUN_STAMP)
	SS_DESKTOP_PASSWORD=$(DEMO_PASSWORD) $(BIN)/ss-desktop --data-dir $(DEMO_DIR) init --admin $(DEMO_USER)
	SS_DESKTOP_PASSWORD=$(DEMO_PASSWORD) $(BIN)/ss-desktop --data-dir $(DEMO_DIR) --user $(DEMO_USER) demo --count 2000 --seed 1
	@touch $@

demo: $(DEMO_DIR)/.demo-ready

run: $(RUN_STAMP) $(QM) $(DEMO_DIR)/.demo-ready
	@echo "Demo data folder: $(DEMO_DIR)   sign in as '$(DEMO_USER)' with password '$(DEMO_PASSWORD)'"
	$(BIN)/ss-desktop --data-dir $(DEMO_DIR)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: $(STAMP) $(QM) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

clean:
	rm -rf $(VENV) $(DEMO_DIR) build dist .pytest_cache .ruff_cache

# The frozen desktop app (PyInstaller, one folder): dist/ss-desktop/. See docs/BUILDING.md.
dist: $(STAMP) $(QM)
	@$(BIN)/python -c "import PyInstaller" 2>/dev/null || $(BIN)/python -m pip install --quiet -c constraints.txt 'pyinstaller>=6.10'
	$(BIN)/pyinstaller build.spec --noconfirm

# The frozen app's smoke run: self-test, init, demo data, export, a sync round with ss-hq.
.PHONY: smoke
smoke: $(STAMP)
	bash scripts/smoke_frozen.sh dist/ss-desktop

# Windows, built and checked on Linux under Wine (docs/BUILDING.md, "Windows under Wine").
# dist-windows: dist-windows/ss-desktop/ and dist-windows/SteppingStones-VERSION-setup.exe;
# smoke-windows: self-tests, the frozen smoke run under code pages 1252 and 936, the installer;
# test-windows: the unit and UI suites under Wine (long: a nightly check, not part of CI).
.PHONY: dist-windows smoke-windows test-windows
dist-windows: $(STAMP) $(QM)
	bash packaging/windows/build.sh

smoke-windows: $(STAMP)
	bash packaging/windows/smoke.sh

# The Windows prefix has no pytest-xdist: one process, so PYTEST_ARGS (-n auto) is not passed.
WIN_PYTEST_ARGS ?= --durations=30
test-windows: $(STAMP) $(QM)
	bash packaging/windows/test_suites.sh $(WIN_PYTEST_ARGS)
