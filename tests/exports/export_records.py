"""Records the export tests share: partners in Kazakhstan and Spain named in Kazakh, Russian
and Spanish, their people, events, delegations with follow-ups, programs with budgets and
figures, and agreements in every state on ``TODAY``; and how a test reads a saved sheet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import openpyxl

from models.kinds.agreements import AGREEMENTS
from models.kinds.delegations import DELEGATIONS
from models.kinds.events import EVENTS
from models.kinds.figures import FIGURES
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.kinds.programs import PROGRAMS

TODAY = dt.date(2025, 6, 15)
HEADER_ROW = 3

ISTC_KK = "Халықаралық ғылыми-техникалық орталық"
ISTC_RU = "Международный научно-технический центр"
CSIC_ES = "Consejo Superior de Investigaciones Científicas"
NU_KK = "Назарбаев Университеті"
INJECTION = '=HYPERLINK("http://evil.example","Click")'


@dataclass
class Seeded:
    ids: dict[str, int]

    def __getitem__(self, key: str) -> int:
        return self.ids[key]


def seed() -> Seeded:
    ids: dict[str, int] = {}

    def org(key: str, **values: Any) -> None:
        ids[key] = ORGANIZATIONS.save(values).id

    org(
        "istc",
        name="International Science and Technology Center",
        short_name="ISTC",
        name_kk=ISTC_KK,
        name_ru=ISTC_RU,
        kind="international",
        country="KZ",
        city="Astana",
        status="active",
        website="https://istc.int",
        notes="Headquarters in Astana since 2015.",
        areas=["Nuclear safety", "Biotechnology"],
    )
    org(
        "istc_almaty", name="ISTC office in Almaty", country="KZ", city="Алматы", parent=ids["istc"]
    )
    org(
        "csic",
        name="Spanish National Research Council",
        short_name="CSIC",
        name_ru="Высший совет по научным исследованиям",
        name_original=CSIC_ES,
        kind="research",
        country="ES",
        city="Madrid",
        status="active",
    )
    org("embassy", name="Embassy of Spain in Kazakhstan", kind="diplomatic", country="ES")
    org("nu", name="Nazarbayev University", name_kk=NU_KK, kind="university", country="KZ")
    org("evil", name=INJECTION, short_name="+SUM(1)", city="@cmd", country="KZ")

    def person(key: str, **values: Any) -> None:
        ids[key] = PEOPLE.save(values).id

    person(
        "angelieva",
        full_name="Karina Angelieva",
        position="Executive Director",
        organization=ids["istc"],
        email="angelieva@istc.int",
    )
    person(
        "montes",
        full_name="Luis Francisco Martínez Montes",
        position="Ambassador of Spain",
        organization=ids["embassy"],
    )
    person("nurbek", full_name="Sayasat Nurbek", position="Minister")

    ids["science_day"] = EVENTS.save(
        {
            "title": "Kazakhstan–Spain science event",
            "kind": "lecture",
            "starts_on": dt.date(2025, 4, 10),
            "country": "KZ",
            "city": "Astana",
            "venue": "ORTA Cultural Center",
            "outcomes": "Agreed to prepare a joint call for projects.",
            "participants": [
                {"person": ids["montes"], "role": "speaker", "status": "attended"},
                {"organization": ids["csic"], "role": "organizer", "status": "attended"},
            ],
        }
    ).id
    ids["jornada"] = EVENTS.save(
        {
            "title": "Jornada de cooperación científica España–Kazajistán",
            "kind": "workshop",
            "starts_on": dt.date(2025, 5, 20),
            "ends_on": dt.date(2025, 5, 21),
            "country": "ES",
            "city": "Madrid",
            "participants": [{"organization": ids["csic"], "role": "host"}],
        }
    ).id
    ids["istc_meeting"] = EVENTS.save(
        {
            "title": "Meeting with the ISTC delegation",
            "kind": "meeting",
            "starts_on": dt.date(2025, 3, 5),
            "country": "KZ",
            "city": "Astana",
            "participants": [
                {"person": ids["angelieva"], "role": "speaker", "status": "attended"},
                {"person": ids["nurbek"], "role": "host", "status": "attended"},
            ],
        }
    ).id
    ids["istc_visit"] = DELEGATIONS.save(
        {
            "title": "ISTC delegation to Astana",
            "direction": "incoming",
            "organization": ids["istc"],
            "head": ids["angelieva"],
            "starts_on": dt.date(2025, 3, 5),
            "ends_on": dt.date(2025, 3, 6),
            "country": "KZ",
            "city": "Astana",
            "purpose": "Widen joint research projects",
            "outcomes": "A roadmap of joint projects to be drafted",
            "members": [
                {"person": ids["angelieva"], "side": "member", "role": "Head"},
                {"person": ids["nurbek"], "side": "counterpart", "role": "Minister"},
            ],
            "follow_ups": [
                {
                    "action": "Send the list of joint projects",
                    "responsible": "Aigerim",
                    "due_on": dt.date(2025, 4, 1),
                    "done": True,
                    "done_on": dt.date(2025, 3, 20),
                },
                {
                    "action": "Prepare the draft roadmap",
                    "responsible": "Daniyar",
                    "due_on": dt.date(2025, 5, 1),
                },
            ],
        }
    ).id
    ids["madrid_visit"] = DELEGATIONS.save(
        {
            "title": "Visit to the CSIC",
            "direction": "outgoing",
            "organization": ids["csic"],
            "starts_on": dt.date(2025, 5, 19),
            "ends_on": dt.date(2025, 5, 21),
            "country": "ES",
            "city": "Madrid",
            "follow_ups": [{"action": "Agree the joint call", "due_on": dt.date(2025, 7, 1)}],
        }
    ).id

    def program(key: str, **values: Any) -> None:
        ids[key] = PROGRAMS.save(values).id

    program(
        "ai_sana",
        name="AI-Sana",
        kind="national",
        status="active",
        lead=ids["nu"],
        starts_on=dt.date(2024, 9, 1),
        budget=Decimal("1500000000"),
        currency="KZT",
    )
    program(
        "istc_projects",
        name="ISTC projects in Kazakhstan",
        kind="international",
        status="active",
        lead=ids["istc"],
        budget=Decimal("2500000.50"),
        currency="USD",
        partners=[
            {"organization": ids["nu"], "role": "partner"},
            {"organization": ids["csic"], "role": "funder"},
        ],
    )
    program(
        "water",
        name="Water Research Center",
        kind="joint_lab",
        lead=ids["nu"],
        budget=Decimal("300000000"),
        currency="KZT",
    )
    program("horizon", name="Horizon Europe", kind="international")

    def figure(key: str, **values: Any) -> None:
        ids[key] = FIGURES.save(values).id

    figure(
        "scientists",
        measure="scientists involved in ISTC projects",
        value=Decimal("1500"),
        qualifier="more_than",
        program=ids["istc_projects"],
        organization=ids["istc"],
        as_of=dt.date(2025, 1, 1),
    )
    figure(
        "publications",
        measure="joint Kazakhstan–Spain publications",
        value=Decimal("1130"),
        country="ES",
        period_label="in 30 years",
    )
    figure(
        "share",
        measure="share of graduates with AI-Sana certificates",
        value=Decimal("12.5"),
        unit="%",
        program=ids["ai_sana"],
        as_of=dt.date(2025, 3, 1),
    )

    def agreement(key: str, **values: Any) -> None:
        ids[key] = AGREEMENTS.save(values).id

    agreement(
        "istc_mou",
        title="Memorandum with the ISTC",
        kind="mou",
        reference_number="MoU-2024/3",
        signed_on=dt.date(2024, 1, 10),
        expires_on=dt.date(2025, 8, 1),
        parties=[
            {"organization": ids["istc"], "signatory": ids["angelieva"]},
            {"organization": ids["nu"], "signatory": None},
        ],
    )
    agreement(
        "csic_old",
        title="Cooperation agreement with the CSIC",
        kind="cooperation",
        signed_on=dt.date(2023, 5, 1),
        expires_on=dt.date(2025, 1, 31),
        parties=[{"organization": ids["csic"]}, {"organization": ids["nu"]}],
    )
    agreement(
        "csic_strategic",
        title="Strategic partnership with the CSIC",
        kind="strategic",
        signed_on=dt.date(2025, 4, 15),
        open_ended=True,
        parties=[{"organization": ids["csic"]}],
    )
    agreement(
        "long_ago",
        title="Letter of intent of 2018",
        kind="letter_of_intent",
        signed_on=dt.date(2018, 1, 1),
        expires_on=dt.date(2020, 1, 1),
        parties=[{"organization": ids["istc"]}],
    )
    agreement("draft", title="Draft research contract", kind="contract")
    agreement(
        "embassy_agreement",
        title="Agreement with the Embassy of Spain",
        signed_on=dt.date(2022, 3, 1),
        expires_on=dt.date(2027, 12, 31),
        parties=[{"organization": ids["embassy"]}],
    )
    return Seeded(ids)


# -- reading what an export wrote ---------------------------------------------------------------


def open_book(path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


def header(ws) -> list[Any]:
    return [cell.value for cell in ws[HEADER_ROW]]


def table(ws) -> list[tuple]:
    """The data rows under the header, as values (a date reads back as a datetime)."""
    return [
        tuple(cell.value for cell in row)
        for row in ws.iter_rows(min_row=HEADER_ROW + 1)
        if any(cell.value is not None for cell in row)
    ]


def column(ws, label: str) -> list[Any]:
    index = header(ws).index(label)
    return [row[index] for row in table(ws)]


def cell_of(ws, label: str, row: int):
    """The cell of a column on a data row (0 is the first row under the header)."""
    index = header(ws).index(label)
    return ws.cell(row=HEADER_ROW + 1 + row, column=index + 1)


def day(value: dt.date) -> dt.datetime:
    return dt.datetime(value.year, value.month, value.day)
