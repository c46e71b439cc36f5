"""Stage 4, store: articles, their toponyms and events, and corrections, kept on disk."""
