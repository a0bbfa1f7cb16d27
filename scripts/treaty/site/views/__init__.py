"""What the templates are given, as plain Python: navigation, language alternates and the
sitemap, the home page's facts, the chooser, and each page's context. No MkDocs import: the
plugin (treaty.site.plugin) only calls these from its events."""
