"""Stage 2, toponyms: place names found in text (recognition) and resolved to places.

Resolution looks names up in the gazetteer of ``geo.places``, the reference this stage reads.
"""
