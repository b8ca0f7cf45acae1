"""Files attached to records. Their bytes are kept in the database itself, so a copy or a
backup of the database file carries them."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from models.errors import Problem, SeriktesError, ValidationFailed
from models.store.base import db
from models.store.records import RECORD_KINDS, Attachment, AttachmentContent

# A signed agreement or a presentation, not a video archive: larger files belong elsewhere.
MAX_SIZE = 200 * 1024 * 1024


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
        raise SeriktesError("Save the record before attaching files to it.")
    data = _read(path)
    with db.atomic():
        attachment = Attachment.create(
            record_kind=kind,
            record_id=record_id,
            file_name=path.name,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        AttachmentContent.create(attachment=attachment, data=data)
    return attachment


def _read(path: Path) -> bytes:
    def refuse(reason: str) -> ValidationFailed:
        return ValidationFailed([Problem("files", f"“{path.name}” cannot be attached: {reason}")])

    if path.is_dir():
        raise refuse("it is a folder. Choose a file.")
    try:
        size = path.stat().st_size
        if size > MAX_SIZE:
            raise refuse(f"it is larger than {MAX_SIZE // (1024 * 1024)} MB.")
        return path.read_bytes()
    except FileNotFoundError:
        raise refuse("it no longer exists.") from None
    except PermissionError:
        raise refuse("you are not allowed to read it.") from None
    except OSError as error:
        raise refuse(f"it cannot be read ({error.strerror or error}).") from None


def attachment_bytes(attachment_id: int) -> bytes:
    content = AttachmentContent.get_or_none(AttachmentContent.attachment == attachment_id)
    if content is None:
        raise SeriktesError("This file is no longer attached.")
    return bytes(content.data)


def save_attachment_as(attachment_id: int, target: str | Path) -> Path:
    """Write an attached file elsewhere; a failure leaves no half-written file behind."""
    target = Path(target)
    data = attachment_bytes(attachment_id)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise SeriktesError(f"{target} could not be written: {error.strerror or error}.") from error
    return target


def copy_for_viewing(attachment_id: int) -> Path:
    """A copy in a temporary folder for the system's viewer to open, under the file's own
    name so the viewer knows what it is."""
    attachment = Attachment.get_by_id(attachment_id)
    folder = Path(tempfile.mkdtemp(prefix="seriktes-"))
    return save_attachment_as(attachment_id, folder / attachment.file_name)


def remove_attachment(attachment_id: int) -> None:
    Attachment.delete().where(Attachment.id == attachment_id).execute()
