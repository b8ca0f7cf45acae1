"""Each kind's rules for twins: what the finder reads of a record, the blocks it puts it in
(records are compared only with those sharing a block), and the verdict on two records of a
block: a score from 0 to 100 with its reasons, or none.

What a record is reduced to ("features") is a plain dict the finder keeps aside on disk, so
it must hold only strings, numbers, None, tuples and lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from models import validation as check
from models.duplicates.compare import compare_names, name_keys, names_of
from models.duplicates.names import (
    WordWeights,
    initials,
    looks_like_acronym,
    spelling_key,
    wordlist,
)
from models.duplicates.twins import (
    ACRONYM,
    MIN_SCORE,
    NO_DATES,
    NO_ORGANIZATION,
    OTHER_COUNTRY,
    SAME_ACRONYM,
    SAME_ADDRESS,
    SAME_DATE,
    SAME_DOMAIN,
    SAME_EMAIL,
    SAME_FIGURE,
    SAME_ORGANIZATION,
    SAME_PHONE,
    SAME_REFERENCE,
    SAME_WEBSITE,
    Reason,
    reason,
)
from models.words.text import clean, fold, name_key, name_list

Features = dict[str, Any]
# A block key starting so pairs a record only with one holding the same key not so marked.
WEAK = "~"
Verdict = tuple[float, list[Reason]]

# Mail services anyone may have an address at: sharing one says nothing.
FREE_MAIL = wordlist(
    "gmail.com googlemail.com mail.ru mail.kz inbox.ru list.ru bk.ru yandex.ru yandex.kz "
    "ya.ru rambler.ru yahoo.com hotmail.com outlook.com live.com icloud.com me.com aol.com "
    "proton.me protonmail.com gmx.de gmx.net web.de qq.com 163.com 126.com"
)
APART = 25  # what records of two countries lose of a score found in their names
PHONE_DIGITS = 7  # a phone number with fewer digits is not a number to compare


@dataclass(frozen=True)
class Profile:
    kind: str
    fields: tuple[str, ...]  # what is read of each record
    features: Callable[[dict[str, Any]], Features]
    keys: Callable[[Features], Iterable[tuple]]
    judge: Callable[[Features, Features, WordWeights], Verdict | None]
    # What rules two records out before their names are compared, so the finder need not
    # read them: their groups (a country, an organization), which differ, unless they share
    # a bridge (a website, an e-mail). The judge keeps the same rule; this only spares work.
    apart: Callable[[Features], tuple[Any, Any]] | None = None

    def group(self, features: Features) -> tuple[Any, Any]:
        """A record's group and bridge, None where a kind has no such rule."""
        return (None, None) if self.apart is None else self.apart(features)

    def words(self, features: Features) -> Iterator[str]:
        """The words of a record's names, which the finder counts to weigh them."""
        for _text, tokens in features["names"]:
            yield from tokens
        # Acronyms are counted too: one many records carry (a country's) tells nothing.
        for key, _text in features.get("acronyms", ()):
            yield ACRONYM_WORD + key
        # And people's whole names: many people carry "Anna Kassymova".
        for key in features.get("spellings", ()):
            yield NAME_WORD + key


ACRONYM_WORD = "\x00"  # what sets an acronym counted apart from the words of names
NAME_WORD = "\x01"  # what sets a person's whole name counted apart
COMMON_ACRONYM = 25  # an acronym more records carry is no evidence of twins
# A person's name more people carry is no evidence alone: two of them are twins only with an
# organization, e-mail or phone in common.
COMMON_NAME = 3
COMMON_NAME_SCORE = 75.0
SHARED_EMAIL_NAMES = 80.0  # how alike two names under one e-mail address must be
UNSURE = 60  # evidence scoring less is not given as a reason


def _verdict(evidence: list[tuple[float, Reason | None]], *more: Reason) -> Verdict | None:
    """The strongest evidence's score, with the reasons of all that count, strongest first."""
    counted = sorted(
        ((score, said) for score, said in evidence if said is not None), key=lambda e: -e[0]
    )
    if not counted or counted[0][0] < MIN_SCORE:
        return None
    reasons = [said for score, said in counted if score >= UNSURE]
    return min(counted[0][0], 100.0), reasons + list(more)


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date_reason(date: str | None) -> Reason:
    if date is None:
        return reason(NO_DATES)
    return reason(SAME_DATE, date=f"{dt.date.fromisoformat(date):%d.%m.%Y}")


def _domain(email: str) -> str:
    domain = email.rpartition("@")[2].lower() if "@" in email else ""
    return "" if domain in FREE_MAIL else domain


