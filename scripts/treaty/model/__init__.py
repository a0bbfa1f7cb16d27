"""The content model: documents, outline, instrument, languages, enumerators, labels, references."""
