"""Dateline's widgets."""
