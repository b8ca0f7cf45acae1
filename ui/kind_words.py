"""The sentences the window says about each kind of record, whole: "New organization", "3 of
120 organizations", "No organizations yet…". A noun is never put into a sentence made for
all kinds: in Kazakh and Russian the words around it change with the noun (its gender, its
case, its plural), so each kind has its own sentences for translators to translate whole.

Each text is made when it is asked for, in the language of the moment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.words.translation import ngettext

CONTEXT = "kinds"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


Text = Callable[[], str]
Count = Callable[[int], str]


@dataclass(frozen=True)
class KindWords:
    """What the window says about one kind of record."""

    new: Text  # the heading of an empty form, its window's title, the list's button
    # Stands for a record not saved yet in "Save the changes to {what}?" and "Drop your
    # changes to {what}?".
    the_new: Text
    delete: Text  # the title of the question before deleting one
    count: Count  # "{count} organizations": the list with no search nor filter
    shown_of: Count  # "{shown} of {total} organizations", by the total
    counting: Count  # the same while the list is still being counted
    none_yet: Text  # an empty list of a database with none
    none_match: Text  # an empty list of a search or filters
    open_list: Text  # a home view's count, pointed at
    exporting: Text  # the list being written to a workbook


WORDS: dict[str, KindWords] = {
    "organization": KindWords(
        new=lambda: tr("New organization"),
        the_new=lambda: tr("the new organization"),
        delete=lambda: tr("Delete organization"),
        count=lambda n: ngettext("{count} organization", "{count} organizations", n),
        shown_of=lambda n: ngettext(
            "{shown} of {total} organization", "{shown} of {total} organizations", n
        ),
        counting=lambda n: ngettext(
            "{shown}+ of {total} organization (counting…)",
            "{shown}+ of {total} organizations (counting…)",
            n,
        ),
        none_yet=lambda: tr(
            "No organizations yet. Press Ctrl+N, or fill in the form beside this list and press "
            "Save, to add the first organization."
        ),
        none_match=lambda: tr(
            "No organization matches the search and filters. Clear them to see all organizations."
        ),
        open_list=lambda: tr("Open the list of organizations"),
        exporting=lambda: tr("Exporting the list of organizations…"),
    ),
    "person": KindWords(
        new=lambda: tr("New person"),
        the_new=lambda: tr("the new person"),
        delete=lambda: tr("Delete person"),
        count=lambda n: ngettext("{count} person", "{count} people", n),
        shown_of=lambda n: ngettext("{shown} of {total} person", "{shown} of {total} people", n),
        counting=lambda n: ngettext(
            "{shown}+ of {total} person (counting…)", "{shown}+ of {total} people (counting…)", n
        ),
        none_yet=lambda: tr(
            "No people yet. Press Ctrl+N, or fill in the form beside this list and press Save, "
            "to add the first person."
        ),
        none_match=lambda: tr(
            "No person matches the search and filters. Clear them to see all people."
        ),
        open_list=lambda: tr("Open the list of people"),
        exporting=lambda: tr("Exporting the list of people…"),
    ),
    "event": KindWords(
        new=lambda: tr("New event"),
        the_new=lambda: tr("the new event"),
        delete=lambda: tr("Delete event"),
        count=lambda n: ngettext("{count} event", "{count} events", n),
        shown_of=lambda n: ngettext("{shown} of {total} event", "{shown} of {total} events", n),
        counting=lambda n: ngettext(
            "{shown}+ of {total} event (counting…)", "{shown}+ of {total} events (counting…)", n
        ),
        none_yet=lambda: tr(
            "No events yet. Press Ctrl+N, or fill in the form beside this list and press Save, "
            "to add the first event."
        ),
        none_match=lambda: tr(
            "No event matches the search and filters. Clear them to see all events."
        ),
        open_list=lambda: tr("Open the list of events"),
        exporting=lambda: tr("Exporting the list of events…"),
    ),
    "delegation": KindWords(
        new=lambda: tr("New delegation"),
        the_new=lambda: tr("the new delegation"),
        delete=lambda: tr("Delete delegation"),
        count=lambda n: ngettext("{count} delegation", "{count} delegations", n),
        shown_of=lambda n: ngettext(
            "{shown} of {total} delegation", "{shown} of {total} delegations", n
        ),
        counting=lambda n: ngettext(
            "{shown}+ of {total} delegation (counting…)",
            "{shown}+ of {total} delegations (counting…)",
            n,
        ),
        none_yet=lambda: tr(
            "No delegations yet. Press Ctrl+N, or fill in the form beside this list and press "
            "Save, to add the first delegation."
        ),
        none_match=lambda: tr(
            "No delegation matches the search and filters. Clear them to see all delegations."
        ),
        open_list=lambda: tr("Open the list of delegations"),
        exporting=lambda: tr("Exporting the list of delegations…"),
    ),
    "program": KindWords(
        new=lambda: tr("New program"),
        the_new=lambda: tr("the new program"),
        delete=lambda: tr("Delete program"),
        count=lambda n: ngettext("{count} program", "{count} programs", n),
        shown_of=lambda n: ngettext("{shown} of {total} program", "{shown} of {total} programs", n),
        counting=lambda n: ngettext(
            "{shown}+ of {total} program (counting…)",
            "{shown}+ of {total} programs (counting…)",
            n,
        ),
        none_yet=lambda: tr(
            "No programs yet. Press Ctrl+N, or fill in the form beside this list and press "
            "Save, to add the first program."
        ),
        none_match=lambda: tr(
            "No program matches the search and filters. Clear them to see all programs."
        ),
        open_list=lambda: tr("Open the list of programs"),
        exporting=lambda: tr("Exporting the list of programs…"),
    ),
    "agreement": KindWords(
        new=lambda: tr("New agreement"),
        the_new=lambda: tr("the new agreement"),
        delete=lambda: tr("Delete agreement"),
        count=lambda n: ngettext("{count} agreement", "{count} agreements", n),
        shown_of=lambda n: ngettext(
            "{shown} of {total} agreement", "{shown} of {total} agreements", n
        ),
        counting=lambda n: ngettext(
            "{shown}+ of {total} agreement (counting…)",
            "{shown}+ of {total} agreements (counting…)",
            n,
        ),
        none_yet=lambda: tr(
            "No agreements yet. Press Ctrl+N, or fill in the form beside this list and press "
            "Save, to add the first agreement."
        ),
        none_match=lambda: tr(
            "No agreement matches the search and filters. Clear them to see all agreements."
        ),
        open_list=lambda: tr("Open the list of agreements"),
        exporting=lambda: tr("Exporting the list of agreements…"),
    ),
    "figure": KindWords(
        new=lambda: tr("New key figure"),
        the_new=lambda: tr("the new key figure"),
        delete=lambda: tr("Delete key figure"),
        count=lambda n: ngettext("{count} key figure", "{count} key figures", n),
        shown_of=lambda n: ngettext(
            "{shown} of {total} key figure", "{shown} of {total} key figures", n
        ),
        counting=lambda n: ngettext(
            "{shown}+ of {total} key figure (counting…)",
            "{shown}+ of {total} key figures (counting…)",
            n,
        ),
        none_yet=lambda: tr(
            "No key figures yet. Press Ctrl+N, or fill in the form beside this list and press "
            "Save, to add the first key figure."
        ),
        none_match=lambda: tr(
            "No key figure matches the search and filters. Clear them to see all key figures."
        ),
        open_list=lambda: tr("Open the list of key figures"),
        exporting=lambda: tr("Exporting the list of key figures…"),
    ),
    "source": KindWords(
        new=lambda: tr("New source"),
        the_new=lambda: tr("the new source"),
        delete=lambda: tr("Delete source"),
        count=lambda n: ngettext("{count} source", "{count} sources", n),
        shown_of=lambda n: ngettext("{shown} of {total} source", "{shown} of {total} sources", n),
        counting=lambda n: ngettext(
            "{shown}+ of {total} source (counting…)", "{shown}+ of {total} sources (counting…)", n
        ),
        none_yet=lambda: tr(
            "No sources yet. Press Ctrl+N, or fill in the form beside this list and press Save, "
            "to add the first source."
        ),
        none_match=lambda: tr(
            "No source matches the search and filters. Clear them to see all sources."
        ),
        open_list=lambda: tr("Open the list of sources"),
        exporting=lambda: tr("Exporting the list of sources…"),
    ),
}


def kind_words(kind: str) -> KindWords:
    return WORDS[kind]


# A list's filter named in its list of choices ("Any country") and when pointed at, by the
# filter's key (models.listing's filters). A filter of another key says "Any value".
FILTER_WORDS: dict[str, tuple[Text, Text]] = {
    "country": (lambda: tr("Any country"), lambda: tr("Show only records of this country")),
    "kind": (lambda: tr("Any kind"), lambda: tr("Show only records of this kind")),
    "status": (lambda: tr("Any status"), lambda: tr("Show only records with this status")),
    "direction": (
        lambda: tr("Any direction"),
        lambda: tr("Show only delegations in this direction"),
    ),
    "tag": (lambda: tr("Any tag"), lambda: tr("Show only records with this tag")),
    "year": (lambda: tr("Any year"), lambda: tr("Show only records of this year")),
    # The columns a table inside a form filters by (an event's participants, a delegation's
    # members).
    "role": (lambda: tr("Any role"), lambda: tr("Show only rows with this role")),
    "side": (lambda: tr("Either side"), lambda: tr("Show only rows of this side")),
}


def any_choice(key: str) -> str:
    """The first entry of a filter, which filters nothing: "Any country"."""
    words = FILTER_WORDS.get(key)
    return words[0]() if words else tr("Any value")


def filter_hint(key: str) -> str:
    """What a filter does, said when it is pointed at."""
    words = FILTER_WORDS.get(key)
    return words[1]() if words else tr("Show only records with this value")
