"""The benefit catalogue: one module per benefit, each registering its :class:`Benefit` entry.

Read :mod:`app.domain.benefits.catalogue` for the entry's fields and the registry. To add a
benefit, add a module here that registers its entry, import it below, and add its translations.
"""

from app.domain.benefits import (  # noqa: F401  (each module registers its entry)
    fundusz_alimentacyjny,
    jednorazowa_zapomoga,
    specjalny_zasilek_celowy,
    specjalny_zasilek_opiekunczy,
    swiadczenie_pielegnacyjne,
    swiadczenie_rodzicielskie,
    zasilek_okresowy,
    zasilek_pielegnacyjny,
    zasilek_rodzinny,
    zasilek_staly,
)
from app.domain.benefits.catalogue import (
    BY_CODE,
    CODES,
    Benefit,
    Kind,
    Wording,
    act_of,
    attribute,
    carer_benefits,
    codes_where,
    entries,
    find,
    get,
    name,
    register,
    unregister,
    where,
)

__all__ = [
    "BY_CODE", "CODES", "Benefit", "Kind", "Wording", "act_of", "attribute", "carer_benefits",
    "codes_where", "entries", "find",
    "get", "name", "register", "unregister", "where",
]
