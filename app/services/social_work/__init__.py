"""Social work (praca socjalna): a family's record, visits and notes, goals, the plan of help and
the kontrakty socjalne (art. 108 u.p.s.); see docs/ARCHITECTURE.md, "Social work"."""
