#!/usr/bin/env bash
# The Windows installer under Wine, silently (/S), in a clean prefix without Python
# (part of `make smoke-windows`; needs `make dist-windows`):
#
#   1. an "older" installer (0.0.1) is made from a copy of the build restamped with that
#      version (file properties, package metadata) and one file the new build no longer has;
#   2. it installs per user into %LOCALAPPDATA%\Programs\SteppingStones (English system):
#      program, Start-menu and desktop shortcuts, the uninstall entry, version and publisher;
#      the installed app's self-test;
#   3. the data folder gets a first-release database (schema 0001), as a laptop in use has;
#   4. while the app runs, the new installer refuses to replace it (exit 4, nothing changed);
#   5. the new installer upgrades in place (Chinese system): new version, the old file gone,
#      shortcuts in Chinese, the data folder byte for byte untouched; the first start upgrades
#      the database with a backup and finds the children; the installed app's self-test;
#   6. the uninstaller removes the program, shortcuts and entry, and keeps the data;
#   7. installed again and uninstalled with /REMOVEDATA, the data goes too.
set -euo pipefail
source "$(dirname "$0")/common.sh"
need_tools
cd "$ROOT"
eval "$("$LINUX_PY" "$HERE/product.py")"
NEW_SETUP="$WIN_DIST/SteppingStones-$VERSION-setup.exe"
[ -f "$NEW_SETUP" ] || die "no installer $NEW_SETUP: run make dist-windows"
OLD_VERSION=0.0.1
T="$WIN_BUILD/installer-test"
GUI_PID=""
cleanup() {
  if [ -n "$GUI_PID" ]; then kill "$GUI_PID" 2>/dev/null || true; fi
  stop_wine
}
trap cleanup EXIT
START=$(date +%s)
ok() { echo "   ok: $*"; }
fail() { echo "installer test: $*" >&2; exit 1; }

say "an older build ($OLD_VERSION) and its installer"
rm -rf "$T"
mkdir -p "$T"
cp -r "$WIN_DIST/ss-desktop" "$T/older"
export WINEPREFIX="$WIN_BUILD/prefix"   # the build prefix: its Python reads and writes versions
win "$PY_WIN\\python.exe" "$(winpath "$HERE/file_version.py")" stamp "$OLD_VERSION" \
  "$(winpath "$T/older/ss-desktop.exe")" "$(winpath "$T/older/SteppingStones.exe")"
# the package metadata the app reads its version from (.dist-info, or .egg-info when
# PyInstaller found the checkout's)
for meta in "$T"/older/_internal/stepping_stones_registration*-info/{METADATA,PKG-INFO}; do
  if [ -f "$meta" ]; then sed -i "s/^Version: .*/Version: $OLD_VERSION/" "$meta"; fi
done
echo "a file only the older version has" >"$T/older/_internal/only-in-$OLD_VERSION.txt"
SS_INSTALLER_FAST=1 VERSION="$OLD_VERSION" VERSION4="$OLD_VERSION.0" bash "$HERE/installer.sh" "$T/older" "$T/old-setup.exe"
file_version() { win "$PY_WIN\\python.exe" "$(winpath "$HERE/file_version.py")" show "$(winpath "$1")" | tr -d "\r"; }
[ "$(file_version "$T/older/ss-desktop.exe")" = "$OLD_VERSION|$PUBLISHER|$OLD_VERSION" ] \
  || fail "the older build's file properties"
installer_props="$(file_version "$NEW_SETUP")"
[ "$installer_props" = "$VERSION|$PUBLISHER|$VERSION" ] || fail "installer properties: $installer_props"
ok "the installer's properties: $installer_props"
stop_wine

say "a clean prefix: Windows without Python"
new_prefix "$WIN_BUILD/prefix-install"
unix_of() { winepath -u "$(win cmd /c echo "$1" | tr -d '\r')"; }
LOCAL="$(unix_of '%LOCALAPPDATA%')"
APPDATA_DIR="$(unix_of '%APPDATA%')"
DESKTOP="$(unix_of '%USERPROFILE%')/Desktop"
INSTDIR="$LOCAL/Programs/SteppingStones"
DATA="$LOCAL/SteppingStonesChina/SteppingStones"   # the app's default data folder
MENU="$APPDATA_DIR/Microsoft/Windows/Start Menu/Programs/Stepping Stones"
KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\SteppingStonesRegistration'
reg_value() { win reg query "$KEY" /v "$1" 2>/dev/null | tr -d '\r' | awk -v k="$1" '$1 == k {$1 = ""; $2 = ""; sub(/^  /, ""); print}'; }
installed_version() {
  export WINEPREFIX="$WIN_BUILD/prefix"
  file_version "$INSTDIR/ss-desktop.exe"
  stop_wine
  export WINEPREFIX="$WIN_BUILD/prefix-install"
}
# the installed copy is the test copy: without the network-list plugin that spins in Wine
test_copy() { rm -f "$INSTDIR/_internal/PySide6/plugins/networkinformation/qnetworklistmanager.dll"; }
data_hash() { (cd "$DATA" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum); }

