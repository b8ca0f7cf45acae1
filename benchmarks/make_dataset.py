"""Build a large, realistic Seriktes database, the same for the same seed.

At scale 1: 100,000 organizations in 150 countries (names in English, Russian and Kazakh),
200,000 people, 50,000 events with 500,000 participants (a hundred forums with 500 each),
20,000 delegations, 10,000 programs, 30,000 agreements and 100,000 key figures, with the
links between them, tags, areas of cooperation and a few sources.

Records are made by each kind's editor exactly as a save or an import makes them (its cleaned
values, its derived fields, its ``search_text``), then written in bulk with ``executemany`` in
one transaction; the links are written as rows. Search everywhere is filled at the end by
``rebuild_search_index``. Every date and name comes from one ``random.Random(seed)``, and the
records' creation stamps are drawn from it too, so two builds with one seed hold the same
records.

    python benchmarks/make_dataset.py --out big.db                 # 100,000 organizations
    python benchmarks/make_dataset.py --out small.db --scale 0.02  # 2,000, for tests
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import random
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from peewee import Model  # noqa: E402

from models import search  # noqa: E402
from models.editing import RecordEditor  # noqa: E402
from models.kinds.all_kinds import EDITORS_BY_KIND  # noqa: E402
from models.store import records as r  # noqa: E402
from models.store.base import db  # noqa: E402
from models.store.database import close_database, open_database  # noqa: E402
from models.store.records import RECORD_KINDS  # noqa: E402
from models.words.choices import (  # noqa: E402
    AGREEMENT_KINDS,
    EVENT_KINDS,
    PARTICIPANT_ROLES,
    PARTICIPANT_STATUSES,
    PROGRAM_KINDS,
    PROGRAM_STATUSES,
)
from models.words.text import name_key  # noqa: E402

DEFAULT_SEED = 2025

# Records of each kind at scale 1, as the benchmark issue asks for.
COUNTS = {
    "organization": 100_000,
    "person": 200_000,
    "event": 50_000,
    "participant": 500_000,
    "delegation": 20_000,
    "program": 10_000,
    "agreement": 30_000,
    "figure": 100_000,
    "source": 1_000,
}
COUNTRIES_USED = 150
LARGE_EVENTS = 100  # forums with LARGE_EVENT_SIZE participants each, at scale 1
LARGE_EVENT_SIZE = 500
KZ_SHARE = 0.3  # a Kazakh department's partners: a third at home, the rest abroad

# -- words -------------------------------------------------------------------------------------

# Kazakh cities: (English, Russian adjective, Kazakh).
KZ_PLACES = [
    ("Astana", "Астанинский", "Астана"),
    ("Almaty", "Алматинский", "Алматы"),
    ("Karaganda", "Карагандинский", "Қарағанды"),
    ("Shymkent", "Шымкентский", "Шымкент"),
    ("Aktobe", "Актюбинский", "Ақтөбе"),
    ("Pavlodar", "Павлодарский", "Павлодар"),
    ("Semey", "Семейский", "Семей"),
    ("Taraz", "Таразский", "Тараз"),
    ("Kostanay", "Костанайский", "Қостанай"),
    ("Atyrau", "Атырауский", "Атырау"),
    ("Turkistan", "Туркестанский", "Түркістан"),
    ("Oskemen", "Усть-Каменогорский", "Өскемен"),
]
# Cities of the most frequent partner countries; other countries' partners leave it empty.
CITIES = {
    "RU": ["Moscow", "Saint Petersburg", "Novosibirsk", "Kazan"],
    "CN": ["Beijing", "Shanghai", "Xi'an", "Urumqi"],
    "US": ["Boston", "Tucson", "New York", "Berkeley"],
    "DE": ["Berlin", "Munich", "Hamburg", "Dresden"],
    "ES": ["Madrid", "Barcelona", "Valencia", "Seville"],
    "TR": ["Ankara", "Istanbul", "Izmir"],
    "GB": ["London", "Cambridge", "Oxford", "Edinburgh"],
    "FR": ["Paris", "Lyon", "Toulouse"],
    "KR": ["Seoul", "Daejeon", "Busan"],
    "JP": ["Tokyo", "Osaka", "Tsukuba"],
    "UZ": ["Tashkent", "Samarkand", "Bukhara"],
    "KG": ["Bishkek", "Osh"],
    "IT": ["Rome", "Milan", "Bologna"],
    "IN": ["New Delhi", "Bengaluru", "Mumbai"],
    "PL": ["Warsaw", "Krakow"],
}
MAIN_PARTNERS = list(CITIES)
QUALITIES = [
    ("State", "государственный", "мемлекеттік"),
    ("National", "национальный", "ұлттық"),
    ("Technical", "технический", "техникалық"),
    ("Agrarian", "аграрный", "аграрлық"),
    ("Medical", "медицинский", "медициналық"),
    ("Pedagogical", "педагогический", "педагогикалық"),
    ("Polytechnic", "политехнический", "политехникалық"),
    ("International", "международный", "халықаралық"),
    ("Innovative", "инновационный", "инновациялық"),
    ("Humanitarian", "гуманитарный", "гуманитарлық"),
]
# (English, Russian, Kazakh, kind of organization)
BODIES = [
    ("University", "университет", "университеті", "university"),
    ("Institute", "институт", "институты", "research"),
    ("Research Centre", "научный центр", "ғылыми орталығы", "research"),
    ("Academy", "академия", "академиясы", "university"),
    ("Laboratory", "лаборатория", "зертханасы", "research"),
    ("Foundation", "фонд", "қоры", "foundation"),
    ("College", "колледж", "колледжі", "university"),
    ("Agency", "агентство", "агенттігі", "government"),
]
# (English, Russian genitive, Kazakh)
FIELDS = [
    ("Water Resources", "водных ресурсов", "су ресурстары"),
    ("Artificial Intelligence", "искусственного интеллекта", "жасанды интеллект"),
    ("Nuclear Physics", "ядерной физики", "ядролық физика"),
    ("Soil Science", "почвоведения", "топырақтану"),
    ("Space Research", "космических исследований", "ғарыштық зерттеулер"),
    ("Plant Biology", "биологии растений", "өсімдіктер биологиясы"),
    ("Economics", "экономики", "экономика"),
    ("Geology", "геологии", "геология"),
    ("Mathematics", "математики", "математика"),
    ("Chemistry", "химии", "химия"),
    ("Genetics", "генетики", "генетика"),
    ("Energy", "энергетики", "энергетика"),
    ("Ecology", "экологии", "экология"),
    ("Materials Science", "материаловедения", "материалтану"),
]
# (English, Russian genitive, Kazakh)
FOUNDERS = [
    ("Al-Farabi", "аль-Фараби", "әл-Фараби"),
    ("Abai", "Абая", "Абай"),
    ("Gumilyov", "Гумилёва", "Гумилев"),
    ("Satbayev", "Сатпаева", "Сәтбаев"),
    ("Bukhar-Zhyrau", "Бухар-жырау", "Бұқар жырау"),
    ("Yassawi", "Ясави", "Ясауи"),
    ("Seifullin", "Сейфуллина", "Сейфуллин"),
    ("Auezov", "Ауэзова", "Әуезов"),
]
FIRST_NAMES = [
    ("Aigerim", "Айгерим"),
    ("Nurlan", "Нурлан"),
    ("Karina", "Карина"),
    ("Yerlan", "Ерлан"),
    ("Dana", "Дана"),
    ("Askar", "Аскар"),
    ("Gulnara", "Гульнара"),
    ("Timur", "Тимур"),
    ("Saule", "Сауле"),
    ("Daniyar", "Данияр"),
    ("Luis", "Луис"),
    ("José", "Хосе"),
    ("María", "Мария"),
    ("Wei", "Вэй"),
    ("Anna", "Анна"),
    ("Olzhas", "Олжас"),
    ("Ainur", "Айнур"),
    ("Bolat", "Болат"),
    ("Zhanar", "Жанар"),
    ("Marat", "Марат"),
    ("Thomas", "Томас"),
    ("Yuki", "Юки"),
    ("Elena", "Елена"),
    ("Mehmet", "Мехмет"),
]
SURNAMES = [
    ("Nurbekov", "Нурбеков"),
    ("Angeliev", "Ангелиев"),
    ("Seitkali", "Сейткали"),
    ("Zhakupov", "Жакупов"),
    ("Ospanov", "Оспанов"),
    ("Abenov", "Абенов"),
    ("Kassymov", "Касымов"),
    ("Mukhamedzhan", "Мухамеджан"),
    ("Berengueres", "Беренгерес"),
    ("Martínez", "Мартинес"),
    ("Smagulov", "Смагулов"),
    ("Ibrayev", "Ибраев"),
    ("Dzhaksybekov", "Джаксыбеков"),
    ("Sultanov", "Султанов"),
    ("Yessenov", "Есенов"),
    ("Kuanyshev", "Куанышев"),
    ("Li", "Ли"),
    ("García", "Гарсия"),
    ("Zhang", "Чжан"),
    ("Müller", "Мюллер"),
    ("Tanaka", "Танака"),
    ("Yilmaz", "Йылмаз"),
]
# Syllables that make surnames of their own, so people do not share a handful of names.
SYLLABLES = [
    ("Bay", "Бай"),
    ("Ker", "Кер"),
    ("Nur", "Нур"),
    ("Sar", "Сар"),
    ("Tol", "Тол"),
    ("Mar", "Мар"),
    ("Zhan", "Жан"),
    ("Dos", "Дос"),
    ("Gul", "Гуль"),
    ("Tal", "Тал"),
    ("Ak", "Ак"),
    ("Kara", "Кара"),
]
ENDINGS = [("bekov", "беков"), ("baev", "баев"), ("tayev", "таев"), ("ov", "ов"), ("enko", "енко")]
POSITIONS = [
    "Rector",
    "Vice-Rector for Research",
    "Director",
    "Professor",
    "Associate Professor",
    "Head of Department",
    "Head of International Office",
    "Researcher",
    "Senior Researcher",
    "Project Manager",
]
# (English, Russian, Kazakh) words of an event's kind, keyed by its code.
EVENT_WORDS = {
    "forum": ("Forum", "Форум", "форумы"),
    "conference": ("Conference", "Конференция", "конференциясы"),
    "lecture": ("Lecture", "Лекция", "дәрісі"),
    "panel": ("Panel Discussion", "Панельная дискуссия", "панельдік талқылауы"),
    "meeting": ("Meeting", "Встреча", "кездесуі"),
    "workshop": ("Workshop", "Семинар", "семинары"),
    "signing": ("Signing Ceremony", "Церемония подписания", "қол қою рәсімі"),
    "council": ("Council Meeting", "Заседание совета", "кеңес отырысы"),
}
EVENT_ADJECTIVES = ["International", "Regional", "Annual", "Joint", "Eurasian", "Central Asian"]
VENUES = ["Congress Hall", "Main Building", "Conference Centre", "Rectorate", "Library", "Online"]
PROGRAM_WORDS = [
    "Program",
    "Joint Laboratory",
    "Research Network",
    "Exchange Program",
    "Partnership",
    "Campus",
]
MEASURES = [
    ("joint publications", ""),
    ("students on exchange", "students"),
    ("research grants", "KZT"),
    ("patents", ""),
    ("joint projects", ""),
    ("visiting professors", "people"),
    ("share of foreign students", "%"),
    ("double-degree programs", ""),
]
PUBLISHERS = ["Kazinform", "Astana Times", "Egemen Qazaqstan", "Kazakhstanskaya Pravda", "Tengri"]
TAGS = [
    "Erasmus+",
    "Bolashak",
    "Priority partner",
    "MoU pending",
    "Top-500",
    "Silk Road",
    "Green economy",
    "Digital Kazakhstan",
    "Alumni network",
    "Visit planned",
]
AREAS = [f[0] for f in FIELDS] + ["Education", "Health", "Agriculture", "Digitalization"]
USERS = ["a.nurlanova", "d.seitkali", "m.abenov", "g.sultanova", "admin"]
FIRST_DAY = dt.date(2005, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
CURRENCIES = ["KZT", "USD", "EUR"]


# -- the build ---------------------------------------------------------------------------------


@dataclass
class Build:
    """What the generators share: the random source, the counts and what was made so far."""

    rng: random.Random
    counts: dict[str, int]
    countries: list[str] = field(default_factory=list)
    country_weights: list[float] = field(default_factory=list)
    names: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # code -> en, ru, kk
    organizations: list[tuple[str, str, str | None]] = field(default_factory=list)
    people_of: dict[int, list[int]] = field(default_factory=dict)  # organization -> people
    large_events: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def day(self, first: dt.date = FIRST_DAY, last: dt.date = LAST_DAY) -> dt.date:
        return first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))

    def country(self) -> str:
        return self.rng.choices(self.countries, cum_weights=self.country_weights)[0]

    def organization(self) -> int:
        return self.rng.randrange(1, len(self.organizations) + 1)

    def person(self) -> int:
        return self.rng.randrange(1, self.counts["person"] + 1)

    def stamps(self, day: dt.date | None = None) -> dict[str, Any]:
        """Who made the record and when: after ``day`` (when it happened), else any day."""
        created = dt.datetime.combine(
            day or self.day(dt.date(2018, 1, 1), dt.date(2025, 6, 30)), dt.time(9)
        ) + dt.timedelta(minutes=self.rng.randrange(600))
        changed = created + dt.timedelta(days=self.rng.choice((0, 0, 0, 1, 30, 200)))
        return {
            "created_at": created,
            "created_by": self.rng.choice(USERS),
            "updated_at": changed,
            "updated_by": self.rng.choice(USERS),
        }


def scaled(scale: float) -> dict[str, int]:
    return {kind: max(1, round(count * scale)) for kind, count in COUNTS.items()}


def numbered(name: str, seen: dict[str, int], mark: str = "No.") -> str:
    """The name, or with a number when it was given before ("… No. 2"), as registers tell
    apart the schools and colleges that share one."""
    seen[name] = seen.get(name, 0) + 1
    return name if seen[name] == 1 else f"{name} {mark} {seen[name]}"


def acronym(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isupper())[:6]


def choose_countries(build: Build) -> None:
    """150 countries: Kazakhstan, the main partners, and others drawn from the Country table;
    a third of the partners at home, then fewer in each country further down."""
    rng = build.rng
    rows = r.Country.select(r.Country.code, r.Country.name_en, r.Country.name_ru, r.Country.name_kk)
    build.names = {
        code: (en, ru, kk) for code, en, ru, kk in rows.order_by(r.Country.code).tuples()
    }
    others = [code for code in build.names if code != "KZ" and code not in MAIN_PARTNERS]
    wanted = min(COUNTRIES_USED, len(build.names))
    chosen = ["KZ", *MAIN_PARTNERS, *rng.sample(others, wanted - 1 - len(MAIN_PARTNERS))]
    weights = [KZ_SHARE * sum(1 / n for n in range(1, len(chosen)))]
    weights += [(1 - KZ_SHARE) / n for n in range(1, len(chosen))]
    total = 0.0
    for weight in weights:
        total += weight
        build.country_weights.append(total)
    build.countries = chosen


# -- writing rows ------------------------------------------------------------------------------

_MISSING = object()
Tagged = tuple[str, int, str]  # kind, record id, tag


def write_rows(model: type[Model], rows: Iterable[dict[str, Any]], size: int = 5000) -> int:
    """Rows given by field name (a record's ``__data__``, or a link's values), written with
    ``executemany``; a field not given takes its default, as peewee's insert would."""
    fields = model._meta.sorted_fields
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" for _ in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    cursor = db.cursor()
    written = 0

    def value(f, row):
        given = row.get(f.name, _MISSING)
        if given is _MISSING:
            given = f.default() if callable(f.default) else f.default
        return f.db_value(given)

    batch = []
    for row in rows:
        batch.append(tuple(value(f, row) for f in fields))
        if len(batch) == size:
            cursor.executemany(sql, batch)
            written += len(batch)
            batch = []
    if batch:
        cursor.executemany(sql, batch)
        written += len(batch)
    return written


