#!/usr/bin/env bash
# The Windows installer (NSIS, run on Linux) of a Windows build of the app:
#
#     packaging/windows/installer.sh [APP_DIR [OUTFILE]]
#
# APP_DIR defaults to dist-windows/ss-desktop and OUTFILE to
# dist-windows/SteppingStones-VERSION-setup.exe. VERSION and PUBLISHER come from pyproject.toml
# (packaging/windows/product.py) unless set in the environment (the upgrade test builds an
# "older" installer that way; SS_INSTALLER_FAST=1 compresses less, for test installers).
set -euo pipefail
source "$(dirname "$0")/common.sh"
eval "$(cd "$ROOT" && "$LINUX_PY" "$HERE/product.py" | sed 's/^/PRODUCT_/')"
VERSION="${VERSION:-$PRODUCT_VERSION}"
VERSION4="${VERSION4:-$PRODUCT_VERSION4}"
PUBLISHER="${PUBLISHER:-$PRODUCT_PUBLISHER}"
APP_DIR="$(realpath "${1:-$WIN_DIST/ss-desktop}")"
OUTFILE="$(realpath -m "${2:-$WIN_DIST/SteppingStones-$VERSION-setup.exe}")"
[ -f "$APP_DIR/SteppingStones.exe" ] || die "no Windows build in $APP_DIR: run make dist-windows"
makensis -V2 -INPUTCHARSET UTF8 ${SS_INSTALLER_FAST:+-DFAST_COMPRESSION} -DVERSION="$VERSION" -DVERSION4="$VERSION4" \
  -DPUBLISHER="$PUBLISHER" -DSOURCE="$APP_DIR" -DOUTFILE="$OUTFILE" \
  -DICON="$ROOT/resources/icons/app.ico" "$HERE/installer.nsi"
echo "   $OUTFILE: $(( $(stat -c %s "$OUTFILE") / 1048576 )) MB"
