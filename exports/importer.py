"""Importing a sheet of records: read it, match its columns to fields, check every cell,
find the rows that are already recorded, and then — only when the user says so — write the
rows that can be taken, all in one transaction.

``preview_import`` changes nothing; ``apply_import`` writes all accepted rows or none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from exports.import_fields import FIELDS, ImportField, Mapping, find_header_row, match_headers
from exports.import_values import (
    CountryReader,
    read_bool,
    read_choice,
    read_date,
    read_names,
    read_number,
    read_text,
)
from exports.spreadsheet_reader import Workbook
from models import clock
from models.errors import SeriktesError
from models.kinds.agreements import DATED_STATUSES, agreement_status
from models.kinds.all_kinds import EDITORS_BY_KIND
from models.kinds.organizations import website_host
from models.store.base import db
from models.store.bulk import collection_paused, roomy_cache, rows_where_in
from models.store.records import Agreement, Organization, Person, Program
from models.words.choices import PARTICIPANT_ROLES, PARTICIPANT_STATUSES
from models.words.text import fold, name_key
from models.words.translation import N_, _, ngettext

SKIP, FILL, CREATE = "skip", "fill", "create"
DECISIONS = (SKIP, FILL, CREATE)


class ImportCancelled(SeriktesError):
    pass


@dataclass
class CellProblem:
    column: int | None  # None when the problem is the row's, not one cell's
    message: str


@dataclass
class ImportRow:
    number: int  # the row number as the spreadsheet shows it
    cells: list[Any]
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)
    twin_id: int | None = None  # an existing record it matches
    twin_title: str = ""
    repeats: int | None = None  # an earlier row of the file it matches
    new_names: list[str] = field(default_factory=list)  # records it will create first
    decision: str = CREATE

    @property
    def takeable(self) -> bool:
        return not self.problems and self.repeats is None


@dataclass
class ImportPreview:
    kind: str
    path: Path
    sheet: str
    header_row: int
    headers: list[Any]
    mapping: Mapping
    rows: list[ImportRow]

    @property
    def fields(self) -> dict[str, ImportField]:
        return {spec.key: spec for spec in FIELDS[self.kind]}

    def decide_twins(self, decision: str) -> None:
        for row in self.rows:
            if row.twin_id is not None:
                row.decision = decision


@dataclass
class ImportResult:
    read: int
    imported: int
    filled: int
    duplicates: int
    rejected: list[tuple[ImportRow, str]]
    created_ids: list[int] = field(default_factory=list)

    def summary(self) -> str:
        return ngettext(
            "{read} row read, {imported} imported, {filled} filled in, {duplicates} "
            "duplicates, {rejected} rejected",
            "{read} rows read, {imported} imported, {filled} filled in, {duplicates} "
            "duplicates, {rejected} rejected",
            self.read,
        ).format(
            read=self.read,
            imported=self.imported,
            filled=self.filled,
            duplicates=self.duplicates,
            rejected=len(self.rejected),
        )


# -- reading and checking ----------------------------------------------------------------------


@collection_paused()
def preview_import(
    workbook: Workbook,
    kind: str,
    sheet: str | None = None,
    mapping: Mapping | None = None,
    on_duplicate: str = SKIP,
) -> ImportPreview:
    """Every row of the sheet converted and checked, with its twin if it is already recorded.
    Reads the database, writes nothing."""
    chosen = workbook.sheet(sheet)
    header_row = find_header_row(kind, chosen.rows)
    headers = chosen.rows[header_row] if chosen.rows else []
    if mapping is None:
        mapping = match_headers(kind, headers)
    fields = {spec.key: spec for spec in FIELDS[kind]}
    if not chosen.rows[header_row + 1 :]:
        raise SeriktesError(
            _("The sheet “{sheet}” has headers but no rows to import.").format(sheet=chosen.name)
        )
    missing = [spec.label for spec in FIELDS[kind] if not _given(kind, spec, mapping)]
    if missing:
        raise SeriktesError(
            _(
                "No column of “{sheet}” is matched to “{fields}”, which every record needs. "
                "Choose the column that holds it."
            ).format(sheet=chosen.name, fields=", ".join(_(label) for label in missing))
        )
    converter = _Converter(kind)
    rows = []
    for number, cells in zip(
        chosen.numbers[header_row + 1 :], chosen.rows[header_row + 1 :], strict=True
    ):
        row = ImportRow(number, list(cells))
        converter.convert(row, mapping, fields)
        rows.append(row)
    if kind == "event":
        rows += _participants_from_other_sheets(workbook, chosen, rows, converter)
    _find_twins(kind, rows)
    if kind == "organization":
        _note_names_made_by_the_sheet(rows)
    preview = ImportPreview(
        kind, workbook.path, chosen.name, header_row, list(headers), dict(mapping), rows
    )
    preview.decide_twins(on_duplicate)
    return preview


def _given(kind: str, spec: ImportField, mapping: Mapping) -> bool:
    """Whether a column gives what every record needs of ``spec``: the main name of a kind
    that keeps names in several languages is given by any of them."""
    mapped = set(mapping.values())
    if not spec.required or spec.key in mapped:
        return True
    editor = EDITORS_BY_KIND.get(kind)
    if editor is None or spec.key != editor.title_field:
        return False
    return bool(mapped & set(editor.main_name_from))


def _cell(cells: list[Any], columns: dict[str, int], key: str) -> Any:
    column = columns.get(key)
    return cells[column] if column is not None and column < len(cells) else None


def _participants_from_other_sheets(
    workbook: Workbook, events_sheet, rows: list[ImportRow], converter: _Converter
) -> list[ImportRow]:
    """Participants kept on a sheet of their own (event, participant, role, status) join the
    events of the imported sheet named in their rows. Rows that name no event of the sheet
    are returned, so they are reported as not taken."""
    by_title: dict[str, list[ImportRow]] = {}
    for row in rows:
        if name_key(row.values.get("title")):  # a title of dashes names no event
            by_title.setdefault(name_key(row.values["title"]), []).append(row)
    unmatched, changed = [], set()
    for sheet in workbook.sheets:
        header_row = find_header_row("participant", sheet.rows) if sheet.rows else 0
        mapping = match_headers("participant", sheet.rows[header_row]) if sheet.rows else {}
        if sheet is events_sheet or {"event", "name"} - set(mapping.values()):
            continue
        columns = {key: column for column, key in mapping.items()}
        for number, cells in zip(
            sheet.numbers[header_row + 1 :], sheet.rows[header_row + 1 :], strict=True
        ):
            event = name_key(read_text(_cell(cells, columns, "event") or ""))
            targets = by_title.get(event, []) if event else []
            if not targets:
                lost = ImportRow(number, list(cells))
                lost.problems.append(
                    CellProblem(
                        None,
                        _(
                            "Sheet “{sheet}”, row {row}: no event called “{event}” is in the sheet."
                        ).format(
                            sheet=sheet.name, row=number, event=_cell(cells, columns, "event")
                        ),
                    )
                )
                unmatched.append(lost)
                continue
            try:
                participant = converter.names.participant(
                    read_text(_cell(cells, columns, "name") or "")
                )
                participant["role"] = (
                    read_choice(_cell(cells, columns, "role"), PARTICIPANT_ROLES, N_("Role"))
                    if _cell(cells, columns, "role")
                    else "attendee"
                )
                participant["status"] = (
                    read_choice(_cell(cells, columns, "status"), PARTICIPANT_STATUSES, N_("Status"))
                    if _cell(cells, columns, "status")
                    else "confirmed"
                )
            except ValueError as error:
                said = _("Sheet “{sheet}”, row {row}: {problem}").format(
                    sheet=sheet.name, row=number, problem=error
                )
                for target in targets:
                    target.problems.append(CellProblem(None, said))
                continue
            for target in targets:
                target.values["participants"].append(dict(participant))
                changed.add(id(target))
    editor = EDITORS_BY_KIND["event"]
    for row in rows:
        if id(row) in changed and not row.problems:
            row.problems += [
                CellProblem(None, problem.message) for problem in editor.validate(row.values, None)
            ]
    return unmatched


def new_organization(name: str) -> str:
    """An organization a row will create first, as the preview says it."""
    return _("organization “{name}”").format(name=name)


def new_person(name: str) -> str:
    """A person a row will create first, as the preview says it."""
    return _("person “{name}”").format(name=name)


def _names_in_file(rows: list[ImportRow]) -> dict[str, str]:
    """The key of every name the organizations of a sheet are given (in English, Kazakh,
    Russian or their own language), each leading to the key of the row's main name: a list
    exported in Kazakh names a parent in Kazakh."""
    keys: dict[str, str] = {}
    for row in rows:
        main = row.values.get("name")
        if not main:
            continue
        main_key = name_key(main)
        for field_name in ("name", "name_kk", "name_ru", "name_original"):
            other_key = name_key(row.values.get(field_name))
            if other_key:
                keys.setdefault(other_key, main_key)
    return keys


def _note_names_made_by_the_sheet(rows: list[ImportRow]) -> None:
    """A parent named by another row of the same sheet is not a new name to announce."""
    in_file = _names_in_file(rows)
    for row in rows:
        parent = row.values.get("parent")
        if isinstance(parent, str) and name_key(parent) in in_file:
            row.new_names = [n for n in row.new_names if n != new_organization(parent)]


class _Converter:
    """Turns a row's cells into an editor's values, noting each cell it cannot take."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.editor = EDITORS_BY_KIND[kind]
        self.country = CountryReader()
        self.names = _KnownNames()

    def convert(self, row: ImportRow, mapping: Mapping, fields: dict[str, ImportField]) -> None:
        values: dict[str, Any] = {}
        for column, key in mapping.items():
            value = row.cells[column] if column < len(row.cells) else None
            if value in (None, ""):
                continue
            try:
                values[key] = self._read(fields[key], value, row)
            except ValueError as error:
                row.problems.append(CellProblem(column, str(error)))
        # Statuses an agreement takes from its dates: an exported list shows them, an import
        # lets the dates decide again; so does a draft with no signing date, which its dates
        # make a draft anyway.
        if self.kind == "agreement" and values.get("status"):
            dated = Agreement(
                signed_on=values.get("signed_on"),
                effective_on=values.get("effective_on"),
                expires_on=values.get("expires_on"),
            )
            if values["status"] in DATED_STATUSES or values["status"] == agreement_status(
                dated, clock.today()
            ):
                values["status"] = None
        row.values = self.editor.clean_values(values)
        if not row.problems:
            for problem in self.editor.validate(row.values, None):
                column = next((c for c, k in mapping.items() if k == problem.field), None)
                row.problems.append(CellProblem(column, problem.message))

    def _read(self, spec: ImportField, value: Any, row: ImportRow) -> Any:
        kind = spec.kind
        if kind == "date":
            return read_date(value)
        if kind == "number":
            return read_number(value)
        if kind == "choice":
            return read_choice(value, spec.choices, spec.label)
        if kind == "country":
            return self.country(value)
        if kind == "bool":
            return read_bool(value)
        if kind == "names":
            names = read_names(value)
            if spec.key == "parties":
                return [
                    {"organization": self.names.organization(name, row), "signatory": None}
                    for name in names
                ]
            return names
        if kind == "organization":
            return self.names.organization(read_text(value), row)
        if kind == "person":
            return self.names.person(read_text(value), row)
        if kind == "program":
            return self.names.program(read_text(value))
        if kind == "participants":
            return [self.names.participant(name) for name in read_names(value)]
        return read_text(value)


