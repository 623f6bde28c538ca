"""The SQLite history: one file per user, its schema and migrations, what identifies an import."""
