"""Makes one realistic, fake child (with guardians and consent) for the demo generator."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from stdnum.cn.ric import calc_check_digit

from ss_core.domain.categories import suggest_categories
from ss_core.domain.dates import age_on as youngest_age_on
from ss_desktop.demo import names
from ss_desktop.demo.basics import (
    AWAY_ARRANGEMENT,
    CARE_FATHER,
    CARE_MOTHER,
    CN_DIGITS,
    COLLECTOR,
    DEFAULT_WORK_CITIES,
    DISABILITY_GRADE,
    DISABILITY_OTHER,
    DISABILITY_SPECIAL,
    GENDER,
    HAN_SURNAMES,
    HARDSHIP_UNSUPPORTED,
    HUKOU_TYPE,
    HUKOU_TYPE_CARE,
    NOTICE_VERSION,
    OTHER_PARENT,
    PHONE_SECOND,
    PRECISION,
    SENSITIVE_HARDSHIP,
    UNABLE,
    UNABLE_SET,
    VISITS,
    WORK_CITIES,
    YI_SURNAMES,
    DemoChild,
    DemoSite,
    IdMaker,
    Profile,
    add_years,
    age_on,
    between,
    choice,
)


class ChildFactory:
    """Makes one child with guardians and consent; split out to keep the pieces readable."""

    def __init__(self, rng: random.Random, make_id: IdMaker, today: date, school_year: int) -> None:
        self.rng = rng
        self.make_id = make_id
        self.today = today
        self.today_ord = today.toordinal()
        self.school_year = school_year

    # names ------------------------------------------------------------------------------
    def given_name(self, gender: int) -> str:
        rng = self.rng
        if gender == 0:
            gender = 1 if rng.random() < 0.5 else 2
        r = rng.random()
        if gender == 1:
            if r < 0.15:
                return choice(rng, names.BOY_SINGLE)
            if r < 0.6:
                return choice(rng, names.BOY_NAMES)
            return choice(rng, names.BOY_FIRST) + choice(rng, names.BOY_SECOND)
        if r < 0.15:
            return choice(rng, names.GIRL_SINGLE)
        if r < 0.6:
            return choice(rng, names.GIRL_NAMES)
        return choice(rng, names.GIRL_FIRST) + choice(rng, names.GIRL_SECOND)

    def phone(self) -> str | None:
        rng = self.rng
        if rng.random() >= 0.85:
            return None
        return f"1{PHONE_SECOND.pick(rng)}{int(rng.random() * 1_000_000_000):09d}"

    def work_city(self, county: str | None) -> str:
        table = WORK_CITIES.get((county or "")[:2], DEFAULT_WORK_CITIES)
        return table.pick(self.rng)

    # dates ------------------------------------------------------------------------------
    def birth(self, school_age: int) -> tuple[str, str, date]:
        """(stored dob, precision, true dob) for a child of ``school_age`` on 1 September."""
        rng = self.rng
        year = self.school_year - school_age
        first = date(year - 1, 9, 2).toordinal()
        last = date(year, 9, 1).toordinal()
        true_dob = date.fromordinal(between(rng, first, last))
        precision = PRECISION.pick(rng)
        if precision == "month":
            stored = true_dob.replace(day=1)
        elif precision == "year":
            stored = true_dob.replace(month=1, day=1)
        else:
            stored = true_dob
        # both the oldest (stored date) and the youngest age the precision allows are 3-17
        if not (
            age_on(stored, self.today) <= 17 and youngest_age_on(stored, precision, self.today) >= 3
        ):
            stored, precision = true_dob, "exact"
        return stored.isoformat(), precision, true_dob

    # school -----------------------------------------------------------------------------
    def school(self, school_age: int, profile: Profile) -> tuple[str, int, str]:
        """(stage, grade within stage, class name)."""
        rng = self.rng
        n = 1 if profile.classes == 1 else between(rng, 1, profile.classes)
        if school_age < 6:
            grade = max(1, school_age - 2)
            return "preschool", grade, f"{'小中大'[grade - 1]}({n})班"
        if profile.kind == "rural" and school_age >= 15:
            grade = 1 if school_age == 15 else (3 if rng.random() < 0.15 else 2)
            return "vocational", grade, f"职{CN_DIGITS[grade - 1]}({n})班"
        index = school_age - 5
        if index > 1 and rng.random() < 0.04:  # held back a year
            index -= 1
        primary_years = 5 if profile.system == "5-4" else 6
        if index <= primary_years:
            return "primary", index, f"{CN_DIGITS[index - 1]}({n})班"
        if index <= 9:
            grade = index - primary_years
            if profile.system == "5-4":  # Shanghai says 六年级..九年级
                return "junior", grade, f"{CN_DIGITS[index - 1]}({n})班"
            return "junior", grade, f"初{CN_DIGITS[grade - 1]}({n})班"
        grade = index - 9
        return "senior", grade, f"高{CN_DIGITS[grade - 1]}({n})班"

    # the child ----------------------------------------------------------------------------
    def make(self, site: DemoSite, profile: Profile) -> DemoChild:
        rng = self.rng
        today = self.today
        child_id = self.make_id()
        gender = GENDER.pick(rng)
        if site.code == "SC-PS-01" and rng.random() < 0.7:
            surname = YI_SURNAMES.pick(rng)
            pool = names.YI_GIVEN_BOY if gender == 1 else names.YI_GIVEN_GIRL
            given = choice(rng, pool)
        else:
            surname = HAN_SURNAMES.pick(rng)
            given = self.given_name(gender)
        school_age = profile.school_ages.pick(rng)
        dob, precision, true_dob = self.birth(school_age)
        age = age_on(date.fromisoformat(dob), today)
        stage, grade, class_name = self.school(school_age, profile)

        hukou_type = (HUKOU_TYPE_CARE if profile.kind == "care_home" else HUKOU_TYPE).pick(rng)
        hukou = None
        if hukou_type != "unregistered":
            hukou = profile.origins.pick(rng) if profile.origins else site.division_code

        fields: dict[str, Any] = {
            "surname": surname,
            "given_name": given,
            "pinyin": None,
            "gender": gender,
            "dob": dob,
            "dob_precision": precision,
            "id_number": None,
            "hukou_division": hukou,
            "hukou_type": hukou_type,
            "residence_division": site.division_code,
            "site_id": site.id,
            "stage": stage,
            "grade": grade,
            "school_system": profile.system,
            "class_name": class_name,
            "boarding": False,
            "categories": [],
            "living_arrangement": None,
            "father_status": None,
            "mother_status": None,
            "father_work_place": None,
            "mother_work_place": None,
            "parent_visit_frequency": None,
            "caregiver_name": None,
            "care_placement": None,
            "care_since": None,
            "disability_types": [],
            "disability_grade": None,
            "disability_certificate": None,
            "autism": False,
            "hardship": "unknown",
            "hardship_evidence_seen": False,
            "notes": choice(rng, names.NOTES) if rng.random() < 0.03 else "",
            "status": "active",
        }
        if precision == "exact" and gender in (1, 2) and hukou and rng.random() < 0.65:
            fields["id_number"] = self.id_number(hukou, dob, gender)

        guardians = self.family(fields, site, profile, surname, child_id, true_dob)
        self.disability(fields, profile)
        self.hardship(fields, profile)
        fields["boarding"] = site.boarding and (
            fields["living_arrangement"] == "boarding_school"
            or (school_age >= 9 and rng.random() < profile.boarding)
        )
        suggested = suggest_categories(
            fields, site_type=site.site_type, city_tier=site.city_tier, today=today
        )
        fields["categories"] = [category.value for category in suggested]
        consents = self.consent(fields, guardians, child_id, age, surname + given)
        return DemoChild(child_id, fields, guardians, consents)

    def id_number(self, county: str, dob: str, gender: int) -> str:
        rng = self.rng
        sex_digit = 2 * int(rng.random() * 5) + (1 if gender == 1 else 0)
        body = f"{county}{dob.replace('-', '')}{1 + int(rng.random() * 99):02d}{sex_digit}"
        return body + calc_check_digit(body + "0")  # stdnum wants the full 18 characters

    # family and guardians -----------------------------------------------------------------------
    def family(
        self,
        f: dict[str, Any],
        site: DemoSite,
        profile: Profile,
        surname: str,
        child_id: str,
        true_dob: date,
    ) -> list[dict[str, Any]]:
        rng = self.rng
        father_name = surname + choice(rng, names.FATHER_NAMES)
        mother_surname = HAN_SURNAMES.pick(rng)
        mother_name = mother_surname + choice(rng, names.MOTHER_NAMES)
        home = f["hukou_division"] or site.division_code

        def grandparent(maternal: bool) -> str:
            if rng.random() < 0.5:
                return (mother_surname if maternal else surname) + choice(
                    rng, names.GRANDFATHER_NAMES
                )
            return HAN_SURNAMES.pick(rng) + choice(rng, names.GRANDMOTHER_NAMES)

        def person(
            rel: str,
            name: str,
            legal: bool,
            primary: bool,
            status: str | None,
            work: str | None = None,
            contact: str | None = None,
        ) -> dict[str, Any]:
            return {
                "id": self.make_id(),
                "child_id": child_id,
                "name": name,
                "relationship": rel,
                "is_legal_guardian": legal,
                "is_primary_caregiver": primary,
                "phone": self.phone(),
                "status": status,
                "work_place": work,
                "contact_frequency": contact,
            }

        if profile.kind == "care_home":
            father, mother = CARE_FATHER.pick(rng), CARE_MOTHER.pick(rng)
            f.update(living_arrangement="care_home", father_status=father, mother_status=mother)
            f["caregiver_name"] = HAN_SURNAMES.pick(rng) + choice(rng, names.MOTHER_NAMES)
            f["care_placement"] = "residential" if rng.random() < 0.8 else "foster_family"
            start = max(true_dob.toordinal(), self.today_ord - 12 * 365)
            f["care_since"] = date.fromordinal(between(rng, start, self.today_ord)).isoformat()
            f["parent_visit_frequency"] = (
                "never" if {father, mother} <= UNABLE_SET else VISITS.pick(rng)
            )
            out = [person("institution", site.name, True, True, "with_child")]
            if rng.random() < 0.25:
                out.append(
                    person(
                        "other_relative",
                        HAN_SURNAMES.pick(rng) + choice(rng, names.MOTHER_NAMES),
                        False,
                        False,
                        "unknown",
                    )
                )
            return out

        if rng.random() < profile.left_behind:
            if rng.random() < 0.7:
                father, mother = "working_away", "working_away"
            elif rng.random() < 0.75:
                father, mother = "working_away", UNABLE.pick(rng)
            else:
                father, mother = UNABLE.pick(rng), "working_away"
            arrangement = AWAY_ARRANGEMENT.pick(rng)
            if arrangement == "boarding_school" and not site.boarding:
                arrangement = "grandparents"
            visits = VISITS.pick(rng)
            fw = self.work_city(home) if father == "working_away" else None
            mw = self.work_city(home) if mother == "working_away" else None
            f.update(
                living_arrangement=arrangement,
                father_status=father,
                mother_status=mother,
                father_work_place=fw,
                mother_work_place=mw,
                parent_visit_frequency=visits,
            )
            if father == "working_away":
                parent = person("father", father_name, True, False, father, fw, visits)
            else:
                parent = person("mother", mother_name, True, False, mother, mw, visits)
            if arrangement == "grandparents":
                maternal = rng.random() < 0.25
                name = grandparent(maternal)
                rel = "maternal_grandparent" if maternal else "paternal_grandparent"
                f["caregiver_name"] = name
                return [person(rel, name, False, True, "with_child"), parent]
            if arrangement == "other_relatives":
                name = HAN_SURNAMES.pick(rng) + choice(rng, names.MOTHER_NAMES)
                f["caregiver_name"] = name
                return [person("other_relative", name, False, True, "with_child"), parent]
            parent["is_primary_caregiver"] = True
            return [parent]

        r = rng.random()
        if r < 0.72:
            f.update(
                living_arrangement="both_parents",
                father_status="with_child",
                mother_status="with_child",
            )
            mother_primary = rng.random() < 0.7
            out = [
                person("mother", mother_name, True, mother_primary, "with_child"),
                person("father", father_name, True, not mother_primary, "with_child"),
            ]
            if rng.random() < 0.1:
                out.pop(1 if rng.random() < 0.5 else 0)  # only one parent written on the form
                out[0]["is_primary_caregiver"] = True
            return out
        other = OTHER_PARENT.pick(rng)
        mother_stays = rng.random() < 0.7
        visits = VISITS.pick(rng) if other == "working_away" else None
        work = self.work_city(home) if other == "working_away" else None
        if mother_stays:
            f.update(
                living_arrangement="one_parent",
                father_status=other,
                mother_status="with_child",
                father_work_place=work,
                parent_visit_frequency=visits,
            )
            out = [person("mother", mother_name, True, True, "with_child")]
            if other in ("working_away", "unknown") and rng.random() < 0.6:
                out.append(person("father", father_name, True, False, other, work, visits))
        else:
            f.update(
                living_arrangement="one_parent",
                father_status="with_child",
                mother_status=other,
                mother_work_place=work,
                parent_visit_frequency=visits,
            )
            out = [person("father", father_name, True, True, "with_child")]
            if other in ("working_away", "unknown") and rng.random() < 0.6:
                out.append(person("mother", mother_name, True, False, other, work, visits))
        return out

    # disability and hardship ----------------------------------------------------------------
    def disability(self, f: dict[str, Any], profile: Profile) -> None:
        rng = self.rng
        if rng.random() >= profile.disability:
            return
        table = DISABILITY_SPECIAL if profile.kind == "special" else DISABILITY_OTHER
        kind = table.pick(rng)
        f["disability_types"] = [kind]
        f["disability_grade"] = DISABILITY_GRADE.pick(rng)
        f["disability_certificate"] = rng.random() < 0.75
        autism_rate = {"mental": 0.8, "multiple": 0.3, "intellectual": 0.1}.get(kind, 0.0)
        f["autism"] = rng.random() < autism_rate

    def hardship(self, f: dict[str, Any], profile: Profile) -> None:
        rng = self.rng
        father, mother = f["father_status"], f["mother_status"]
        if father == "deceased" and mother == "deceased":
            status = "orphan"
        elif profile.kind == "care_home" or (
            {father, mother} & UNABLE_SET
            and {father, mother} <= UNABLE_SET | {"working_away"}
            and rng.random() < 0.4
        ):
            status = HARDSHIP_UNSUPPORTED.pick(rng)
        else:
            status = profile.hardship.pick(rng)
        f["hardship"] = status
        if status in SENSITIVE_HARDSHIP:
            f["hardship_evidence_seen"] = rng.random() < (0.4 if status == "low_income" else 0.7)

    # consent ----------------------------------------------------------------------------------
    def consent(
        self,
        f: dict[str, Any],
        guardians: list[dict[str, Any]],
        child_id: str,
        age: int,
        child_name: str,
    ) -> list[dict[str, Any]]:
        rng = self.rng
        if rng.random() >= 0.92:
            return []  # still pending
        dob = date.fromisoformat(f["dob"])
        lower = max(self.today_ord - 730, dob.toordinal())
        if age >= 15 and f["dob_precision"] == "exact" and rng.random() < 0.35:
            fourteenth = add_years(dob, 14).toordinal()
            giver_name, relationship, role = child_name, "self", "self"
            lower = max(lower, fourteenth)
            method = "paper_signed" if rng.random() < 0.7 else "in_person"
        else:
            legal = [g for g in guardians if g["is_legal_guardian"]]
            primary = [g for g in guardians if g["is_primary_caregiver"]]
            giver = primary[0] if primary and (not legal or rng.random() < 0.6) else legal[0]
            giver_name, relationship = giver["name"], giver["relationship"]
            role = "legal_guardian" if giver["is_legal_guardian"] else "entrusted_caregiver"
            if giver["status"] == "working_away":
                method = "wechat" if rng.random() < 0.6 else "phone"
            elif relationship == "institution":
                method = "paper_signed"
            else:
                method = "paper_signed" if rng.random() < 0.7 else "in_person"
        given = between(rng, lower, self.today_ord)
        scopes = ["registration"]
        if f["disability_types"] or f["hardship"] in SENSITIVE_HARDSHIP or f["care_placement"]:
            scopes.append("sensitive")
        if rng.random() < 0.5:
            scopes.append("photos")
        if rng.random() < 0.2:
            scopes.append("identifiable_reporting")
        if rng.random() < 0.15:
            scopes.append("sharing")
        withdrawn_on = reason = None
        if rng.random() < 0.01:
            withdrawn_on = date.fromordinal(between(rng, given, self.today_ord)).isoformat()
            reason = choice(rng, names.WITHDRAWAL_REASONS)
        return [
            {
                "id": self.make_id(),
                "child_id": child_id,
                "giver_name": giver_name,
                "giver_relationship": relationship,
                "giver_role": role,
                "method": method,
                "given_on": date.fromordinal(given).isoformat(),
                "notice_version": NOTICE_VERSION,
                "scopes": scopes,
                "child_assent": age >= 8 and rng.random() < 0.8,
                "collector": COLLECTOR,
                "withdrawn_on": withdrawn_on,
                "withdrawal_reason": reason,
            }
        ]
