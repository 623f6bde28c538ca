"""Looking back: re-analysis of stored sessions, trends, exports."""
