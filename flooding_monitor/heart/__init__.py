"""Heart beats in, clean beats out: samples, RR cleaning and artifact repair, spans, generated test signals."""
