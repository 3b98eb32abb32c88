"""Scriptable subcommands: each module has ``configure(parser)`` and ``run(args) -> int``.

A new command: add ``reader/commands/<name>.py`` and one line in ``reader.cli.COMMANDS``.
If it reads or writes the user data directory (bookmarks, feeds, settings...), set
``USES_DATA_DIR = True`` in the module and ``dateline`` gives it ``--data-dir``; commands
that do not use the directory do not offer the option. ``--ner`` is
``reader.cli.add_ner_option(parser)``.
"""