# How Seriktes's own exports name an organization: "International Science and Technology
# Center (ISTC)", its name and then its acronym.
_NAME_AND_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acronym>[^()]+)\)$")


class _KnownNames:
    """Organizations, people and programs named in cells, found among those recorded. Each
    name is looked up once, by index, so a sheet naming a few partners does not read all
    100,000. An organization or person not recorded yet is created by the import, and the
    row says so; a program must exist."""

    def __init__(self) -> None:
        self._organizations: dict[str, int | None] = {}
        self._other_names: dict[str, int] | None = None
        self._people: dict[str, int | None] = {}
        self._programs: dict[str, int] | None = None

    def _organization(self, key: str) -> int | None:
        if key not in self._organizations:
            by_name = Organization.select(Organization.id).where(Organization.name_key == key)
            by_acronym = Organization.select(Organization.id).where(Organization.short_key == key)
            found = by_name.scalar() or by_acronym.scalar() or self._named_in_other_language(key)
            self._organizations[key] = found
        return self._organizations[key]

    def _named_in_other_language(self, key: str) -> int | None:
        """The organization whose name in Kazakh or Russian, or in its own language, has
        ``key``: a list exported in Kazakh names its partners in Kazakh. Those names have no
        key column; they are read once, when a name is not found by its key."""
        if self._other_names is None:
            self._other_names = {}
            named = Organization.select(
                Organization.id,
                Organization.name_kk,
                Organization.name_ru,
                Organization.name_original,
            ).where(
                (Organization.name_kk != "")
                | (Organization.name_ru != "")
                | (Organization.name_original != "")
            )
            for organization_id, *names in named.order_by(Organization.id).tuples():
                for other in names:
                    if other and name_key(other):
                        self._other_names.setdefault(name_key(other), organization_id)
        return self._other_names.get(key)

    def _person(self, key: str) -> int | None:
        if key not in self._people:
            self._people[key] = Person.select(Person.id).where(Person.name_key == key).scalar()
        return self._people[key]

    def organization(self, name: str, row: ImportRow) -> int | str:
        if not name_key(name):
            raise ValueError(
                _(
                    "“{name}” is not the name of an organization: it has no letters or digits."
                ).format(name=name)
            )
        found = self._organization(name_key(name)) or self._exported_title(name)
        if found is None:
            row.new_names.append(new_organization(name))
            return name  # made before the rows, and replaced by its id then
        return found

    def _exported_title(self, name: str) -> int | None:
        """The organization an export named "Name (ACRONYM)": both parts must name it, so a
        name that merely ends in brackets ("Embassy of Spain (Astana)") is not taken for
        another organization."""
        parts = _NAME_AND_ACRONYM.match(name.strip())
        if parts is None:
            return None
        found = self._organization(name_key(parts["name"]))
        return found if found == self._organization(name_key(parts["acronym"])) else None

    def person(self, name: str, row: ImportRow) -> int | str:
        if not name_key(name):
            raise ValueError(
                _("“{name}” is not the name of a person: it has no letters or digits.").format(
                    name=name
                )
            )
        found = self._person(name_key(name))
        if found is None:
            row.new_names.append(new_person(name))
            return name
        return found

    def program(self, name: str) -> int:
        if self._programs is None:  # programs are few: read once, when a sheet names one
            self._programs = {}
            named = Program.select(Program.id, Program.name, Program.name_kk, Program.name_ru)
            for program_id, *names in named.order_by(Program.id).tuples():
                for title in names:  # a list in Kazakh or Russian names programs in it
                    if title and name_key(title):
                        self._programs.setdefault(name_key(title), program_id)
        found = self._programs.get(name_key(name)) if name_key(name) else None
        if found is None:
            raise ValueError(
                _(
                    "No program called “{name}” is recorded. Add it first, or correct the name."
                ).format(name=name)
            )
        return found

    def participant(self, name: str) -> dict[str, int | None]:
        if not name_key(name):
            raise ValueError(
                _(
                    "“{name}” is not the name of a person or an organization: it has no letters "
                    "or digits."
                ).format(name=name)
            )
        if (person := self._person(name_key(name))) is not None:
            return {"person": person, "organization": None, "role": None, "status": None}
        if (organization := self._organization(name_key(name))) is not None:
            return {"person": None, "organization": organization, "role": None, "status": None}
        raise ValueError(
            _(
                "No person or organization called “{name}” is recorded. Add them first, or "
                "correct the name."
            ).format(name=name)
        )


