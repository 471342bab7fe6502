"""Pure domain of Pomoc: money, legal parameters, income, eligibility, deadlines, identifiers.

This package imports no Flask, SQLAlchemy, SpiffWorkflow or Celery; only the standard library,
python-stdnum and holidays.
"""

from app.domain.deadlines import Deadline, due_date, today_in_warsaw, warsaw_end_of_day
from app.domain.eligibility import BENEFITS, EligibilityResult, calculate
from app.domain.errors import InvalidIdentifier, InvalidInput
from app.domain.identifiers import PeselInfo, parse_bank_account, parse_pesel
from app.domain.income import IncomeItem, IncomeResult, Member, household_income
from app.domain.money import ZERO, round_money, to_money
from app.domain.parameters import PARAMETERS, Param, ParameterNotFound, value

__all__ = [
    "BENEFITS",
    "PARAMETERS",
    "ZERO",
    "Deadline",
    "EligibilityResult",
    "IncomeItem",
    "IncomeResult",
    "InvalidIdentifier",
    "InvalidInput",
    "Member",
    "Param",
    "ParameterNotFound",
    "PeselInfo",
    "calculate",
    "due_date",
    "household_income",
    "parse_bank_account",
    "parse_pesel",
    "round_money",
    "to_money",
    "today_in_warsaw",
    "value",
    "warsaw_end_of_day",
]
