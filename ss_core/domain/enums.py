"""Enumerations shared by the laptop, head office and the wire.

The values are stored in databases and sent on the wire: never change a value, only add new
members. String enums use the lowercase snake_case of the member name unless noted.
"""

from __future__ import annotations

from enum import Enum, IntEnum, StrEnum
from typing import TypeVar, cast

E = TypeVar("E", bound=Enum)


class Gender(IntEnum):
    """GB/T 2261.1 sex codes."""

    UNKNOWN = 0
    MALE = 1
    FEMALE = 2
    UNSTATED = 9


class DobPrecision(StrEnum):
    EXACT = "exact"
    MONTH = "month"
    YEAR = "year"


class HukouType(StrEnum):
    RESIDENT = "resident"  # 居民户口 (since the 2014 reform)
    AGRICULTURAL_LEGACY = "agricultural_legacy"
    NON_AGRICULTURAL_LEGACY = "non_agricultural_legacy"
    UNREGISTERED = "unregistered"
    UNKNOWN = "unknown"


class Stage(StrEnum):
    PRESCHOOL = "preschool"
    PRIMARY = "primary"
    JUNIOR = "junior"
    SENIOR = "senior"
    VOCATIONAL = "vocational"


class SchoolSystem(StrEnum):
    SIX_THREE_THREE = "6-3-3"
    FIVE_FOUR = "5-4"  # Shanghai: primary 1-5, junior 6-9 (stored as junior grade 1-4)


class SiteType(StrEnum):
    PUBLIC_SCHOOL = "public_school"
    MIGRANT_SCHOOL = "migrant_school"
    PRIVATE_SCHOOL = "private_school"
    SPECIAL_SCHOOL = "special_school"
    VOCATIONAL_SCHOOL = "vocational_school"
    TEACHING_POINT = "teaching_point"
    CARE_HOME = "care_home"
    COMMUNITY_CENTRE = "community_centre"
    ONLINE = "online"


class Category(StrEnum):
    """The six beneficiary categories."""

    MIGRANT = "migrant"
    LOW_INCOME = "low_income"
    LOWER_TIER = "lower_tier"
    LEFT_BEHIND = "left_behind"
    IN_CARE = "in_care"
    DISABILITY = "disability"


class DisabilityType(StrEnum):
    """GB/T 26341-2010."""

    VISUAL = "visual"
    HEARING = "hearing"
    SPEECH = "speech"
    PHYSICAL = "physical"
    INTELLECTUAL = "intellectual"
    MENTAL = "mental"
    MULTIPLE = "multiple"


class HardshipStatus(StrEnum):
    DIBAO = "dibao"  # 低保
    TEKUN = "tekun"  # 特困
    LOW_INCOME = "low_income"
    ORPHAN = "orphan"
    DE_FACTO_UNSUPPORTED = "de_facto_unsupported"  # 事实无人抚养儿童
    NONE = "none"
    UNKNOWN = "unknown"


class Relationship(StrEnum):
    FATHER = "father"
    MOTHER = "mother"
    PATERNAL_GRANDPARENT = "paternal_grandparent"
    MATERNAL_GRANDPARENT = "maternal_grandparent"
    SIBLING = "sibling"
    OTHER_RELATIVE = "other_relative"
    INSTITUTION = "institution"
    OTHER = "other"


class ParentStatus(StrEnum):
    WITH_CHILD = "with_child"
    WORKING_AWAY = "working_away"
    DECEASED = "deceased"
    INCAPACITATED = "incapacitated"
    MISSING = "missing"
    UNKNOWN = "unknown"


class ContactFrequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    FEW_TIMES_A_YEAR = "few_times_a_year"
    YEARLY = "yearly"
    LESS_THAN_YEARLY = "less_than_yearly"
    NEVER = "never"
    UNKNOWN = "unknown"


class LivingArrangement(StrEnum):
    BOTH_PARENTS = "both_parents"
    ONE_PARENT = "one_parent"
    GRANDPARENTS = "grandparents"
    OTHER_RELATIVES = "other_relatives"
    CARE_HOME = "care_home"
    BOARDING_SCHOOL = "boarding_school"
    ALONE = "alone"
    OTHER = "other"


class ConsentScope(StrEnum):
    REGISTRATION = "registration"
    SENSITIVE = "sensitive"  # disability, health, income, care
    PHOTOS = "photos"
    IDENTIFIABLE_REPORTING = "identifiable_reporting"
    SHARING = "sharing"  # with the school or partners


class ConsentMethod(StrEnum):
    PAPER_SIGNED = "paper_signed"
    IN_PERSON = "in_person"
    PHONE = "phone"
    WECHAT = "wechat"


class ConsentGiverRole(StrEnum):
    LEGAL_GUARDIAN = "legal_guardian"
    ENTRUSTED_CAREGIVER = "entrusted_caregiver"
    SELF = "self"  # children aged 14-17 consent themselves


class ChildStatus(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"
    MERGED = "merged"


class AttendanceMark(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class Role(StrEnum):
    VOLUNTEER = "volunteer"
    TEACHER = "teacher"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class ProgramType(StrEnum):
    ENGLISH = "english"
    VIDEOLINK = "videolink"
    HOME_CLASSROOM = "home_classroom"
    STEPPING_UP = "stepping_up"
    I_CARE = "i_care"
    TUITION = "tuition"
    SUMMER = "summer"
    TEACHING_TRIP = "teaching_trip"
    READING = "reading"
    OTHER = "other"


def member(enum_cls: type[E], value: object) -> E:
    """``enum_cls(value)``, looked up in the enum's own value table first (the same lookup
    ``Enum.__call__`` starts with, without its overhead: validation makes millions of these).
    Raises what ``enum_cls(value)`` raises for a value that is not a member's."""
    try:
        return cast(E, enum_cls._value2member_map_[value])
    except (KeyError, TypeError):
        return enum_cls(value)
