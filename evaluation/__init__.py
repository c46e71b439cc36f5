"""Scoring against gold sets: a development tool used by ``scripts/``, not part of the runtime."""
