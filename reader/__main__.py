"""``python -m reader`` is the same program as ``dateline``."""

from reader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
