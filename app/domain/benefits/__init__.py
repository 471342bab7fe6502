"""The benefit catalogue: one module per benefit, each registering its :class:`Benefit` entry.

Read :mod:`app.domain.benefits.catalogue` for the entry's fields and the registry. To add a
benefit, add a module here that registers its entry, import it below, and add its translations.
"""

from app.domain.benefits import (  # noqa: F401  (each module registers its entry)
    fundusz_alimentacyjny,
    jednorazowa_zapomoga,
    posilek,
    specjalny_zasilek_celowy,
    specjalny_zasilek_opiekunczy,
    sprawienie_pogrzebu,
    swiadczenie_pielegnacyjne,
    swiadczenie_rodzicielskie,
    uslugi_opiekuncze,
    zasilek_celowy,
    zasilek_celowy_zdarzenie_losowe,
    zasilek_okresowy,
    zasilek_pielegnacyjny,
    zasilek_rodzinny,
    zasilek_staly,
)
from app.domain.benefits.catalogue import (
    BY_CODE,
    CODES,
    INCOME_FIELDS,
    PROCESS_BY_ACT,
    Benefit,
    Kind,
    Wording,
    act_of,
    attribute,
    benefit_fields,
    carer_benefits,
    codes_where,
    entries,
    field_benefits,
    find,
    get,
    name,
    register,
    unregister,
    where,
)

__all__ = [
    "BY_CODE", "CODES", "INCOME_FIELDS", "PROCESS_BY_ACT", "Benefit", "Kind", "Wording", "act_of",
    "attribute", "benefit_fields", "carer_benefits", "codes_where", "entries", "field_benefits",
    "find", "get", "name", "register", "unregister", "where",
]
