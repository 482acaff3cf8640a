#!/usr/bin/env bash
# Each program installs only what it runs: a fresh venv per extra, from this checkout.
#   - '.[desktop]': no FastAPI, uvicorn or psycopg; `ss-desktop self-test` passes (the
#     translations were compiled while the package was built);
#   - '.[hq]': no PySide6, SQLCipher or httpx; `ss-hq migrate` and `ss-hq --help` work.
# Usage: scripts/check_install.sh [WORKDIR]   (run by .ci/run)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$(mktemp -d)}
PYTHON=${PYTHON:-python3}
mkdir -p "$WORK"

has() { "$WORK/$1/bin/python" -m pip list --format=freeze 2>/dev/null | grep -qi "^$2=="; }

for extra in desktop hq; do
  rm -rf "$WORK/$extra"
  "$PYTHON" -m venv "$WORK/$extra"
  "$WORK/$extra/bin/python" -m pip install --quiet -c "$ROOT/constraints.txt" "$ROOT[$extra]" 2>&1 | grep -v "^WARNING: Location" || true
done

fail=0
for pkg in fastapi uvicorn psycopg starlette; do
  if has desktop "$pkg"; then echo "FAIL: '.[desktop]' installed $pkg"; fail=1; fi
done
for pkg in PySide6-Essentials PySide6_Essentials PySide6-Addons PySide6_Addons shiboken6 sqlcipher3-wheels httpx; do
  if has hq "$pkg"; then echo "FAIL: '.[hq]' installed $pkg"; fail=1; fi
done
(cd "$WORK" && QT_QPA_PLATFORM=offscreen "$WORK/desktop/bin/ss-desktop" self-test) || { echo "FAIL: self-test after pip install '.[desktop]'"; fail=1; }
"$WORK/hq/bin/ss-hq" --db "sqlite:///$WORK/hq.sqlite3" migrate >/dev/null || { echo "FAIL: ss-hq migrate after pip install '.[hq]'"; fail=1; }
echo "desktop: $(du -sh "$WORK/desktop" | cut -f1), hq: $(du -sh "$WORK/hq" | cut -f1)"
rm -rf "$ROOT/build"
if ((fail)); then exit 1; fi
echo "check_install: OK"
