"""Flask commands (`flask ...`) and the demo data they seed."""
