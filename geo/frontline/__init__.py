"""Front lines: dated control-area snapshots, their store, and as-of, diff and near-front."""
