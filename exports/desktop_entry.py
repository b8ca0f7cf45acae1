"""``seriktes --install-desktop-entry``: Seriktes in a Linux user's applications menu, with
its icon in every standard size, and Seriktes databases opening Seriktes when double-clicked;
``--uninstall-desktop-entry`` takes all of it away again. Everything goes into the user's own
data folder (``$XDG_DATA_HOME``, else ``~/.local/share``), as the freedesktop.org
specifications say: no administrator is needed, and nothing else is touched.

A Seriktes database is told from another program's SQLite file by the number SQLite keeps in
its header for the program whose file it is (``APPLICATION_ID``, written by the store), so a
file manager opens ``seriktes.db`` with Seriktes and other ``.db`` files as before.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from models.store.migrations import APPLICATION_ID
from models.words.catalogs import CATALOG_LANGUAGES, load_catalog
from models.words.translation import N_, _, ngettext
from resources import HERE as RESOURCES

# The desktop file's name, which the window also gives the desktop (ui/app.py), so that the
# running window is shown with the entry's name and icon.
APP_ID = "seriktes"
MIME_TYPE = "application/x-seriktes-database"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
GENERIC_NAME = N_("Partnership records")
COMMENT = N_(
    "Partners, people, events, delegations, programs and agreements of an international "
    "cooperation department"
)
DATABASE_COMMENT = N_("Seriktes database")
# Characters that make an argument of Exec need quotes (the Desktop Entry Specification).
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """The user's data folder: ``$XDG_DATA_HOME`` when it is an absolute path (the
    specification ignores a relative one), else ``~/.local/share``."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    return Path(configured) if os.path.isabs(configured) else Path.home() / ".local" / "share"


def launch_command(script: str) -> list[str]:
    """How the desktop starts this Seriktes: the standalone program itself, the ``seriktes``
    script pip installed, or, from a checkout, this Python running ``main.py``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    started = Path(sys.argv[0]).absolute() if sys.argv and sys.argv[0] else None
    if started is not None and started.name.startswith("seriktes") and started.is_file():
        return [str(started)]
    return [sys.executable, str(Path(script).absolute())]


def exec_line(command: list[str]) -> str:
    """The command as the Exec key writes it, with the database double-clicked given to
    ``--database`` (nothing after the ``=`` when Seriktes is started from the menu)."""
    return " ".join([*(_exec_argument(a) for a in command), "--database=%f"])


def _exec_argument(argument: str) -> str:
    argument = argument.replace("%", "%%")
    if not _RESERVED & set(argument):
        return argument
    for special in ("\\", '"', "`", "$"):
        argument = argument.replace(special, "\\" + special)
    return f'"{argument}"'


def _value(text: str) -> str:
    """A value of a desktop entry's key: backslashes and line breaks escaped."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _translations(message: str) -> dict[str, str]:
    """The message in each language whose catalog translates it."""
    found = {}
    for code in CATALOG_LANGUAGES:
        translated = load_catalog(code).gettext(message)
        if translated != message:
            found[code] = translated
    return found


def _localized(key: str, message: str) -> list[str]:
    lines = [f"{key}={_value(message)}"]
    lines += [f"{key}[{code}]={_value(text)}" for code, text in _translations(message).items()]
    return lines


def desktop_entry_text(command: list[str]) -> str:
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Seriktes",
        *_localized("GenericName", GENERIC_NAME),
        *_localized("Comment", COMMENT),
        f"Exec={_value(exec_line(command))}",
        f"TryExec={_value(command[0])}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;Database;",
        f"MimeType={MIME_TYPE};",
        "StartupNotify=true",
        f"StartupWMClass={APP_ID}",
    ]
    return "\n".join(lines) + "\n"


def mime_type_xml() -> str:
    """The MIME type of a Seriktes database: a SQLite file whose header carries Seriktes's
    application id (a big-endian number at byte 68), matched before plain SQLite."""
    comments = [f"    <comment>{escape(DATABASE_COMMENT)}</comment>"] + [
        f"    <comment xml:lang={quoteattr(code)}>{escape(text)}</comment>"
        for code, text in _translations(DATABASE_COMMENT).items()
    ]
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">',
            f'  <mime-type type="{MIME_TYPE}">',
            *comments,
            f'    <icon name="{APP_ID}"/>',
            '    <sub-class-of type="application/vnd.sqlite3"/>',
            '    <magic priority="80">',
            '      <match type="string" value="SQLite format 3" offset="0">',
            f'        <match type="big32" value="{APPLICATION_ID:#010x}" offset="68"/>',
            "      </match>",
            "    </magic>",
            "  </mime-type>",
            "</mime-info>",
            "",
        ]
    )


def installed_files(home: Path, command: list[str]) -> dict[Path, bytes]:
    """Every file the entry is made of, by where it goes under ``home``."""
    icons = RESOURCES / "icons"
    hicolor = home / "icons" / "hicolor"
    files = {
        home / "applications" / f"{APP_ID}.desktop": desktop_entry_text(command).encode("utf-8"),
        home / "mime" / "packages" / f"{APP_ID}.xml": mime_type_xml().encode("utf-8"),
        hicolor / "scalable" / "apps" / f"{APP_ID}.svg": (icons / "seriktes.svg").read_bytes(),
    }
    for size in ICON_SIZES:
        png = (icons / f"seriktes-{size}.png").read_bytes()
        files[hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = png
    return files


def install(command: list[str], home: Path | None = None) -> list[Path]:
    """Write the entry, its MIME type and its icons under ``home`` (the user's data folder),
    replacing an earlier one; returns the files written."""
    home = home or data_home()
    written = []
    for path, content in installed_files(home, command).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        aside = path.with_name(f".{path.name}.{os.getpid()}")
        aside.write_bytes(content)
        os.replace(aside, path)
        written.append(path)
    _refresh(home)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what ``install`` wrote; returns the files removed."""
    home = home or data_home()
    removed = []
    for path in installed_files(home, ["seriktes"]):
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh(home)
    return removed


def _refresh(home: Path) -> None:
    """Rebuild the desktop's caches of entries and MIME types, where their tools are
    installed; without them, the desktop finds the files at its next start."""
    updates = (
        ("update-desktop-database", "-q", home / "applications"),
        ("update-mime-database", home / "mime"),
    )
    for tool, *arguments in updates:
        found = shutil.which(tool)
        if found is not None and Path(arguments[-1]).is_dir():
            subprocess.run([found, *map(str, arguments)], check=False, capture_output=True)


def main(install_entry: bool, script: str) -> int:
    """The start options: 0 done, 1 refused with one line on stderr."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        print(
            _(
                "The desktop entry is for Linux desktops; on Windows and macOS, start Seriktes "
                "from the folder it was unpacked to."
            ),
            file=sys.stderr,
        )
        return 1
    try:
        if install_entry:
            files = install(launch_command(script))
            print(
                _("Seriktes is in your applications menu: {path}").format(path=files[0]),
            )
        else:
            removed = uninstall()
            print(
                ngettext(
                    "Seriktes is no longer in your applications menu ({count} file removed).",
                    "Seriktes is no longer in your applications menu ({count} files removed).",
                    len(removed),
                ).format(count=len(removed))
            )
    except OSError as error:
        print(
            _("The desktop entry cannot be written in {folder}: {reason}").format(
                folder=data_home(), reason=error.strerror or error
            ),
            file=sys.stderr,
        )
        return 1
    return 0
