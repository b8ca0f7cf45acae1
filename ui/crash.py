"""What happens when something unexpected goes wrong: the error is written to the log and a
dialog shows a report the user can copy and send; the app keeps running."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.about import version_line

log = logging.getLogger("seriktes")


def tr(text: str) -> str:
    return QCoreApplication.translate("crash", text)


class CrashDialog(QDialog):
    def __init__(self, report: str, log_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Something went wrong"))
        self.resize(640, 420)
        intro = QLabel(
            tr(
                "Seriktes ran into an unexpected problem. Your saved records are safe; the form "
                "you were typing in may need to be saved again.\n\nThe report below was also "
                "written to {path}. Copy it and send it to whoever supports Seriktes in your "
                "department."
            ).format(path=log_path)
        )
        intro.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(tr("Copy report"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)


def build_report(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    lines = "".join(traceback.format_exception(kind, value, tb))
    return (
        f"{version_line()} · Python {platform.python_version()} · "
        f"PySide6 {pyside_version} · {platform.platform()}\n\n{lines}"
    )


def show_report(dialog: CrashDialog) -> None:
    """Shown without blocking, so an error inside an event loop does not nest another."""
    dialog.setModal(True)
    dialog.show()


class ExceptionHook:
    def __init__(self, log_path: str) -> None:
        self.log_path = log_path
        self.dialogs: list[CrashDialog] = []
        self._showing = False

    def __call__(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        report = build_report(kind, value, tb)
        log.error("Unexpected error\n%s", report)
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            dialog = CrashDialog(report, self.log_path, QApplication.activeWindow())
            dialog.finished.connect(lambda _result, d=dialog: self.dialogs.remove(d))
            self.dialogs.append(dialog)
            show_report(dialog)
        finally:
            self._showing = False


def install(log_path: str) -> ExceptionHook:
    hook = ExceptionHook(log_path)
    sys.excepthook = hook
    return hook
