"""Lagebild: a structured, source-attributed picture of developing news stories."""

__version__ = "0.1.0"
