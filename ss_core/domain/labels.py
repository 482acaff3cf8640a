"""The labels of the stored codes (enums), shared by the laptop and head office.

Values are the stored codes; labels are English source text in the Qt translation context
"Enum". The laptop translates them when it shows them (``ss_desktop.ui.form_labels``); head
office's pages and exports read the same translations from the laptop's translation file
(``ss_hq.core.labels``), so a code reads the same everywhere. ``make ts-update`` collects the
texts from here (the ``QT_TRANSLATE_NOOP`` below only marks them; nothing here imports Qt).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks *text* for translation in *context* (Qt's lupdate collects it); returns it."""
    return text


ENUM_CONTEXT = "Enum"

ROLE = {  # ss_desktop.services.permissions.Role
    "volunteer": QT_TRANSLATE_NOOP("Enum", "Volunteer"),
    "teacher": QT_TRANSLATE_NOOP("Enum", "Teacher"),
    "coordinator": QT_TRANSLATE_NOOP("Enum", "Coordinator"),
    "admin": QT_TRANSLATE_NOOP("Enum", "Administrator"),
}
GENDER = {
    1: QT_TRANSLATE_NOOP("Enum", "Male"),
    2: QT_TRANSLATE_NOOP("Enum", "Female"),
    0: QT_TRANSLATE_NOOP("Enum", "Unknown"),
    9: QT_TRANSLATE_NOOP("Enum", "Not stated"),
}
DOB_PRECISION = {
    "exact": QT_TRANSLATE_NOOP("Enum", "Exact date"),
    "month": QT_TRANSLATE_NOOP("Enum", "Month only"),
    "year": QT_TRANSLATE_NOOP("Enum", "Year only"),
}
HUKOU_TYPE = {
    "resident": QT_TRANSLATE_NOOP("Enum", "Resident hukou"),
    "agricultural_legacy": QT_TRANSLATE_NOOP("Enum", "Agricultural (old)"),
    "non_agricultural_legacy": QT_TRANSLATE_NOOP("Enum", "Non-agricultural (old)"),
    "unregistered": QT_TRANSLATE_NOOP("Enum", "Not registered"),
    "unknown": QT_TRANSLATE_NOOP("Enum", "Unknown"),
}
STAGE = {
    "preschool": QT_TRANSLATE_NOOP("Enum", "Preschool"),
    "primary": QT_TRANSLATE_NOOP("Enum", "Primary"),
    "junior": QT_TRANSLATE_NOOP("Enum", "Junior secondary"),
    "senior": QT_TRANSLATE_NOOP("Enum", "Senior secondary"),
    "vocational": QT_TRANSLATE_NOOP("Enum", "Secondary vocational"),
}
SCHOOL_SYSTEM = {
    "6-3-3": QT_TRANSLATE_NOOP("Enum", "6-3-3"),
    "5-4": QT_TRANSLATE_NOOP("Enum", "5-4 (Shanghai)"),
}
SITE_TYPE = {
    "public_school": QT_TRANSLATE_NOOP("Enum", "Public school"),
    "migrant_school": QT_TRANSLATE_NOOP("Enum", "Migrant school"),
    "private_school": QT_TRANSLATE_NOOP("Enum", "Private school"),
    "special_school": QT_TRANSLATE_NOOP("Enum", "Special education school"),
    "vocational_school": QT_TRANSLATE_NOOP("Enum", "Vocational school"),
    "teaching_point": QT_TRANSLATE_NOOP("Enum", "Teaching point"),
    "care_home": QT_TRANSLATE_NOOP("Enum", "Care home"),
    "community_centre": QT_TRANSLATE_NOOP("Enum", "Community centre"),
    "online": QT_TRANSLATE_NOOP("Enum", "Online"),
}
CATEGORY = {
    "migrant": QT_TRANSLATE_NOOP("Enum", "Migrant"),
    "left_behind": QT_TRANSLATE_NOOP("Enum", "Left-behind"),
    "in_care": QT_TRANSLATE_NOOP("Enum", "In care"),
    "disability": QT_TRANSLATE_NOOP("Enum", "Disability"),
    "low_income": QT_TRANSLATE_NOOP("Enum", "Low income"),
    "lower_tier": QT_TRANSLATE_NOOP("Enum", "Lower-tier city"),
}
LIVING = {
    "both_parents": QT_TRANSLATE_NOOP("Enum", "With both parents"),
    "one_parent": QT_TRANSLATE_NOOP("Enum", "With one parent"),
    "grandparents": QT_TRANSLATE_NOOP("Enum", "With grandparents"),
    "other_relatives": QT_TRANSLATE_NOOP("Enum", "With other relatives"),
    "care_home": QT_TRANSLATE_NOOP("Enum", "In a care home"),
    "boarding_school": QT_TRANSLATE_NOOP("Enum", "At boarding school"),
    "alone": QT_TRANSLATE_NOOP("Enum", "Alone"),
    "other": QT_TRANSLATE_NOOP("Enum", "Other"),
}
PARENT_STATUS = {
    "with_child": QT_TRANSLATE_NOOP("Enum", "Lives with the child"),
    "working_away": QT_TRANSLATE_NOOP("Enum", "Working away"),
    "deceased": QT_TRANSLATE_NOOP("Enum", "Deceased"),
    "incapacitated": QT_TRANSLATE_NOOP("Enum", "Unable to care"),
    "missing": QT_TRANSLATE_NOOP("Enum", "Missing"),
    "unknown": QT_TRANSLATE_NOOP("Enum", "Unknown"),
}
FREQUENCY = {
    "weekly": QT_TRANSLATE_NOOP("Enum", "Every week"),
    "monthly": QT_TRANSLATE_NOOP("Enum", "Every month"),
    "few_times_a_year": QT_TRANSLATE_NOOP("Enum", "A few times a year"),
    "yearly": QT_TRANSLATE_NOOP("Enum", "Once a year"),
    "less_than_yearly": QT_TRANSLATE_NOOP("Enum", "Less than once a year"),
    "never": QT_TRANSLATE_NOOP("Enum", "Never"),
    "unknown": QT_TRANSLATE_NOOP("Enum", "Unknown"),
}
DISABILITY = {
    "visual": QT_TRANSLATE_NOOP("Enum", "Visual"),
    "hearing": QT_TRANSLATE_NOOP("Enum", "Hearing"),
    "speech": QT_TRANSLATE_NOOP("Enum", "Speech"),
    "physical": QT_TRANSLATE_NOOP("Enum", "Physical"),
    "intellectual": QT_TRANSLATE_NOOP("Enum", "Intellectual"),
    "mental": QT_TRANSLATE_NOOP("Enum", "Mental"),
    "multiple": QT_TRANSLATE_NOOP("Enum", "Multiple"),
}
DISABILITY_GRADE = {
    1: QT_TRANSLATE_NOOP("Enum", "Grade 1 (most severe)"),
    2: QT_TRANSLATE_NOOP("Enum", "Grade 2"),
    3: QT_TRANSLATE_NOOP("Enum", "Grade 3"),
    4: QT_TRANSLATE_NOOP("Enum", "Grade 4"),
}
HARDSHIP = {
    "none": QT_TRANSLATE_NOOP("Enum", "None"),
    "dibao": QT_TRANSLATE_NOOP("Enum", "Dibao (minimum living allowance)"),
    "tekun": QT_TRANSLATE_NOOP("Enum", "Tekun (extreme poverty support)"),
    "low_income": QT_TRANSLATE_NOOP("Enum", "Low-income family"),
    "orphan": QT_TRANSLATE_NOOP("Enum", "Orphan"),
    "de_facto_unsupported": QT_TRANSLATE_NOOP("Enum", "De facto unsupported child"),
    "unknown": QT_TRANSLATE_NOOP("Enum", "Unknown"),
}
RELATIONSHIP = {
    "mother": QT_TRANSLATE_NOOP("Enum", "Mother"),
    "father": QT_TRANSLATE_NOOP("Enum", "Father"),
    "paternal_grandparent": QT_TRANSLATE_NOOP("Enum", "Paternal grandparent"),
    "maternal_grandparent": QT_TRANSLATE_NOOP("Enum", "Maternal grandparent"),
    "sibling": QT_TRANSLATE_NOOP("Enum", "Sibling"),
    "other_relative": QT_TRANSLATE_NOOP("Enum", "Other relative"),
    "institution": QT_TRANSLATE_NOOP("Enum", "Institution"),
    "other": QT_TRANSLATE_NOOP("Enum", "Other"),
}
GIVER_ROLE = {
    "legal_guardian": QT_TRANSLATE_NOOP("Enum", "Legal guardian"),
    "entrusted_caregiver": QT_TRANSLATE_NOOP("Enum", "Caregiver entrusted by the guardian"),
    "self": QT_TRANSLATE_NOOP("Enum", "The child (14 or older)"),
}
CONSENT_METHOD = {
    "paper_signed": QT_TRANSLATE_NOOP("Enum", "Signed paper form"),
    "in_person": QT_TRANSLATE_NOOP("Enum", "In person"),
    "phone": QT_TRANSLATE_NOOP("Enum", "By phone"),
    "wechat": QT_TRANSLATE_NOOP("Enum", "By WeChat"),
}
CONSENT_SCOPE = {
    "registration": QT_TRANSLATE_NOOP("Enum", "Registration"),
    "sensitive": QT_TRANSLATE_NOOP("Enum", "Sensitive details (disability, health, income, care)"),
    "photos": QT_TRANSLATE_NOOP("Enum", "Photos"),
    "identifiable_reporting": QT_TRANSLATE_NOOP("Enum", "Named in reports"),
    "sharing": QT_TRANSLATE_NOOP("Enum", "Sharing with school or partners"),
}
PROGRAM_TYPE = {
    "english": QT_TRANSLATE_NOOP("Enum", "English"),
    "reading": QT_TRANSLATE_NOOP("Enum", "Reading"),
    "videolink": QT_TRANSLATE_NOOP("Enum", "Videolink"),
    "home_classroom": QT_TRANSLATE_NOOP("Enum", "Home Classroom"),
    "stepping_up": QT_TRANSLATE_NOOP("Enum", "Stepping Up"),
    "i_care": QT_TRANSLATE_NOOP("Enum", "I-Care"),
    "tuition": QT_TRANSLATE_NOOP("Enum", "After-school tuition"),
    "summer": QT_TRANSLATE_NOOP("Enum", "Summer programme"),
    "teaching_trip": QT_TRANSLATE_NOOP("Enum", "Teaching trip"),
    "other": QT_TRANSLATE_NOOP("Enum", "Other"),
}
SITE_STATUS = {
    "pending": QT_TRANSLATE_NOOP("Enum", "Pending"),
    "confirmed": QT_TRANSLATE_NOOP("Enum", "Confirmed"),
    "closed": QT_TRANSLATE_NOOP("Enum", "Closed"),  # head office closed it: no new children
}
CHILD_STATUS = {
    "active": QT_TRANSLATE_NOOP("Enum", "Active"),
    "archived": QT_TRANSLATE_NOOP("Enum", "Archived"),
    "merged": QT_TRANSLATE_NOOP("Enum", "Merged into another record"),
}
ATTENDANCE = {
    "present": QT_TRANSLATE_NOOP("Enum", "Present"),
    "absent": QT_TRANSLATE_NOOP("Enum", "Absent"),
    "excused": QT_TRANSLATE_NOOP("Enum", "Excused"),
}