# -- twins ------------------------------------------------------------------------------------


def _match_keys(kind: str, values: dict[str, Any]) -> list[str]:
    """What makes two records the same: the same name or acronym or web address, ignoring
    case, spacing and punctuation (for dated records, the same title on the same day). A
    text with no letter or digit ("-", "—", "***") has no key and matches nothing: it says
    nothing about which record a row is."""

    def key(prefix: str, text: Any, *more: Any) -> str:
        folded = name_key(str(text)) if text else ""
        return "@".join([prefix + folded, *map(str, more)]) if folded else ""

    if kind == "organization":
        host = website_host(values["website"]) if values.get("website") else ""
        # A name written where the acronym was, or the other way round, still matches.
        keys = [key("n:", values["name"]), key("n:", values["short_name"])]
        keys.append(f"w:{host}" if host else "")
    elif kind == "person":
        keys = [key("n:", values["full_name"])]
    elif kind == "program":
        keys = [key("n:", values["name"]), key("n:", values["short_name"])]
    elif kind == "agreement":
        keys = [key("n:", values["title"]), key("r:", values["reference_number"])]
    elif kind in ("event", "delegation"):
        keys = [key("n:", values["title"], values.get("starts_on"))]
    elif kind == "figure":
        keys = [key("n:", values["measure"], values.get("as_of"), _number_key(values.get("value")))]
    else:
        keys = []
    return [k for k in keys if k]


