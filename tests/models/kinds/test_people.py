from __future__ import annotations

import pytest

from models.errors import ValidationFailed
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE, people_of
from models.store.records import Person


def test_a_person_belongs_to_an_organization(database):
    csic = ORGANIZATIONS.save(
        {"name": "Spanish National Research Council", "short_name": "CSIC", "country": "ES"}
    )
    person = PEOPLE.save(
        {
            "full_name": "Luis Francisco Martínez Montes",
            "position": "Ambassador of Spain",
            "email": "embajada@maec.es",
            "organization": csic.id,
        }
    )
    assert [p.full_name for p in people_of(csic.id)] == ["Luis Francisco Martínez Montes"]
    assert PEOPLE.load(person.id)["organization"] == csic.id


def test_a_person_needs_a_name_and_a_real_email(database):
    with pytest.raises(ValidationFailed) as failure:
        PEOPLE.save({"full_name": "", "email": "karina at istc"})
    messages = {p.field: p.message for p in failure.value.problems}
    assert "Full name is required" in messages["full_name"]
    assert "karina at istc" in messages["email"]
    assert Person.select().count() == 0


def test_a_person_cannot_point_to_a_missing_organization(database):
    with pytest.raises(ValidationFailed) as failure:
        PEOPLE.save({"full_name": "Sayasat Nurbek", "organization": 4040})
    assert failure.value.problems[0].field == "organization"
