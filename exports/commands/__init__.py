"""The command line: one module per command, each with ``HELP``, ``add_arguments(parser)``
and ``run(args) -> int``, named in ``COMMANDS`` in ``main.py``."""
