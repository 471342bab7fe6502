"""Help in kind and services (u.p.s.): the scope a meal or care services decision grants, the
care services' fee tables of the rada gminy's resolution, and the monthly lists of meals (per
provider) and of services (hours and fees) with their exports. No bank payment: these benefits
have their own schedule, the monthly list."""
