"""Resolve: a region's chain of files merged into one guide, overlays and parents applied."""
