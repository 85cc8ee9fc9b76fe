"""China's divisions and the folding of place names, for finding where a person is."""
