"""Markets: which countries of a store see which displays, and where their orders allocate."""
