"""Appeals: the appeal, the SKO and its rulings."""
