"""Every command takes --language for its messages (before or after the command's name), and
the help itself comes in the language asked for; without it, the user's choice, else the
system's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.words.translation import save_language

ROOT = Path(__file__).resolve().parents[3]


def seriktes(*arguments: str, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **environment},
        timeout=60,
    )


@pytest.mark.parametrize(
    ("code", "description", "options"),
    [
        ("ru", "Учёт партнёрских связей отдела международного сотрудничества.", "параметры:"),
        ("kk", "Халықаралық ынтымақтастық бөлімінің серіктестік жазбалары.", "параметрлер:"),
        ("en", "Partnership records of an international cooperation department.", "options:"),
    ],
)
def test_the_help_comes_in_the_language_asked_for(code, description, options):
    done = seriktes("--language", code, "--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert description in text
    assert options in done.stdout.splitlines()


def test_the_help_follows_the_system_language_without_the_option(tmp_path):
    done = seriktes("--help", LANGUAGE="ru", XDG_CONFIG_HOME=str(tmp_path))
    assert "использование: seriktes" in done.stdout


def make_sample(path: Path) -> None:
    assert main.main(["sample", "--database", str(path)]) == 0


@pytest.mark.parametrize(
    "arguments",
    [
        ["--language", "ru", "sample", "--database", "{path}"],
        ["sample", "--database", "{path}", "--language", "ru"],
        ["sample", "--language=ru", "--database", "{path}"],
    ],
)
def test_a_refusal_comes_in_the_language_asked_for(tmp_path, capsys, arguments):
    path = tmp_path / "sample.db"
    make_sample(path)
    capsys.readouterr()
    assert main.main([a.format(path=path) for a in arguments]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"seriktes sample: В базе {path} уже есть записи. Примеры записей добавляются только в "
        "новую, пустую базу данных; ничего не изменено.\n"
    )


def test_counts_in_a_commands_message_take_the_languages_plural_forms(tmp_path, capsys):
    assert main.main(["--language", "ru", "sample", "--database", str(tmp_path / "ru.db")]) == 0
    russian = capsys.readouterr().out
    assert "примеры записей созданы" in russian
    assert "15 организаций" in russian and "12 персон" in russian
    assert main.main(["sample", "--database", str(tmp_path / "kk.db"), "--language", "kk"]) == 0
    kazakh = capsys.readouterr().out
    assert "үлгі жазбалар жасалды" in kazakh and "15 ұйым" in kazakh


def test_a_command_speaks_the_language_chosen_in_the_window(tmp_path, capsys):
    path = tmp_path / "sample.db"
    make_sample(path)
    save_language("kk")
    assert main.main(["sample", "--database", str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"seriktes sample: {path} дерекқорында жазбалар бар.")
    # --language still decides over the choice.
    assert main.main(["sample", "--database", str(path), "--language", "en"]) == 1
    assert "already holds records" in capsys.readouterr().err


def test_an_unknown_language_is_a_usage_error_said_in_the_language_in_use(capsys):
    with pytest.raises(SystemExit) as stopped:
        main.main(["--language", "ru", "sample", "--language", "de", "--database", "x.db"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "аргумент --language: недопустимое значение: 'de'" in error
    assert error.startswith("использование: seriktes sample")