def made_by_editor(
    editor: RecordEditor, record_id: int, values: dict[str, Any], stamps: dict[str, Any]
) -> dict[str, Any]:
    """A record's row as the editor's ``insert_many`` makes it from form values: cleaned,
    derived fields set (``prepare``), ``search_text`` from the kind's own words and tags."""
    values = editor.clean_values(values)
    record = editor.model()
    editor._assign(record, values)
    record.search_text = editor.search_text(record, values["tags"])
    row = dict(record.__data__)
    row.update(stamps, id=record_id)
    return row


def write_records(
    build: Build, kind: str, make: Callable[[int], tuple[dict[str, Any], dict[str, Any]]]
) -> list[Tagged]:
    """Records 1…count of a kind, each from ``make(id) -> (values, stamps)``; returns the
    tags given to each, to be written once the records are."""
    editor = EDITORS_BY_KIND[kind]
    tags: list[Tagged] = []

    def rows() -> Iterator[dict[str, Any]]:
        for record_id in range(1, build.counts[kind] + 1):
            values, stamps = make(record_id)
            for tag in values.get("tags", []):
                tags.append((kind, record_id, tag))
            yield made_by_editor(editor, record_id, values, stamps)

    write_rows(editor.model, rows())
    return tags


# -- each kind ---------------------------------------------------------------------------------


