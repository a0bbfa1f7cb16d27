"""Reports on a content tree: the translation status dashboard and its history."""
