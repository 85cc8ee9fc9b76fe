"""The vocabulary every stage shares: region files' typed structure and who is asking."""
