#!/usr/bin/env bash
# Smoke run of the FROZEN laptop app (make dist first):
#
#     bash scripts/smoke_frozen.sh [DIST_DIR]        (default: dist/ss-desktop; also `make smoke`)
#
# With the frozen binary only: self-test, init, demo --count 100, export (.xlsx and .csv),
# search, then sync rounds against a local head-office server: the demo children (of sites
# head office does not know: pushed, refused, quarantined), then a class list imported into
# the enrolled site (pushed and applied: head office counts the children). The server (ss-hq) runs from
# the virtualenv, not frozen: it is not part of the desktop build. Every step prints what it
# does; the first failure stops the run with a non-zero exit code. Works on Linux, macOS and
# Windows (Git Bash, as on GitHub's runners).
set -euo pipefail

DIST_DIR="${1:-dist/ss-desktop}"
case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*) EXE="$DIST_DIR/ss-desktop.exe"; VENV_BIN="${VENV_BIN:-.venv/Scripts}" ;;
  *) EXE="$DIST_DIR/ss-desktop"; VENV_BIN="${VENV_BIN:-.venv/bin}" ;;
esac
PYTHON="$VENV_BIN/python"
HQ=("$PYTHON" -m ss_hq)

if [ ! -x "$EXE" ]; then
  echo "smoke: no frozen app at $EXE (run: make dist)" >&2
  exit 1
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ss-smoke.XXXXXX")"
DATA="$WORK/laptop"
HQ_DB="sqlite:///$WORK/hq.sqlite"
HQ_PID=""
START=$(date +%s)

cleanup() {
  local status=$?
  if [ -n "$HQ_PID" ]; then
    kill "$HQ_PID" 2>/dev/null || true
    wait "$HQ_PID" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ]; then
    echo "smoke: FAILED (exit $status); head office log:" >&2
    tail -n 30 "$WORK/hq.log" 2>/dev/null >&2 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export SS_DESKTOP_PASSWORD="Smoke-test-2026"
export PYTHONIOENCODING=utf-8

step() { printf '\n== %s\n' "$*"; }
app() { "$EXE" --data-dir "$DATA" "$@"; }
as_admin() { "$EXE" --data-dir "$DATA" --user smoke "$@"; }
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
"$EXE" self-test

step "upgrade: a data folder of the first release (schema 0001) opened by the frozen app"
"$PYTHON" -m tests.unit.test_upgrade_from_first_release "$WORK/first-release"
out="$(SS_DESKTOP_PASSWORD=First-release-2024 "$EXE" --data-dir "$WORK/first-release" --user ayi search sxx --json)"
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

step "search (pinyin initials)"
as_admin search w --limit 3

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

step "head office (from the virtualenv): migrate, a site, an enrollment code, serve"
"${HQ[@]}" --db "$HQ_DB" migrate
"${HQ[@]}" --db "$HQ_DB" site add --code SMOKE-01 --name "Smoke school" --type migrant_school --division 310112
code="$("${HQ[@]}" --db "$HQ_DB" enroll-code --site SMOKE-01 | tail -n 1 | awk '{print $NF}')"
echo "   enrollment code: $code"
PORT="$(free_port)"
"${HQ[@]}" --db "$HQ_DB" serve --host 127.0.0.1 --port "$PORT" >"$WORK/hq.log" 2>&1 &
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
