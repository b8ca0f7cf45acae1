from __future__ import annotations

import datetime as dt

from models import validation as check


def test_dates_out_of_order_name_both_dates():
    problem = check.dates_in_order(dt.date(2025, 5, 20), dt.date(2025, 5, 19), "ends_on")
    assert problem.field == "ends_on"
    assert problem.message.startswith("End date (19.05.2025) is before start date (20.05.2025)")
    assert check.dates_in_order(dt.date(2025, 5, 20), dt.date(2025, 5, 20), "ends_on") is None
    assert check.dates_in_order(None, dt.date(2025, 5, 20), "ends_on") is None


def test_web_addresses_and_emails_as_people_type_them():
    for good in ("www.csic.es", "https://istc.int/en/", "http://nu.edu.kz", "казнү.қаз"):
        assert check.web_address(good) is None, good
    for bad in ("csic", "http://", "not a site", "ftp://files.example.org"):
        problem = check.web_address(bad)
        assert (problem.field, problem.message) == (
            "website",
            f"Website: “{bad}” is not a web address. Write it like www.example.org.",
        )
    for good in ("k.angelieva@istc.int", "emb.astana@maec.es"):
        assert check.email(good) is None
    for bad in ("k.angelieva@istc", "at istc.int", "a@b@c.org", "name@example.org, x@y.org"):
        problem = check.email(bad)
        assert (problem.field, problem.message) == (
            "email",
            f"E-mail: “{bad}” is not an e-mail address. Write it like name@example.org.",
        )


def test_a_web_address_keeps_the_scheme_it_was_given():
    assert check.normalize_url("  www.csic.es ") == "https://www.csic.es"
    assert check.normalize_url("http://nu.edu.kz") == "http://nu.edu.kz"
    assert check.normalize_url("") == ""


def test_a_period_is_in_order_and_has_a_start_when_it_has_an_end():
    ended = {"starts_on": None, "ends_on": dt.date(2025, 5, 20)}
    assert [(p.field, p.message) for p in check.period(ended)] == [
        ("starts_on", "Give the start date as well as the end date.")
    ]
    backwards = {"starts_on": dt.date(2025, 5, 20), "ends_on": dt.date(2025, 5, 19)}
    assert [(p.field, p.message) for p in check.period(backwards)] == [
        (
            "ends_on",
            "End date (19.05.2025) is before start date (20.05.2025). "
            "Correct one of the two dates.",
        )
    ]
    assert check.period({"starts_on": dt.date(2025, 5, 20), "ends_on": None}) == []
