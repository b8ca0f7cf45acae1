"""``seriktes export map``: the map of partners drawn into a PNG or SVG picture at least 1600
pixels wide, each country in the shade of its count, and the usage it refuses."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QImage

import main
from models.store.database import close_database
from models.world_map import NO_RECORDS, SHADES, project
from tests.map_records import seed_map
from ui.map_drawing import PICTURE_WIDTH, picture_point

MADRID = (-3.7, 40.4)
ASTANA = (71.45, 51.17)
BRASILIA = (-47.9, -15.8)


@pytest.fixture
def saved(database, database_target):
    seed_map()
    close_database()
    return database_target


def export(db_path, *args):
    return main.main(["export", "map", *args, "--database", str(db_path)])


def colour_at(image: QImage, place: tuple[float, float]) -> str:
    point = picture_point(*project(*place), image.width())
    return QColor(image.pixel(int(point.x()), int(point.y()))).name()


def test_the_png_is_wide_enough_for_a_slide_and_shades_the_countries(saved, tmp_path, capsys):
    target = tmp_path / "partners.png"
    assert export(saved, "--output", str(target)) == 0
    assert capsys.readouterr().out.strip() == str(target)
    image = QImage(str(target))
    assert image.width() == PICTURE_WIDTH >= 1600
    assert 0.4 < image.height() / image.width() < 0.6
    assert colour_at(image, ASTANA) == SHADES[-1]  # three partners, the most
    assert colour_at(image, MADRID) not in (NO_RECORDS, SHADES[-1])
    assert colour_at(image, BRASILIA) == NO_RECORDS
    # Nothing is left beside it (the file drawn first is hidden beside the target).
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_measure_chooses_what_shades_the_countries(saved, tmp_path):
    target = tmp_path / "delegations.png"
    assert export(saved, "--output", str(target), "--measure", "delegations") == 0
    image = QImage(str(target))
    assert colour_at(image, MADRID) == SHADES[-1]
    assert colour_at(image, ASTANA) == NO_RECORDS


def test_the_svg_holds_the_title_the_shades_and_the_credit(saved, tmp_path):
    target = tmp_path / "map.svg"
    assert export(saved, "--output", str(target), "--measure", "agreements") == 0
    text = target.read_text(encoding="utf-8")
    width = float(re.search(r'viewBox="0 0 (\d+) (\d+)"', text).group(1))
    assert width >= 1600
    assert "Agreements by country" in text
    assert "Made with Natural Earth." in text
    fills = set(re.findall(r'fill="(#[0-9a-f]{6})"', text))
    assert {SHADES[-1], NO_RECORDS} <= fills
    image = QImage(str(target))
    assert image.width() >= 1600


def test_the_picture_is_titled_in_the_language_asked(saved, tmp_path):
    target = tmp_path / "map.svg"
    assert export(saved, "--output", str(target), "--language", "ru") == 0
    assert "Партнёры по странам" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["--output", "map.xlsx"],
        ["--output", "map.pdf"],
        ["--output", "map.png", "--measure", "people"],
        ["--output", "map.png", "--country", "KZ"],
    ],
)
def test_a_wrong_use_is_a_usage_error(saved, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        export(saved, *args)
    assert stopped.value.code == 2
    assert list(tmp_path.glob("map.*")) == []


def test_a_map_that_cannot_be_written_is_refused_in_one_line(saved, tmp_path, capsys):
    target = tmp_path / "missing" / "map.png"
    assert export(saved, "--output", str(target)) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("seriktes export: ")
    assert "does not exist" in error
    assert not target.parent.exists()


def test_a_list_still_asks_for_a_workbook(saved, tmp_path):
    with pytest.raises(SystemExit) as stopped:
        main.main(["export", "organizations", "--output", str(tmp_path / "o.png"),
                   "--database", str(saved)])  # fmt: skip
    assert stopped.value.code == 2
