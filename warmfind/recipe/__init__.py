"""The recipe and what is made from it: its YAML schema, the LR schedule it describes, and the emitters for each training stack."""
