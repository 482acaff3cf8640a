#!/usr/bin/env bash
# Smoke run of the FROZEN laptop app (make dist first):
#
#     bash scripts/smoke_frozen.sh [DIST_DIR]        (default: dist/ss-desktop; also `make smoke`)
#
# With the frozen binary only: self-test, the upgrade of a first-release data folder, init,
# demo --count 100, search (its output redirected to a file must be UTF-8), export (.xlsx and
# .csv), backup and restore, the lock on a data folder that the app has open, then sync rounds
# against a local head-office server: the demo children (of sites head office does not know:
# pushed, refused, quarantined), then a class list imported into the enrolled site (pushed and
# applied: head office counts the children). The server (ss-hq) runs from the virtualenv, not
# frozen: it is not part of the desktop build. Every path has Chinese characters and spaces
# in it. On Windows, also a data folder at the longest path the app accepts (MAX_PATH) and one
# character longer. Every step prints what it does; the first failure stops the run with a
# non-zero exit code. Works on Linux, macOS and Windows (Git Bash, as on GitHub's runners);
# the Windows build runs under Wine with SMOKE_RUNNER=packaging/windows/wine-run.sh
# (make smoke-windows).
set -euo pipefail

DIST_DIR="${1:-dist/ss-desktop}"
RUN=()
WINDOWS=""
if [ -n "${SMOKE_RUNNER:-}" ]; then  # a Windows build under Wine
  RUN=("$SMOKE_RUNNER"); WINDOWS=wine; VENV_BIN="${VENV_BIN:-.venv/bin}"
else
  case "$(uname -s)" in
    MINGW* | MSYS* | CYGWIN*) WINDOWS=native; VENV_BIN="${VENV_BIN:-.venv/Scripts}" ;;
    *) VENV_BIN="${VENV_BIN:-.venv/bin}" ;;
  esac
fi
if [ -n "$WINDOWS" ]; then
  EXE="$DIST_DIR/ss-desktop.exe"; GUI_EXE="$DIST_DIR/SteppingStones.exe"
else
  EXE="$DIST_DIR/ss-desktop"; GUI_EXE="$EXE"
fi
PYTHON="$VENV_BIN/python"
HQ=("$PYTHON" -m ss_hq)

if [ ! -f "$EXE" ]; then
  echo "smoke: no frozen app at $EXE (run: make dist)" >&2
  exit 1
fi

BASE="$(mktemp -d "${TMPDIR:-/tmp}/ss-smoke.XXXXXX")"
WORK="$BASE/学校 数据"   # Chinese characters and a space in every path the app gets
mkdir -p "$WORK"
DATA="$WORK/laptop one"
HQ_DB="sqlite:///$BASE/hq.sqlite"
HQ_PID=""
GUI_PID=""
START=$(date +%s)

stop_gui() {
  if [ -n "$GUI_PID" ]; then
    kill "$GUI_PID" 2>/dev/null || true
    wait "$GUI_PID" 2>/dev/null || true
    GUI_PID=""
  fi
}

cleanup() {
  local status=$?
  stop_gui
  if [ -n "$HQ_PID" ]; then
    kill "$HQ_PID" 2>/dev/null || true
    wait "$HQ_PID" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ]; then
    echo "smoke: FAILED (exit $status); head office log:" >&2
    tail -n 30 "$BASE/hq.log" 2>/dev/null >&2 || true
  fi
  rm -rf "$BASE"
}
trap cleanup EXIT

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export SS_DESKTOP_PASSWORD="Smoke-test-2026"