def organization_values(
    build: Build, number: int, seen: dict[str, int], shorts: dict[str, int]
) -> dict[str, Any]:
    rng = build.rng
    country = build.country()
    quality, body, subject = rng.choice(QUALITIES), rng.choice(BODIES), rng.choice(FIELDS)
    city = ""
    if country == "KZ":
        place = rng.choice(KZ_PLACES)
        city = place[0]
        if rng.random() < 0.3:
            founder = rng.choice(FOUNDERS)
            en = f"{founder[0]} {place[0]} {quality[0]} {body[0]}"
            ru = f"{place[1]} {quality[1]} {body[1]} имени {founder[1]}"
            kk = f"{founder[2]} атындағы {place[2]} {quality[2]} {body[2]}"
        else:
            en = f"{place[0]} {quality[0]} {body[0]} of {subject[0]}"
            ru = f"{place[1]} {quality[1]} {body[1]} {subject[1]}"
            kk = f"{place[2]} {subject[2]} {quality[2]} {body[2]}"
    else:
        land_en, land_ru, land_kk = build.names[country]
        en = f"{quality[0]} {body[0]} of {subject[0]} of {land_en}"
        ru = f"{quality[1].capitalize()} {body[1]} {subject[1]} ({land_ru})"
        kk = f"{land_kk} {subject[2]} {quality[2]} {body[2]}"
        city = rng.choice(CITIES[country]) if country in CITIES else ""
    repeats = seen.get(en, 0)
    en = numbered(en, seen)
    if repeats:
        ru, kk = f"{ru} № {repeats + 1}", f"{kk} № {repeats + 1}"
    letters = acronym(en)
    shorts[letters] = shorts.get(letters, 0) + 1
    short = letters if shorts[letters] == 1 else f"{letters}{shorts[letters]}"
    domain = f"{short.lower()}.{'edu.kz' if country == 'KZ' else country.lower()}"
    parent = None
    if number > 100 and rng.random() < 0.05:
        parent = rng.randrange(1, number)
    return {
        "name": en,
        "short_name": short,
        "name_ru": ru[0].upper() + ru[1:],
        "name_kk": kk[0].upper() + kk[1:],
        "kind": body[3],
        "country": country,
        "city": city,
        "website": f"www.{domain}",
        "email": f"info@{domain}",
        "phone": f"+7 7172 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
        if country == "KZ"
        else "",
        "status": rng.choices(("active", "prospective", "dormant", "ended"), (60, 20, 15, 5))[0],
        "parent": parent,
        "tags": rng.sample(TAGS, rng.randrange(1, 3)) if rng.random() < 0.05 else [],
    }


