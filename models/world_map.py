"""The world map of partners, without drawing it: the countries' outlines from Natural Earth's
1:110m boundaries (shipped in resources/maps, each with the ISO code the records use, matched by
``models.map_boundaries``), projected; the number of records each country has for a measure;
and the shades and legend that turn those numbers into colours. The window and the exported
picture both draw from here, so they show the same map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from models.words.numbers import format_number
from models.words.translation import N_, _, ngettext
from resources import HERE as RESOURCES

SHAPES = RESOURCES / "maps" / "ne_110m_admin_0_countries.shp"

# What the map can count per country, by the name the menu and the command line give it: the
# kind of record, counted as the Countries page counts it, and the name shown.
MEASURES: dict[str, tuple[str, str]] = {
    "partners": ("organization", N_("Partners")),
    "events": ("event", N_("Events")),
    "delegations": ("delegation", N_("Delegations")),
    "agreements": ("agreement", N_("Agreements")),
}
DEFAULT_MEASURE = "partners"

# Antarctica takes a sixth of the picture and holds no partners: it is left out.
LEFT_OUT = {"ATA"}

# Map units: the projected world is about this wide (Equal Earth spans ±2.71 radians).
SCALE = 100.0
# The shades, from few records to many (a sequential blue, readable in grey too), and the
# colour of a country with none.
SHADES = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b")
NO_RECORDS = "#e6e6e3"
BORDER = "#ffffff"
SEA = "#eef4f9"
PAPER = "#ffffff"

# The part of the world the map centres on when asked: Central Asia and its neighbours.
CENTRAL_ASIA = (35.0, 24.0, 100.0, 60.0)  # west, south, east, north (degrees)


@dataclass(frozen=True)
class CountryShape:
    """One country as the map draws it: its ISO code (None when the records have no such
    country), Natural Earth's name, and its rings of projected points (y grows southwards)."""

    code: str | None
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Equal Earth (Šavrič, Patterson, Jenny 2018): areas stay true, so a big country does
    not look bigger than it is; map units, y grows southwards as on a screen."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    theta = math.asin(math.sqrt(3) / 2 * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2
        * math.sqrt(3)
        * math.radians(longitude)
        * math.cos(theta)
        / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
    )
    y = theta * (a4 * t6 * t2 + a3 * t6 + a2 * t2 + a1)
    return x * SCALE, -y * SCALE


@lru_cache(maxsize=1)
def world_shapes() -> tuple[CountryShape, ...]:
    """Every country of the map, projected; read once."""
    import shapefile

    shapes = []
    with shapefile.Reader(str(SHAPES), encoding="utf-8") as reader:
        for item in reader.iterShapeRecords():
            if item.record["ADM0_A3"] in LEFT_OUT:
                continue
            points = item.shape.points
            ends = [*item.shape.parts[1:], len(points)]
            rings = tuple(
                tuple(project(lon, lat) for lon, lat in points[start:end])
                for start, end in zip(item.shape.parts, ends, strict=True)
            )
            shapes.append(CountryShape(item.record["CODE"] or None, item.record["NAME"], rings))
    return tuple(shapes)


# The latitudes the map shows: from the Southern Ocean below Cape Horn to the north of Greenland.
SOUTH, NORTH = -58.0, 84.0


def world_outline() -> tuple[tuple[float, float], ...]:
    """The edge of the map, in map units: the meridians ±180° between ``SOUTH`` and
    ``NORTH``, and those parallels between them (the sea is drawn inside it)."""
    steps = [SOUTH + (NORTH - SOUTH) * index / 60 for index in range(61)]
    west = [project(-180.0, latitude) for latitude in steps]
    east = [project(180.0, latitude) for latitude in reversed(steps)]
    return tuple(west + east)


def world_bounds() -> tuple[float, float, float, float]:
    """The map's extent in map units: left, top, width, height."""
    xs = [x for x, _y in world_outline()]
    ys = [y for _x, y in world_outline()]
    return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)