step() { printf '\n== %s\n' "$*"; }
frozen() { ${RUN[@]+"${RUN[@]}"} "$EXE" "$@"; }
app() { frozen --data-dir "$DATA" "$@"; }
as_admin() { frozen --data-dir "$DATA" --user smoke "$@"; }
# the GUI in the background (offscreen), holding the data folder's lock until stop_gui
start_gui() {
  if [ "$WINDOWS" = wine ]; then
    "${RUN[@]}" --detached "$GUI_EXE" "$@" &
  else
    "$GUI_EXE" "$@" </dev/null >/dev/null 2>&1 &
  fi
  GUI_PID=$!
}
# the path as a Windows program sees it (its length is what counts for MAX_PATH)
windows_path() {
  case "$WINDOWS" in
    wine) printf 'Z:%s' "$1" | tr / '\\' ;;
    native) cygpath -w "$1" ;;
    *) printf '%s' "$1" ;;
  esac
}
json_field() { "$PYTHON" -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }
free_port() { "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
expect() {  # expect WHAT ACTUAL OP EXPECTED
  if ! "$PYTHON" -c "import sys; sys.exit(0 if float(sys.argv[1]) $3 float(sys.argv[2]) else 1)" "$2" "$4"; then
    echo "smoke: expected $1 $3 $4, got $2" >&2
    exit 1
  fi
  echo "   ok: $1 = $2"
}

echo "smoke: frozen app $EXE; work folder $WORK"

step "self-test (frozen)"
frozen self-test

step "upgrade: a data folder of the first release (schema 0001) opened by the frozen app"
"$PYTHON" -m tests.unit.test_upgrade_from_first_release "$WORK/first-release"
out="$(SS_DESKTOP_PASSWORD=First-release-2024 frozen --data-dir "$WORK/first-release" --user ayi search sxx --json)"
echo "$out"
expect "old children found by initials" "$(echo "$out" | json_field count)" "==" 1
expect "encrypted backup taken at the upgrade" "$(ls "$WORK/first-release/backups" | grep -c before-encryption)" "==" 1
expect "plain copies left" "$(ls "$WORK/first-release/backups" | grep -c rev0001)" "==" 0
expect "key file made" "$(test -s "$WORK/first-release/keys.json" && echo 1 || echo 0)" "==" 1

step "init: a data folder with the admin 'smoke'"
app init --admin smoke

step "demo --count 100"
out="$(as_admin demo --count 100 --seed 7 --json)"
echo "$out"
expect "children added" "$(echo "$out" | json_field children)" "==" 100

step "stats"
out="$(as_admin stats --json)"
echo "$out"

step "search (pinyin initials); its output redirected to a file is UTF-8 whatever the code page"
as_admin search w --limit 3
as_admin search w --limit 5 --json >"$WORK/found.json"
as_admin search w --limit 5 >"$WORK/found.txt"
"$PYTHON" - "$WORK/found.json" "$WORK/found.txt" <<'PY'
import json, sys
found = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))["children"]
text = open(sys.argv[2], "rb").read().decode("utf-8")
assert len(found) == 5, found
assert all(not c["name"].isascii() and c["name"] in text for c in found), (found, text)
print(f"   ok: {len(found)} Chinese names, UTF-8 in both files")
PY

step "export to .xlsx and .csv"
if as_admin export --help >/dev/null 2>&1; then
  as_admin export "$WORK/children.xlsx"
  as_admin export "$WORK/children.csv"
  expect "xlsx bytes" "$(wc -c < "$WORK/children.xlsx")" ">" 1000
  # one header line (or more) plus the children; at least 50 of the 100 are active
  expect "csv lines" "$(wc -l < "$WORK/children.csv")" ">" 50
else
  echo "   skipped: this build has no export command"
fi

step "backup, then restore it: the children added after the backup are gone again"
active="$(as_admin stats --json | json_field children_active)"
as_admin backup "$WORK/backup one.ssbackup"
as_admin demo --count 10 --seed 8 >/dev/null
expect "children after 10 more" "$(as_admin stats --json | json_field children_active)" ">" "$active"
as_admin restore "$WORK/backup one.ssbackup" --yes
expect "children after the restore" "$(as_admin stats --json | json_field children_active)" "==" "$active"

step "the lock: the app open on the data folder, a second copy and a restore are refused"
QT_QPA_PLATFORM=offscreen start_gui --data-dir "$DATA"
for _ in $(seq 1 120); do
  [ -s "$DATA/ss-desktop.lock" ] && break
  kill -0 "$GUI_PID" 2>/dev/null || { echo "smoke: the app did not stay open" >&2; exit 1; }
  sleep 0.5
done
[ -s "$DATA/ss-desktop.lock" ] || { echo "smoke: the app took no lock" >&2; exit 1; }
status=0
err="$(QT_QPA_PLATFORM=offscreen frozen --data-dir "$DATA" 2>&1 >/dev/null)" || status=$?
echo "   second copy: exit $status: $err"
expect "exit code of a second copy" "$status" "==" 1
# in the system's language: English, or Chinese under a Chinese locale (code page 936)
case "$err" in *"already open"*|*"已经打开"*) ;; *) echo "smoke: no 'already open' message" >&2; exit 1 ;; esac
status=0
err="$(as_admin restore "$WORK/backup one.ssbackup" --yes 2>&1 >/dev/null)" || status=$?
echo "   restore: exit $status: $err"
expect "exit code of a restore while the app is open" "$status" "==" 2
stop_gui
expect "children (the refused restore changed nothing)" "$(as_admin stats --json | json_field children_active)" "==" "$active"

if [ -n "$WINDOWS" ]; then
  step "Windows: a data folder at the longest path the app accepts, and one character longer"
  limit="$("$PYTHON" -c 'from ss_desktop.startup_checks import longest_data_folder as f; print(f("win32"))')"
  room=$(( limit - $(windows_path "$WORK/" | wc -m) ))
  # folders of 29 characters (Linux allows 255 bytes in one name; a Chinese character is 3)
  deep="$WORK/$("$PYTHON" -c '
