"""Consent records and what they allow (PIPL: under 14 needs a guardian; 14-17 consent)."""

from __future__ import annotations

from datetime import date

from ss_core.domain import consent_state, validate_consent

TODAY = date(2024, 6, 15)
AGE_13 = date(2011, 1, 10)
AGE_15 = date(2009, 1, 10)


def consent(**over: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "child_id": "c1",
        "giver_name": "李桂花",
        "giver_relationship": "paternal_grandparent",
        "giver_role": "entrusted_caregiver",
        "method": "paper_signed",
        "given_on": "2024-05-01",
        "notice_version": "2024-01",
        "scopes": ["registration", "sensitive"],
        "child_assent": True,
        "collector": "志愿者小刘",
        "withdrawn_on": None,
        "withdrawal_reason": None,
    }
    fields.update(over)
    return fields


def codes(issues: list) -> set[str]:
    return {str(i.code) for i in issues}


def check(fields: dict[str, object], dob: date = AGE_13, precision: str = "exact") -> set[str]:
    return codes(
        validate_consent(fields, child_dob=dob, child_dob_precision=precision, today=TODAY)
    )


class TestValidateConsent:
    def test_valid(self) -> None:
        assert check(consent()) == set()

    def test_given_on_in_future(self) -> None:
        assert check(consent(given_on="2024-07-01")) == {"date.future"}

    def test_given_on_bad_format(self) -> None:
        assert check(consent(given_on="May 1st")) == {"date.format"}

    def test_scopes_required_and_valid(self) -> None:
        assert check(consent(scopes=[])) == {"consent.scopes_required"}
        assert check(consent(scopes=["registration", "selling"])) == {"enum.invalid"}

    def test_under_14_cannot_consent_themselves(self) -> None:
        assert check(consent(giver_role="self")) == {"consent.self_under_14"}

    def test_15_year_old_consents_themselves(self) -> None:
        assert check(consent(giver_role="self"), dob=AGE_15) == set()

    def test_self_consent_may_name_self_as_relationship(self) -> None:
        fields = consent(giver_role="self", giver_relationship="self")
        assert check(fields, dob=AGE_15) == set()
        # ... but "self" is no relationship for a guardian consenting for a child
        assert check(consent(giver_relationship="self")) == {"enum.invalid"}

    def test_age_on_the_day_of_consent_counts(self) -> None:
        # 14 today, but was 13 on the day they signed
        dob = date(2010, 6, 1)
        assert check(consent(giver_role="self", given_on="2024-05-01"), dob=dob) == {
            "consent.self_under_14"
        }

    def test_year_precision_is_treated_as_under_14_unless_certain(self) -> None:
        assert check(consent(giver_role="self"), dob=date(2010, 1, 1), precision="year") == {
            "consent.self_under_14"
        }
        assert check(consent(giver_role="self"), dob=date(2009, 1, 1), precision="year") == set()

    def test_withdrawal_needs_reason_and_valid_dates(self) -> None:
        assert check(consent(withdrawn_on="2024-06-01")) == {"consent.withdrawal_reason_required"}
        assert check(consent(withdrawn_on="2024-04-01", withdrawal_reason="moved away")) == {
            "consent.withdrawn_before_given"
        }
        assert check(consent(withdrawn_on="2024-06-01", withdrawal_reason="moved away")) == set()

    def test_required_fields(self) -> None:
        fields = consent()
        for name in ("giver_name", "giver_role", "method", "given_on"):
            fields[name] = None
        issues = validate_consent(
            fields, child_dob=AGE_13, child_dob_precision="exact", today=TODAY
        )
        assert {(i.code, i.field) for i in issues} == {
            ("name.required", "giver_name"),
            ("value.required", "giver_role"),
            ("value.required", "method"),
            ("value.required", "given_on"),
        }

    def test_bad_enums(self) -> None:
        assert check(consent(method="telepathy", giver_role="friend")) == {"enum.invalid"}

    def test_scopes_stored_as_json_text(self) -> None:
        assert check(consent(scopes='["registration"]')) == set()


class TestConsentState:
    def state(self, consents: list[dict[str, object]], dob: date, precision: str = "exact"):
        return consent_state(consents, child_dob=dob, child_dob_precision=precision, today=TODAY)

    def test_guardian_consent_for_13_year_old(self) -> None:
        s = self.state([consent()], AGE_13)
        assert s.registration_ok and s.sensitive_ok and s.pending_reason is None

    def test_13_year_old_with_only_self_consent_is_not_ok(self) -> None:
        s = self.state([consent(giver_role="self")], AGE_13)
        assert not s.registration_ok and not s.sensitive_ok
        assert s.pending_reason == "under_14_no_guardian_consent"

    def test_13_year_old_without_consent(self) -> None:
        assert self.state([], AGE_13).pending_reason == "under_14_no_guardian_consent"

    def test_15_year_old_self_consent_is_ok(self) -> None:
        s = self.state([consent(giver_role="self", scopes=["registration"])], AGE_15)
        assert s.registration_ok and not s.sensitive_ok and s.pending_reason is None

    def test_15_year_old_without_consent(self) -> None:
        s = self.state([], AGE_15)
        assert not s.registration_ok and s.pending_reason == "no_consent"

    def test_withdrawn_consent_does_not_count(self) -> None:
        withdrawn = consent(withdrawn_on="2024-06-01", withdrawal_reason="family asked")
        s = self.state([withdrawn], AGE_13)
        assert not s.registration_ok and not s.sensitive_ok
        assert s.pending_reason == "withdrawn"

    def test_new_consent_after_withdrawal_counts(self) -> None:
        withdrawn = consent(withdrawn_on="2024-06-01", withdrawal_reason="family asked")
        again = consent(given_on="2024-06-10", scopes=["registration"])
        s = self.state([withdrawn, again], AGE_13)
        assert s.registration_ok and not s.sensitive_ok

    def test_sensitive_without_registration_does_not_allow_sync(self) -> None:
        s = self.state([consent(scopes=["sensitive", "photos"])], AGE_13)
        assert not s.registration_ok and not s.sensitive_ok
        assert s.active_scopes == {"sensitive", "photos"}

    def test_unknown_birth_date_needs_a_guardian(self) -> None:
        s = consent_state(
            [consent(giver_role="self")], child_dob=None, child_dob_precision=None, today=TODAY
        )
        assert not s.registration_ok
        assert s.pending_reason == "under_14_no_guardian_consent"
