"""The Views menu of a list: keep the list as arranged under a name, for oneself or for
everyone who uses the database; save changes to a view, rename, share or delete it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peewee import DatabaseError
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from models.views import (
    ViewRefused,
    change_view,
    delete_view,
    rename_view,
    save_view,
    share_view,
    views_of,
)
from ui import dialogs

if TYPE_CHECKING:
    from ui.record_page import RecordPage

CONTEXT = "views"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ViewNameDialog(QDialog):
    """A view's name, and (for a new one) whether everyone sees it."""

    def __init__(
        self, title: str, name: str = "", offer_sharing: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name = QLineEdit(name)
        self.name.setObjectName("view_name")
        self.name.setPlaceholderText(tr("Partners in Spain, Visits this year…"))
        self.shared = QCheckBox(tr("Shared with everyone who uses this database"))
        self.shared.setObjectName("view_shared")
        self.shared.setVisible(offer_sharing)
        self.problem = QLabel()
        self.problem.setObjectName("view_problem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Name of the view")))
        layout.addWidget(self.name)
        layout.addWidget(self.shared)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)


def fill_views_menu(page: RecordPage, menu: QMenu) -> None:
    menu.clear()
    # A database opened read-only shows its views, and keeps them as they are.
    if not page.read_only:
        menu.addAction(tr("Save as a new view…"), lambda: save_new(page))
    view = page.current_view
    if view is not None and not page.read_only:
        menu.addSeparator()
        menu.addAction(
            tr("Save changes to “{name}”").format(name=view.name), lambda: save_changes(page)
        )
        menu.addAction(tr("Rename “{name}”…").format(name=view.name), lambda: rename(page))
        if view.shared:
            menu.addAction(tr("Keep “{name}” to myself").format(name=view.name),
                           lambda: share(page, False))  # fmt: skip
        else:
            menu.addAction(tr("Share “{name}” with everyone").format(name=view.name),
                           lambda: share(page, True))  # fmt: skip
        menu.addAction(tr("Delete “{name}”…").format(name=view.name), lambda: delete(page))
    try:
        views = views_of(page.spec.kind)
    except DatabaseError:  # a database from before saved views, opened read-only
        views = []
    if views:
        menu.addSeparator()
        for saved in views:
            label = tr("{name} (shared)").format(name=saved.name) if saved.shared else saved.name
            menu.addAction(label, lambda v=saved: page.apply_view(v))


def _refused(page: RecordPage, error: ViewRefused) -> None:
    dialogs.show_error(page, tr("The view was not saved"), str(error))


def _done(page: RecordPage, text: str) -> None:
    page.views_changed.emit(page.spec.kind)
    page.message.emit(text)


def save_new(page: RecordPage) -> None:
    dialog = ViewNameDialog(tr("Save as a new view"), parent=page)
    if not dialogs.run_dialog(dialog):
        return
    try:
        view = save_view(
            page.spec.record_list,
            dialog.name.text(),
            page.model.request,
            page.shown_columns(),
            shared=dialog.shared.isChecked(),
        )
    except ViewRefused as error:
        _refused(page, error)
        return
    page.current_view = view
    _done(page, tr("Saved as the view “{name}”.").format(name=view.name))


def save_changes(page: RecordPage) -> None:
    try:
        view = change_view(
            page.spec.record_list,
            page.current_view.id,
            page.model.request,
            page.shown_columns(),
        )
    except ViewRefused as error:
        _refused(page, error)
        return
    page.current_view = view
    _done(page, tr("The view “{name}” now shows the list as it is.").format(name=view.name))


def rename(page: RecordPage) -> None:
    view = page.current_view
    dialog = ViewNameDialog(tr("Rename the view"), view.name, offer_sharing=False, parent=page)
    if not dialogs.run_dialog(dialog):
        return
    try:
        page.current_view = rename_view(view.id, dialog.name.text())
    except ViewRefused as error:
        _refused(page, error)
        return
    _done(page, tr("Renamed “{name}”.").format(name=page.current_view.name))


def share(page: RecordPage, shared: bool) -> None:
    try:
        page.current_view = share_view(page.current_view.id, shared)
    except ViewRefused as error:
        _refused(page, error)
        return
    name = page.current_view.name
    _done(
        page,
        tr("“{name}” is shared with everyone.").format(name=name)
        if shared
        else tr("“{name}” is now yours alone.").format(name=name),
    )


def delete(page: RecordPage) -> None:
    view = page.current_view
    if not dialogs.confirm(
        page,
        tr("Delete the view"),
        tr("Delete the view “{name}”? The records stay as they are.").format(name=view.name),
        action=tr("Delete"),
    ):
        return
    try:
        delete_view(view.id)
    except ViewRefused as error:
        _refused(page, error)
        return
    page.current_view = None
    _done(page, tr("The view “{name}” was deleted.").format(name=view.name))
