"""The kernel every service stands on: context and unit of work, errors, audit, publisher, the input
dialect, redaction, failures, sign-in and health."""
