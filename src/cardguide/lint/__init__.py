"""The data rules (CG codes) that `validate` checks region files against."""
