"""The edition as one PDF per language, made with WeasyPrint from the built pages (a step of its
own, after the site is built: `treaty.pdf.edition.write_language_pdf`). No MkDocs import."""
