"""The survey package: format, checklists, field store, and the merge back into the project."""
