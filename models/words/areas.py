"""Areas of cooperation ("Water", "Artificial intelligence"), shared by partners and programs."""

from __future__ import annotations

from peewee import Field

from models.store.records import Area
from models.words.names import named_entry, unique_names


def area_names(owner: Field, owner_id: int) -> list[str]:
    """The areas of one record; ``owner`` is the link table's field pointing to it
    (``OrganizationArea.organization``)."""
    query = Area.select(Area.name).join(owner.model).where(owner == owner_id).order_by(Area.name)
    return [area.name for area in query]


def set_areas(owner: Field, owner_id: int, names: list[str]) -> None:
    link = owner.model
    link.delete().where(owner == owner_id).execute()
    for name in unique_names(names):
        link.create(**{owner.name: owner_id, "area": named_entry(Area, name)})


def all_area_names() -> list[str]:
    return [area.name for area in Area.select(Area.name).order_by(Area.name)]
