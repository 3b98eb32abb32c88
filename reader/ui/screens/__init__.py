"""Dateline's screens."""
