#!/usr/bin/env bash
# The unit and UI suites under Wine with the Windows Python (`make test-windows`; needs
# `make dist-windows` for its prefix). Long (about half an hour on two cores): a nightly or
# before-release check, not part of CI. Extra arguments go to pytest.
#
# A copy of the build prefix gets the test tools (pinned by constraints.txt) and loses Qt's
# network-list plugin, which spins forever in Wine; the build prefix itself is not changed.
# PostgreSQL tests are skipped (no DATABASE_URL). Files are read and written in the code page
# of an English Windows (1252), as on a volunteer's laptop; only pytest's output is UTF-8.
# The last result and what is skipped, and why: docs/BUILDING.md ("The test suites under Wine").
set -euo pipefail
source "$(dirname "$0")/common.sh"
need_tools
[ -f "$WIN_BUILD/prefix/.ready" ] || die "no build prefix: run make dist-windows"
trap stop_wine EXIT
cd "$ROOT"

say "a copy of the build prefix with the test tools"
export WINEPREFIX="$WIN_BUILD/prefix"
stop_wine
rm -rf "$WIN_BUILD/prefix-tests"
cp -a "$WIN_BUILD/prefix" "$WIN_BUILD/prefix-tests"
export WINEPREFIX="$WIN_BUILD/prefix-tests"
site="$WINEPREFIX/drive_c/Python311/Lib/site-packages"
rm -f "$site/PySide6/plugins/networkinformation/qnetworklistmanager.dll"
# The head office's packages too ([hq]): the sync tests run one in the test process.
wheel="$(ls "$WIN_BUILD"/wheel/*.whl)"
PYTHONIOENCODING=utf-8 win "$PY_WIN\\python.exe" -m pip install --quiet --no-warn-script-location \
  --disable-pip-version-check --only-binary :all: --cache-dir "$(winpath "$CACHE/pip")" \
  -c "$(winpath constraints.txt)" "$(winpath "$wheel")[hq]" \
  pytest pytest-qt pytest-timeout hypothesis
win "$PY_WIN\\python.exe" -m pip freeze >"$WIN_BUILD/pip-freeze-tests.txt"
"$LINUX_PY" "$HERE/check_pins.py" constraints.txt "$WIN_BUILD/pip-freeze-tests.txt"

# Qt's offscreen platform on Windows reads fonts only from Qt's own fonts folder (none in
# the wheels) or QT_QPA_FONTDIR: without a font, every text measured twice as wide and the
# registration form did not fit its window. Windows' font folder then, with Wine's Tahoma in
# it (Wine keeps its fonts outside the prefix).
wine_fonts="$(dirname "$(readlink -f "$(command -v wine)")")/../share/wine/fonts"
mkdir -p "$WINEPREFIX/drive_c/windows/Fonts"
cp "$wine_fonts"/tahoma*.ttf "$WINEPREFIX/drive_c/windows/Fonts/" \
  || echo "test-windows: no Tahoma from Wine (Debian: fonts-wine): texts without a font" >&2
export WINEQT_QPA_FONTDIR='C:\windows\Fonts'

say "pytest tests/unit tests/ui under Wine"
START=$(date +%s)
status=0
QT_QPA_PLATFORM=offscreen PYTHONIOENCODING=utf-8 win "$PY_WIN\\python.exe" -m pytest -p no:cacheprovider \
  -q -rfE --timeout 600 tests/unit tests/ui "$@" || status=$?
echo "test-windows: pytest exit $status in $(( $(date +%s) - START )) s"
exit "$status"
