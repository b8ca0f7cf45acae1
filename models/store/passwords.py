"""The passwords of shared databases, kept in the system's keyring (the Windows Credential
Manager, the macOS Keychain, the Secret Service of a Linux desktop) and never in the settings
file. A computer without a keyring still connects: the password is asked each time.
"""

from __future__ import annotations

import logging

from models.store.server import ServerAddress

SERVICE = "Seriktes"

log = logging.getLogger("seriktes")


def _account(address: ServerAddress) -> str:
    """Whose password for which database: one entry per user, server and database."""
    return f"{address.user}@{address.where()}/{address.database}"


def keyring_available() -> bool:
    """Whether this computer has a keyring a password can be kept in."""
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # noqa: BLE001 - a keyring that cannot even be asked keeps nothing
        return False


def stored_password(address: ServerAddress) -> str | None:
    """The password kept for this user of this database, or None."""
    try:
        import keyring

        return keyring.get_password(SERVICE, _account(address))
    except Exception as error:  # noqa: BLE001 - no keyring, or a locked one: asked instead
        log.info("No password read from the keyring: %s", error)
        return None


def remember_password(address: ServerAddress, password: str) -> bool:
    """Keep the password in the keyring; False when it cannot be kept there."""
    try:
        import keyring

        keyring.set_password(SERVICE, _account(address), password)
    except Exception as error:  # noqa: BLE001 - no keyring: the password is asked next time
        log.info("The password was not kept in the keyring: %s", error)
        return False
    return True


def forget_password(address: ServerAddress) -> None:
    """Take a password the server no longer accepts out of the keyring."""
    try:
        import keyring

        keyring.delete_password(SERVICE, _account(address))
    except Exception as error:  # noqa: BLE001 - nothing kept, or no keyring: nothing to forget
        log.info("No password taken out of the keyring: %s", error)
