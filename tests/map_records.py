"""Records in known countries, for the map's tests: what each country should count."""

from __future__ import annotations

from models.kinds.agreements import AGREEMENTS
from models.kinds.delegations import DELEGATIONS
from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE

# Per measure, the counts the map must show (countries not named count none).
EXPECTED = {
    "partners": {"KZ": 3, "ES": 2, "FR": 1, "NO": 1},
    "events": {"KZ": 1, "ES": 1},
    "delegations": {"ES": 1},
    "agreements": {"ES": 1, "KZ": 1},
}


def seed_map() -> dict[str, int]:
    """Partners in Kazakhstan, Spain, France and Norway (the two Natural Earth has no ISO_A3
    for), a lecture in Kazakhstan given by a Spanish researcher, a delegation to Spain and an
    agreement between a Spanish and a Kazakh partner. The ids of the records made."""
    csic = ORGANIZATIONS.save({"name": "Spanish National Research Council", "country": "ES"})
    ORGANIZATIONS.save({"name": "Embassy of Spain in Kazakhstan", "country": "ES"})
    nu = ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    ORGANIZATIONS.save({"name": "Al-Farabi Kazakh National University", "country": "KZ"})
    ORGANIZATIONS.save({"name": "Satbayev University", "country": "KZ"})
    ORGANIZATIONS.save({"name": "CNRS", "country": "FR"})
    ORGANIZATIONS.save({"name": "University of Oslo", "country": "NO"})
    ambassador = PEOPLE.save({"full_name": "Luis Martínez Montes", "organization": csic.id})
    EVENTS.save(
        {
            "title": "Lecture at the ORTA Cultural Center",
            "country": "KZ",
            "participants": [{"person": ambassador.id, "role": "speaker"}],
        }
    )
    DELEGATIONS.save({"title": "Visit to CSIC", "country": "ES"})
    AGREEMENTS.save(
        {
            "title": "Memorandum with CSIC",
            "parties": [{"organization": csic.id}, {"organization": nu.id}],
        }
    )
    return {"csic": csic.id, "nu": nu.id}
