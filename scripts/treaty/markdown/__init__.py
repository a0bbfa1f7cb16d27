"""Python-Markdown extensions for treaty texts (no MkDocs dependency)."""