def _number_key(value: Any) -> Any:
    """A number as its key: 1130 in a sheet's cell reads as 1130.0, recorded it is 1130."""
    try:
        return Decimal(value).normalize()
    except (TypeError, ValueError, ArithmeticError):
        return value


def _existing_keys(kind: str, wanted: set[str]) -> dict[str, int]:
    """The recorded records that share a match key with the sheet's rows. Organizations and
    people keep their keys in indexed columns and are looked up by the sheet's keys; the
    other kinds are fewer and are read in one query."""
    if kind in _KEY_COLUMNS:
        return _indexed_keys(kind, wanted)
    editor = EDITORS_BY_KIND[kind]
    model = editor.model
    keys: dict[str, int] = {}
    columns = [model.id] + [model._meta.fields[name] for name in _KEY_FIELDS[kind]]
    for row in model.select(*columns).dicts().iterator():
        values = {name: row.get(name) or "" for name in _KEY_FIELDS[kind]}
        for match in _match_keys(
            kind, {**values, **{k: row.get(k) for k in ("starts_on", "as_of", "value")}}
        ):
            keys.setdefault(match, row["id"])
    return keys


# The stored, indexed columns of a kind's match keys, by the keys' prefix.
_KEY_COLUMNS = {
    "organization": (
        ("n:", Organization.name_key),
        ("n:", Organization.short_key),
        ("w:", Organization.website_key),
    ),
    "person": (("n:", Person.name_key),),
}


