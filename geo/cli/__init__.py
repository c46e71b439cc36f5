"""The command line, ``geo`` or ``python -m geo``: places, ingest, export, frontline, nearfront."""

from geo.cli.main import main

__all__ = ["main"]
