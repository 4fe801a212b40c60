"""Ontology, shapes and saved queries, shipped inside the wheel (symlinks in the source tree)."""
