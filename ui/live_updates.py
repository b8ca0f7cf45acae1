"""Every desktop sees the others' changes, and keeps working through a server's outage.

On a PostgreSQL server a thread of its own waits for the server's change notices
(``models.store.notices``) and the window reads again what they touch: the lists shown, the
counts on Home and the forms without unsaved changes; a form with unsaved changes says who
changed its record instead. The same thread notices when the server goes away: a banner says
so, the forms keep what was typed, and when the server is back the banner goes and saving
works again. On a SQLite file, another program's writes are noticed by asking the file every
two seconds.
"""

from __future__ import annotations

import threading
import time

from peewee import PostgresqlDatabase, SqliteDatabase
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from models.store.base import db
from models.store.notices import FileWatcher, Notice, ServerListener
from models.store.reconnecting import connection_lost
from ui.window_parts import window_part

# How often a SQLite file is asked whether another program wrote to it.
FILE_POLL_MS = 2000
# How long the listening thread waits for a notice before it checks whether to stop.
LISTEN_SECONDS = 0.5
# How long it waits between attempts to reach a server that went away.
RETRY_SECONDS = 2.0
# Notices arriving together (a save is a few statements) are read once.
GATHER_MS = 100


def tr(text: str) -> str:
    return QCoreApplication.translate("LiveUpdates", text)


class ServerWatch(QObject):
    """The thread listening to the server. Its signals reach the window's thread queued."""

    notices = Signal(object)  # list[Notice]
    lost = Signal()
    back = Signal()

    def __init__(self, database: PostgresqlDatabase) -> None:
        super().__init__()
        self.listener = ServerListener(database)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="server notices", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=LISTEN_SECONDS + 6)

    def _run(self) -> None:
        lost = False
        while not self._stop.is_set():
            try:
                notices = self.listener.wait(LISTEN_SECONDS)
            except Exception:  # the server went away, or cannot be reached yet
                self.listener.close()
                if not lost:
                    lost = True
                    self.lost.emit()
                self._stop.wait(RETRY_SECONDS)
                continue
            if lost:
                lost = False
                self.back.emit()
            if notices:
                self.notices.emit(notices)
        self.listener.close()


class LiveUpdates(QObject):
    """Follows the database the window has open: its changes made elsewhere, its outages."""

    refreshed = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._watch: ServerWatch | None = None
        self._file: FileWatcher | None = None
        self.offline = False
        self.last_notice: tuple[float, list[Notice]] | None = None  # when heard, what
        self._gather = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._gather.timeout.connect(self.refresh)
        self._poll = QTimer(self, interval=FILE_POLL_MS)
        self._poll.timeout.connect(self._poll_file)
        self.banner = QLabel()
        self.banner.setObjectName("connectionBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fde2e1; color: #7a1712; padding: 6px 10px; font-weight: 600;"
        )
        self.banner.hide()
        column = window.banner.parentWidget().layout()
        column.insertWidget(column.indexOf(window.banner), self.banner)
        window.database_shown.connect(self.follow)
        window.each_page(self.watch_page)
        self.follow()

    # -- following a database ----------------------------------------------------------------

    def follow(self) -> None:
        """Start following the database the window shows (or none)."""
        self.stop()
        database = db.obj
        if self.window.database_target is None or database is None or database.is_closed():
            return
        if isinstance(database, PostgresqlDatabase):
            self._watch = ServerWatch(database)
            self._watch.notices.connect(self._heard)
            self._watch.lost.connect(self._lost)
            self._watch.back.connect(self._back)
            self._watch.start()
        elif isinstance(database, SqliteDatabase):
            self._file = FileWatcher(database)
            self._poll.start()

    def stop(self) -> None:
        self._poll.stop()
        self._gather.stop()
        self._file = None
        if self._watch is not None:
            watch, self._watch = self._watch, None
            watch.notices.disconnect()
            watch.lost.disconnect()
            watch.back.disconnect()
            watch.stop()
        self._show_offline(False)

    # -- changes made elsewhere --------------------------------------------------------------

    def _heard(self, notices: list[Notice]) -> None:
        self.last_notice = (time.monotonic(), notices)
        self._gather.start()

    def _poll_file(self) -> None:
        if self._file is None or self._file.database.is_closed():
            return
        try:
            changed = self._file.changed()
        except Exception:  # the file is busy this moment: asked again in two seconds
            return
        if changed:
            self._gather.start()

    def refresh(self) -> None:
        self._gather.stop()
        if self.window.database_target is None:
            return
        self.window.refresh_from_elsewhere()
        self.refreshed.emit()

    # -- outages -----------------------------------------------------------------------------

    def watch_page(self, page) -> None:
        """Hear of a save of the page's form that did not reach the database."""
        page.form.write_failed.connect(self.write_failed)

    def write_failed(self, error: str) -> None:
        """A save that did not reach the server: if the server is gone, say so at once."""
        if self._watch is not None and connection_lost(Exception(error)):
            self._lost()

    def _lost(self) -> None:
        self._show_offline(True)

    def _back(self) -> None:
        if not self.offline:
            return
        self._show_offline(False)
        self.window.statusBar().showMessage(tr("Connected to the database server again."), 8000)
        self.refresh()

    def _show_offline(self, offline: bool) -> None:
        self.offline = offline
        self.banner.setText(
            tr(
                "The database server cannot be reached. Everything typed stays in the form; "
                "Seriktes keeps trying, and you can save again once it is back."
            )
            if offline
            else ""
        )
        self.banner.setVisible(offline)


@window_part
def install_live_updates(window) -> LiveUpdates:
    """Follow the window's database; made again with the window's contents when the language
    changes, the one before ceasing to follow (its banner went with the contents)."""
    before = getattr(window, "live_updates", None)
    if before is not None:
        before.banner = QLabel()
        before.stop()
        before.deleteLater()
    window.live_updates = LiveUpdates(window)
    return window.live_updates
