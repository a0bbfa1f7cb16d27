"""Publishing toolkit for multilingual treaties: content model, checks, Markdown extensions."""
