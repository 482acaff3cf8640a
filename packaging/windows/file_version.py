"""Reads or changes the version resource of Windows programs (runs under the Windows Python
of the build prefix, which has PyInstaller and pefile).

    python file_version.py show FILE.exe               prints "ProductVersion|CompanyName|FileVersion"
    python file_version.py stamp VERSION FILE.exe ...  gives the files another version (the
                                                       upgrade test's "older" build)
"""

from __future__ import annotations

import sys

import pefile
from PyInstaller.utils.win32 import versioninfo as vi


def strings_of(path: str) -> dict[str, str]:
    pe = pefile.PE(path, fast_load=False)
    found: dict[str, str] = {}
    for info in getattr(pe, "FileInfo", None) or []:
        for entry in info:
            for table in getattr(entry, "StringTable", []):
                for key, value in table.entries.items():
                    found[key.decode()] = value.decode()
    pe.close()
    return found


def stamp(version: str, path: str) -> None:
    info = vi.read_version_info_from_executable(path)
    numbers = [int(n) for n in version.split(".")] + [0] * 4
    ms, ls = (numbers[0] << 16) | numbers[1], (numbers[2] << 16) | numbers[3]
    info.ffi.fileVersionMS = info.ffi.productVersionMS = ms
    info.ffi.fileVersionLS = info.ffi.productVersionLS = ls
    for kid in info.kids:
        for table in getattr(kid, "kids", []):
            for entry in getattr(table, "kids", []):
                if isinstance(entry, vi.StringStruct) and entry.name in (
                    "FileVersion",
                    "ProductVersion",
                ):
                    entry.val = version
    vi.write_version_info_to_executable(path, info)


if __name__ == "__main__":
    if sys.argv[1] == "show":
        s = strings_of(sys.argv[2])
        print(f"{s.get('ProductVersion')}|{s.get('CompanyName')}|{s.get('FileVersion')}")
    else:
        for exe in sys.argv[3:]:
            stamp(sys.argv[2], exe)
