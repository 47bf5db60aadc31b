"""The REST API for programs: events, actors, sources, topics; sync, exports, schema."""
