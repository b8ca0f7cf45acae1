"""One start of the window, in a process of its own, for ``run.py``: how long until it is
ready for the user, and how much memory it took.

    python benchmarks/app_process.py app DATABASE      # Seriktes, started as `seriktes` starts
    python benchmarks/app_process.py list DATABASE     # … then the organizations list, scrolled
    python benchmarks/app_process.py bare              # a bare window with a table view

Prints one JSON object: ``ready`` (the wall-clock time at which the window had been shown and
painted and the event loop had nothing left to do) and ``peak_mb`` (the process's peak
resident memory). Nothing is imported before the application's own imports, so the time from
the parent starting this process to ``ready`` is the whole cold start.
"""

from __future__ import annotations

import json
import os
import sys
import time


def bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(0, lambda: finish(app, None))
    app.exec()


def app(database: str, open_list: bool) -> None:
    """Start Seriktes through its own entry point, as the `seriktes` command does, with the
    event loop's first idle moment taken as the window being ready."""
    from PySide6.QtCore import QTimer

    import main
    import ui.app

    def exec_application(application) -> int:
        QTimer.singleShot(0, lambda: finish(application, "organization" if open_list else None))
        return application.exec()

    ui.app.exec_application = exec_application
    main.main(["--database", database])


def finish(application, page_key: str | None) -> None:
    from PySide6.QtWidgets import QMainWindow

    application.processEvents()
    ready = time.time()
    window = next(w for w in application.topLevelWidgets() if isinstance(w, QMainWindow))
    if page_key is not None:
        window.show_page(page_key)
        application.processEvents()
        page = window.pages[page_key]
        page.table.viewport().repaint()
        page.table.scrollToBottom()
        application.processEvents()
        page.table.viewport().repaint()
    from measure import peak_memory_mb

    print(json.dumps({"ready": ready, "peak_mb": peak_memory_mb()}), flush=True)
    # Closed as a user closes it, so its lock on the database is let go for the next run.
    window.close()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    else:
        app(sys.argv[2], open_list=mode == "list")
