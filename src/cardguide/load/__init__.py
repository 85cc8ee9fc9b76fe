"""Load: region files read, checked, compiled and found in their directories."""
