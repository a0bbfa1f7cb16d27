"""The edition as one PDF per language, made with WeasyPrint from the built pages (a step of its
own, after the site is built: `treaty.pdf.edition.write_language_pdf`). No MkDocs import."""


def pdf_name(project, lang: str) -> str:
    """The file's name under <lang>/: the instrument's kind and the language, the same every build.
    (Here, not in treaty.pdf.edition: the site links to the PDF without loading what makes it.)"""
    return f"{project.instrument.kind}-{lang}.pdf"
