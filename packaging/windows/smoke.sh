#!/usr/bin/env bash
# The frozen Windows app under Wine (`make smoke-windows`; build it with `make dist-windows`):
#
#   for code page 1252 (English Windows) and 936 (Chinese Windows):
#     - the frozen self-test, offscreen and with Qt's native "windows" platform under Xvfb;
#     - scripts/smoke_frozen.sh with the .exe (init, demo data, search with its output
#       redirected, export, backup, restore, the lock, a MAX_PATH-deep data folder, import,
#       enrol and sync against ss-hq running on Linux), in paths with Chinese and spaces;
#   then the installer (installer_test.sh): install, self-test, upgrade, uninstall.
#
# The app runs in a clean prefix without Python. It is a test copy of the build without
# Qt's network-list plugin (qnetworklistmanager.dll), whose start spins forever in Wine's
# stub; the build and the installer keep it.
set -euo pipefail
source "$(dirname "$0")/common.sh"
need_tools
command -v xvfb-run >/dev/null || die "missing: xvfb (Debian: apt-get install xvfb xauth)"
APP="$WIN_DIST/ss-desktop"
[ -f "$APP/ss-desktop.exe" ] || die "no Windows build in $APP: run make dist-windows"
trap stop_wine EXIT
START=$(date +%s)
cd "$ROOT"

say "a test copy of the build, without the network-list plugin"
TEST_APP="$WIN_BUILD/test-app/ss-desktop"
rm -rf "$WIN_BUILD/test-app"
mkdir -p "$WIN_BUILD/test-app"
cp -r "$APP" "$TEST_APP"
rm "$TEST_APP/_internal/PySide6/plugins/networkinformation/qnetworklistmanager.dll"

say "a clean Wine prefix: Windows without Python"
new_prefix "$WIN_BUILD/prefix-smoke"
x86_64-w64-mingw32-gcc -O2 -s -o "$WIN_BUILD/codepage.exe" "$HERE/tools/codepage.c"

for lang in en_US.UTF-8:1252 zh_CN.UTF-8:936; do
  export SS_WINE_LANG="${lang%%:*}"
  code_page="${lang##*:}"
  say "code page $code_page ($SS_WINE_LANG)"
  seen="$("$HERE/wine-run.sh" "$WIN_BUILD/codepage.exe")"
  echo "   Windows programs see: $seen"
  [ "$(echo "$seen" | awk '{print $2}')" = "$code_page" ] || die "expected code page $code_page"

  say "self-test, offscreen (code page $code_page)"
  QT_QPA_PLATFORM=offscreen "$HERE/wine-run.sh" "$TEST_APP/ss-desktop.exe" self-test

  say "self-test with Qt's native windows platform, under Xvfb (code page $code_page)"
  stop_wine  # Wine's desktop process belongs to one X display
  QT_QPA_PLATFORM=windows xvfb-run -a -s "-screen 0 1366x768x24" \
    "$HERE/wine-run.sh" "$TEST_APP/ss-desktop.exe" self-test
  stop_wine

  say "the frozen smoke run (code page $code_page)"
  SMOKE_RUNNER="$HERE/wine-run.sh" bash scripts/smoke_frozen.sh "$TEST_APP"
done
unset SS_WINE_LANG

bash "$HERE/installer_test.sh"

echo
echo "smoke-windows: OK in $(( $(date +%s) - START )) s"
