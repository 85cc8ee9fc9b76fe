"""Hostile inputs: broken region files and bad command lines, each with what it must produce."""