def _acronym_of(name: str) -> str | None:
    """ "Spanish National Research Council (CSIC)" → "CSIC": a name as exports write it."""
    if name.endswith(")") and "(" in name:
        inner = name[name.rindex("(") + 1 : -1].strip()
        # "(Виргинские острова (США))": a country in brackets, not an acronym.
        if ")" not in inner and looks_like_acronym(inner):
            return inner
    return None


# -- organizations and programs --------------------------------------------------------------


def _named_by_acronym(row: dict[str, Any], name: str, short: str) -> Features:
    """What organizations and programs share: their names, the acronyms they are known by,
    and whether the record is known only by its acronym ("NU")."""
    texts, acronyms = [], []
    for text in [name, *(row.get(field) for field in ("name_kk", "name_ru", "name_original"))]:
        text = clean(text)
        inner = _acronym_of(text) if text else None
        if inner:
            acronyms.append(inner)
            text = text[: text.rindex("(")].strip()
        texts.append(text)
    texts += name_list(row.get("other_names"))
    if short:
        acronyms.append(short)
    acronym = looks_like_acronym(texts[0])
    only_acronym = acronym and not any(texts[1:])
    if acronym:
        acronyms.append(texts[0])
    names = names_of(texts)
    letters = sorted({initials(tokens) for _text, tokens in names if len(tokens) >= 2})
    return {
        "names": names,
        "acronyms": sorted({(name_key(text), text) for text in acronyms if name_key(text)}),
        "only_acronym": only_acronym,
        "initials": letters,
    }


def _acronym_keys(features: Features) -> Iterator[tuple]:
    for key, _text in features["acronyms"]:
        yield ("a", key)
    # Two names with the same initials are compared by their names' own blocks; the initials
    # pair a name only with an acronym ("NU" and "Nazarbayev University").
    for letters in features["initials"]:
        yield (WEAK + "a", letters)


def _acronym_evidence(
    a: Features, b: Features, similarity: float, weights: WordWeights
) -> list[tuple[float, Reason]]:
    """A record known only by its acronym, which the other's name stands for ("NU" and
    "Nazarbayev University"); or two records with the same acronym."""
    evidence = []
    for short, full in ((a, b), (b, a)):
        if not short["only_acronym"] or full["only_acronym"]:
            continue
        for key, text in short["acronyms"]:
            if key in full["initials"] or key in {k for k, _t in full["acronyms"]}:
                named = next(
                    (n for n, tokens in full["names"] if initials(tokens) == key), None
                ) or next((t for k, t in full["acronyms"] if k == key), text)
                evidence.append((88.0, reason(ACRONYM, acronym=text, name=named)))
    if not evidence:
        shared = {
            key
            for key in {k for k, _t in a["acronyms"]} & {k for k, _t in b["acronyms"]}
            if weights.records.get(ACRONYM_WORD + key, 0) <= COMMON_ACRONYM
        }
        if shared:
            text = next(t for k, t in a["acronyms"] if k in shared)
            score = 78.0 + (7.0 if similarity >= 50 else 0.0)
            evidence.append((score, reason(SAME_ACRONYM, acronym=text)))
    return evidence


def _organization(row: dict[str, Any]) -> Features:
    features = _named_by_acronym(row, row["name"], row["short_name"])
    host = row["website_key"] or ""
    domains = {_domain(row["email"] or ""), host}
    features.update(
        id=row["id"],
        country=row["country"],
        parent=row["parent"],
        host=host,
        domains=sorted(domain for domain in domains if domain and domain not in FREE_MAIL),
    )
    return features


def _organization_keys(features: Features) -> Iterator[tuple]:
    yield from name_keys(features["names"])
    yield from _acronym_keys(features)
    if features["host"]:
        yield ("h", features["host"])
    for domain in features["domains"]:
        yield ("d", domain)


def _organization_apart(features: Features) -> tuple[Any, Any]:
    return features["country"], features["host"] or None


def _judge_organizations(a: Features, b: Features, weights: WordWeights) -> Verdict | None:
    # A branch and its home university share a name and a site, and are not twins.
    if a["parent"] == b["id"] or b["parent"] == a["id"]:
        return None
    apart = bool(a["country"] and b["country"] and a["country"] != b["country"])
    same_host = bool(a["host"] and a["host"] == b["host"])
    if apart and not same_host:
        return None  # only a shared website scores enough across two countries
    shared = sorted(set(a["domains"]) & set(b["domains"]))
    similarity, said = compare_names(a["names"], b["names"], weights)
    penalty = APART if apart else 0
    evidence: list[tuple[float, Reason | None]] = [(similarity - penalty, said)]
    if same_host:
        evidence.append((95.0 - penalty / 2, reason(SAME_WEBSITE, host=a["host"])))
    elif shared:
        evidence.append(
            (80.0 + max(similarity - 50, 0) / 5 - penalty, reason(SAME_DOMAIN, domain=shared[0]))
        )
    evidence += [
        (score - penalty, said) for score, said in _acronym_evidence(a, b, similarity, weights)
    ]
    return _verdict(evidence, *([reason(OTHER_COUNTRY)] if apart else []))


