"""The workflow runtime: instances, worklist, jobs, timers, incidents, chaining, and the registry of
task actions and job operations."""
