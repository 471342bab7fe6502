"""The "Niebieskie Karty" procedure (ustawa o przeciwdziałaniu przemocy domowej, art. 9d;
Dz.U. 2023 poz. 1870): start with form A, hand-over, the group's meetings, forms, plan, closing."""
