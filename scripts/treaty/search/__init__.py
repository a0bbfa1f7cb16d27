"""Search for the six-language edition: normalization, Chinese segmentation, per-language index.

Plain Python: the MkDocs glue (treaty.site.plugin) only hands pages to `SearchIndex` and asks it
to write each language's bundle. The same rules (data/search.yml) run in the reader's browser.
"""
