"""Tests, one folder per wing of geo/ (see docs/ARCHITECTURE.md)."""
