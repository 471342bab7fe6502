"""The FA debtor procedure of the debtor's centre (art. 3-5, 27-28 of the act of 7 Sep 2007 o
pomocy osobom uprawnionym do alimentów): opening it (:mod:`.procedures`), the steps its process
records (:mod:`.task_actions`) and the debtor's own ledger of dues and receipts (:mod:`.ledger`)."""