def organizations(build: Build) -> list:
    seen: dict[str, int] = {}
    shorts: dict[str, int] = {}

    def make(number: int):
        values = organization_values(build, number, seen, shorts)
        build.organizations.append((values["name"], values["short_name"], values["country"]))
        return values, build.stamps()

    return write_records(build, "organization", make)


def surname(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return rng.choice(SURNAMES)
    start, ending = rng.choice(SYLLABLES), rng.choice(ENDINGS)
    middle = rng.choice(SYLLABLES)
    return f"{start[0]}{middle[0].lower()}{ending[0]}", f"{start[1]}{middle[1].lower()}{ending[1]}"


def people(build: Build) -> list:
    rng = build.rng

    def make(number: int):
        first, last = rng.choice(FIRST_NAMES), surname(rng)
        latin, cyrillic = f"{first[0]} {last[0]}", f"{first[1]} {last[1]}"
        full, other = (cyrillic, latin) if rng.random() < 0.3 else (latin, cyrillic)
        organization = build.organization() if rng.random() < 0.9 else None
        if organization is not None:
            build.people_of.setdefault(organization, []).append(number)
        login = name_key(f"{first[0][0]} {last[0]}")
        domain = (
            "mail.kz" if organization is None else f"{build.organizations[organization - 1][1]}"
        )
        values = {
            "full_name": full,
            "other_names": other,
            "position": rng.choice(POSITIONS),
            "organization": organization,
            "email": f"{login}{number}@{domain.lower()}.org"
            if organization
            else f"{login}@mail.kz",
            "phone": f"+7 701 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
            if rng.random() < 0.4
            else "",
        }
        return values, build.stamps()

    return write_records(build, "person", make)


def participant_counts(build: Build) -> list[int]:
    """How many take part in each event: the large forums first, with LARGE_EVENT_SIZE each;
    what is left of the participants spread at random over the other events."""
    rng = build.rng
    events, people = build.counts["event"], build.counts["person"]
    large = round(LARGE_EVENTS * events / COUNTS["event"])
    build.large_events = min(max(1, large), events)
    size = min(LARGE_EVENT_SIZE, people)
    counts = [size] * build.large_events + [0] * (events - build.large_events)
    left = max(0, build.counts["participant"] - build.large_events * size)
    if events > build.large_events:
        for _ in range(left):
            counts[rng.randrange(build.large_events, events)] += 1
    return [min(count, people) for count in counts]


def events(build: Build) -> list:
    rng = build.rng
    # (event, person, organization, role, status), kept small: there are half a million.
    participants: list[tuple] = []
    sizes = participant_counts(build)
    people, organizations = build.counts["person"], len(build.organizations)

    def make(number: int):
        kind = "forum" if number <= build.large_events else rng.choice(EVENT_KINDS.codes)
        words = EVENT_WORDS[kind]
        subject = rng.choice(FIELDS)
        starts = build.day()
        language = rng.random()
        if language < 0.6:
            title = f"{rng.choice(EVENT_ADJECTIVES)} {words[0]} on {subject[0]} {starts.year}"
        elif language < 0.85:
            title = f"{words[1]} по вопросам {subject[1]} {starts.year}"
        else:
            title = f"{subject[2]} бойынша {words[2]} {starts.year}"
        country = "KZ" if rng.random() < 0.6 else build.country()
        if country == "KZ":
            city = rng.choice(KZ_PLACES)[0]
        else:
            city = rng.choice(CITIES.get(country, [""]))
        parent = None
        if number > build.large_events and rng.random() < 0.05:
            parent = rng.randrange(1, build.large_events + 1)
        values = {
            "title": title,
            "kind": kind,
            "starts_on": starts,
            "ends_on": starts + dt.timedelta(days=rng.choice((0, 0, 1, 2))),
            "country": country,
            "city": city,
            "venue": rng.choice(VENUES),
            "parent": parent,
            "topics": f"{subject[0]}; {rng.choice(FIELDS)[0]}",
            "summary": f"Discussion of cooperation in {subject[0].lower()}.",
        }
        count = sizes[number - 1]
        # Each person and organization once per event: a tenth are organizations.
        from_organizations = min(organizations, sum(rng.random() < 0.1 for _ in range(count)))
        taking_part = [
            (person, None)
            for person in rng.sample(range(1, people + 1), count - from_organizations)
        ] + [(None, org) for org in rng.sample(range(1, organizations + 1), from_organizations)]
        for person, organization in taking_part:
            role = "attendee" if rng.random() < 0.7 else rng.choice(PARTICIPANT_ROLES.codes)
            status = rng.choice(PARTICIPANT_STATUSES.codes)
            participants.append((number, person, organization, role, status))
        return values, build.stamps(starts if starts < LAST_DAY else None)

    tags = write_records(build, "event", make)
    keys = ("event", "person", "organization", "role", "status")
    write_rows(r.EventParticipant, (dict(zip(keys, row, strict=True)) for row in participants))
    build.counts["participant"] = len(participants)
    return tags


def delegations(build: Build) -> list:
    rng = build.rng
    members, follow_ups, event_links = [], [], []

    def make(number: int):
        organization = build.organization()
        name, short, country = build.organizations[organization - 1]
        direction = "incoming" if rng.random() < 0.55 else "outgoing"
        starts = build.day()
        staff = build.people_of.get(organization) or [build.person()]
        head = rng.choice(staff)
        if direction == "incoming":
            title = f"Delegation of {short} visits Kazakhstan"
            place_country, city = "KZ", rng.choice(KZ_PLACES)[0]
        else:
            title = f"Visit to {name}"
            place_country = country
            city = rng.choice(CITIES.get(country, [""])) if country != "KZ" else "Astana"
        chosen = {head}
        for person in rng.sample(range(1, build.counts["person"] + 1), rng.randrange(1, 5)):
            chosen.add(person)
        for person in sorted(chosen):
            side = "member" if person in staff or rng.random() < 0.5 else "counterpart"
            members.append({"delegation": number, "person": person, "side": side})
        if rng.random() < 0.3:
            follow_ups.append(
                {
                    "delegation": number,
                    "action": "Send the draft memorandum",
                    "responsible": "International office",
                    "due_on": starts + dt.timedelta(days=30),
                    "done": rng.random() < 0.5,
                }
            )
        if rng.random() < 0.2:
            event_links.append(
                {"delegation": number, "event": rng.randrange(1, build.counts["event"] + 1)}
            )
        values = {
            "title": title,
            "direction": direction,
            "organization": organization,
            "head": head,
            "starts_on": starts,
            "ends_on": starts + dt.timedelta(days=rng.randrange(1, 6)),
            "country": place_country,
            "city": city,
            "place": rng.choice(VENUES),
            "purpose": f"Cooperation in {rng.choice(FIELDS)[0].lower()}",
        }
        return values, build.stamps(starts if starts < LAST_DAY else None)

    tags = write_records(build, "delegation", make)
    for row in follow_ups:
        row["done_on"] = row["due_on"] if row["done"] else None
    write_rows(r.DelegationMember, members)
    write_rows(r.FollowUp, follow_ups)
    write_rows(r.DelegationEvent, event_links)
    return tags


def areas(build: Build) -> None:
    write_rows(r.Area, ({"id": n, "name": name} for n, name in enumerate(AREAS, start=1)))
    rng = build.rng
    links = []
    for organization in range(1, len(build.organizations) + 1):
        if rng.random() < 0.2:
            for area in sorted(rng.sample(range(1, len(AREAS) + 1), rng.randrange(1, 4))):
                links.append({"organization": organization, "area": area})
    write_rows(r.OrganizationArea, links)


def programs(build: Build) -> list:
    rng = build.rng
    partners, area_links = [], []
    seen: dict[str, int] = {}

    def make(number: int):
        subject = rng.choice(FIELDS)
        word = rng.choice(PROGRAM_WORDS)
        starts = build.day(dt.date(2010, 1, 1), dt.date(2025, 1, 1))
        lead = build.organization()
        name = numbered(f"{subject[0]} {word} {starts.year}–{starts.year + 4}", seen)
        for organization in sorted({build.organization() for _ in range(rng.randrange(1, 6))}):
            if organization != lead:
                partners.append(
                    {"program": number, "organization": organization, "role": "partner"}
                )
        partners.append({"program": number, "organization": lead, "role": "lead"})
        for area in sorted(rng.sample(range(1, len(AREAS) + 1), rng.randrange(1, 4))):
            area_links.append({"program": number, "area": area})
        budget = rng.random() < 0.7
        values = {
            "name": name,
            "short_name": f"{acronym(subject[0] + ' ' + word)}-{number}",
            "kind": rng.choice(PROGRAM_KINDS.codes),
            "status": rng.choice(PROGRAM_STATUSES.codes),
            "starts_on": starts,
            "ends_on": starts + dt.timedelta(days=365 * rng.randrange(1, 6)),
            "lead": lead,
            "budget": Decimal(rng.randrange(10, 100_000)) * 1000 if budget else None,
            "currency": rng.choice(CURRENCIES) if budget else "",
            "description": f"Joint research and training in {subject[0].lower()}.",
        }
        return values, build.stamps()

    tags = write_records(build, "program", make)
    write_rows(r.ProgramPartner, partners)
    write_rows(r.ProgramArea, area_links)
    # A program is found by its areas: its search text is made again now that they are
    # written, as the editor's insert_many does for a record saved with parts.
    editor = EDITORS_BY_KIND["program"]
    by_program: dict[int, list[str]] = {}
    for _kind, record_id, tag in tags:
        by_program.setdefault(record_id, []).append(tag)
    texts = [
        (editor.search_text(record, by_program.get(record.id, [])), record.id)
        for record in r.Program.select().order_by(r.Program.id)
    ]
    db.cursor().executemany("UPDATE program SET search_text = ? WHERE id = ?", texts)
    return tags


def agreements(build: Build) -> list:
    rng = build.rng
    parties, program_links = [], []

    def make(number: int):
        kind = rng.choice(AGREEMENT_KINDS.codes)
        first, second = build.organization(), build.organization()
        if second == first:
            second = first % len(build.organizations) + 1
        signed = build.day() if rng.random() < 0.9 else None
        open_ended = signed is not None and rng.random() < 0.2
        expires = None
        if signed is not None and not open_ended:
            expires = signed + dt.timedelta(days=365 * rng.randrange(1, 6))
        status = None
        if signed is None:
            status = rng.choice(("draft", "negotiating"))
        elif rng.random() < 0.03:
            status = "terminated"
        one, other = build.organizations[first - 1][1], build.organizations[second - 1][1]
        if rng.random() < 0.7:
            title = f"{AGREEMENT_KINDS.label(kind)} between {one} and {other}"
        else:
            title = f"{AGREEMENT_KINDS.label(kind, 'ru')} между {one} и {other}"
        for organization in (first, second):
            staff = build.people_of.get(organization)
            parties.append(
                {
                    "agreement": number,
                    "organization": organization,
                    "signatory": rng.choice(staff) if staff and signed else None,
                }
            )
        if rng.random() < 0.1:
            program_links.append(
                {"agreement": number, "program": rng.randrange(1, build.counts["program"] + 1)}
            )
        values = {
            "title": title,
            "kind": kind,
            "reference_number": f"{number:05d}/{(signed or FIRST_DAY).year}",
            "signed_on": signed,
            "effective_on": signed,
            "expires_on": expires,
            "open_ended": open_ended,
            "status": status,
        }
        return values, build.stamps(signed if signed and signed < LAST_DAY else None)

    tags = write_records(build, "agreement", make)
    write_rows(r.AgreementParty, parties)
    write_rows(r.AgreementProgram, program_links)
    return tags


def sources(build: Build) -> list:
    rng = build.rng
    mentions = []

    def make(number: int):
        published = build.day(dt.date(2015, 1, 1), LAST_DAY)
        publisher = rng.choice(PUBLISHERS)
        organization = build.organization()
        mentions.append(
            {"source": number, "record_kind": "organization", "record_id": organization}
        )
        values = {
            "title": f"{build.organizations[organization - 1][0]} expands its partnerships",
            "publisher": publisher,
            "published_on": published,
            "url": f"https://{publisher.lower().replace(' ', '')}.kz/news/{number}",
            "language": rng.choice(("en", "ru", "kk")),
        }
        return values, build.stamps(published if published < LAST_DAY else None)

    tags = write_records(build, "source", make)
    write_rows(r.SourceMention, mentions)
    return tags


def figures(build: Build) -> list:
    rng = build.rng

    def make(number: int):
        measure, unit = rng.choice(MEASURES)
        about = rng.random()
        year = rng.randrange(2010, 2026)
        values = {
            "measure": measure,
            "value": Decimal(rng.randrange(1, 100 if unit == "%" else 5000)),
            "qualifier": rng.choices(("exact", "about", "more_than"), (70, 20, 10))[0],
            "unit": unit,
            "period_label": f"{year - 4}–{year}" if rng.random() < 0.3 else "",
            "as_of": dt.date(year, 12, 31) if year < 2025 else dt.date(2025, 6, 30),
            "country": build.country() if about < 0.2 else None,
            "organization": build.organization() if 0.2 <= about < 0.8 else None,
            "program": rng.randrange(1, build.counts["program"] + 1) if about >= 0.8 else None,
            "source": rng.randrange(1, build.counts["source"] + 1) if rng.random() < 0.1 else None,
        }
        return values, build.stamps()

    return write_records(build, "figure", make)


def tags(build: Build, given: list[Tagged]) -> None:
    ids = {name: number for number, name in enumerate(TAGS, start=1)}
    write_rows(r.Tag, ({"id": number, "name": name} for name, number in ids.items()))
    write_rows(
        r.RecordTag,
        (
            {"tag": ids[tag], "record_kind": kind, "record_id": record_id}
            for kind, record_id, tag in given
        ),
    )


def fill_search_index(database) -> int:
    """Search everywhere for every record, as ``models.search.rebuild_search_index`` makes
    it (the same names, rows and FTS5 entries, from the same functions), written with
    ``executemany``: peewee composing half a million inserts takes a minute here. The tests
    check that the two give the same index."""
    cursor = database.cursor()
    total = 0
    for kind in RECORD_KINDS:
        batch = []
        for record in search._stored(kind):
            batch.append((record, search.record_names(kind, record)))
            if len(batch) == 5000:
                total += _index(cursor, kind, batch)
                batch = []
        total += _index(cursor, kind, batch)
    cursor.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    return total


def _index(cursor, kind: str, named: list[tuple[Any, list[str]]]) -> int:
    cursor.executemany(
        "INSERT INTO search_name (name, record_key) VALUES (?, ?)",
        [(name, search.record_key(kind, record.id)) for record, names in named for name in names],
    )
    cursor.executemany(
        search._FTS_INSERT,
        [
            (
                search.record_key(kind, record.id),
                kind,
                record.id,
                " | ".join(names),
                record.search_text,
            )
            for record, names in named
        ],
    )
    return len(named)


STEPS: tuple[tuple[str, Callable[[Build], list[Tagged] | None]], ...] = (
    ("organizations", organizations),
    ("areas", areas),
    ("people", people),
    ("events", events),
    ("delegations", delegations),
    ("programs", programs),
    ("agreements", agreements),
    ("sources", sources),
    ("figures", figures),
)


def make_dataset(out: str | Path, seed: int = DEFAULT_SEED, scale: float = 1.0) -> Build:
    """Write the data set to a new database file ``out``; returns what was made, with the
    seconds each step took."""
    out = Path(out)
    if out.exists():
        raise FileExistsError(f"{out} already exists; choose a new file.")
    build = Build(random.Random(seed), scaled(scale))
    # Each new record's stamp defaults to the user's name, which getpass reads from the
    # password database unless LOGNAME says it: seconds, asked half a million times.
    os.environ.setdefault("LOGNAME", getpass.getuser())
    database = open_database(out)
    started = time.perf_counter()
    try:
        # Fast and unsafe while the file is being made: a failed build is thrown away.
        database.execute_sql("PRAGMA journal_mode = MEMORY")
        database.execute_sql("PRAGMA synchronous = OFF")
        database.execute_sql("PRAGMA cache_size = -400000")
        given: list[Tagged] = []
        with database.atomic():
            choose_countries(build)
            for name, step in STEPS:
                began = time.perf_counter()
                given += step(build) or []
                build.seconds[name] = time.perf_counter() - began
            tags(build, given)
        began = time.perf_counter()
        with database.atomic():
            fill_search_index(database)
        build.seconds["search index"] = time.perf_counter() - began
        database.execute_sql("PRAGMA journal_mode = WAL")
    finally:
        close_database()
    build.seconds["total"] = time.perf_counter() - started
    return build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="the new database file to write")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="share of the full size (0.02: 2,000 partners)"
    )
    args = parser.parse_args(argv)
    try:
        build = make_dataset(args.out, args.seed, args.scale)
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 1
    for kind, count in build.counts.items():
        print(f"{kind:<14}{count:>10,}")
    for step, seconds in build.seconds.items():
        print(f"{step:<14}{seconds:>10.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
