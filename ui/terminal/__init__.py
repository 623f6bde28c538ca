"""The terminal front end: `flooding-monitor` and its commands (record, analyze, history, devices...)."""
