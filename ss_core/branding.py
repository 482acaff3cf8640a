"""The organisation's name as people read it: one name on the laptop, on head office's pages
and in the user guide (the Chinese one is its registered name, 上海闵行区华漕铺路石青少年发展中心,
in short). The laptop's translations (resources/translations/*.ts) spell it out; a test checks
they agree with this."""

from __future__ import annotations

NAME_EN = "Stepping Stones"
NAME_ZH = "铺路石"
