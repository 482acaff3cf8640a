#!/usr/bin/env bash
# Runs a Windows program under Wine for scripts/smoke_frozen.sh (SMOKE_RUNNER):
#
#     wine-run.sh PROGRAM.exe ARGS...              standard streams through pipes; its exit code
#     wine-run.sh --detached PROGRAM.exe ARGS...   no streams; this process becomes the program
#                                                  (its pid can be killed)
# SS_WINE_LANG (e.g. zh_CN.UTF-8) chooses the Windows code page the program sees.
set -uo pipefail
source "$(dirname "$0")/common.sh"
if [ "${1:-}" = "--detached" ]; then
  shift
  if [ -n "${QT_QPA_PLATFORM:-}" ]; then export WINEQT_QPA_PLATFORM="$QT_QPA_PLATFORM"; fi
  exec env ${SS_WINE_LANG:+LC_ALL="$SS_WINE_LANG"} wine "$@" </dev/null >/dev/null 2>&1
fi
win "$@"
