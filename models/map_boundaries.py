"""How the world map's country boundaries are prepared from Natural Earth's file: its
attributes cut to the few the map reads, with the two-letter ISO code the records use written
beside Natural Earth's own codes, so the window never loads the ISO tables to match them.

    python -m models.map_boundaries ne_110m_admin_0_countries.shp

writes resources/maps/ne_110m_admin_0_countries.{shp,shx,dbf} (the geometry unchanged).
"""

from __future__ import annotations

import sys
from pathlib import Path

from resources import HERE as RESOURCES

TARGET = RESOURCES / "maps" / "ne_110m_admin_0_countries"
# Natural Earth's codes for places that have no ISO code of their own: Kosovo, Northern
# Cyprus, Somaliland. They are drawn but never shaded.
NO_ISO_CODE = {"KOS", "CYN", "SOL"}


def iso_code(iso_a3: str, adm0_a3: str) -> str:
    """The two-letter ISO code of a Natural Earth country, or "" for none: by its ISO_A3,
    else by its ADM0_A3 (France and Norway have -99 as ISO_A3), when ISO 3166 has it."""
    import pycountry

    for code in (iso_a3, adm0_a3):
        if code and code != "-99" and code not in NO_ISO_CODE:
            country = pycountry.countries.get(alpha_3=code)
            if country is not None:
                return country.alpha_2
    return ""


def write_boundaries(source: Path, target: Path = TARGET) -> int:
    """Write the map's boundaries from Natural Earth's Admin 0 file; the number of countries."""
    import shapefile

    with (
        shapefile.Reader(str(source), encoding="utf-8") as reader,
        shapefile.Writer(str(target), shapeType=reader.shapeType, encoding="utf-8") as writer,
    ):
        writer.field("ADM0_A3", "C", 3)
        writer.field("ISO_A3", "C", 3)
        writer.field("NAME", "C", 40)
        writer.field("CODE", "C", 2)
        for item in reader.iterShapeRecords():
            record = item.record.as_dict()
            writer.shape(item.shape)
            code = iso_code(record["ISO_A3"], record["ADM0_A3"])
            writer.record(record["ADM0_A3"], record["ISO_A3"], record["NAME"], code)
        return len(reader)


if __name__ == "__main__":
    print(write_boundaries(Path(sys.argv[1])))
