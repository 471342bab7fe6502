"""UI helpers shared by the pages, the API and the admin: formatting, labels, schema forms."""
