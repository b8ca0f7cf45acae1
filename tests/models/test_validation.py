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
        assert check.web_address(bad) is not None, bad
    for good in ("k.angelieva@istc.int", "emb.astana@maec.es"):
        assert check.email(good) is None
    for bad in ("k.angelieva@istc", "at istc.int", "a@b@c.org", "name@example.org, x@y.org"):
        assert check.email(bad) is not None, bad
