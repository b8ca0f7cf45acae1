"""The database proxy every model is bound to, and the base models."""

from __future__ import annotations

import datetime as dt
import functools
import getpass

from peewee import (
    SQL,
    BlobField,
    CharField,
    DatabaseProxy,
    DateTimeField,
    IntegerField,
    Model,
    TextField,
)

from models import clock

db = DatabaseProxy()


@functools.cache
def current_user() -> str:
    """The operating-system user name, recorded as the author of a change. Read once: it
    does not change while the app runs, and every new record asks for it twice."""
    try:
        return getpass.getuser()
    except Exception:  # no user name on some service accounts; a change is still recorded
        return "unknown"


def now() -> dt.datetime:
    return clock.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class RecordModel(BaseModel):
    """A record a user keeps: it knows when it was created and last changed, and by whom.

    ``search_text`` holds the names of the record as they are searched (see
    ``models.words.text.search_fold``), and ``sort_en``, ``sort_ru``, ``sort_kk`` the keys that
    put its name in the alphabet of each language (``models.words.collation``); the domain
    layer fills them on every save so lists search and sort in SQL.

    ``version`` counts the writes of the record and of the rows that belong to it (child rows,
    tags, areas): a form saves only over the version it opened, so two desktops editing one
    record never overwrite each other unseen (see ``RecordEditor.save``).
    """

    created_at = DateTimeField(default=now)
    created_by = CharField(default=current_user)
    updated_at = DateTimeField(default=now, index=True)
    updated_by = CharField(default=current_user)
    search_text = TextField(default="")
    sort_en = BlobField(default=b"", index=True)
    sort_ru = BlobField(default=b"", index=True)
    sort_kk = BlobField(default=b"", index=True)
    # The default in the schema too: rows written by other programs start at 1 as well.
    version = IntegerField(default=1, constraints=[SQL("DEFAULT 1")])

    def save(self, *args, **kwargs):
        if self._pk is not None:
            self.updated_at = now()
            self.updated_by = current_user()
        return super().save(*args, **kwargs)
