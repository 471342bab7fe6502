"""Decisions: drafts and records, facts, wording, changes and revocations, parameter changes, the
calculator."""
