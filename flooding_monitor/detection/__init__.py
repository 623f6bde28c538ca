"""From clean beats to states: the robust rate, the personal baseline, sustained arousal with hysteresis, the early cue, batch analysis."""