def _program(row: dict[str, Any]) -> Features:
    features = _named_by_acronym(row, row["name"], row["short_name"])
    features.update(id=row["id"], lead=row["lead"])
    return features


def _program_keys(features: Features) -> Iterator[tuple]:
    yield from name_keys(features["names"])
    yield from _acronym_keys(features)


def _judge_programs(a: Features, b: Features, weights: WordWeights) -> Verdict | None:
    similarity, said = compare_names(a["names"], b["names"], weights)
    if a["lead"] and b["lead"]:
        similarity += 5 if a["lead"] == b["lead"] else -10
    return _verdict([(similarity, said), *_acronym_evidence(a, b, similarity, weights)])


# -- people ------------------------------------------------------------------------------------


def _person(row: dict[str, Any]) -> Features:
    digits = "".join(ch for ch in row["phone"] or "" if ch.isdigit())
    names = names_of([row["full_name"], *name_list(row["other_names"])])
    return {
        "id": row["id"],
        "names": names,
        "spellings": sorted({" ".join(spelling_key(tokens)) for _text, tokens in names}),
        "email": (row["email"] or "").lower(),
        "organization": row["organization"],
        "phone": digits if len(digits) >= PHONE_DIGITS else "",
    }


def _person_keys(features: Features) -> Iterator[tuple]:
    yield from name_keys(features["names"])
    if features["organization"] is not None:
        # Within one organization a common name is no longer common.
        yield from name_keys(features["names"], features["organization"])
    if features["email"]:
        yield ("e", features["email"])


def _person_apart(features: Features) -> tuple[Any, Any]:
    return features["organization"], features["email"] or None


def _judge_people(a: Features, b: Features, weights: WordWeights) -> Verdict | None:
    same_email = bool(a["email"] and a["email"] == b["email"])
    one, other = a["organization"], b["organization"]
    elsewhere = one is not None and other is not None and one != other
    if elsewhere and not same_email:
        return None  # the same name at two organizations is two people as often as one
    similarity, said = compare_names(a["names"], b["names"], weights, extra_words=True)
    more = []
    if not elsewhere and (one is None) != (other is None):
        similarity -= 5
        more.append(reason(NO_ORGANIZATION))
    elif one is not None and one == other:
        similarity += 5
        more.append(reason(SAME_ORGANIZATION))
    same_phone = bool(a["phone"] and a["phone"] == b["phone"])
    if same_phone:
        similarity += 5
        more.append(reason(SAME_PHONE, phone=a["phone"]))
    carriers = max((weights.records.get(NAME_WORD + key, 0) for key in a["spellings"]), default=0)
    if carriers > COMMON_NAME and not (same_phone or (one is not None and one == other)):
        similarity = min(similarity, COMMON_NAME_SCORE)
    evidence = [(similarity, said)]
    if same_email:
        # An address two people share (an office's) makes them one only if the names agree.
        score = 90.0 if similarity >= SHARED_EMAIL_NAMES else 70.0
        evidence.append((score, reason(SAME_EMAIL, email=a["email"])))
    verdict = _verdict(evidence)
    return None if verdict is None else (verdict[0], verdict[1] + more)


# -- records of a day: events, delegations, agreements, sources ------------------------------


def _titled(row: dict[str, Any], date_field: str) -> Features:
    return {
        "id": row["id"],
        "names": names_of([row["title"]]),
        "date": _date(row[date_field]),
    }


def _dated_keys(features: Features) -> Iterator[tuple]:
    yield from name_keys(features["names"], features["date"])


def _judge_dated(
    a: Features, b: Features, weights: WordWeights, penalty: float = 0
) -> Verdict | None:
    if a["date"] != b["date"]:
        return None
    similarity, said = compare_names(a["names"], b["names"], weights)
    return _verdict([(similarity - penalty, said)], _date_reason(a["date"]))


def _event(row: dict[str, Any]) -> Features:
    return {**_titled(row, "starts_on"), "city": fold(row["city"])}


def _judge_events(a: Features, b: Features, weights: WordWeights) -> Verdict | None:
    elsewhere = bool(a["city"] and b["city"] and a["city"] != b["city"])
    return _judge_dated(a, b, weights, penalty=10 if elsewhere else 0)


