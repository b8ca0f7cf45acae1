"""``seriktes export graph``: the picture of who met whom around a person or an organization,
as PNG or SVG, opened and checked; a name that is unknown or names several records is refused
in one plain line, and nothing is written."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QColor, QImage

import main
from models.store.database import close_database
from tests.models.meetings import seed_meetings
from ui.graph_scene import COLOURS

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def saved(database, database_target):
    seed_meetings()
    close_database()
    return database_target


def export(target, *args):
    return main.main(["export", "graph", *args, "--database", str(target)])


def colours_in(image: QImage) -> set[str]:
    """The colours of the image, on a grid fine enough to meet every mark."""
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


def test_a_png_shows_the_person_and_whom_she_met_coloured_by_kind(saved, tmp_path, capsys):
    target = tmp_path / "aigerim.png"
    assert export(saved, "--person", "Aigerim Nurlanova", "--output", str(target)) == 0
    assert capsys.readouterr().out.strip() == str(target)
    image = QImage(str(target))
    assert not image.isNull()
    assert image.width() >= 1600
    found = colours_in(image)
    for kind in ("person", "organization", "event", "delegation"):
        assert COLOURS[kind].name() in found, kind


def svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    return [element.text.strip() for element in root.iter(f"{SVG}text") if element.text]


def test_an_svg_names_every_record_of_the_picture(saved, tmp_path):
    target = tmp_path / "nu.svg"
    assert export(saved, "--organization", "NU", "--output", str(target)) == 0
    root = ET.parse(target).getroot()
    assert root.find(f"{SVG}title").text == "Who met whom: Nazarbayev University"
    texts = svg_texts(target)
    for name in ("NU", "Astana forum", "Aigerim Nurlanova", "Bolat Seitkali"):
        assert name in texts
    assert "Chen Li" not in texts
    assert "1 step · all dates" in texts
    assert {"2 people", "1 organization", "1 event"} <= set(texts)


def test_two_steps_and_a_period_are_drawn_as_asked(saved, tmp_path):
    target = tmp_path / "aigerim.svg"
    args = ["--person", "aigerim nurlanova", "--steps", "2", "--from", "01.01.2021"]
    assert export(saved, *args, "--output", str(target)) == 0
    texts = svg_texts(target)
    assert {"Madrid workshop", "Farida Omarova"} <= set(texts)
    assert any(text.startswith("CSIC delegation") for text in texts)
    assert "Astana forum" not in texts
    assert "2 steps · from 01.01.2021" in texts


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--person", "Zhanna Bekova"], "No person is called “Zhanna Bekova”."),
        (["--person", "a"], "names several people"),
        (["--organization", "Harvard"], "No organization is called “Harvard”."),
        (["--person", "Chen", "--from", "2024-01-01", "--to", "2023-01-01"], "before it starts"),
    ],
)
def test_an_unknown_or_ambiguous_name_is_refused_in_one_line(saved, tmp_path, capsys, args, says):
    target = tmp_path / "refused.png"
    assert export(saved, *args, "--output", str(target)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert says in captured.err
    assert captured.err.count("\n") == 1
    assert list(tmp_path.glob("refused*")) == []
    assert list(tmp_path.glob(".refused*")) == []


def test_an_unwritable_folder_is_refused(saved, tmp_path, capsys):
    (tmp_path / "a-file").write_text("")
    assert export(saved, "--person", "Chen Li", "--output", str(tmp_path / "a-file" / "x.png")) == 1
    assert "is not a folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["--output", "x.png"],
        ["--person", "Chen Li", "--organization", "NU", "--output", "x.png"],
        ["--person", "Chen Li", "--output", "x.xlsx"],
        ["--person", "Chen Li", "--steps", "3", "--output", "x.png"],
        ["--person", "Chen Li", "--country", "KZ", "--output", "x.png"],
    ],
)
def test_a_usage_error_exits_2(saved, tmp_path, monkeypatch, capsys, args):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        export(saved, *args)
    assert exit_.value.code == 2
    assert "error:" in capsys.readouterr().err
    assert list(tmp_path.glob("x.*")) == []


def test_a_list_takes_no_person(saved, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit):
        main.main(
            ["export", "people", "--person", "Chen", "--output", "x.xlsx", "--database", saved]
        )
    assert "--person cannot be used with people" in capsys.readouterr().err
