"""Documents: decision documents, letters, the office and its signers, templates, the PDF store and
spreadsheets."""
