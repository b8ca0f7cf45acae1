"""Saved views: a list as a user arranged it — its search, filters, sort and the columns shown
in their order — kept in the database under a name. A view is the user's own, or shared with
everyone who uses the database (on a server too, as every user reads the same table). The
window shows a view under its kind in the navigation; ``seriktes export KIND --view NAME``
writes the same rows and columns.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from peewee import IntegrityError

from models.errors import SeriktesError
from models.listing import ListRequest, RecordList
from models.store.base import current_user, db, now
from models.store.records import SavedView
from models.words.text import clean, fold
from models.words.translation import _

MAX_NAME_LENGTH = 100


class ViewRefused(SeriktesError):
    """A view that cannot be saved, found or changed; the message says why."""


@dataclass(frozen=True)
class View:
    id: int
    kind: str
    name: str
    shared: bool
    request: ListRequest
    columns: tuple[str, ...]  # the keys of the columns shown, in their order


def _view(row: SavedView) -> View:
    return View(
        id=row.id,
        kind=row.record_kind,
        name=row.name,
        shared=row.owner == "",
        request=ListRequest(
            search=row.search,
            filters=dict(json.loads(row.filters or "{}")),
            sort=row.sort or None,
            descending=bool(row.descending),
        ),
        columns=tuple(json.loads(row.columns or "[]")),
    )


def _visible(kind: str):
    """The views of a kind a user sees: the shared ones and their own."""
    return SavedView.select().where(
        (SavedView.record_kind == kind) & SavedView.owner.in_(["", current_user()])
    )


def views_of(kind: str) -> list[View]:
    """The views of a kind the user sees, by name."""
    rows = sorted(_visible(kind), key=lambda row: (fold(row.name), row.id))
    return [_view(row) for row in rows]


def find_view(kind: str, name: str) -> View:
    """The view of that name (any case, spacing or accents), or ``ViewRefused``."""
    wanted = fold(clean(name))
    for view in views_of(kind):
        if fold(view.name) == wanted:
            return view
    known = ", ".join(f"“{view.name}”" for view in views_of(kind))
    if known:
        raise ViewRefused(
            _("No saved view is called “{name}” here. The views of this list: {views}.").format(
                name=name, views=known
            )
        )
    raise ViewRefused(_("No saved view is called “{name}”: this list has none.").format(name=name))


def view_by_id(view_id: int) -> View:
    return _view(_row(view_id))


def _row(view_id: int) -> SavedView:
    row = _visible_row(view_id)
    if row is None:
        raise ViewRefused(_("This saved view no longer exists."))
    return row


def _visible_row(view_id: int) -> SavedView | None:
    return SavedView.get_or_none(
        (SavedView.id == view_id) & SavedView.owner.in_(["", current_user()])
    )


def _checked_name(kind: str, name: str, except_id: int | None = None) -> str:
    name = clean(name)
    if not name:
        raise ViewRefused(_("Give the view a name."))
    if len(name) > MAX_NAME_LENGTH:
        raise ViewRefused(
            _("A view's name may be at most {limit} characters long.").format(limit=MAX_NAME_LENGTH)
        )
    for view in views_of(kind):
        if view.id != except_id and fold(view.name) == fold(name):
            raise ViewRefused(
                _("A view called “{name}” already exists. Choose another name.").format(
                    name=view.name
                )
            )
    return name


def _checked_layout(
    record_list: RecordList, request: ListRequest, columns: Sequence[str]
) -> tuple[ListRequest, list[str]]:
    """What a view keeps, limited to what the list knows: a column or filter it no longer
    has would make the view show something else than it says."""
    keys = {column.key for column in record_list.columns}
    shown = [key for key in dict.fromkeys(columns) if key in keys]
    if not shown:
        raise ViewRefused(_("A view shows at least one column."))
    filters = {
        spec.key: str(request.filters[spec.key])
        for spec in record_list.filters
        if request.filters.get(spec.key)
    }
    sort = request.sort if request.sort in keys else None
    return ListRequest(request.search or "", filters, sort, bool(request.descending)), shown


def save_view(
    record_list: RecordList,
    name: str,
    request: ListRequest,
    columns: Sequence[str],
    shared: bool = False,
) -> View:
    """Keep the list as arranged under a new name, for the user alone or for everyone."""
    name = _checked_name(record_list.kind, name)
    request, shown = _checked_layout(record_list, request, columns)
    try:
        with db.atomic():
            row = SavedView.create(
                record_kind=record_list.kind,
                name=name,
                owner="" if shared else current_user(),
                **_stored(request, shown),
            )
    except IntegrityError:  # saved meanwhile by someone else under that name
        raise ViewRefused(
            _("A view called “{name}” already exists. Choose another name.").format(name=name)
        ) from None
    return _view(row)


def _stored(request: ListRequest, columns: list[str]) -> dict:
    return dict(
        search=request.search,
        filters=json.dumps(request.filters, ensure_ascii=False, sort_keys=True),
        sort=request.sort or "",
        descending=request.descending,
        columns=json.dumps(columns),
        updated_at=now(),
    )


def change_view(
    record_list: RecordList, view_id: int, request: ListRequest, columns: Sequence[str]
) -> View:
    """The view now keeps the list as it is arranged."""
    row = _row(view_id)
    request, shown = _checked_layout(record_list, request, columns)
    SavedView.update(**_stored(request, shown)).where(SavedView.id == row.id).execute()
    return view_by_id(view_id)


def rename_view(view_id: int, name: str) -> View:
    row = _row(view_id)
    name = _checked_name(row.record_kind, name, except_id=row.id)
    SavedView.update(name=name, updated_at=now()).where(SavedView.id == row.id).execute()
    return view_by_id(view_id)


def share_view(view_id: int, shared: bool) -> View:
    """Shared with everyone who uses the database, or the user's own again."""
    row = _row(view_id)
    SavedView.update(owner="" if shared else current_user()).where(SavedView.id == row.id).execute()
    return view_by_id(view_id)


def delete_view(view_id: int) -> None:
    row = _row(view_id)
    SavedView.delete().where(SavedView.id == row.id).execute()
