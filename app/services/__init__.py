"""Use cases by sub-domain, lowest first: kernel, workflow (the runtime and its registry),
definitions, documents, cases, decisions, appeals, recovery, payments, case_file; each package
imports only those before it (tests/unit/test_layering.py). See docs/ARCHITECTURE.md."""
