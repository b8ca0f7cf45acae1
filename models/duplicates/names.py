"""Names as the duplicate finder compares them: folded, in Latin letters, cut into words; the
rough spelling ("skeleton") that two spellings of one word share; and the similarity of two
names, measured by RapidFuzz word by word, where a word few records carry counts for more
than "university" or "of".
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from models.words.text import fold
from models.words.transliteration import latin

_NOT_LETTER = re.compile(r"[^0-9a-z]+")
_VOWELS = re.compile(r"[aeiouyh]+")
# Letters one sound is written with in the transliterations users meet (Kazakh, Russian and
# English spellings of one name: Жаксыбеков, Zhaksybekov, Jaksybekov; Қазақ, Kazakh, Qazaq;
# Люксембург, Luxembourg).
_SOUNDS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"))
_LETTERS = str.maketrans({"q": "k", "c": "k", "w": "v", "x": "ks"})


def wordlist(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that join the others and tell nothing ("University of Arizona", "Kazakh National
# University named after al-Farabi"), in the spellings the transliterations give them.
JOINING = wordlist(
    "a an and at de del della der des di die do du e el et for im imeni in la le les named "
    "after of on the to und y atyndagy"
)
# Words every other partner's name holds: two names sharing only these are not alike. Kept
# as the finder spells them (folded, in Latin letters).
GENERIC = wordlist(
    "university universitet universiteti universitat universite universidad "
    "universita universidade college institute institut instituto istituto academy akademiya "
    "akademia academia center centre tsentr ortalygy centro zentrum school shkola mektep "
    "national natsionalnyy natsionalnyi ulttyk state gosudarstvennyy memlekettik federal "
    "international mezhdunarodnyy khalykaralyk research nauchnyy gylymi scientific "
    "technical tekhnicheskiy tekhnikalyk technology technological laboratory laboratoriya "
    "zerthanasy foundation fond kory agency agentstvo agenttigi ministry ministerstvo "
    "ministrligi council sovet kenes association assotsiatsiya company kompaniya ltd llc "
    "inc jsc too ao plc gmbh office department embassy posolstvo elshiligi"
)
# What kind of body a name says it is, in the languages and spellings names come in: an
# academy is not an agency, whatever else their names share ("Semey Humanitarian Academy of
# Economics", "Semey Humanitarian Agency of Economics").
_KINDS = {
    "university": "university universitet universiteti universitat universite universidad "
    "universita universidade",
    "college": "college kolledzh kolledzhi kolledj",
    "institute": "institute institut instituty instituto istituto",
    "academy": "academy akademiya akademiyasy akademia academia",
    "center": "center centre tsentr ortalygy ortalyghy centro zentrum",
    "school": "school shkola mektep mektebi",
    "laboratory": "laboratory laboratoriya zerthanasy zertkhanasy",
    "foundation": "foundation fond kory qory",
    "agency": "agency agentstvo agenttigi",
    "ministry": "ministry ministerstvo ministrligi",
    "council": "council sovet kenes",
    "association": "association assotsiatsiya",
    "company": "company kompaniya",
    "embassy": "embassy posolstvo elshiligi",
}
# And whose it says it is: a state college is not an international one.
_SCOPES = {
    "state": "state gosudarstvennyy gosudarstvennyi memlekettik federal",
    "international": "international mezhdunarodnyy mezhdunarodnyi khalykaralyk halykaralyk",
    "national": "national natsionalnyy natsionalnyi ulttyk",
}
KIND_OF: dict[str, str] = {
    word: kind
    for kinds in (_KINDS, _SCOPES)
    for kind, said in kinds.items()
    for word in said.split()
}
_KIND_NAMES, _SCOPE_NAMES = frozenset(_KINDS), frozenset(_SCOPES)
GENERIC = GENERIC | frozenset(KIND_OF)
SHORT_WORD = 2  # a word this short (an initial, "al") counts for little
PREFIX = 4  # letters of a skeleton that two spellings of one word share at least
ABBREVIATED = 95.0  # how alike a word cut short is to the word it stands for
INITIAL = 90.0  # how alike an initial is to a word it starts
# A telling word of one name that the other lacks (nothing in it at least this alike) makes
# the names no more alike than UNLIKE: "University of Arizona" is not "University of Astana".
MISSING_WORD = 75.0
UNLIKE = 70.0
# People: a surname one letter or two away from another is another family's ("Akbaybekov",
# "Akbayenko"), unless both sound the same ("Zhaksybekov", "Jaksybekov").
STRICT_WORD = 90.0
EXTRA_WORDS = 0.95  # what a name with words of its own keeps of its likeness to a shorter one


# Whole names rarely recur: a small cache, so memory stays flat over 100,000 records.
@functools.lru_cache(maxsize=1 << 12)
def words(text: str) -> tuple[str, ...]:
    """The words of a name, folded and in Latin letters: "Назарбаев Университет" →
    ("nazarbaev", "universitet")."""
    folded = fold(text)
    if not folded.isascii():
        folded = " ".join(latin(word) for word in folded.split(" ")).lower()
    return tuple(word for word in _NOT_LETTER.split(folded) if word)


def content_words(text: str) -> tuple[str, ...]:
    """The words of a name without the joining ones."""
    return tuple(word for word in words(text) if word not in JOINING)


@functools.lru_cache(maxsize=1 << 17)
def sound(word: str) -> str:
    """A word written with one letter for each sound the transliterations spell otherwise:
    "Dzhapan" and "Japan" → "japan"; "Kentre" and "Centre" → "kentre"."""
    for written, said in _SOUNDS:
        word = word.replace(written, said)
    return word.translate(_LETTERS)


@functools.lru_cache(maxsize=1 << 17)
def skeleton(word: str) -> str:
    """A word's consonants as they sound, which two spellings of it share: "Nazarbayev" and
    "Nazarbaev" → "nzrbv"; "Yerlan" and "Ерлан" → "rln"; "Qaraghandy" and "Karaganda" →
    "krgnd"."""
    word = _VOWELS.sub("", sound(word))
    # A letter written twice is heard once ("Universitet", "Anna").
    return "".join(letter for i, letter in enumerate(word) if i == 0 or letter != word[i - 1])


def spelling_key(tokens: Iterable[str]) -> tuple[str, ...]:
    """What two spellings of one name share, in any order of its words: the start of each
    word's skeleton, sorted ("Sayasat Nurbek", "Нурбек Саясат" → ("nrbk", "st"))."""
    return tuple(sorted(skeleton(word)[:PREFIX] or word[:PREFIX] for word in tokens))


