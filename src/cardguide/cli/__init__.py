"""The command line: the only layer that reads stdin, prints, prompts and exits."""
