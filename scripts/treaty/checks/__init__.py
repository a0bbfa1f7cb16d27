"""`treaty check`: every check of a content tree, as findings (plain Python, no MkDocs)."""
