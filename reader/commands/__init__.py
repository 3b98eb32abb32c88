"""Subcommands of the ``dateline`` command line; see :mod:`reader.cli`."""
