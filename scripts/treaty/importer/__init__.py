"""`treaty import`: the official documents of an instrument, one language at a time, into docs/.

    readers/    .docx, .pdf, .html, .txt -> blocks of text with their place in the document
    headings    "Article 7", «Chapitre premier», "第七条", "المادة الأولى" in each language
    language    is the document in the language it is imported as?
    structure   blocks -> preamble, chapters, sections, articles, numbered paragraphs, footnotes
    writer      the Markdown files, compared with docs/, written all at once
    config      the instrument's configuration (data/import.yml)
    run         the whole command

Plain Python: no MkDocs.
"""

from treaty.importer.errors import ImportFailure, Where
from treaty.importer.run import import_document

__all__ = ["ImportFailure", "Where", "import_document"]