def region_bounds(west: float, south: float, east: float, north: float) -> tuple[float, ...]:
    """A region given in degrees, in map units: left, top, width, height."""
    corners = [project(lon, lat) for lon in (west, east) for lat in (south, north)]
    corners.append(project((west + east) / 2, north))
    xs = [x for x, _y in corners]
    ys = [y for _x, y in corners]
    return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)


def measure_label(measure: str) -> str:
    """The measure's name in the interface language."""
    return _(MEASURES[measure][1])


def map_title(measure: str) -> str:
    """The title of a picture of the map."""
    titles = {
        "partners": N_("Partners by country"),
        "events": N_("Events by country"),
        "delegations": N_("Delegations by country"),
        "agreements": N_("Agreements by country"),
    }
    return _(titles[measure])


# Natural Earth asks for no credit; a picture gives it anyway, as its terms suggest.
ATTRIBUTION = "Made with Natural Earth."


def country_names() -> dict[str, str]:
    """Every country's name in the interface language, by ISO code: one query for the whole
    map rather than one per country."""
    from models.store.records import Country
    from models.words.translation import language

    return {country.code: country.name(language()) for country in Country.select()}


def counts_for(measure: str) -> dict[str, int]:
    """How many records of the measure each country has, by ISO code."""
    from models.links import records_per_country

    return records_per_country(MEASURES[measure][0])


@dataclass(frozen=True)
class Step:
    """One shade of the legend: the counts from ``low`` to ``high`` included."""

    low: int
    high: int
    colour: str

    def label(self) -> str:
        if self.low == self.high:
            return format_number(self.low)
        return f"{format_number(self.low)}–{format_number(self.high)}"


def shading(counts: dict[str, int]) -> list[Step]:
    """The legend for these counts: up to six shades, each for about as many times more
    records as the one before (a few partners and a few thousand both stay readable)."""
    largest = max(counts.values(), default=0)
    if largest <= 0:
        return []
    count = min(len(SHADES), largest)
    # Upper bounds on a geometric scale from 1 to the largest count, made whole and distinct.
    highs: list[int] = []
    for index in range(1, count + 1):
        high = max(1, round(largest ** (index / count)))
        if highs and high <= highs[-1]:
            high = highs[-1] + 1
        highs.append(min(high, largest))
    highs = sorted(set(highs))
    colours = SHADES[len(SHADES) - len(highs) :]
    steps, low = [], 1
    for high, colour in zip(highs, colours, strict=True):
        steps.append(Step(low, high, colour))
        low = high + 1
    return steps


def colour_of(count: int, steps: list[Step]) -> str:
    """The shade of a country with ``count`` records."""
    for step in steps:
        if count <= step.high and count >= step.low:
            return step.colour
    return NO_RECORDS


def hover_text(name: str, count: int, measure: str) -> str:
    """What hovering a country says: its name and how many records of the measure it has."""
    if measure == "events":
        text = ngettext("{country}: {count} event", "{country}: {count} events", count)
    elif measure == "delegations":
        text = ngettext("{country}: {count} delegation", "{country}: {count} delegations", count)
    elif measure == "agreements":
        text = ngettext("{country}: {count} agreement", "{country}: {count} agreements", count)
    else:
        text = ngettext("{country}: {count} partner", "{country}: {count} partners", count)
    return text.format(country=name, count=format_number(count))


def legend_lines(steps: list[Step]) -> list[tuple[str, str]]:
    """The legend's rows, (colour, what it means): no records first, the most records last."""
    return [(NO_RECORDS, _("None"))] + [(step.colour, step.label()) for step in steps]


def shaded_text(countries: int) -> str:
    """How many countries the map shades."""
    if not countries:
        return _("No country on the map has records yet.")
    return ngettext(
        "{count} country on the map has records.",
        "{count} countries on the map have records.",
        countries,
    ).format(count=format_number(countries))
