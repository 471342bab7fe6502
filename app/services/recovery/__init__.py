"""Recovery of undue benefits: claims, recovery decisions, deductions and limitation."""
