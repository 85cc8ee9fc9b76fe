"""Match: the items of a guide that apply to one person, each with its reason."""
