"""Loaders and validators for the knowledge files and the installed gazetteer."""
