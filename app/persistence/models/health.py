"""Heartbeats: when a background process last proved it works (read by GET /health)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Heartbeat(Base):
    """One row per background role ("worker"): the time its last heartbeat task ran."""

    __tablename__ = "heartbeats"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    beat_at: Mapped[datetime]
