"""A conversation as it happens: partners and preferences, the session, its controller and runner, its recording to disk."""