def initials(tokens: Iterable[str]) -> str:
    """The acronym a name is shortened to: "Nazarbayev University" → "nu"."""
    return "".join(word[0] for word in tokens)


def looks_like_acronym(text: str) -> bool:
    """A name written as an acronym ("NU", "ISTC", "C.S.I.C."): one short word, in capitals."""
    if len(text) > 16 or " " in text or text.upper() != text:  # most names: said at once
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    return 2 <= letters <= 8


def has_digits(word: str) -> bool:
    """Whether a word of a name (letters a–z and digits only) holds a digit."""
    return not word.isalpha()


def same_sound(word: str, against: tuple[str, ...]) -> bool:
    """Whether a word sounds like one of ``against``: the same skeleton, long enough to say."""
    shape = skeleton(word)
    return len(shape) >= PREFIX - 1 and any(skeleton(other) == shape for other in against)


def slipped(word: str, against: tuple[str, ...]) -> bool:
    """Whether a word is one of ``against`` typed with two neighbouring letters swapped
    ("Karagulabev" for "Karagulbaev"): a slip of the fingers, not another family's name."""
    for other in against:
        if len(other) != len(word) or other == word:
            continue
        differ = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        if len(differ) == 2 and differ[1] == differ[0] + 1:
            i = differ[0]
            if word[i] == other[i + 1] and word[i + 1] == other[i]:
                return True
    return False


def best_match(word: str, against: tuple[str, ...]) -> float:
    """How alike a word is to the word of ``against`` most like it, 0 to 100 (RapidFuzz's
    ratio); a word spelt as another transliteration spells its sounds ("Dzhapan", "Japan")
    is that word, and a word cut short ("Univ.") or to its initial ("S. Nurbek") matches
    the word it stands for."""
    if word in against:  # most words of two alike names: no need to measure
        return 100.0
    if has_digits(word):
        return 0.0  # "No. 2" is not "No. 20": a number matches only itself
    heard = sound(word)
    if any(sound(other) == heard for other in against):
        return 100.0
    found = process.extractOne(word, against, scorer=fuzz.ratio)
    best = found[1] if found else 0.0
    if best >= ABBREVIATED:
        return best
    for other in against:
        shorter, longer = (word, other) if len(word) < len(other) else (other, word)
        if len(shorter) == 1 and longer[0] == shorter:
            best = max(best, INITIAL)
        elif len(shorter) >= PREFIX and longer.startswith(shorter):
            return ABBREVIATED
    return best


