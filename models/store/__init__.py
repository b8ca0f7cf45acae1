"""The store: the schema, opening databases and URLs, migrations, backups, integrity checks,
bulk writes and the bytes of attached files."""
