"""Stage 3, events: dated happenings at places, from sentences, triggers and placed toponyms."""