def _delegation(row: dict[str, Any]) -> Features:
    return {
        **_titled(row, "starts_on"),
        "direction": row["direction"],
        "organization": row["organization"],
    }


def _delegation_apart(features: Features) -> tuple[Any, Any]:
    return features["organization"], None


def _judge_delegations(a: Features, b: Features, weights: WordWeights) -> Verdict | None:
    if a["direction"] != b["direction"]:
        return None
    one, other = a["organization"], b["organization"]
    if one is not None and other is not None and one != other:
        return None
    return _judge_dated(a, b, weights)


def _agreement(row: dict[str, Any]) -> Features:
    return {**_titled(row, "signed_on"), "reference": name_key(row["reference_number"])}


def _agreement_keys(features: Features) -> Iterator[tuple]:
    yield from _dated_keys(features)
    if features["reference"]:
        yield ("r", features["reference"])


def _judge_agreements(a: Features, b: Features, weights: WordWeights) -> Verdict | None:
    if a["reference"] and a["reference"] == b["reference"]:
        return 95.0, [reason(SAME_REFERENCE, number=a["reference"].upper())]
    return _judge_dated(a, b, weights)


def _address(url: str) -> str:
    """A web address as two records of one page share it: no scheme, no "www.", no final
    slash, in small letters."""
    parts = check.split_url(url) if url else None
    if parts is None or not parts.hostname:
        return ""
    host = parts.hostname.removeprefix("www.")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}".lower()


def _source(row: dict[str, Any]) -> Features:
    return {
        **_titled(row, "published_on"),
        "address": _address(row["url"] or ""),
        "publisher": fold(row["publisher"]),
    }


def _source_keys(features: Features) -> Iterator[tuple]:
    yield from _dated_keys(features)
    if features["address"]:
        yield ("u", features["address"])


def _judge_sources(a: Features, b: Features, weights: WordWeights) -> Verdict | None:
    if a["address"] and a["address"] == b["address"]:
        return 95.0, [reason(SAME_ADDRESS, url=a["address"])]
    if a["publisher"] and b["publisher"] and a["publisher"] != b["publisher"]:
        return None
    return _judge_dated(a, b, weights)


# -- key figures -------------------------------------------------------------------------------


def _figure(row: dict[str, Any]) -> Features:
    fact = (
        str(row["value"]),
        row["qualifier"],
        fold(row["unit"]),
        fold(row["period_label"]),
        _date(row["period_start"]),
        _date(row["period_end"]),
        _date(row["as_of"]),
        row["country"],
        row["organization"],
        row["program"],
    )
    return {"id": row["id"], "names": names_of([row["measure"]]), "fact": fact}


def _figure_keys(features: Features) -> Iterator[tuple]:
    # Only figures of one value, period and subject are compared.
    yield from name_keys(features["names"], *features["fact"])


def _judge_figures(a: Features, b: Features, weights: WordWeights) -> Verdict | None:
    if a["fact"] != b["fact"]:
        return None
    similarity, said = compare_names(a["names"], b["names"], weights)
    return _verdict([(similarity, said)], reason(SAME_FIGURE))


PROFILES: dict[str, Profile] = {
    profile.kind: profile
    for profile in (
        Profile(
            "organization",
            (
                "id",
                "name",
                "short_name",
                "name_kk",
                "name_ru",
                "name_original",
                "other_names",
                "country",
                "parent",
                "website_key",
                "email",
            ),
            _organization,
            _organization_keys,
            _judge_organizations,
            _organization_apart,
        ),
        Profile(
            "person",
            ("id", "full_name", "other_names", "organization", "email", "phone"),
            _person,
            _person_keys,
            _judge_people,
            _person_apart,
        ),
        Profile("event", ("id", "title", "starts_on", "city"), _event, _dated_keys, _judge_events),
        Profile(
            "delegation",
            ("id", "title", "starts_on", "direction", "organization"),
            _delegation,
            _dated_keys,
            _judge_delegations,
            _delegation_apart,
        ),
        Profile(
            "program",
            ("id", "name", "short_name", "lead"),
            _program,
            _program_keys,
            _judge_programs,
        ),
        Profile(
            "agreement",
            ("id", "title", "signed_on", "reference_number"),
            _agreement,
            _agreement_keys,
            _judge_agreements,
        ),
        Profile(
            "figure",
            (
                "id",
                "measure",
                "value",
                "qualifier",
                "unit",
                "period_label",
                "period_start",
                "period_end",
                "as_of",
                "country",
                "organization",
                "program",
            ),
            _figure,
            _figure_keys,
            _judge_figures,
        ),
        Profile(
            "source",
            ("id", "title", "published_on", "url", "publisher"),
            _source,
            _source_keys,
            _judge_sources,
        ),
    )
}
