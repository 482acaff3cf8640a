"""Text normalisation applied before validation and storage. All functions are idempotent."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FULLWIDTH_OFFSET = 0xFEE0
_IDEOGRAPHIC_SPACE = "\u3000"
# Middle dots people type in minority names (阿卜杜·热合曼); U+00B7 is the one we store.
NAME_DOT = "\u00b7"
_DOT_VARIANTS = {"\u2022": NAME_DOT, "\u2027": NAME_DOT, "\u30fb": NAME_DOT, "\uff65": NAME_DOT}

_SPACES = re.compile(r"\s+")
_HSPACES = re.compile(r"[^\S\n]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII forms (Ｕ+FF01..FF5E) and the ideographic space become plain ASCII."""
    if isinstance(text, str) and text.isascii():  # nothing to map: digits, codes, Latin
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - _FULLWIDTH_OFFSET))
        elif ch == _IDEOGRAPHIC_SPACE:
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def clean_text(text: str, max_len: int | None = None, *, multiline: bool = False) -> str:
    """NFC, strip, collapse whitespace; cut to ``max_len`` characters when given.

    With ``multiline=True`` (notes) line breaks survive: runs of spaces and tabs collapse to one
    space, every line is stripped and more than one blank line becomes one.
    Callers that must not lose text run the validation (``text.too_long``) first.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u3000", " ")
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = [_HSPACES.sub(" ", line).strip() for line in text.split("\n")]
        text = _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()
    else:
        text = _SPACES.sub(" ", text).strip()
    if max_len is not None and len(text) > max_len:
        text = text[:max_len].rstrip()
    return text


def normalize_name(text: str) -> str:
    """A person's name as stored: NFC, half-width Latin letters, single spaces, one dot form."""
    text = to_halfwidth(unicodedata.normalize("NFC", text))
    for variant, dot in _DOT_VARIANTS.items():
        text = text.replace(variant, dot)
    text = _SPACES.sub(" ", text).strip()
    return re.sub(r"\s*\u00b7\s*", NAME_DOT, text)


def normalize_id_number(s: str) -> str:
    """Half-width, no spaces or dashes, upper-case X."""
    if type(s) is str:  # the write path normalizes, then validation normalizes again
        return _cached_id_number(s)
    return _id_number(s)


def _id_number(s: str) -> str:
    s = to_halfwidth(s)
    return re.sub(r"[\s\-]+", "", s).upper()


_cached_id_number = lru_cache(maxsize=1024)(_id_number)


_PREFIX_0086 = "0086"


def normalize_phone(s: str) -> str:
    """Digits only, without the +86 / 0086 country prefix (spaces, dashes, brackets dropped).

    A leading ``86`` is dropped only when an 11-digit mobile number follows it.
    """
    if type(s) is str:  # the write path normalizes, then validation normalizes again
        return _cached_phone(s)
    return _phone(s)


def _phone(s: str) -> str:
    s = to_halfwidth(s).strip()
    if s.startswith("+86"):
        s = s[3:]
    digits = "".join(ch for ch in s if "0" <= ch <= "9")
    while True:
        before = digits
        if digits.startswith(_PREFIX_0086):
            digits = digits[len(_PREFIX_0086) :]
        if len(digits) == 13 and digits.startswith("861"):
            digits = digits[2:]
        if digits == before:
            return digits


_cached_phone = lru_cache(maxsize=1024)(_phone)
