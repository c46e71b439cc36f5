"""Stage 1, text: documents in (files, HTML, uploads), sentence splitting and date expressions."""
