"""Scoring how likely two child records describe the same child.

The score (0-100) adds evidence: the same ID number is near-certain (>= 95); the same or a
similar name (pinyin, so 张三/章三 homophones and one-character typos count, and so does one
character different in the surname or the given name, 程小明 or 陈小敏 for 陈小明) together with the
same birth date is strong (>= 80 for the same name); a shared guardian phone or site adds a
little; a different known gender or a different ID number takes a lot away. A common name alone
stays below the default threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from ss_core.domain.dates import earliest_birth, latest_birth
from ss_core.domain.enums import DobPrecision, Gender
from ss_core.domain.normalize import normalize_id_number, normalize_phone
from ss_core.domain.pinyin import name_keys

SAME_ID_NUMBER = "same_id_number"
SAME_NAME = "same_name"
SIMILAR_NAME = "similar_name"
SAME_DOB = "same_dob"
CLOSE_DOB = "close_dob"
SAME_GUARDIAN_PHONE = "same_guardian_phone"
SAME_SITE = "same_site"
SAME_GENDER = "same_gender"

SIMILAR_NAME_RATIO = 85.0  # rapidfuzz ratio over full pinyin
CLOSE_DOB_DAYS = 31
_KEYS_COMPARED = 4  # readings per name compared (the most likely ones)

WEIGHTS = {
    SAME_NAME: 45.0,
    SIMILAR_NAME: 25.0,  # 35 when the pinyin is identical (homophone)
    SAME_DOB: 35.0,
    CLOSE_DOB: 15.0,
    SAME_GUARDIAN_PHONE: 20.0,
    SAME_SITE: 8.0,
    SAME_GENDER: 2.0,
}
HOMOPHONE_WEIGHT = 35.0
DIFFERENT_GENDER_PENALTY = 25.0
DIFFERENT_ID_PENALTY = 40.0
SAME_ID_SCORE = 97.0


@dataclass(frozen=True)
class ChildFacts:
    """What duplicate scoring needs to know about one child."""

    record_id: str
    surname: str
    given_name: str
    name_keys: tuple[str, ...]  # full pinyin readings, most likely first
    dob: date | None
    dob_precision: str
    id_number: str | None
    guardian_phones: tuple[str, ...]
    site_id: str | None
    gender: int | None


@dataclass(frozen=True)
class DuplicateCandidate:
    record_id: str
    score: float  # 0-100
    reasons: tuple[str, ...]


def _keys(facts: ChildFacts) -> tuple[str, ...]:
    if facts.name_keys:
        return facts.name_keys[:_KEYS_COMPARED]
    return name_keys(facts.surname, facts.given_name).full[:_KEYS_COMPARED]


def _name_similarity(a: ChildFacts, b: ChildFacts) -> float:
    best = 0.0
    for ka in _keys(a):
        for kb in _keys(b):
            best = max(best, fuzz.ratio(ka, kb))
            if best >= 100.0:
                return best
    return best


def _precision(value: str | None) -> DobPrecision:
    try:
        return DobPrecision(value or DobPrecision.EXACT)
    except ValueError:
        return DobPrecision.EXACT


def _dob_match(a: ChildFacts, b: ChildFacts) -> str | None:
    if a.dob is None or b.dob is None:
        return None
    pa, pb = _precision(a.dob_precision), _precision(b.dob_precision)
    if pa == pb == DobPrecision.EXACT:
        if a.dob == b.dob:
            return SAME_DOB
        return CLOSE_DOB if abs((a.dob - b.dob).days) <= CLOSE_DOB_DAYS else None
    # at least one is imprecise: close if the possible ranges overlap
    if earliest_birth(a.dob, pa) <= latest_birth(b.dob, pb) and earliest_birth(
        b.dob, pb
    ) <= latest_birth(a.dob, pa):
        return CLOSE_DOB
    return None


def one_character_apart(surname: str, given: str, other_surname: str, other_given: str) -> bool:
    """The same surname with a given name one character different, or the same given name
    with a surname one character different (陈小敏, 陈小朋 or 程小明 for 陈小明): the typing slip
    a pinyin comparison misses when the characters sound different."""
    if (surname, given) == (other_surname, other_given):
        return False
    if surname == other_surname and given:
        return _one_apart(given, other_given)
    if given == other_given and surname:
        return _one_apart(surname, other_surname)
    return False


def _one_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _norm_id(value: str | None) -> str:
    return normalize_id_number(value) if value else ""


def score_pair(new: ChildFacts, existing: ChildFacts) -> DuplicateCandidate | None:
    """How likely ``existing`` is the same child as ``new``; None when nothing matches."""
    reasons: list[str] = []
    score = 0.0
    id_a, id_b = _norm_id(new.id_number), _norm_id(existing.id_number)
    same_id = bool(id_a) and id_a == id_b
    if same_id:
        reasons.append(SAME_ID_NUMBER)

    if (new.surname + new.given_name).strip() and (new.surname, new.given_name) == (
        existing.surname,
        existing.given_name,
    ):
        reasons.append(SAME_NAME)
        score += WEIGHTS[SAME_NAME]
    else:
        similarity = _name_similarity(new, existing)
        if similarity >= SIMILAR_NAME_RATIO:
            reasons.append(SIMILAR_NAME)
            score += HOMOPHONE_WEIGHT if similarity >= 100.0 else WEIGHTS[SIMILAR_NAME]
        elif one_character_apart(
            new.surname, new.given_name, existing.surname, existing.given_name
        ):
            reasons.append(SIMILAR_NAME)
            score += WEIGHTS[SIMILAR_NAME]

    dob = _dob_match(new, existing)
    if dob is not None:
        reasons.append(dob)
        score += WEIGHTS[dob]

    phones_a = {normalize_phone(p) for p in new.guardian_phones if p}
    phones_b = {normalize_phone(p) for p in existing.guardian_phones if p}
    if (phones_a & phones_b) - {""}:
        reasons.append(SAME_GUARDIAN_PHONE)
        score += WEIGHTS[SAME_GUARDIAN_PHONE]

    if new.site_id and new.site_id == existing.site_id:
        reasons.append(SAME_SITE)
        score += WEIGHTS[SAME_SITE]

    known = (Gender.MALE, Gender.FEMALE)
    if new.gender in known and existing.gender in known:
        if new.gender == existing.gender:
            reasons.append(SAME_GENDER)
            score += WEIGHTS[SAME_GENDER]
        else:
            score -= DIFFERENT_GENDER_PENALTY

    if id_a and id_b and not same_id:
        score -= DIFFERENT_ID_PENALTY
    if same_id:
        score = max(score, SAME_ID_SCORE)
    score = max(0.0, min(100.0, score))

    if not reasons or reasons == [SAME_GENDER]:
        return None
    return DuplicateCandidate(existing.record_id, round(score, 1), tuple(reasons))


def rank_candidates(
    new: ChildFacts,
    existing: Iterable[ChildFacts],
    *,
    limit: int = 5,
    threshold: float = 60.0,
) -> list[DuplicateCandidate]:
    """Existing records scoring at least ``threshold``, best first (ties by record id)."""
    found = []
    for other in existing:
        if other.record_id == new.record_id:
            continue
        candidate = score_pair(new, other)
        if candidate is not None and candidate.score >= threshold:
            found.append(candidate)
    found.sort(key=lambda c: (-c.score, c.record_id))
    return found[:limit]
