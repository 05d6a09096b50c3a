"""Types every area shares: money, user errors and warnings, and object-reference inputs."""

from decimal import Decimal
from typing import Any

import strawberry
from graphql import OperationType
from sqlmodel import select
from strawberry import Parent

from mockcentra.domain.errors import DomainError, DomainWarning
from mockcentra.domain.money import format_money, given_amount
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.storage.records import records_of
from mockcentra.storage.tables import CurrencyRow


@strawberry.type
class UserError:
    message: str
    path: list[str] | None

    @classmethod
    def of(cls, error: DomainError | DomainWarning) -> "UserError":
        return cls(message=error.message, path=[str(p) for p in error.path] or None)


@strawberry.type(name="UserWarning")
class UserWarningType:
    """A note about a mutation that still succeeded."""

    message: str
    path: list[str] | None

    @classmethod
    def of(cls, warning: DomainWarning) -> "UserWarningType":
        return cls(message=warning.message, path=[str(p) for p in warning.path] or None)


@strawberry.type
class Payload:
    """What every mutation answers with; subclasses add the changed objects."""

    user_errors: list[UserError]
    user_warnings: list[UserWarningType]


@strawberry.type
class Currency:
    id: int
    code: str
    name: str
    decimals: int = strawberry.field(name="decimalDigits")
    is_base: bool


def _float_value(root: "Parent[MonetaryValue]") -> float:
    return float(root.amount)


@strawberry.type
class MonetaryValue:
    """An amount in a currency; exact Decimal inside, Centra's Float on the wire."""

    amount: strawberry.Private[Decimal]
    value: float = strawberry.field(resolver=_float_value)
    currency: Currency
    conversion_rate: float = 1.0

    @strawberry.field
    def formatted_value(self) -> str:
        return format_money(Decimal(str(self.amount)), self.currency.code)

    @classmethod
    def of(cls, amount: Decimal, currency: Any) -> "MonetaryValue":
        return cls(amount=amount, currency=currency)


@strawberry.input
class MonetaryValueInput:
    value: float
    currency_iso_code: str

    def to_decimal(self) -> Decimal:
        """Floats arrive from JSON; their shortest text is the amount the client wrote. An
        amount no price can have is refused (domain/money.py)."""
        return given_amount(Decimal(repr(self.value)), "value")


@strawberry.input
class ObjectReference:
    """Points at an object by `id` or `externalId`; each `<Object>Input` is one (some add a
    natural key)."""

    id: int | None = None
    external_id: str | None = None


@strawberry.input
class BrandInput(ObjectReference):
    pass


@strawberry.input
class CollectionInput(ObjectReference):
    pass


@strawberry.input
class FolderInput(ObjectReference):
    pass


@strawberry.input
class CountryInput(ObjectReference):
    code: str | None = None


@strawberry.input
class StoreInput(ObjectReference):
    pass


@strawberry.input
class MarketInput(ObjectReference):
    pass


@strawberry.input
class SizeChartInput(ObjectReference):
    pass


@strawberry.input
class SizeInput(ObjectReference):
    name: str | None = None


@strawberry.input
class ProductInput(ObjectReference):
    pass


@strawberry.input
class ProductVariantInput(ObjectReference):
    pass


@strawberry.input
class WarehouseInput(ObjectReference):
    pass


@strawberry.input
class PricelistInput(ObjectReference):
    pass


@strawberry.input
class PriceAlterationInput(ObjectReference):
    pass


@strawberry.input
class ShippingOptionInput(ObjectReference):
    pass


@strawberry.input
class CategoryInput(ObjectReference):
    pass


@strawberry.input
class DisplayInput(ObjectReference):
    pass


@strawberry.input
class AllocationRuleInput(ObjectReference):
    pass


@strawberry.input
class MeasurementChartInput(ObjectReference):
    pass


@strawberry.input
class StringMatch:
    equals: str | None = None
    contains: str | None = None


@strawberry.input
class DateRange:
    """Centra's `DateRange` filter: both ends included; text read like any date input."""

    from_: DateTimeTz | None = strawberry.field(name="from", default=None)
    to: DateTimeTz | None = None


@strawberry.input
class IntRange:
    """Centra's `IntRange` filter: both ends included."""

    from_: int | None = strawberry.field(name="from", default=None)
    to: int | None = None


@strawberry.input
class TaxGroupInput:
    """Accepted and not stored, one input type for displays and order lines alike: a display
    answers it with a userWarning, an added order line is taxed at the order's rate."""

    id: int | None = None


def currency_by_code(info: Any, code: str) -> Any:
    """The currency row with this code, or None; every currency is read in one query, once per
    request (there are a handful, and a list of orders or prices names several)."""
    cache = info.context.cache
    if "currencies" not in cache:
        session = info.context.session
        if info.operation.operation == OperationType.QUERY:  # writes nothing: plain records
            rows = records_of(CurrencyRow).all(session)
        else:
            rows = list(session.exec(select(CurrencyRow)))
        cache["currencies"] = {row.code: row for row in rows}
    currencies = cache["currencies"]
    if code not in currencies:  # created by a mutation earlier in this request, or unknown
        currencies[code] = info.context.session.exec(
            select(CurrencyRow).where(CurrencyRow.code == code)
        ).first()
    return currencies[code]


def money(info: Any, amount: Decimal, currency_code: str) -> MonetaryValue:
    """A MonetaryValue in a currency given by code."""
    return MonetaryValue(amount=amount, currency=currency_by_code(info, currency_code))


def row_or_none(info: Any, row_type: type, row_id: int | None) -> Any:
    """A row by id, resolved as its GraphQL type (None without an id); the session's identity
    map makes repeats (the same brand on many lines) free."""
    return None if row_id is None else info.context.session.get(row_type, row_id)
