"""How fast search everywhere answers a keystroke on a large database.

Builds a temporary database with 100,000 organizations and 200,000 people (names in English,
Russian and Kazakh, acronyms, e-mails, cities), fills the search index, then types names
letter by letter, as a user does, and times each search: the results must be there within
50 ms of a keystroke. The LIKE fallback (what a server database gets) is timed on the same
keystrokes as the baseline. The dashboard's refresh is timed on the same database.

    python benchmarks/search_benchmark.py            # a table
    python benchmarks/search_benchmark.py --json     # one JSON object per figure
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models import dashboard  # noqa: E402
from models.kinds.organizations import ORGANIZATIONS  # noqa: E402
from models.search import Fts5Index, LikeIndex, rebuild_search_index  # noqa: E402
from models.store.base import db  # noqa: E402
from models.store.database import close_database, open_database  # noqa: E402
from models.store.records import Organization, Person  # noqa: E402
from models.words.countries import country_rows  # noqa: E402
from models.words.text import fold, name_key, search_fold  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The same words the 100,000-record data set names its partners and people with.
from make_dataset import (  # noqa: E402
    BODIES,
    FIELDS,
    FIRST_NAMES,
    FOUNDERS,
    KZ_PLACES,
    QUALITIES,
)
from measure import figure, report  # noqa: E402

TARGET_MS = 50.0
# Words that thousands of records share, typed in full: the most rows a search can meet.
COMMON_WORDS = [
    "university",
    "state univ",
    "institute of",
    "kazakhstan",
    "astana",
    "казахстан",
    "университет",
    "ғылыми",
    "mail.kz",
    "nurlan",
    "a",
    "research centre of energy",
]
SEED = 20250304

# Parallel words: English, Russian, Kazakh.
PLACES = KZ_PLACES + [
    ("Madrid", "Мадридский", "Мадрид"),
    ("Barcelona", "Барселонский", "Барселона"),
    ("Xi'an", "Сианьский", "Сиань"),
    ("Tucson", "Тусонский", "Тусон"),
    ("Berlin", "Берлинский", "Берлин"),
    ("Moscow", "Московский", "Мәскеу"),
    ("Tashkent", "Ташкентский", "Ташкент"),
    ("Bishkek", "Бишкекский", "Бішкек"),
]
LAST_ROOTS = [
    ("Nurbek", "Нурбек"),
    ("Angeliev", "Ангелиев"),
    ("Seitkali", "Сейткали"),
    ("Tokayev", "Токаев"),
    ("Zhakupov", "Жакупов"),
    ("Ospanov", "Оспанов"),
    ("Abenov", "Абенов"),
    ("Kassym", "Касым"),
    ("Mukhamedzhan", "Мухамеджан"),
    ("Berengueres", "Беренгерес"),
    ("Martínez", "Мартинес"),
    ("Smagulov", "Смагулов"),
    ("Ibrayev", "Ибраев"),
    ("Dzhaksybekov", "Джаксыбеков"),
    ("Sultanov", "Султанов"),
    ("Yessenov", "Есенов"),
    ("Kuanysh", "Куаныш"),
    ("Li", "Ли"),
    ("García", "Гарсия"),
    ("Zhang", "Чжан"),
]
SYLLABLES = ["ba", "ke", "nur", "sa", "ly", "to", "mar", "ai", "zhan", "dos", "er", "gul", "tal"]
POSITIONS = ["Rector", "Vice-Rector", "Director", "Professor", "Head of Department", "Researcher"]
COUNTRIES = ["KZ"] * 6 + ["ES", "CN", "US", "DE", "RU", "UZ", "KG", "TR", "FR", "GB"]


def surname(rng: random.Random) -> tuple[str, str]:
    """A surname from a root and a syllable, so that people do not share a handful of names."""
    latin, cyrillic = rng.choice(LAST_ROOTS)
    syllable = rng.choice(SYLLABLES)
    if rng.random() < 0.5:
        return latin, cyrillic
    translit = str.maketrans("abkenursaylytomizhdgl", "абкенурсайлытомизхдгл")
    return (
        f"{syllable.title()}{latin.lower()}",
        f"{syllable.translate(translit).title()}{cyrillic.lower()}",
    )


def organization_row(number: int, rng: random.Random, countries: dict[str, dict]) -> dict:
    place, quality, body, field = (
        rng.choice(PLACES),
        rng.choice(QUALITIES),
        rng.choice(BODIES),
        rng.choice(FIELDS),
    )
    if rng.random() < 0.3:
        founder = rng.choice(FOUNDERS)
        en = f"{founder[0]} {place[0]} {quality[0]} {body[0]}"
        ru = f"{place[1].capitalize()} {quality[1]} {body[1]} имени {founder[1]}"
        kk = f"{founder[2]} атындағы {place[2]} {quality[2]} {body[2]}"
    else:
        en = f"{place[0]} {quality[0]} {body[0]} of {field[0]}"
        ru = f"{place[1].capitalize()} {quality[1]} {body[1]} {field[1]}"
        kk = f"{place[2]} {field[2]} {quality[2]} {body[2]}"
    en = f"{en} No. {number}"  # names are unique, as they are in a real register
    acronym = "".join(word[0] for word in en.split() if word[0].isupper())[:5] + str(number)
    country = rng.choice(COUNTRIES)
    city = place[0]
    email = f"info@{acronym.lower()}.edu.{country.lower()}"
    words = [en, acronym, kk, ru, city, email]
    c = countries[country]
    words += [country, c["name_en"], c["name_ru"], c["name_kk"]]
    return {
        "name": en,
        "short_name": acronym,
        "name_kk": kk,
        "name_ru": ru,
        "kind": body[3],
        "country": country,
        "city": city,
        "email": email,
        "status": "active",
        "name_key": name_key(en),
        "search_text": " | ".join(search_fold(word) for word in words if word),
    }


def person_row(rng: random.Random, organizations: int) -> dict:
    first, last = rng.choice(FIRST_NAMES), surname(rng)
    cyrillic = rng.random() < 0.3
    full = f"{first[1]} {last[1]}" if cyrillic else f"{first[0]} {last[0]}"
    other = f"{first[0]} {last[0]}" if cyrillic else f"{first[1]} {last[1]}"
    email = f"{first[0][0].lower()}.{fold(last[0]).replace(' ', '')}{rng.randrange(1000)}@mail.kz"
    position = rng.choice(POSITIONS)
    return {
        "full_name": full,
        "other_names": other,
        "position": position,
        "email": email,
        "organization": rng.randrange(1, organizations + 1),
        "name_key": name_key(full),
        "search_text": " | ".join(search_fold(word) for word in (full, other, position, email)),
    }


def build(path: Path, organizations: int, people: int) -> dict[str, float]:
    open_database(path)
    rng = random.Random(SEED)
    countries = {row["code"]: row for row in country_rows()}
    started = time.perf_counter()
    with db.atomic():
        for start in range(0, organizations, 1000):
            rows = [
                organization_row(n, rng, countries)
                for n in range(start + 1, min(start + 1000, organizations) + 1)
            ]
            Organization.insert_many(rows).execute()
        for start in range(0, people, 1000):
            rows = [person_row(rng, organizations) for _ in range(min(1000, people - start))]
            Person.insert_many(rows).execute()
    inserted = time.perf_counter()
    with db.atomic():
        rebuild_search_index()
    indexed = time.perf_counter()
    return {"insert_s": inserted - started, "index_s": indexed - inserted}


def typed_prefixes(rng: random.Random, count: int) -> list[str]:
    """What a user types, keystroke by keystroke, when looking for ``count`` records: the name
    of a partner in one of three languages or from a word inside it ("university of…"), an
    acronym, a person's name or e-mail, a city."""
    texts = []
    organizations = Organization.select().count()
    for number in range(count):
        organization = Organization.get_by_id(rng.randrange(1, organizations + 1))
        person = Person.select().where(Person.organization == organization.id).first()
        choices = [
            organization.name,
            organization.name_ru,
            organization.name_kk,
            organization.short_name,
            " ".join(organization.name.split()[1:]),  # found by its words, not its start
            person.full_name if person else organization.city,
            person.email if person else organization.email,
            organization.city,
        ]
        texts.append(choices[number % len(choices)])
    prefixes = []
    for text in texts:
        prefixes += [text[:length] for length in range(1, min(len(text), 14) + 1)]
    return prefixes


