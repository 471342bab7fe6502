"""Celery worker and beat for Pomoc: thin tasks that take ids and call one service."""

from tasks.worker import celery

__all__ = ["celery"]
