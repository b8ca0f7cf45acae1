"""Files attached to records. Their bytes are kept in the database itself, so a copy or a
backup of the database file carries them.

A database can come from someone else, so a stored file name is never trusted: it is written
to disk only as a safe base name (``safe_file_name``), and a file a desktop would run rather
than show is never handed to the system's viewer (``WouldRun``).
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import unicodedata
from pathlib import Path

from models.errors import Problem, SeriktesError, ValidationFailed
from models.store.base import db
from models.store.records import RECORD_KINDS, Attachment, AttachmentContent
from models.words.text import displayable
from models.words.translation import _

# A signed agreement or a presentation, not a video archive: larger files belong elsewhere.
MAX_SIZE = 200 * 1024 * 1024

# What a desktop runs, installs or hands to an interpreter when it is "opened", on Windows,
# macOS and Linux desktops.
RUNNABLE_EXTENSIONS = frozenset(
    [
        # Windows: programs, installers, shortcuts, scripts and what the shell runs
        *("exe", "com", "bat", "cmd", "msi", "msp", "msc", "mst", "scr", "pif", "cpl", "lnk"),
        *("url", "scf", "inf", "reg", "hta", "chm", "gadget", "application", "appref-ms"),
        *("xbap", "ps1", "ps1xml", "ps2", "psc1", "psm1", "psd1", "vb", "vbs", "vbe", "js"),
        *("jse", "ws", "wsf", "wsh", "wsc", "dll", "sys", "drv", "ocx", "library-ms"),
        *("settingcontent-ms", "diagcab", "iso", "img", "vhd", "vhdx"),
        # Java, and scripts an installed interpreter runs on any system
        *("jar", "jnlp", "py", "pyc", "pyw", "pyz", "pl", "rb", "php", "lua", "tcl"),
        # Linux and macOS: shells, launchers, packages, bundles
        *("sh", "bash", "zsh", "csh", "ksh", "fish", "command", "tool", "run", "bin", "out"),
        *("elf", "so", "appimage", "flatpakref", "snap", "desktop", "deb", "rpm", "apk"),
        *("app", "action", "workflow", "dmg", "pkg", "mpkg", "dylib", "kext"),
    ]
)
# The first bytes of programs: Windows (MZ), Linux (ELF), macOS (Mach-O) and scripts (#!).
_PROGRAM_HEADS = (
    b"MZ",
    b"\x7fELF",
    b"#!",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
)
# Names Windows keeps for devices whatever their extension: "CON.txt" is the console.
_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$", "clock$"]
    + [f"{port}{n}" for port in ("com", "lpt") for n in [*"0123456789", "¹", "²", "³"]]
)
# Characters no Windows file name may hold; "/" and "\\" are separators everywhere.
_FORBIDDEN = frozenset('<>:"|?*')
# Short enough for every file system (255 bytes on Linux, 255 UTF-16 units on Windows) with
# room for the folder a user saves into.
MAX_NAME_CHARS = 120
MAX_NAME_BYTES = 200
MAX_EXTENSION_CHARS = 16
# The name of a file whose stored name leaves nothing usable.
FALLBACK_NAME = "attachment"


class WouldRun(SeriktesError):
    """The file is a program or a script: opening it could run it, so it is not opened."""


def safe_file_name(stored: str) -> str:
    """The base name a stored file name is written under: no folder of any system, no "..",
    no control or invisible characters, no name Windows keeps for a device, short enough
    for any disk; "attachment" with the original extension when nothing usable is left."""
    text = "".join(
        ch for ch in unicodedata.normalize("NFC", stored) if unicodedata.category(ch)[0] != "C"
    )
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    # Windows drops the dots and spaces a name ends with: "run.exe." is run.exe.
    text = "".join("_" if ch in _FORBIDDEN else ch for ch in text).rstrip(" .")
    stem, dot, extension = text.rpartition(".")
    if not dot or len(extension) > MAX_EXTENSION_CHARS:  # no extension, or not one
        stem, extension = text, ""
    # A name that starts with a dot is hidden, and ".." is the folder above.
    stem, extension = stem.strip(" ."), extension.strip(" ")
    if stem.split(".", 1)[0].rstrip(" ").lower() in _DEVICE_NAMES:
        stem = "_" + stem
    stem = _shortened(stem or FALLBACK_NAME, extension)
    return f"{stem}.{extension}" if extension else stem


def _shortened(stem: str, extension: str) -> str:
    room_chars = MAX_NAME_CHARS - len(extension) - 1
    room_bytes = MAX_NAME_BYTES - len(extension.encode("utf-8")) - 1
    stem = stem[:room_chars]
    while len(stem.encode("utf-8")) > room_bytes:
        stem = stem[:-1]
    return stem.rstrip(" .") or FALLBACK_NAME


def would_run(name: str, head: bytes = b"") -> bool:
    """Whether a desktop would run a file rather than show it: by its extension (``name`` is
    a safe base name), or by first bytes that are a program's."""
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    return extension in RUNNABLE_EXTENSIONS or head.startswith(_PROGRAM_HEADS)


