"""The database proxy every model is bound to, and the base models."""

from __future__ import annotations

import datetime as dt
import functools
import getpass

from peewee import CharField, DatabaseProxy, DateTimeField, Model, TextField

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

    ``search_text`` holds the folded names of the record (see ``models.words.text.fold``); the
    domain layer fills it on every save so lists search it in SQL.
    """

    created_at = DateTimeField(default=now)
    created_by = CharField(default=current_user)
    updated_at = DateTimeField(default=now, index=True)
    updated_by = CharField(default=current_user)
    search_text = TextField(default="")

    def save(self, *args, **kwargs):
        if self._pk is not None:
            self.updated_at = now()
            self.updated_by = current_user()
        return super().save(*args, **kwargs)