import sys
n = int(sys.argv[1])
path = "".join("/" if i % 30 == 29 else "资料文件夹 数据"[i % 8] for i in range(n - 1))
print(path.rstrip("/ ") + "x" * (n - len(path.rstrip("/ "))))' "$room")"
  expect "length of the deep folder's Windows path" "$(windows_path "$deep" | wc -m)" "==" "$limit"
  frozen --data-dir "$deep" init --admin smoke
  frozen --data-dir "$deep" --user smoke demo --count 5 --seed 3 >/dev/null
  frozen --data-dir "$deep" --user smoke backup "$WORK/deep.ssbackup"
  expect "children in the deep folder" "$(frozen --data-dir "$deep" --user smoke stats --json | json_field children_active)" "==" 5
  status=0
  err="$(frozen --data-dir "${deep}y" init --admin smoke 2>&1 >/dev/null)" || status=$?
  echo "   one character longer: exit $status: $err"
  expect "exit code for a folder one character too deep" "$status" "==" 2
  case "$err" in *"too long for Windows"*|*"路径太长"*) ;; *) echo "smoke: no 'too long' message" >&2; exit 1 ;; esac
  expect "folder made for it" "$(test -e "${deep}y" && echo 1 || echo 0)" "==" 0
fi

step "head office (from the virtualenv): migrate, a site, an enrollment code, serve"
"${HQ[@]}" --db "$HQ_DB" migrate
"${HQ[@]}" --db "$HQ_DB" site add --code SMOKE-01 --name "Smoke school" --type migrant_school --division 310112
code="$("${HQ[@]}" --db "$HQ_DB" enroll-code --site SMOKE-01 | tail -n 1 | awk '{print $NF}')"
echo "   enrollment code: $code"
PORT="$(free_port)"
"${HQ[@]}" --db "$HQ_DB" serve --host 127.0.0.1 --port "$PORT" >"$BASE/hq.log" 2>&1 &
HQ_PID=$!
for _ in $(seq 1 120); do
  if "$PYTHON" -c 'import sys, httpx; sys.exit(0 if httpx.get(sys.argv[1], timeout=1).status_code == 200 else 1)' \
    "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
    break
  fi
  kill -0 "$HQ_PID" 2>/dev/null || { echo "smoke: head office did not start" >&2; exit 1; }
  sleep 0.5
done
echo "   head office at http://127.0.0.1:$PORT"

step "enroll (frozen)"
as_admin enroll --server "http://127.0.0.1:$PORT" --code "$code" --name smoke-laptop

step "sync round (frozen): demo children belong to sites head office does not know"
out="$(as_admin sync --json)"
echo "$out"
expect "changes pushed" "$(echo "$out" | json_field pushed)" ">" 0
# what is still pending waits for a guardian's consent (demo children without one)
expect "pending after the round, beyond those waiting for consent" "$(( $(echo "$out" | json_field pending) - $(echo "$out" | json_field waiting_for_consent) ))" "==" 0

if as_admin import --help >/dev/null 2>&1; then
  step "import a class list of 5 children into the enrolled site SMOKE-01 (frozen)"
  "$PYTHON" - "$WORK/class.csv" <<'PY'
import csv, sys
from stdnum.cn import ric
rows = []
for n in range(1, 6):  # fake children; valid ID check digits
    body = f"34122120150{n}0{n}12{n}"
    rows.append([n, f"测试{'一二三四五'[n - 1]}", "男" if n % 2 else "女", f"2015-0{n}-0{n}",
                 body + ric.calc_check_digit(body + "0"), "三年级", "1班", "测试家长", "母亲",
                 f"1390000000{n}", "2025-09-01"])
with open(sys.argv[1], "w", encoding="utf-8-sig", newline="") as handle:
    out = csv.writer(handle)
    out.writerow(["序号", "姓名", "性别", "出生日期", "身份证号", "年级", "班级", "监护人", "关系", "联系电话",
                  "知情同意日期"])  # the guardian's consent: without it nothing leaves the laptop
    out.writerows(rows)
PY
  as_admin import "$WORK/class.csv" --site SMOKE-01

  step "sync round (frozen): the imported children reach head office"
  out="$(as_admin sync --json)"
  echo "$out"
  expect "changes pushed" "$(echo "$out" | json_field pushed)" ">" 0
  expect "changes rejected" "$(echo "$out" | json_field rejected)" "==" 0
  CHILDREN_AT_HQ=5
else
  echo "   (this build has no import command: the sync check stops at the round trip)"
  CHILDREN_AT_HQ=0
fi

step "a last sync round has nothing left to push"
out="$(as_admin sync --json)"
echo "$out"
expect "changes pushed" "$(echo "$out" | json_field pushed)" "==" 0

step "head office received the children"
out="$("${HQ[@]}" --db "$HQ_DB" stats --json)"
echo "$out"
expect "children at head office" "$(echo "$out" | json_field children)" ">=" "$CHILDREN_AT_HQ"

echo
echo "smoke: OK in $(( $(date +%s) - START )) s"