def _indexed_keys(kind: str, wanted: set[str]) -> dict[str, int]:
    model = EDITORS_BY_KIND[kind].model
    keys: dict[str, int] = {}
    for prefix, column in _KEY_COLUMNS[kind]:
        values = sorted(key[len(prefix) :] for key in wanted if key.startswith(prefix))
        # The oldest record of a key is its twin.
        for record_id, value in sorted(rows_where_in(model, [model.id, column], column, values)):
            keys.setdefault(prefix + value, record_id)
    return keys


_KEY_FIELDS = {
    "organization": ("name", "short_name", "website"),
    "person": ("full_name",),
    "program": ("name", "short_name"),
    "agreement": ("title", "reference_number"),
    "event": ("title", "starts_on"),
    "delegation": ("title", "starts_on"),
    "figure": ("measure", "as_of", "value"),
}


def _find_twins(kind: str, rows: list[ImportRow]) -> None:
    keys_of = {id(row): _match_keys(kind, row.values) for row in rows if row.values}
    existing = _existing_keys(kind, {key for keys in keys_of.values() for key in keys})
    editor = EDITORS_BY_KIND[kind]
    seen: dict[str, int] = {}
    for row in rows:
        if not row.values:  # a row of another sheet that joined none of this one's
            continue
        keys = keys_of[id(row)]
        twin = next((existing[k] for k in keys if k in existing), None)
        if twin is not None:
            row.twin_id = twin
        elif (earlier := next((seen[k] for k in keys if k in seen), None)) is not None:
            row.repeats = earlier
        for k in keys:
            seen.setdefault(k, row.number)
    # The twins' titles, read a few hundred at a time rather than one query each.
    twins = sorted({row.twin_id for row in rows if row.twin_id is not None})
    titles = {}
    for start in range(0, len(twins), 500):
        chunk = editor.model.select().where(editor.model.id.in_(twins[start : start + 500]))
        titles.update({record.id: editor.title(record) for record in chunk})
    for row in rows:
        if row.twin_id is not None:
            row.twin_title = titles[row.twin_id]


# -- writing ----------------------------------------------------------------------------------

Progress = Callable[[int, int], bool]  # (done, total) → False to cancel


@dataclass
class _Plan:
    new_rows: list[ImportRow]
    fill_rows: list[ImportRow]
    rejected: list[tuple[ImportRow, str]]
    duplicates: int


def _plan(preview: ImportPreview) -> _Plan:
    """Which rows are written, which fill a recorded twin, and why the others are not."""
    plan = _Plan([], [], [], 0)
    for row in preview.rows:
        if row.problems:
            plan.rejected.append((row, "; ".join(p.message for p in row.problems)))
        elif row.repeats is not None:
            plan.duplicates += 1
            plan.rejected.append((row, _("Repeats row {row} of the file.").format(row=row.repeats)))
        elif row.twin_id is not None and row.decision == SKIP:
            plan.duplicates += 1
            plan.rejected.append(
                (row, _("Already recorded as “{title}”; skipped.").format(title=row.twin_title))
            )
        elif row.twin_id is not None and row.decision == FILL:
            plan.duplicates += 1
            plan.fill_rows.append(row)
        else:
            plan.new_rows.append(row)
    return plan


