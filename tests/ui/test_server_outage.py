"""A database server that goes away while a form is being filled in: the window says so,
keeps everything typed, and saves once the server is back. The test runs a PostgreSQL server
of its own (initdb in a folder of its own) and stops it under the window."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.kinds.organizations import ORGANIZATIONS
from models.store.database import close_database
from ui.live_updates import install_live_updates
from ui.main_window import MainWindow

from .helpers import type_into


def server_programs() -> Path | None:
    """The folder of PostgreSQL's server programs, if this machine has them."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    return next((Path(f) for f in folders if (Path(f) / "initdb").exists()), None)


@dataclass
class Server:
    programs: Path
    data: Path
    port: int
    user: str | None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}"

    def run(self, *command: str) -> None:
        subprocess.run(
            [str(self.programs / command[0]), *command[1:]],
            check=True,
            capture_output=True,
            user=self.user,
            timeout=120,
        )

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data.parent} -c fsync=off"
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                 str(self.data.parent / "server.log"), "-w", "start")  # fmt: skip

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_server():
    pytest.importorskip("psycopg2", reason="psycopg2 (the postgresql extra) is not installed")
    programs = server_programs()
    if programs is None:
        pytest.skip("no PostgreSQL server programs (initdb, pg_ctl) on this machine")
    user = None
    if os.geteuid() == 0:  # the server refuses to run as root: it runs as postgres
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root, and there is no postgres user to run the server")
        user = "postgres"
    folder = Path(tempfile.mkdtemp(prefix="seriktes-outage-"))
    if user is not None:
        shutil.chown(folder, user)
    server = Server(programs, folder / "data", free_port(), user)
    server.run("initdb", "-D", str(server.data), "-A", "trust", "-U", "postgres", "--no-sync")
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.SubprocessError):
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def test_a_save_while_the_server_is_away_keeps_the_form_and_works_once_it_is_back(
    own_server, qtbot, settings, answers
):
    import psycopg2

    admin = psycopg2.connect(f"{own_server.url}/postgres")
    admin.autocommit = True
    admin.cursor().execute("CREATE DATABASE seriktes")
    admin.close()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    live = install_live_updates(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.open_database(f"{own_server.url}/seriktes")
    try:
        csic = ORGANIZATIONS.save({"name": "Spanish National Research Council"})
        page = window.pages["organization"]
        window.show_page("organization")
        page.apply_request()
        assert page.open(csic.id)
        form = page.form
        type_into(qtbot, form.inputs["city"], "Madrid")
        type_into(qtbot, form.inputs["website"], "www.csic.es")

        own_server.stop()
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        assert "database server cannot be reached" in form.banner.text()
        qtbot.waitUntil(live.banner.isVisible, timeout=10_000)
        assert "cannot be reached" in live.banner.text()
        assert form.inputs["city"].text() == "Madrid"
        assert form.inputs["website"].text() == "www.csic.es"
        assert form.is_dirty()

        own_server.start()
        qtbot.waitUntil(lambda: not live.banner.isVisible(), timeout=20_000)
        assert "again" in window.statusBar().currentMessage()
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        assert not form.is_dirty()
        assert form.banner.isHidden()
        check = psycopg2.connect(f"{own_server.url}/seriktes")
        with check, check.cursor() as cursor:
            cursor.execute("SELECT city, website FROM organization WHERE id = %s", (csic.id,))
            assert cursor.fetchone() == ("Madrid", "https://www.csic.es")
        check.close()
    finally:
        window.close()
        close_database()
