"""Realistic fake data for demonstrations, tests and benchmarks: children, guardians,
consents, sites, programmes and attendance, written through the laptop's one write path.

- ``names``: the tables (surnames, given names, counties, schools, site profiles);
- ``basics``: weighted choices, dates and the profiles of the kinds of sites;
- ``children``: one child with its guardians and consent, as a field worker would enter it;
- ``data``: the generator of a whole data set (sites, programmes, children, attendance);
- ``service``: ``DemoService``, what ``ss-desktop demo`` runs (permissions, batches, report).

Never real people: every name, ID number and phone number is drawn at random (the ID numbers
carry valid check digits, so the forms accept them).
"""

from ss_desktop.demo.service import (
    BATCH_CHILDREN,
    DemoReport,
    DemoService,
    program_change,
    site_change,
)

__all__ = ["BATCH_CHILDREN", "DemoReport", "DemoService", "program_change", "site_change"]