def shown_file_name(stored: str, limit: int = 100) -> str:
    """A stored file name as a list or a question shows it: one line, every character that
    could hide or move text made visible, and a name of a thousand characters shortened."""
    text = displayable(stored)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def attachments_of(kind: str, record_id: int) -> list[Attachment]:
    return list(
        Attachment.select()
        .where((Attachment.record_kind == kind) & (Attachment.record_id == record_id))
        .order_by(Attachment.added_at, Attachment.id)
    )


def attach_file(kind: str, record_id: int, path: str | Path) -> Attachment:
    """Attach a copy of a file to a record; refused with a plain message naming the file when
    it cannot be read."""
    path = Path(path)
    model = RECORD_KINDS.get(kind)
    if model is None or model.get_or_none(model.id == record_id) is None:
        raise SeriktesError(_("Save the record before attaching files to it."))
    data = _read(path)
    with db.atomic():
        attachment = Attachment.create(
            record_kind=kind,
            record_id=record_id,
            # The name as the user sees it in their file manager, even when it is not UTF-8.
            file_name=displayable(path.name),
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        AttachmentContent.create(attachment=attachment, data=data)
    return attachment


def _read(path: Path) -> bytes:
    name = displayable(path.name)

    def refuse(message: str) -> ValidationFailed:
        return ValidationFailed([Problem("files", message)])

    if path.is_dir():
        raise refuse(
            _("“{file}” cannot be attached: it is a folder. Choose a file.").format(file=name)
        )
    try:
        size = path.stat().st_size
        if size > MAX_SIZE:
            raise refuse(
                _("“{file}” cannot be attached: it is larger than {size} MB.").format(
                    file=name, size=MAX_SIZE // (1024 * 1024)
                )
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise refuse(
            _("“{file}” cannot be attached: it no longer exists.").format(file=name)
        ) from None
    except PermissionError:
        raise refuse(
            _("“{file}” cannot be attached: you are not allowed to read it.").format(file=name)
        ) from None
    except OSError as error:
        raise refuse(
            _("“{file}” cannot be attached: it cannot be read ({reason}).").format(
                file=name, reason=error.strerror or error
            )
        ) from None


def attachment_bytes(attachment_id: int) -> bytes:
    content = AttachmentContent.get_or_none(AttachmentContent.attachment == attachment_id)
    if content is None:
        raise SeriktesError(_("This file is no longer attached."))
    return bytes(content.data)


def save_attachment_as(attachment_id: int, target: str | Path) -> Path:
    """Write an attached file where the user chose; a failure leaves no half-written file
    behind."""
    return _write(attachment_bytes(attachment_id), Path(target))


def _write(data: bytes, target: Path) -> Path:
    temporary: str | None = None
    try:
        # A short name of its own beside the target: the target's may already be as long as
        # the disk allows.
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".seriktes-", suffix=".part")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise SeriktesError(
            _("{path} could not be written: {reason}.").format(
                path=displayable(str(target)), reason=error.strerror or error
            )
        ) from error
    return target


def copy_for_viewing(attachment_id: int) -> Path:
    """A copy in a new temporary folder for the system's viewer to open, under the file's
    safe name so the viewer knows what it is. Raises ``WouldRun`` for a program or a script,
    which the viewer would run instead of showing."""
    attachment = Attachment.get_or_none(Attachment.id == attachment_id)
    if attachment is None:
        raise SeriktesError(_("This file is no longer attached."))
    name = safe_file_name(attachment.file_name)
    data = attachment_bytes(attachment_id)
    refusal = WouldRun(
        _(
            "“{name}” was not opened: it is a program or a script, and opening it could run "
            "it on this computer."
        ).format(name=shown_file_name(name))
    )
    if would_run(name, data[:4]):
        raise refusal
    folder = Path(tempfile.mkdtemp(prefix="seriktes-"))
    copy = _write(data, folder / name)
    # Some disks (FAT, network shares) mark every file executable; Windows marks programs.
    if os.stat(copy).st_mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH):
        copy.unlink()
        raise refusal
    return copy


def remove_attachment(attachment_id: int) -> None:
    Attachment.delete().where(Attachment.id == attachment_id).execute()
