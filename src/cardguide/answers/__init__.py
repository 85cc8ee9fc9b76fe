"""Answers from dates and words: deadlines, the holiday calendar and the FAQ search."""