def dry_run(preview: ImportPreview) -> ImportResult:
    """What ``apply_import`` would do, without writing anything."""
    plan = _plan(preview)
    return ImportResult(
        len(preview.rows), len(plan.new_rows), len(plan.fill_rows), plan.duplicates, plan.rejected
    )


def apply_import(preview: ImportPreview, progress: Progress | None = None) -> ImportResult:
    """Write every row that can be taken, as decided, in one transaction: all or none."""
    editor = EDITORS_BY_KIND[preview.kind]
    plan = _plan(preview)
    new_rows, fill_rows, rejected = plan.new_rows, plan.fill_rows, plan.rejected
    total = len(new_rows) + len(fill_rows)
    # An organization may name as its parent another row of the same sheet: it is linked
    # once both are written, instead of being made twice.
    in_file = _names_in_file(new_rows) if preview.kind == "organization" else {}
    parents = {}
    for index, row in enumerate(new_rows):
        parent = row.values.get("parent")
        if isinstance(parent, str) and name_key(parent) in in_file:
            parents[index] = in_file[name_key(parent)]
            row.values["parent"] = None
    with collection_paused(), roomy_cache(db.obj), db.atomic():
        _create_named(preview.rows, skip=set(in_file))
        ids = []
        for start in range(0, len(new_rows), 500):
            chunk = new_rows[start : start + 500]
            ids += editor.insert_many([row.values for row in chunk])
            if progress is not None and progress(len(ids), total) is False:
                raise ImportCancelled(_("The import was cancelled; nothing was imported."))
        if parents:
            by_key = {
                name_key(row.values["name"]): record_id
                for row, record_id in zip(new_rows, ids, strict=True)
            }
            for index, key in parents.items():
                Organization.update(parent=by_key[key]).where(
                    Organization.id == ids[index]
                ).execute()
        filled = 0
        for row in fill_rows:
            problem = _fill(editor, row)
            if problem:
                rejected.append((row, problem))
            else:
                filled += 1
    return ImportResult(len(preview.rows), len(ids), filled, plan.duplicates, rejected, ids)


def _create_named(rows: list[ImportRow], skip: set[str]) -> None:
    """Make the organizations and people the sheet names but nobody recorded yet, once each,
    and put their ids where the rows named them (but for the names in ``skip``, which the
    sheet's own rows make)."""
    made: dict[tuple[str, str], int] = {}
    editors = {"organization": EDITORS_BY_KIND["organization"], "person": EDITORS_BY_KIND["person"]}
    title_field = {"organization": "name", "person": "full_name"}

    def resolve(kind: str, name: str) -> int:
        key = (kind, name_key(name))
        if key not in made:
            made[key] = editors[kind].save({title_field[kind]: name}).id
        return made[key]

    for row in rows:
        if not row.new_names or row.problems or row.repeats is not None:
            continue
        values = row.values
        for key, kind in (
            ("parent", "organization"),
            ("organization", "organization"),
            ("lead", "organization"),
            ("head", "person"),
        ):
            if isinstance(values.get(key), str) and name_key(values[key]) not in skip:
                values[key] = resolve(kind, values[key])
        for party in values.get("parties", []):
            if isinstance(party["organization"], str):
                party["organization"] = resolve("organization", party["organization"])


def _fill(editor, row: ImportRow) -> str | None:
    """Fill the empty fields of the recorded twin with the row's values."""
    current = editor.load(row.twin_id)
    merged = dict(current)
    for key, value in row.values.items():
        if value in (None, "", []) or key not in current:
            continue
        if current[key] in (None, "", []):
            merged[key] = value
    if merged == current:
        return None
    problems = editor.problems(merged, row.twin_id)
    if problems:
        return "; ".join(problem.message for problem in problems)
    editor.save(merged, row.twin_id)
    return None


def cell_text(value: Any) -> str:
    return "" if value is None else read_text(value)


def describe_mapping(preview: ImportPreview) -> list[tuple[str, str]]:
    """(header, field label) for every column, as the wizard and the report show them, the
    label in the current language."""
    fields = preview.fields
    return [
        (cell_text(header), _(fields[preview.mapping[c]].label) if c in preview.mapping else "")
        for c, header in enumerate(preview.headers)
    ]


def folded(value: Any) -> str:
    return fold(cell_text(value))
