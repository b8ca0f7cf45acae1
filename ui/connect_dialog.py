"""File ▸ Connect to a shared database…: the server, port, database, user and password of a
department's shared database. *Connect* tries them before the dialog closes and says plainly
what is wrong (no server there, a wrong password, not a Seriktes database, an older or newer
schema); the password can be kept in the system's keyring, never in the settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import SeriktesError
from models.store.base import current_user
from models.store.passwords import keyring_available
from models.store.server import DEFAULT_PORT, PasswordNeeded, ServerAddress
from models.store.shared_opening import check_server
from ui.busy import busy_pointer

DEFAULT_DATABASE = "seriktes"


def tr(text: str) -> str:
    return QCoreApplication.translate("ConnectDialog", text)


class ConnectDialog(QDialog):
    """Where a shared database is and who connects; accepted only once the server has let the
    user in. ``address``, ``password`` and ``remember`` give what was typed. With
    ``password_only`` the address is shown but not changed: the password is asked for a
    database already chosen."""

    def __init__(
        self,
        parent: QWidget | None = None,
        address: ServerAddress | None = None,
        message: str = "",
        password_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Connect to a shared database"))
        self._notice = ""
        intro = QLabel(
            tr(
                "The database your department shares on a PostgreSQL server. Its "
                "administrator gives you these details."
            )
        )
        intro.setWordWrap(True)
        self.host = QLineEdit(address.host if address else "")
        self.host.setPlaceholderText(tr("for example db.ministry.kz"))
        self.port = QLineEdit(str(address.port if address else DEFAULT_PORT))
        self.port.setValidator(QIntValidator(1, 65535, self))
        self.database = QLineEdit(address.database if address else DEFAULT_DATABASE)
        self.user = QLineEdit(address.user if address else current_user())
        self.password_field = QLineEdit()
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.host, self.port, self.database, self.user):
            field.setReadOnly(password_only)
        self.remember_box = QCheckBox(tr("Remember the password on this computer"))
        self.keyring_note = QLabel(
            tr(
                "This computer has no keyring to keep the password in, so Seriktes asks for "
                "it each time it connects."
            )
        )
        self.keyring_note.setWordWrap(True)
        has_keyring = keyring_available()
        self.remember_box.setChecked(has_keyring)
        self.remember_box.setEnabled(has_keyring)
        self.keyring_note.setVisible(not has_keyring)

        form = QFormLayout()
        form.addRow(tr("&Server:"), self.host)
        form.addRow(tr("P&ort:"), self.port)
        form.addRow(tr("&Database:"), self.database)
        form.addRow(tr("&User:"), self.user)
        form.addRow(tr("&Password:"), self.password_field)
        form.addRow("", self.remember_box)

        self.message = QLabel(message)
        self.message.setObjectName("connectMessage")
        self.message.setWordWrap(True)
        # A refusal may name the administrator's command, to be copied and passed on.
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._say(message)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = QPushButton(tr("&Connect"))
        buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.ActionRole)
        # Enter in any field connects; Cancel is pressed, or Esc.
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.try_connect)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        first_empty = next(
            (f for f in (self.host, self.database, self.user) if not f.text()),
            self.password_field,
        )
        first_empty.setFocus()
        for field in (self.host, self.port, self.database, self.user, self.password_field):
            field.textEdited.connect(self._changed)

    # -- what was typed ----------------------------------------------------------------------

    @property
    def address(self) -> ServerAddress:
        port = int(self.port.text()) if self.port.text().isdigit() else DEFAULT_PORT
        return ServerAddress(
            host=self.host.text().strip(),
            port=port,
            database=self.database.text().strip(),
            user=self.user.text().strip(),
        )

    @property
    def password(self) -> str | None:
        """The password typed; None when none was (the server's own ways are tried)."""
        return self.password_field.text() or None

    @property
    def remember(self) -> bool:
        return self.remember_box.isEnabled() and self.remember_box.isChecked()

    # -- trying ------------------------------------------------------------------------------

    def _changed(self) -> None:
        """What was said of the details before no longer holds once they change."""
        self._notice = ""
        self.connect_button.setText(tr("&Connect"))

    def _say(self, text: str, notice: bool = False) -> None:
        """Say what is wrong (in red), or what opening will be like (in the banner's colour)."""
        self.message.setStyleSheet("color: #5b4300;" if notice else "color: #9b1c1c;")
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._fit()

    def _fit(self) -> None:
        """Grow as tall as a longer message needs, rather than squeeze the fields."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed < 0:
            needed = layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _missing(self) -> str:
        if not self.host.text().strip():
            self.host.setFocus()
            return tr("Type the name or address of the server.")
        if not self.port.text().isdigit():
            self.port.setFocus()
            return tr("Type the server's port, a number from 1 to 65535 (usually 5432).")
        if not self.database.text().strip():
            self.database.setFocus()
            return tr("Type the name of the database.")
        if not self.user.text().strip():
            self.user.setFocus()
            return tr("Type your user name on the server.")
        return ""

    def try_connect(self) -> None:
        """Connect with what was typed: close when the database can be opened; else say why
        and stay. A database that opens read-only is said so first, and opened when Connect
        is pressed again."""
        missing = self._missing()
        if missing:
            self._say(missing)
            return
        try:
            with busy_pointer():
                notice = check_server(self.address.url(), self.password)
        except PasswordNeeded:
            self._say(tr("Type the password of {user}.").format(user=self.address.user))
            self.password_field.setFocus()
            return
        except SeriktesError as error:
            self._say(str(error))
            return
        if notice and notice != self._notice:
            self._notice = notice
            self._say(notice, notice=True)
            self.connect_button.setText(tr("&Open read-only"))
            return
        self.accept()
