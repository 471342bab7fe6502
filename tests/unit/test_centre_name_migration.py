"""Migration e15ca0000001 gives an existing office row its genitive (issue 15, part 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.persistence.migrate import upgrade


@pytest.mark.parametrize(("name", "genitive"), [
    ("Gminny Ośrodek Pomocy Społecznej w Krzeszowicach",
     "Gminnego Ośrodka Pomocy Społecznej w Krzeszowicach"),
    ("Ośrodek Pomocy Społecznej w Krzeszowicach", "Ośrodka Pomocy Społecznej w Krzeszowicach"),
    ("Miejsko-Gminny Ośrodek Pomocy Społecznej", "Miejsko-Gminnego Ośrodka Pomocy Społecznej"),
    ("Centrum Usług Społecznych", "Centrum Usług Społecznych"),  # left for the admin to set
])
def test_an_existing_office_gets_its_genitive(tmp_path: Path, name: str, genitive: str) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'office.db'}")
    upgrade(engine, "d2a000000001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO office_settings (id, gmina, body, centre_name, centre_address, centre_city,"
            " sko_name, sko_seat, payment_method, payment_day, updated_at) VALUES (1, 'Gminy X',"
            " 'wojt', :name, 'ul. A 1', 'X', 'SKO', 'ul. B 2', 'w kasie', '', '2026-12-07')"),
            {"name": name})
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT centre_name_genitive FROM office_settings")).scalar() == genitive
