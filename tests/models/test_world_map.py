"""The world map without drawing it: Natural Earth's countries matched to the records' ISO
codes, the counts per country for each measure, and the shades of the legend."""

from __future__ import annotations

import shapefile
from hypothesis import given
from hypothesis import strategies as st

from models.map_boundaries import TARGET, iso_code
from models.store.records import Country
from models.world_map import (
    NO_RECORDS,
    SHADES,
    colour_of,
    counts_for,
    hover_text,
    legend_lines,
    project,
    shading,
    world_shapes,
)
from tests.map_records import EXPECTED, seed_map


def natural_earth() -> list[dict]:
    with shapefile.Reader(str(TARGET), encoding="utf-8") as reader:
        return [record.as_dict() for record in reader.records()]


def test_every_country_natural_earth_draws_that_iso_knows_is_matched_to_its_code(database):
    import pycountry

    known = {country.alpha_3: country.alpha_2 for country in pycountry.countries}
    for row in natural_earth():
        iso3 = next((c for c in (row["ISO_A3"], row["ADM0_A3"]) if c in known), None)
        expected = known[iso3] if iso3 else ""
        assert row["CODE"] == expected == iso_code(row["ISO_A3"], row["ADM0_A3"]), row["NAME"]
    by_name = {row["NAME"]: row["CODE"] for row in natural_earth()}
    # Natural Earth has -99 as the ISO_A3 of France and Norway: matched by ADM0_A3.
    assert (by_name["France"], by_name["Norway"]) == ("FR", "NO")
    assert (by_name["Kazakhstan"], by_name["W. Sahara"], by_name["S. Sudan"]) == ("KZ", "EH", "SS")
    # Places without an ISO code of their own are drawn but never shaded.
    assert by_name["Kosovo"] == by_name["N. Cyprus"] == by_name["Somaliland"] == ""
    codes = [row["CODE"] for row in natural_earth() if row["CODE"]]
    assert len(codes) == len(set(codes)) == 174
    # Each is a country the records can be in.
    recorded = {country.code for country in Country.select()}
    assert set(codes) <= recorded


def test_the_map_draws_every_country_but_antarctica_where_it_is():
    shapes = world_shapes()
    assert len(shapes) == 176
    assert "AQ" not in {shape.code for shape in shapes}
    kazakhstan = next(shape for shape in shapes if shape.code == "KZ")
    xs = [x for ring in kazakhstan.rings for x, _y in ring]
    ys = [y for ring in kazakhstan.rings for _x, y in ring]
    astana = project(71.45, 51.17)
    assert min(xs) < astana[0] < max(xs) and min(ys) < astana[1] < max(ys)
    # North is up: Astana is above Madrid on the map.
    assert astana[1] < project(-3.7, 40.4)[1]


def test_each_measure_counts_the_records_of_each_country_as_the_countries_page_does(database):
    seed_map()
    for measure, expected in EXPECTED.items():
        assert counts_for(measure) == expected, measure


def test_the_shades_go_from_light_to_dark_and_a_country_without_records_is_grey():
    steps = shading(EXPECTED["partners"])
    assert [(step.low, step.high) for step in steps] == [(1, 1), (2, 2), (3, 3)]
    assert colour_of(3, steps) == SHADES[-1]
    assert colour_of(1, steps) != colour_of(3, steps)
    assert colour_of(0, steps) == NO_RECORDS
    assert [text for _colour, text in legend_lines(steps)] == ["None", "1", "2", "3"]
    big = shading({"KZ": 33_000, "ES": 12})
    assert len(big) == len(SHADES)
    assert big[-1].label() == "5,828–33,000"
    assert shading({}) == []


@given(st.dictionaries(st.sampled_from(["KZ", "ES", "FR", "CN", "US"]), st.integers(0, 10**6)))
def test_every_count_falls_in_exactly_one_shade_and_more_is_never_lighter(counts):
    steps = shading(counts)
    assert all(a.high + 1 == b.low for a, b in zip(steps, steps[1:], strict=False))
    for count in counts.values():
        holding = [step for step in steps if step.low <= count <= step.high]
        assert len(holding) == (1 if count else 0)
    order = [NO_RECORDS, *SHADES]
    ranks = sorted(counts.values())
    shades = [order.index(colour_of(count, steps)) for count in ranks]
    assert shades == sorted(shades)


def test_hovering_a_country_says_its_count_in_words():
    assert hover_text("Spain", 2, "partners") == "Spain: 2 partners"
    assert hover_text("Spain", 1, "events") == "Spain: 1 event"
    assert hover_text("Kazakhstan", 1500, "agreements") == "Kazakhstan: 1,500 agreements"
