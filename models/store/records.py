"""Every kind of record Seriktes keeps, designed as one schema.

Main records (organizations, people, events, delegations, programs, agreements, key figures,
sources) derive from ``RecordModel``. Links between them are tables of their own with foreign
keys, so the database refuses a link to a record that does not exist. Tags, attachments and
press mentions can belong to any kind of record; they name it by kind and id.
"""

from __future__ import annotations

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    Check,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
    TimeField,
)

from models.store.base import BaseModel, RecordModel, now
from models.words.choices import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    DELEGATION_DIRECTIONS,
    DELEGATION_SIDES,
    EVENT_KINDS,
    FIGURE_QUALIFIERS,
    ORGANIZATION_KINDS,
    ORGANIZATION_STATUSES,
    PARTICIPANT_ROLES,
    PARTICIPANT_STATUSES,
    PARTNER_ROLES,
    PROGRAM_KINDS,
    PROGRAM_STATUSES,
)


def _dates_in_order(first: str, last: str) -> Check:
    return Check(f"{last} IS NULL OR {first} IS NULL OR {last} >= {first}")


class Country(BaseModel):
    """ISO 3166 countries with their names in the three working languages (CLDR), filled
    when a database is created (``models.words.countries``), so lists show, sort and search
    them in SQL. ``search_text`` holds every name a country is known by, in every language;
    ``sort_*`` the key of its name in each language's alphabet."""

    code = CharField(primary_key=True, max_length=2)
    name_en = CharField()
    name_ru = CharField()
    name_kk = CharField()
    search_text = TextField(default="")
    sort_en = BlobField(default=b"")
    sort_ru = BlobField(default=b"")
    sort_kk = BlobField(default=b"")

    def name(self, language: str = "en") -> str:
        return {"ru": self.name_ru, "kk": self.name_kk}.get(language, self.name_en)


class Organization(RecordModel):
    # Names are looked up by their keys (``name_key``, ``short_key``) and sorted by their sort
    # keys, which are indexed; an index on the names as written would only slow every import
    # down. ``name`` is the main name: the one given, else the name in Kazakh, in Russian or
    # the original one (an organization may be known by one of them only).
    name = CharField()
    short_name = CharField(default="")
    name_kk = CharField(default="")
    name_ru = CharField(default="")
    name_original = CharField(default="")
    # Former names, other spellings and the names of twins merged into it; text, as a merge
    # may add many (a database server's VARCHAR would refuse past 255 characters).
    other_names = TextField(default="")
    kind = CharField(null=True, index=True)
    country = ForeignKeyField(Country, null=True, on_delete="RESTRICT", index=True)
    city = CharField(default="")
    website = CharField(default="")
    email = CharField(default="")
    phone = CharField(default="")
    parent = ForeignKeyField("self", null=True, backref="branches", on_delete="SET NULL")
    status = CharField(null=True, index=True)
    notes = TextField(default="")
    # Folded name without punctuation: the same organization entered twice shares it. The
    # acronym and the website's host are kept the same way, so an import finds twins by
    # index among 100,000 partners.
    name_key = CharField(default="", index=True)
    short_key = CharField(default="", index=True)
    website_key = CharField(default="", index=True)
    # The acronym's place in the alphabet of each language, as ``sort_*`` is the name's.
    short_sort_en = BlobField(default=b"", index=True)
    short_sort_ru = BlobField(default=b"", index=True)
    short_sort_kk = BlobField(default=b"", index=True)

    class Meta:
        constraints = [
            Check("length(trim(name)) > 0"),
            Check(ORGANIZATION_KINDS.sql_check("kind")),
            Check(ORGANIZATION_STATUSES.sql_check("status")),
            Check("parent_id IS NULL OR parent_id <> id"),
        ]


class Area(BaseModel):
    """An area of cooperation ("Artificial intelligence", "Water"), shared by partners and
    programs."""

    name = CharField(unique=True)