class WordWeights:
    """How much a word tells: a word few records carry tells more than one thousands carry,
    and a word of every partner's name ("university") or an initial tells little."""

    def __init__(self, records: dict[str, int] | None = None) -> None:
        self.records: dict[str, int] = records if records is not None else {}
        self._weights: dict[str, float] = {}

    def count(self, tokens: Iterable[str]) -> None:
        """One record's words."""
        for word in set(tokens):
            self.records[word] = self.records.get(word, 0) + 1

    def add(self, records: dict[str, int]) -> None:
        """The words of records counted elsewhere (a page counted by another process)."""
        for word, count in records.items():
            self.records[word] = self.records.get(word, 0) + count

    def telling(self, word: str) -> bool:
        """Whether the word tells one name from another: not generic, not an initial."""
        return word not in GENERIC and (len(word) > SHORT_WORD or has_digits(word))

    def weight(self, word: str) -> float:
        weight = self._weights.get(word)
        if weight is None:
            base = 1.0 if self.telling(word) else 0.3
            weight = base / (1.0 + math.log10(max(self.records.get(word, 1), 1)))
            self._weights[word] = weight
        return weight


def _other_kinds(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two names say they are bodies of other kinds, or of other scopes."""
    mine = {KIND_OF[word] for word in one if word in KIND_OF}
    theirs = {KIND_OF[word] for word in other if word in KIND_OF}
    for classes in (_KIND_NAMES, _SCOPE_NAMES):
        said, told = mine & classes, theirs & classes
        if said and told and not said & told:
            return True
    return False


def name_similarity(
    one: tuple[str, ...],
    other: tuple[str, ...],
    weights: WordWeights,
    extra_words: bool = False,
    strict: bool = False,
) -> float:
    """How alike two names are, 0 to 100: each word of each name against its best match in the
    other (RapidFuzz), weighted by how much the word tells. A telling word one name lacks
    keeps them apart: "University of Arizona" and "University of Astana" share their common
    words but not the one that tells them apart; "Nazarbayev University" and "Назарбаев
    Университет" are alike. ``extra_words``: the longer name may hold words the shorter
    lacks ("Luis Francisco Martínez Montes" and "Luis Martínez Montes"), at a small cost.
    ``strict`` (people's names): a telling word is matched only by one at least
    ``STRICT_WORD`` alike, sounding the same, or typed with two letters swapped."""
    least = STRICT_WORD if strict else MISSING_WORD
    if not one or not other:
        return 0.0
    sides = []
    for side, against in ((one, other), (other, one)):
        total = matched = 0.0
        missing = False
        for word in side:
            weight = weights.weight(word)
            best = best_match(word, against)
            total += weight
            matched += weight * best
            if best < least and weights.telling(word):
                kept = strict and (same_sound(word, against) or slipped(word, against))
                missing = missing or not kept
        sides.append((total, matched, missing))
    (total_one, matched_one, missing_one), (total_other, matched_other, missing_other) = sides
    if _other_kinds(one, other):
        missing_one = missing_other = True  # an academy and an agency
    if extra_words and missing_one != missing_other:
        # Every telling word of the shorter name is in the longer one.
        total, matched = (total_other, matched_other) if missing_one else (total_one, matched_one)
        return EXTRA_WORDS * matched / total if total else 0.0
    similarity = (matched_one + matched_other) / (total_one + total_other)
    return min(similarity, UNLIKE) if missing_one or missing_other else similarity


def best_names(
    one: list[str], other: list[str], cutoff: float = 0.0
) -> tuple[int, int, float] | None:
    """The two names (an index into each list) most alike by their words in any order, and
    how alike (RapidFuzz's token sort ratio on the names' words, joined by spaces)."""
    best: tuple[int, int, float] | None = None
    for i, name in enumerate(one):
        found = process.extractOne(name, other, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
        if found is not None and (best is None or found[1] > best[2]):
            best = (i, found[2], found[1])
    return best