def time_searches(index, prefixes: list[str]) -> list[float]:
    timings = []
    for prefix in prefixes:
        started = time.perf_counter()
        hits = index.find(prefix, 20)
        timings.append((time.perf_counter() - started) * 1000)
        assert hits or not prefix.strip(), prefix
    return timings


def time_dashboard(today: dt.date) -> float:
    started = time.perf_counter()
    dashboard.summary(today)
    return (time.perf_counter() - started) * 1000


def time_save() -> float:
    """One organization saved through the editor, index kept current in the same
    transaction: the cost a user's Save pays for search everywhere."""
    timings = []
    for n in range(20):
        started = time.perf_counter()
        ORGANIZATIONS.save({"name": f"Benchmark Partner {n}", "city": "Astana"})
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(organizations: int, people: int, names: int, baseline_names: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "benchmark.db"
        built = build(path, organizations, people)
        rng = random.Random(SEED + 1)
        prefixes = typed_prefixes(rng, names)
        fts = Fts5Index()
        time_searches(fts, prefixes[:50])  # warm the page cache, as a running app has it
        timings = time_searches(fts, prefixes)
        common = time_searches(fts, COMMON_WORDS * 3)
        fallback = time_searches(LikeIndex(), typed_prefixes(rng, baseline_names))
        dashboard_ms = statistics.median(time_dashboard(dt.date(2025, 6, 1)) for _ in range(5))
        save_ms = time_save()
        size_mb = path.stat().st_size / 1e6
        close_database()
    median = statistics.median(timings)
    baseline = statistics.median(fallback)
    return [
        figure("records", organizations + people, "records"),
        figure("database_size", size_mb, "MB"),
        figure("build_insert", built["insert_s"], "s"),
        figure("build_search_index", built["index_s"], "s"),
        figure("keystrokes_timed", len(timings), "searches"),
        figure("keystroke_search_median", median, "ms", baseline, TARGET_MS),
        figure("keystroke_search_p95", percentile(timings, 0.95), "ms", None, TARGET_MS),
        figure("keystroke_search_max", max(timings), "ms"),
        figure("common_words_search_max", max(common), "ms", None, TARGET_MS),
        figure("like_fallback_median", baseline, "ms"),
        figure("save_with_index_median", save_ms, "ms"),
        figure("dashboard_refresh_median", dashboard_ms, "ms"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--names", type=int, default=100, help="names typed letter by letter")
    parser.add_argument(
        "--baseline-names", type=int, default=5, help="names typed against the LIKE fallback"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    args = parser.parse_args()
    figures = run(args.organizations, args.people, args.names, args.baseline_names)
    report(figures, args.json)
    return 0 if all(item["met"] is not False for item in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