class OrganizationArea(BaseModel):
    organization = ForeignKeyField(Organization, backref="area_links", on_delete="CASCADE")
    area = ForeignKeyField(Area, backref="organization_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("organization", "area"), True),)


class Person(RecordModel):
    full_name = CharField()  # looked up and sorted by ``name_key``
    other_names = CharField(default="")  # other spellings and scripts of the name
    position = CharField(default="")
    organization = ForeignKeyField(
        Organization, null=True, backref="people", on_delete="SET NULL", index=True
    )
    email = CharField(default="")
    phone = CharField(default="")
    notes = TextField(default="")
    name_key = CharField(default="", index=True)

    class Meta:
        constraints = [Check("length(trim(full_name)) > 0")]


class Event(RecordModel):
    title = CharField(index=True)  # the main title: the one given, else the Kazakh or Russian
    title_kk = CharField(default="")
    title_ru = CharField(default="")
    kind = CharField(null=True, index=True)
    starts_on = DateField(null=True, index=True)
    ends_on = DateField(null=True, index=True)
    starts_at = TimeField(null=True)
    ends_at = TimeField(null=True)
    country = ForeignKeyField(Country, null=True, on_delete="RESTRICT", index=True)
    city = CharField(default="")
    venue = CharField(default="")
    parent = ForeignKeyField("self", null=True, backref="sessions", on_delete="SET NULL")
    topics = TextField(default="")
    summary = TextField(default="")
    outcomes = TextField(default="")
    notes = TextField(default="")

    class Meta:
        constraints = [
            Check("length(trim(title)) > 0"),
            Check(EVENT_KINDS.sql_check("kind")),
            _dates_in_order("starts_on", "ends_on"),
        ]


class EventParticipant(BaseModel):
    """A person or an organization taking part in an event, with a role and a status."""

    event = ForeignKeyField(Event, backref="participants", on_delete="CASCADE")
    person = ForeignKeyField(Person, null=True, backref="event_roles", on_delete="CASCADE")
    organization = ForeignKeyField(
        Organization, null=True, backref="event_roles", on_delete="CASCADE"
    )
    role = CharField(default="attendee")
    status = CharField(default="confirmed")
    notes = TextField(default="")

    class Meta:
        constraints = [
            Check("person_id IS NOT NULL OR organization_id IS NOT NULL"),
            Check(PARTICIPANT_ROLES.sql_check("role", nullable=False)),
            Check(PARTICIPANT_STATUSES.sql_check("status", nullable=False)),
        ]


class Delegation(RecordModel):
    title = CharField(index=True)
    direction = CharField(default="incoming", index=True)
    organization = ForeignKeyField(
        Organization, null=True, backref="delegations", on_delete="SET NULL", index=True
    )
    head = ForeignKeyField(Person, null=True, backref="delegations_led", on_delete="SET NULL")
    starts_on = DateField(null=True, index=True)
    ends_on = DateField(null=True)
    country = ForeignKeyField(Country, null=True, on_delete="RESTRICT", index=True)
    city = CharField(default="")
    place = CharField(default="")
    purpose = TextField(default="")
    agenda = TextField(default="")
    outcomes = TextField(default="")
    notes = TextField(default="")

    class Meta:
        constraints = [
            Check("length(trim(title)) > 0"),
            Check(DELEGATION_DIRECTIONS.sql_check("direction", nullable=False)),
            _dates_in_order("starts_on", "ends_on"),
        ]


class DelegationMember(BaseModel):
    """A member of the delegation, or a counterpart the delegation met."""

    delegation = ForeignKeyField(Delegation, backref="members", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="delegation_roles", on_delete="CASCADE")
    side = CharField(default="member")
    role = CharField(default="")

    class Meta:
        indexes = ((("delegation", "person", "side"), True),)
        constraints = [Check(DELEGATION_SIDES.sql_check("side", nullable=False))]


class FollowUp(BaseModel):
    delegation = ForeignKeyField(Delegation, backref="follow_ups", on_delete="CASCADE")
    action = TextField()
    responsible = CharField(default="")
    responsible_person = ForeignKeyField(
        Person, null=True, backref="follow_ups", on_delete="SET NULL"
    )
    due_on = DateField(null=True, index=True)
    done = BooleanField(default=False, index=True)
    done_on = DateField(null=True)

    class Meta:
        constraints = [Check("length(trim(action)) > 0")]


class Program(RecordModel):
    name = CharField(index=True)  # the main name: the one given, else the Kazakh or Russian
    short_name = CharField(default="")
    name_kk = CharField(default="")
    name_ru = CharField(default="")
    kind = CharField(null=True, index=True)
    status = CharField(null=True, index=True)
    starts_on = DateField(null=True)
    ends_on = DateField(null=True)
    lead = ForeignKeyField(
        Organization, null=True, backref="programs_led", on_delete="SET NULL", index=True
    )
    budget = DecimalField(null=True, max_digits=18, decimal_places=2, auto_round=True)
    currency = CharField(default="", max_length=3)
    description = TextField(default="")
    notes = TextField(default="")

    class Meta:
        constraints = [
            Check("length(trim(name)) > 0"),
            Check(PROGRAM_KINDS.sql_check("kind")),
            Check(PROGRAM_STATUSES.sql_check("status")),
            Check("budget IS NULL OR budget >= 0"),
            _dates_in_order("starts_on", "ends_on"),
        ]


class ProgramPartner(BaseModel):
    program = ForeignKeyField(Program, backref="partners", on_delete="CASCADE")
    organization = ForeignKeyField(Organization, backref="program_roles", on_delete="CASCADE")
    role = CharField(default="partner")

    class Meta:
        indexes = ((("program", "organization", "role"), True),)
        constraints = [Check(PARTNER_ROLES.sql_check("role", nullable=False))]


class ProgramArea(BaseModel):
    program = ForeignKeyField(Program, backref="area_links", on_delete="CASCADE")
    area = ForeignKeyField(Area, backref="program_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("program", "area"), True),)


class Agreement(RecordModel):
    title = CharField(index=True)
    kind = CharField(null=True, index=True)
    reference_number = CharField(default="", index=True)
    signed_on = DateField(null=True, index=True)
    effective_on = DateField(null=True)
    expires_on = DateField(null=True, index=True)
    open_ended = BooleanField(default=False)
    # Empty when the status follows the dates (in force, expired); set for the statuses a
    # user decides (draft, negotiating, terminated).
    status = CharField(null=True, index=True)
    notes = TextField(default="")

    class Meta:
        constraints = [
            Check("length(trim(title)) > 0"),
            Check(AGREEMENT_KINDS.sql_check("kind")),
            Check(AGREEMENT_STATUSES.sql_check("status")),
            _dates_in_order("signed_on", "expires_on"),
            _dates_in_order("effective_on", "expires_on"),
            Check("NOT (open_ended AND expires_on IS NOT NULL)"),
        ]


class AgreementParty(BaseModel):
    agreement = ForeignKeyField(Agreement, backref="parties", on_delete="CASCADE")
    organization = ForeignKeyField(Organization, backref="agreement_roles", on_delete="CASCADE")
    signatory = ForeignKeyField(Person, null=True, backref="signed", on_delete="SET NULL")

    class Meta:
        indexes = ((("agreement", "organization"), True),)


class AgreementProgram(BaseModel):
    agreement = ForeignKeyField(Agreement, backref="program_links", on_delete="CASCADE")
    program = ForeignKeyField(Program, backref="agreement_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("agreement", "program"), True),)


class DelegationEvent(BaseModel):
    delegation = ForeignKeyField(Delegation, backref="event_links", on_delete="CASCADE")
    event = ForeignKeyField(Event, backref="delegation_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("delegation", "event"), True),)


class DelegationProgram(BaseModel):
    delegation = ForeignKeyField(Delegation, backref="program_links", on_delete="CASCADE")
    program = ForeignKeyField(Program, backref="delegation_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("delegation", "program"), True),)


class DelegationAgreement(BaseModel):
    delegation = ForeignKeyField(Delegation, backref="agreement_links", on_delete="CASCADE")
    agreement = ForeignKeyField(Agreement, backref="delegation_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("delegation", "agreement"), True),)


class Source(RecordModel):
    """Press coverage or another published source."""

    title = CharField(index=True)
    publisher = CharField(default="", index=True)
    published_on = DateField(null=True, index=True)
    url = CharField(default="")
    language = CharField(default="", max_length=8)
    notes = TextField(default="")

    class Meta:
        constraints = [Check("length(trim(title)) > 0")]


class KeyFigure(RecordModel):
    """A reported indicator: "1,130 joint publications in 30 years"."""

    measure = CharField(index=True)
    value = DecimalField(max_digits=20, decimal_places=4, auto_round=True)
    qualifier = CharField(default="exact")
    unit = CharField(default="")
    period_label = CharField(default="")  # as the source words it: "2015–2025", "per year"
    period_start = DateField(null=True)
    period_end = DateField(null=True)
    as_of = DateField(null=True, index=True)
    country = ForeignKeyField(Country, null=True, on_delete="RESTRICT", index=True)
    organization = ForeignKeyField(
        Organization, null=True, backref="figures", on_delete="CASCADE", index=True
    )
    program = ForeignKeyField(
        Program, null=True, backref="figures", on_delete="CASCADE", index=True
    )
    source = ForeignKeyField(Source, null=True, backref="figures", on_delete="SET NULL")
    notes = TextField(default="")

    class Meta:
        constraints = [
            Check("length(trim(measure)) > 0"),
            Check(FIGURE_QUALIFIERS.sql_check("qualifier", nullable=False)),
            _dates_in_order("period_start", "period_end"),
        ]


class SourceMention(BaseModel):
    """A record a source mentions."""

    source = ForeignKeyField(Source, backref="mentions", on_delete="CASCADE")
    record_kind = CharField()
    record_id = IntegerField()

    class Meta:
        indexes = (
            (("source", "record_kind", "record_id"), True),
            (("record_kind", "record_id"), False),
        )


class Tag(BaseModel):
    name = CharField(unique=True)


class RecordTag(BaseModel):
    tag = ForeignKeyField(Tag, backref="records", on_delete="CASCADE")
    record_kind = CharField()
    record_id = IntegerField()

    class Meta:
        indexes = (
            (("tag", "record_kind", "record_id"), True),
            (("record_kind", "record_id"), False),
        )


class Attachment(BaseModel):
    """A file attached to a record. Its bytes are kept in the database itself
    (``AttachmentContent``), so a copy or backup of the database file carries them."""

    record_kind = CharField()
    record_id = IntegerField()
    file_name = CharField()
    size = IntegerField()
    sha256 = CharField(max_length=64)
    added_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("record_kind", "record_id"), False),)
        constraints = [Check("size >= 0")]


class AttachmentContent(BaseModel):
    attachment = ForeignKeyField(
        Attachment, primary_key=True, backref="content", on_delete="CASCADE"
    )
    data = BlobField()


class Change(BaseModel):
    """One field of one record changed (or the record created, deleted, restored): when,
    by whom, from what to what. The changes of one save share a ``change_set``, so a save
    can be undone as a whole."""

    change_set = CharField(index=True)
    at = DateTimeField(default=now, index=True)
    user = CharField()
    record_kind = CharField()
    record_id = IntegerField()
    action = CharField()  # created, changed, deleted, restored, imported
    field = CharField(default="")
    old = TextField(null=True)  # the value as JSON (models.history.encode)
    new = TextField(null=True)

    class Meta:
        table_name = "change_log"
        indexes = ((("record_kind", "record_id"), False),)


class TrashItem(BaseModel):
    """A deleted record with everything linked to it, as it was, until it is restored or
    deleted for good. Records deleted together (an undone import) share a ``batch``."""

    deleted_at = DateTimeField(default=now, index=True)
    deleted_by = CharField()
    batch = CharField(default="", index=True)
    record_kind = CharField()
    record_id = IntegerField()
    title = CharField()
    snapshot = TextField()  # JSON: the record's row and the rows that pointed to it


class NotDuplicate(BaseModel):
    """Two records of one kind a user said are not the same, though they look alike: the
    duplicate finder no longer offers them. ``first_id`` is the smaller id."""

    record_kind = CharField()
    first_id = IntegerField()
    second_id = IntegerField()
    marked_at = DateTimeField(default=now)
    marked_by = CharField()

    class Meta:
        table_name = "not_duplicate"
        indexes = ((("record_kind", "first_id", "second_id"), True),)


class Merge(BaseModel):
    """Records merged into one they kept: the merged ones wait in the trash under ``batch``,
    and ``undo`` (JSON) holds what puts everything back as it was, the kept record's fields
    and every link that moved to it, should the merge be undone or one of them restored."""

    merged_at = DateTimeField(default=now)
    merged_by = CharField()
    batch = CharField(unique=True)
    record_kind = CharField()
    kept_id = IntegerField()
    change_set = CharField()
    undo = TextField()

    class Meta:
        table_name = "merge_log"


class Info(BaseModel):
    """Facts about the database itself: which application made it and its schema version."""

    key = CharField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "seriktes_info"


class SavedView(BaseModel):
    """A list as a user arranged it (search, filters, sort, the columns shown in their
    order), kept under a name. ``owner`` is the user it belongs to; "" for a view shared with
    everyone who uses the database."""

    record_kind = CharField()
    name = CharField()
    owner = CharField(default="")
    search = TextField(default="")
    filters = TextField(default="{}")  # JSON: filter key -> value
    sort = CharField(default="")
    descending = BooleanField(default=False)
    columns = TextField(default="[]")  # JSON: the keys of the columns shown, in their order
    updated_at = DateTimeField(default=now)

    class Meta:
        table_name = "saved_view"
        indexes = ((("record_kind", "owner", "name"), True),)


# In creation order: a table comes after the tables it points to.
ALL_MODELS: tuple = (
    Info,
    Country,
    Organization,
    Area,
    OrganizationArea,
    Person,
    Event,
    EventParticipant,
    Delegation,
    DelegationMember,
    FollowUp,
    Program,
    ProgramPartner,
    ProgramArea,
    Agreement,
    AgreementParty,
    AgreementProgram,
    DelegationEvent,
    DelegationProgram,
    DelegationAgreement,
    Source,
    KeyFigure,
    SourceMention,
    Tag,
    RecordTag,
    Attachment,
    AttachmentContent,
    Change,
    TrashItem,
    SavedView,
    NotDuplicate,
    Merge,
)

# "Any record can carry tags and files": the kinds a RecordTag, Attachment or SourceMention
# may name, with the model that holds them.
RECORD_KINDS: dict[str, type[RecordModel]] = {
    "organization": Organization,
    "person": Person,
    "event": Event,
    "delegation": Delegation,
    "program": Program,
    "agreement": Agreement,
    "figure": KeyFigure,
    "source": Source,
}
