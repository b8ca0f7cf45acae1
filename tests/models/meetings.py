"""Who met whom, in records small enough to know by heart:

- 2020: the Astana forum (event): Aigerim, Bolat, and Nazarbayev University;
- 2021: the CSIC delegation (organization CSIC, headed by Diego, with Aigerim as a member and
  Chen met as counterpart);
- 2023: the Madrid workshop (event): Bolat and Chen, and Farida, met nowhere else;
- Bolat works at Nazarbayev University; Erlan took part in nothing.
"""

from __future__ import annotations

import datetime as dt

from models.kinds.delegations import DELEGATIONS
from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE


def seed_meetings() -> dict[str, int]:
    nu = ORGANIZATIONS.save({"name": "Nazarbayev University", "short_name": "NU", "country": "KZ"})
    csic = ORGANIZATIONS.save(
        {"name": "Spanish National Research Council", "short_name": "CSIC", "country": "ES"}
    )
    aigerim = PEOPLE.save({"full_name": "Aigerim Nurlanova"})
    bolat = PEOPLE.save({"full_name": "Bolat Seitkali", "organization": nu.id})
    chen = PEOPLE.save({"full_name": "Chen Li"})
    diego = PEOPLE.save({"full_name": "Diego García", "position": "Vice President"})
    farida = PEOPLE.save({"full_name": "Farida Omarova"})
    erlan = PEOPLE.save({"full_name": "Erlan Abenov"})
    forum = EVENTS.save(
        {
            "title": "Astana forum",
            "kind": "conference",
            "starts_on": dt.date(2020, 5, 12),
            "participants": [
                {"person": aigerim.id, "role": "speaker"},
                {"person": bolat.id, "role": "attendee"},
                {"organization": nu.id, "role": "host"},
            ],
        }
    )
    visit = DELEGATIONS.save(
        {
            "title": "CSIC delegation to Astana",
            "direction": "incoming",
            "organization": csic.id,
            "head": diego.id,
            "starts_on": dt.date(2021, 9, 1),
            "ends_on": dt.date(2021, 9, 3),
            "members": [
                {"person": diego.id, "side": "member"},
                {"person": aigerim.id, "side": "member"},
                {"person": chen.id, "side": "counterpart"},
            ],
        }
    )
    workshop = EVENTS.save(
        {
            "title": "Madrid workshop",
            "kind": "workshop",
            "starts_on": dt.date(2023, 2, 7),
            "participants": [
                {"person": bolat.id, "role": "attendee"},
                {"person": chen.id, "role": "attendee"},
                {"person": farida.id, "role": "attendee"},
            ],
        }
    )
    return {
        "nu": nu.id,
        "csic": csic.id,
        "aigerim": aigerim.id,
        "bolat": bolat.id,
        "chen": chen.id,
        "diego": diego.id,
        "farida": farida.id,
        "erlan": erlan.id,
        "forum": forum.id,
        "visit": visit.id,
        "workshop": workshop.id,
    }
