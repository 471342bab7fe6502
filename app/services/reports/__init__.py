"""Reports the centre owes and reads: MRPiPS-03, the family-benefit and FA reports, and the
dashboard's figures; see docs/ARCHITECTURE.md, "Reports". Each report reads dated records that
are never changed afterwards (decisions as issued, payments as paid), so a closed period gives the
same figures whenever it is run."""
