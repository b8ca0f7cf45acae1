"""Undo and Redo stay true to the database after any sequence of creates, edits, deletes,
restores from the trash, imports, deletes for good, undos and redos: a random walk through
the functions the window calls, checked after every step against a model of what the
database should hold and of the steps Edit ▸ Undo and Redo should name."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from models import trash
from models.kinds.agreements import AGREEMENTS
from models.kinds.organizations import ORGANIZATIONS
from models.store.database import close_database, open_database
from models.store.records import Agreement, Organization, TrashItem
from models.undo import StepRefused, UndoHistory

PICK = st.integers(0, 1_000_000)  # which of the records in a place a step takes
KINDS = {
    "organization": (ORGANIZATIONS, Organization, "name"),
    "agreement": (AGREEMENTS, Agreement, "title"),
}


@dataclass(eq=False)
class Thing:
    """A record as the model knows it: its name (unique to it, so the database finds it by
    name), its notes, and where it is."""

    kind: str
    name: str
    notes: str = ""
    place: str = "live"  # "live", "trash" or "gone" (deleted for good)


@dataclass
class ModelStep:
    action: str
    title: str
    things: list[Thing]
    before: tuple[str, str] = ("", "")  # an edit: name and notes before
    after: tuple[str, str] = ("", "")

    def can_undo(self) -> bool:
        if self.action == "delete":
            return self.things[0].place == "trash"
        return all(thing.place == "live" for thing in self.things)

    def can_redo(self) -> bool:
        if self.action == "delete" or self.action == "edit":
            return self.things[0].place == "live"
        return all(thing.place == "trash" for thing in self.things)

    def undo(self) -> None:
        self._apply(self.before, "live" if self.action == "delete" else "trash")

    def redo(self) -> None:
        self._apply(self.after, "trash" if self.action == "delete" else "live")

    def _apply(self, values: tuple[str, str], place: str) -> None:
        if self.action == "edit":
            self.things[0].name, self.things[0].notes = values
        else:
            for thing in self.things:
                thing.place = place


@dataclass
class Expected:
    things: list[Thing] = field(default_factory=list)
    steps: list[ModelStep] = field(default_factory=list)
    index: int = 0

    def push(self, step: ModelStep) -> None:
        del self.steps[self.index :]
        self.steps.append(step)
        self.index = len(self.steps)

    def where(self, place: str) -> list[Thing]:
        return [thing for thing in self.things if thing.place == place]


class UndoWalk(RuleBasedStateMachine):
    """Each example runs on a database file of its own."""

    folder = None
    numbers = itertools.count()

    def __init__(self) -> None:
        super().__init__()
        close_database()
        database = open_database(str(self.folder / f"walk{next(self.numbers)}.db"))
        # Thousands of commits: the file need not survive a power cut.
        database.execute_sql("PRAGMA synchronous = OFF")
        self.history = UndoHistory()
        self.expected = Expected()
        self.names = itertools.count(1)

    def _name(self, kind: str) -> str:
        return f"{kind.capitalize()} {next(self.names)}"

    def _pick(self, place: str, pick: int) -> Thing:
        things = self.expected.where(place)
        return things[pick % len(things)]

    def _record(self, thing: Thing):
        editor, model, title_field = KINDS[thing.kind]
        return model.get(getattr(model, title_field) == thing.name)

    # -- what a user does in the window ---------------------------------------------------

    @rule(kind=st.sampled_from(sorted(KINDS)))
    def create(self, kind):
        editor, _model, title_field = KINDS[kind]
        thing = Thing(kind, self._name(kind))
        record = editor.save({title_field: thing.name})
        self.history.saved(record.change_set, editor.title(record))
        self.expected.things.append(thing)
        self.expected.push(ModelStep("creation", thing.name, [thing]))

    @precondition(lambda self: self.expected.where("live"))
    @rule(pick=PICK, rename=st.booleans())
    def edit(self, pick, rename):
        thing = self._pick("live", pick)
        editor, _model, title_field = KINDS[thing.kind]
        record = self._record(thing)
        before = (thing.name, thing.notes)
        values = editor.load(record.id)
        if rename:
            thing.name = values[title_field] = self._name(thing.kind)
        else:
            thing.notes = values["notes"] = f"Note {next(self.names)}"
        saved = editor.save(values, record.id)
        self.history.saved(saved.change_set, editor.title(saved))
        step = ModelStep("edit", thing.name, [thing], before, (thing.name, thing.notes))
        self.expected.push(step)

    @precondition(lambda self: self.expected.where("live"))
    @rule(pick=PICK)
    def delete(self, pick):
        thing = self._pick("live", pick)
        item = trash.move_to_trash(thing.kind, self._record(thing).id)
        self.history.deleted(thing.kind, item.record_id, item.batch, item.title)
        thing.place = "trash"
        self.expected.push(ModelStep("delete", thing.name, [thing]))

    @precondition(lambda self: self.expected.where("trash"))
    @rule(pick=PICK)
    def restore_from_the_trash(self, pick):
        thing = self._pick("trash", pick)
        item = TrashItem.get(
            (TrashItem.title == thing.name) & (TrashItem.record_kind == thing.kind)
        )
        self.history.restored(trash.restore_item(item.id))
        thing.place = "live"
        self.expected.push(ModelStep("restore", thing.name, [thing]))

    @rule(kind=st.sampled_from(sorted(KINDS)), count=st.integers(1, 3))
    def import_rows(self, kind, count):
        editor, _model, title_field = KINDS[kind]
        things = [Thing(kind, self._name(kind)) for _ in range(count)]
        rows = [editor.clean_values({title_field: thing.name}) for thing in things]
        ids = editor.insert_many(rows)
        self.history.imported(kind, ids, "partners.xlsx")
        self.expected.things += things
        self.expected.push(ModelStep("import", "partners.xlsx", things))

    @precondition(lambda self: self.expected.where("trash"))
    @rule(pick=PICK)
    def delete_for_good(self, pick):
        thing = self._pick("trash", pick)
        item = TrashItem.get(
            (TrashItem.title == thing.name) & (TrashItem.record_kind == thing.kind)
        )
        trash.delete_for_good(item.id)
        thing.place = "gone"

    @precondition(lambda self: self.expected.where("trash"))
    @rule()
    def empty_the_trash(self):
        trash.empty_trash()
        for thing in self.expected.where("trash"):
            thing.place = "gone"

    @rule(times=st.integers(1, 8))
    def undo(self, times):
        for _time in range(times):
            self._undo()

    @rule(times=st.integers(1, 4))
    def redo(self, times):
        for _time in range(times):
            self._redo()

    def _undo(self):
        expected = self.expected
        if expected.index == 0:
            assert self.history.next_undo() is None
            return
        step = expected.steps[expected.index - 1]
        if step.can_undo():
            self.history.undo()
            step.undo()
            expected.index -= 1
        else:
            with pytest.raises(StepRefused):
                self.history.undo()
            del expected.steps[expected.index - 1]
            expected.index -= 1

    def _redo(self):
        expected = self.expected
        if expected.index == len(expected.steps):
            assert self.history.next_redo() is None
            return
        step = expected.steps[expected.index]
        if step.can_redo():
            self.history.redo()
            step.redo()
            expected.index += 1
        else:
            with pytest.raises(StepRefused):
                self.history.redo()
            del expected.steps[expected.index]

    # -- what must hold after every step ----------------------------------------------------

    @invariant()
    def the_database_holds_what_the_model_says(self):
        for kind, (_editor, model, title_field) in KINDS.items():
            live = {getattr(record, title_field): record.notes for record in model.select()}
            assert live == {
                thing.name: thing.notes
                for thing in self.expected.where("live")
                if thing.kind == kind
            }
            in_trash = sorted(
                item.title for item in TrashItem.select().where(TrashItem.record_kind == kind)
            )
            assert in_trash == sorted(
                thing.name for thing in self.expected.where("trash") if thing.kind == kind
            )

    @invariant()
    def undo_and_redo_name_the_right_steps(self):
        expected = self.expected
        named = [(step.action, step.title) for step in self.history.steps]
        assert named == [(step.action, step.title) for step in expected.steps]
        assert self.history.index == expected.index

    def teardown(self):
        close_database()


@pytest.mark.sqlite_only
def test_undo_and_redo_stay_true_through_any_sequence_of_steps(tmp_path):
    UndoWalk.folder = tmp_path
    UndoWalk.TestCase.settings = settings(
        max_examples=30,
        stateful_step_count=30,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    UndoWalk.TestCase().runTest()


# Steps of the seeded walk, with how often each is taken: destroying the trash is rarer than
# editing, as it is for users.
WALK = [
    ("create", 4),
    ("edit", 4),
    ("delete", 3),
    ("restore_from_the_trash", 3),
    ("import_rows", 1),
    ("delete_for_good", 1),
    ("empty_the_trash", 0.2),
    ("undo", 8),
    ("redo", 4),
]


@pytest.mark.sqlite_only
def test_a_long_seeded_walk_stays_true(tmp_path):
    """Thousands of steps in one session, where records come back from the trash under ids
    taken meanwhile and steps are undone across them."""
    UndoWalk.folder = tmp_path
    rng = random.Random(20250305)
    walk = UndoWalk()
    names, weights = zip(*WALK, strict=True)
    preconditions = {"edit": "live", "delete": "live", "restore_from_the_trash": "trash"}
    preconditions |= {"delete_for_good": "trash", "empty_the_trash": "trash"}
    for _step in range(1200):
        name = rng.choices(names, weights)[0]
        if name in preconditions and not walk.expected.where(preconditions[name]):
            continue
        arguments = {
            "create": lambda: {"kind": rng.choice(sorted(KINDS))},
            "edit": lambda: {"pick": rng.randrange(10**6), "rename": rng.random() < 0.3},
            "import_rows": lambda: {"kind": rng.choice(sorted(KINDS)), "count": rng.randint(1, 3)},
            "undo": lambda: {"times": rng.randint(1, 8)},
            "redo": lambda: {"times": rng.randint(1, 4)},
            "empty_the_trash": dict,
        }.get(name, lambda: {"pick": rng.randrange(10**6)})()
        getattr(walk, name)(**arguments)
        walk.the_database_holds_what_the_model_says()
        walk.undo_and_redo_name_the_right_steps()
    walk.teardown()
