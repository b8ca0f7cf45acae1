"""Programs with their partners, budget and key figures."""

from __future__ import annotations

from decimal import Decimal

from models.kinds.programs import PROGRAM_LIST, PROGRAMS
from models.listing import ListRequest, sorted_in_language
from models.reports.linked_names import program_partners
from models.reports.parts import PROGRAM_COLUMNS, figures_part, program_rows
from models.reports.report import (
    MONEY,
    PartChart,
    Report,
    ReportColumn,
    ReportPart,
    choice_text,
    country_text,
    org_title,
)
from models.store.records import (
    KeyFigure,
    Program,
)
from models.words.choices import (
    ORGANIZATION_KINDS,
    PARTNER_ROLES,
)
from models.words.labels import in_sentence
from models.words.translation import N_, _


def _program_ids(request: ListRequest | None) -> list[int] | None:
    if request is None:
        return None
    ids: list[int] = []
    while True:
        page = PROGRAM_LIST.rows(request, len(ids), 1000)
        ids += [row[0] for row in page]
        if len(page) < 1000:
            return ids


def programs_report(request: ListRequest | None = None) -> Report:
    """Programs with their partners, budget and key figures, and a chart of the budgets (one
    per currency). ``request``: the programs as a list would select them; else all."""
    ids = _program_ids(request)
    programs = Program.select()
    if ids is not None:
        programs = programs.where(Program.id.in_(ids))
    records = list(programs.order_by(sorted_in_language(Program), Program.id))
    chosen = [p.id for p in records]
    overview = ReportPart(N_("Programs"), _("Programs"), PROGRAM_COLUMNS, program_rows(records))
    partner_rows = []
    partners_of = program_partners(chosen)
    for program in records:
        for organization, role in partners_of.get(program.id, []):
            partner_rows.append(
                (
                    PROGRAMS.shown_name(program),
                    org_title(organization),
                    PARTNER_ROLES.label(role),
                    choice_text(ORGANIZATION_KINDS, organization.kind),
                    country_text(organization.country_id),
                )
            )
    partners = ReportPart(
        N_("Partners"),
        _("Partners of the programs, in their roles"),
        (
            ReportColumn(N_("Program")),
            ReportColumn(N_("Partner")),
            ReportColumn(N_("Role")),
            ReportColumn(N_("Kind")),
            ReportColumn(N_("Country")),
        ),
        partner_rows,
    )
    figures = figures_part(
        KeyFigure.select().where(KeyFigure.program.in_(chosen)), _("Key figures of the programs")
    )
    budgets = _budgets_part(records)
    selection = _("All programs.") if request is None else _request_text(request)
    return Report(
        _("Programs report"),
        selection,
        [overview, partners, figures, budgets],
        file_stem=_("Programs report"),
    )


def _budgets_part(records: list[Program]) -> ReportPart:
    with_budget = [p for p in records if p.budget is not None and p.budget > 0]
    with_budget.sort(key=lambda p: (p.currency or "", -(p.budget or Decimal(0)), p.name))
    rows = [(p.short_name or p.name, p.budget, p.currency or "") for p in with_budget]
    columns = (
        ReportColumn(N_("Program")),
        ReportColumn(N_("Budget"), MONEY),
        ReportColumn(N_("Currency")),
    )
    return ReportPart(
        N_("Budgets"),
        _("Budgets of the programs, by currency"),
        columns,
        rows,
        empty=_("No program has a budget recorded."),
        chart=PartChart(_("Budget by program"), label_column=0, value_column=1, group_column=2),
    )


def _request_text(request: ListRequest) -> str:
    parts = []
    if request.search.strip():
        parts.append(_("search “{text}”").format(text=request.search.strip()))
    for spec in PROGRAM_LIST.filters:
        value = request.filters.get(spec.key)
        if not value:
            continue
        if spec.kind == "country":
            shown = country_text(value)
        elif spec.choices is not None:
            shown = spec.choices.label(value)
        else:
            shown = value
        parts.append(_("{filter}: {value}").format(filter=in_sentence(spec.heading), value=shown))
    if not parts:
        return _("All programs.")
    return _("Programs with {selection}.").format(selection="; ".join(parts))