say "install $OLD_VERSION silently (English system)"
SS_WINE_LANG=en_US.UTF-8 win "$T/old-setup.exe" /S
[ -f "$INSTDIR/SteppingStones.exe" ] && [ -f "$INSTDIR/ss-desktop.exe" ] || fail "no program in $INSTDIR"
[ -f "$INSTDIR/Uninstall.exe" ] || fail "no uninstaller"
[ -f "$MENU/Stepping Stones.lnk" ] || fail "no Start-menu shortcut in $MENU"
[ -f "$DESKTOP/Stepping Stones.lnk" ] || fail "no desktop shortcut"
ok "program, uninstaller, Start-menu and desktop shortcuts in $INSTDIR"
[ "$(reg_value DisplayVersion)" = "$OLD_VERSION" ] || fail "DisplayVersion: $(reg_value DisplayVersion)"
[ "$(reg_value Publisher)" = "$PUBLISHER" ] || fail "Publisher: $(reg_value Publisher)"
ok "uninstall entry: $(reg_value DisplayName) $(reg_value DisplayVersion), $(reg_value Publisher)"
[ "$(installed_version)" = "$OLD_VERSION|$PUBLISHER|$OLD_VERSION" ] || fail "installed version"
ok "installed ss-desktop.exe is $OLD_VERSION by $PUBLISHER"
test_copy
QT_QPA_PLATFORM=offscreen win "$INSTDIR/ss-desktop.exe" self-test

say "the data folder of a laptop in use: a first-release database (schema 0001)"
"$LINUX_PY" -m tests.unit.test_upgrade_from_first_release "$DATA"
before="$(data_hash)"

say "a second install while the app runs: refused, nothing changed"
mkdir -p "$T/open-data"
QT_QPA_PLATFORM=offscreen "$HERE/wine-run.sh" --detached "$INSTDIR/SteppingStones.exe" --data-dir "$(winpath "$T/open-data")" &
GUI_PID=$!
for _ in $(seq 1 120); do
  [ -s "$T/open-data/ss-desktop.lock" ] && break
  kill -0 "$GUI_PID" 2>/dev/null || fail "the app did not stay open"
  sleep 0.5
done
status=0
SS_WINE_LANG=zh_CN.UTF-8 win "$NEW_SETUP" /S || status=$?
[ "$status" = 4 ] || fail "install while the app runs: exit $status, expected 4"
[ "$(installed_version)" = "$OLD_VERSION|$PUBLISHER|$OLD_VERSION" ] || fail "files changed while refused"
[ -f "$INSTDIR/_internal/only-in-$OLD_VERSION.txt" ] || fail "files changed while refused"
ok "refused with exit 4 while the app runs; $OLD_VERSION still installed"
status=0   # _?= runs the uninstaller in place, so its exit code is seen
win "$INSTDIR/Uninstall.exe" /S "_?=$(winpath "$INSTDIR")" || status=$?
[ "$status" = 4 ] || fail "uninstall while the app runs: exit $status, expected 4"
[ -f "$INSTDIR/ss-desktop.exe" ] || fail "the uninstaller removed the program while the app runs"
ok "the uninstaller too refuses with exit 4 while the app runs"
kill "$GUI_PID"
wait "$GUI_PID" 2>/dev/null || true
GUI_PID=""
wineserver -k 2>/dev/null || true
wineserver -w 2>/dev/null || true

say "upgrade in place to $VERSION (Chinese system)"
SS_WINE_LANG=zh_CN.UTF-8 win "$NEW_SETUP" /S
[ "$(installed_version)" = "$VERSION|$PUBLISHER|$VERSION" ] || fail "not upgraded: $(installed_version)"
[ "$(reg_value DisplayVersion)" = "$VERSION" ] || fail "DisplayVersion after the upgrade"
[ ! -e "$INSTDIR/_internal/only-in-$OLD_VERSION.txt" ] || fail "a file of the older version is left"
[ -f "$MENU/踏脚石登记.lnk" ] && [ -f "$DESKTOP/踏脚石登记.lnk" ] || fail "no Chinese shortcuts"
[ ! -e "$DESKTOP/Stepping Stones.lnk" ] || fail "the older version's shortcut is left"
[ "$(data_hash)" = "$before" ] || fail "the upgrade changed the data folder"
ok "$VERSION installed over $OLD_VERSION: old files gone, shortcuts in Chinese, data untouched"
test_copy
QT_QPA_PLATFORM=offscreen win "$INSTDIR/ss-desktop.exe" self-test
out="$(SS_DESKTOP_PASSWORD=First-release-2024 win "$INSTDIR/ss-desktop.exe" --user ayi search sxx --json)"
echo "   $out"
[ "$(echo "$out" | "$LINUX_PY" -c 'import json, sys; print(json.load(sys.stdin)["count"])')" = 1 ] \
  || fail "the upgraded app does not find the child"
ls "$DATA/backups" | grep -q before-encryption || fail "no backup taken at the database upgrade"
ok "first start: database upgraded with a backup ($(ls "$DATA/backups" | tr '\n' ' '))"
before="$(data_hash)"

say "uninstall silently: the program goes, the data stays"
win "$INSTDIR/Uninstall.exe" /S
wineserver -w   # the uninstaller runs on as a copy of itself in %TEMP%
[ ! -e "$INSTDIR" ] || fail "$INSTDIR is left: $(ls "$INSTDIR")"
[ ! -e "$MENU" ] && [ ! -e "$DESKTOP/踏脚石登记.lnk" ] || fail "shortcuts left"
[ -z "$(reg_value DisplayVersion)" ] || fail "the uninstall entry is left"
[ "$(data_hash)" = "$before" ] || fail "the uninstaller changed the data"
ok "program, shortcuts and entry removed; the data folder untouched"

say "install again, uninstall with /REMOVEDATA: the data goes too"
win "$NEW_SETUP" /S
win "$INSTDIR/Uninstall.exe" /S /REMOVEDATA
wineserver -w
[ ! -e "$INSTDIR" ] && [ ! -e "$DATA" ] || fail "program or data left after /REMOVEDATA"
ok "program and data removed when asked"

echo
echo "installer test: OK in $(( $(date +%s) - START )) s ($(( $(stat -c %s "$NEW_SETUP") / 1048576 )) MB installer)"
