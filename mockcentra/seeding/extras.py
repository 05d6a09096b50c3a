"""Vouchers and a wholesale set-up for scenario files, made through the domain actions.

A scenario file may add, next to `orders`:

vouchers:                      # createVoucher with one "always" action
  - {name: Welcome 10%, code: WELCOME10, percent_off: 10, reuse: false}
  - {name: 100 off, code: SAVE100, price_off: {SEK: 100, EUR: 10}}   # orderTotal, per currency
  - {name: Free shipping, code: FREESHIP, free_shipping: true}
  # optional: method (CODE | URL | AUTO), url, status, start_at, stop_at, max_usages, priority
wholesale:
  delivery_windows:
    - {name: Immediate, at_once: 7}                       # days from now; every variant, STOCK
    - {name: AW30, preorder: {sales: [2025-06-01, 2029-12-31], delivery: [2030-01-15, 2030-02-28]}}
  accounts:
    - {name: Nordic Boutique AB, country: SE, discount: 10, credit_limit: 20000, buyers: 2,
       window_discounts: {AW30: 15}}
  orders:                      # state: pending (default), confirmed, shipped or returned
    - {account: Nordic Boutique AB, window: Immediate, lines: 3, quantity: 4, state: confirmed}

Shipped orders ship everything in one paid shipment and complete it (which issues the invoice);
returned ones then take one unit back in a completed return. Everything is placed on the wholesale store and its market and pricelist ("Wholesale EUR").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlmodel import select

from mockcentra.domain.ordering.actions import confirm_order
from mockcentra.domain.orders.totals import lines_of
from mockcentra.domain.pricing.rules import Amount
from mockcentra.domain.refs import Ref
from mockcentra.domain.returns import actions as returns
from mockcentra.domain.returns.status import ReturnStockPolicy
from mockcentra.domain.shipments import actions as shipments
from mockcentra.domain.vouchers import actions as vouchers
from mockcentra.domain.vouchers import specs as voucher_specs
from mockcentra.domain.vouchers.status import (
    ApplyOn,
    ContinueStrategy,
    EntryPointStrategy,
    VoucherMethod,
    VoucherStatus,
    VoucherType,
)
from mockcentra.domain.wholesale import (
    accounts,
    buyers,
    delivery_windows,
    orders,
    window_variants,
)
from mockcentra.domain.wholesale.discounts import DiscountsSpec, WindowDiscountSpec
from mockcentra.seeding.orders import Ref as OrderRef
from mockcentra.storage.tables import (
    CurrencyRow,
    MarketRow,
    PricelistRow,
    ProductRow,
    ProductSizeRow,
    SalesRepresentativeRow,
    StockRow,
    StoreRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork


def _found(value: int | None, what: str) -> int:
    """An id a query of the base data answered; seeding builds on that data, so it is there."""
    if value is None:
        raise LookupError(f"The base data has no {what}.")
    return value


def _store(uow: UnitOfWork, kind: str) -> int:
    stmt = select(StoreRow.id).where(StoreRow.type == kind)
    return _found(uow.session.exec(stmt).one(), f"{kind} store")


def _retail_pricelists(uow: UnitOfWork, store_id: int) -> dict[str, int]:
    rows = uow.session.exec(
        select(PricelistRow.id, CurrencyRow.code)
        .join(CurrencyRow, CurrencyRow.id == PricelistRow.currency_id)
        .where(PricelistRow.store_id == store_id)
        .order_by(PricelistRow.id)
    )
    found: dict[str, int] = {}
    for pricelist_id, code in rows:
        found.setdefault(code, _found(pricelist_id, "price list id"))
    return found


def _voucher_result(raw: dict[str, Any], pricelists: dict[str, int]) -> voucher_specs.ResultSpec:
    """The one discount a scenario voucher gives: percent_off, price_off or free_shipping."""
    given = [k for k in ("percent_off", "price_off", "free_shipping") if raw.get(k)]
    if len(given) != 1:
        raise ValueError(
            f"Voucher {raw.get('name')}: give one of percent_off, price_off, free_shipping."
        )
    if given[0] == "percent_off":
        return voucher_specs.ResultSpec(
            given=["selectedProducts"],
            apply_on=ApplyOn.ORDER,
            discounts_given=["percentOff"],
            percent_off=Decimal(str(raw["percent_off"])),
        )
    if given[0] == "price_off":
        return voucher_specs.ResultSpec(
            given=["orderTotal"],
            apply_on=ApplyOn.ORDER,
            discounts_given=["priceOff"],
            price_off=[
                voucher_specs.PriceOffSpec(Ref(id=pricelists[code]), Decimal(str(value)), code)
                for code, value in raw["price_off"].items()
            ],
        )
    return voucher_specs.ResultSpec(given=["freeShipping"], shipping_options=None)


def seed_vouchers(uow: UnitOfWork, specs: list[dict[str, Any]]) -> list[int]:
    """Create each voucher through `createVoucher`'s action; returns their ids."""
    store_id = _store(uow, "DIRECT_TO_CONSUMER")
    market_id = uow.session.exec(select(MarketRow.id).where(MarketRow.store_id == store_id)).first()
    pricelists = _retail_pricelists(uow, store_id)
    made = []
    for raw in specs:
        result = _voucher_result(raw, pricelists)
        spec = voucher_specs.VoucherSpec(
            name=str(raw["name"]),
            status=VoucherStatus(raw.get("status", "ACTIVE")),
            start_at=str(raw.get("start_at", "2024-01-01 00:00")),
            stop_at=str(raw.get("stop_at", "2030-12-31 23:59")),
            method=VoucherMethod(raw.get("method", "CODE")),
            priority=int(raw.get("priority", 1)),
            max_usages=int(raw.get("max_usages", 0)),
            reuse=bool(raw.get("reuse", True)),
            type=VoucherType.DISCOUNT,
            entry_point_strategy=EntryPointStrategy.APPLY_ALL_IF_ALL_APPLY,
            store=Ref(id=store_id),
            code=raw.get("code"),
            url=raw.get("url"),
            combine_with_other_vouchers=raw.get("combine"),
            add_markets=[Ref(id=market_id)],
            actions=[
                voucher_specs.ActionSpec(
                    entry_point_id=None,
                    continue_strategy=ContinueStrategy.SELECTED_PRODUCTS,
                    criteria=[voucher_specs.CriterionSpec(given=["always"])],
                    result=result,
                )
            ],
        )
        made.append(key(vouchers.create_voucher(uow, spec)))
    return made


def _address(fake: Any, country: str, company: str | None = None) -> dict[str, Any]:
    first, last = fake.first_name(), fake.last_name()
    return {
        "firstName": first,
        "lastName": last,
        "companyName": company,
        "address1": fake.street_address(),
        "city": fake.city(),
        "zipCode": fake.postcode(),
        "country": country,
        "phoneNumber": fake.phone_number(),
        "email": f"{first}.{last}@{(company or 'example').split()[0].lower()}.example.com".lower(),
    }


#: What a scenario's wholesale order is taken to after it is placed.
WHOLESALE_STATES = ("pending", "confirmed", "shipped", "returned")


def _ship_paid(uow: UnitOfWork, order: Any, *, returned: bool) -> None:
    """Ship every line in one shipment marked paid (wholesale orders are invoiced, not
    captured) and complete it, which issues its invoice; `returned` sends one unit back."""
    lines = lines_of(uow.session, key(order))
    shipment, _ = shipments.create_shipment(
        uow,
        OrderRef(order.number),
        [shipments.ShipLine(key(line), line.quantity) for line in lines],
        is_good_to_go=True,
        is_paid=True,
    )
    shipments.complete_shipment(
        uow,
        key(shipment),
        info=shipments.ShipmentInfo(
            carrier="DHL Freight",
            service="Pallet",
            packages=2,
            tracking_number=f"DHL{order.number:06d}",
        ),
    )
    if returned:
        first = shipments.shipment_lines(uow.session, key(shipment))[0]
        ret = returns.create_return(
            uow,
            key(shipment),
            [returns.ReturnLine(key(first), 1)],
            policy=ReturnStockPolicy.RELEASE_BACK_TO_WAREHOUSE,
            comment="Damaged in transit",
        )
        returns.complete_return(uow, key(ret))


@dataclass
class WholesaleSetup:
    """What a scenario's wholesale set-up is made on and of, filled in step by step."""

    market_id: int
    pricelist_id: int
    variant_ids: list[int]
    windows: dict[str, int] = field(default_factory=dict)
    reps: dict[str, int] = field(default_factory=dict)
    account_ids: dict[str, int] = field(default_factory=dict)


def seed_wholesale(uow: UnitOfWork, fake: Any, spec: dict[str, Any]) -> dict[str, int]:
    """Delivery windows with every active variant, accounts with buyers, then orders."""
    setup = _wholesale_store(uow)
    for raw in spec.get("delivery_windows") or []:
        _seed_window(uow, setup, raw)
    for raw in spec.get("sales_representatives") or []:
        _seed_sales_representative(uow, setup, raw)
    for raw in spec.get("accounts") or []:
        _seed_account(uow, fake, setup, raw)
    _seed_wholesale_orders(uow, fake, setup, spec.get("orders") or [])
    return setup.account_ids


def _wholesale_store(uow: UnitOfWork) -> WholesaleSetup:
    """The wholesale store's market and price list, and every active variant."""
    session = uow.session
    store_id = _store(uow, "WHOLESALE")
    market_id = session.exec(select(MarketRow.id).where(MarketRow.store_id == store_id)).first()
    pricelist_id = session.exec(
        select(PricelistRow.id).where(PricelistRow.store_id == store_id).order_by(PricelistRow.id)
    ).first()
    variant_ids = session.exec(
        select(VariantRow.id)
        .join(ProductRow, ProductRow.id == VariantRow.product_id)
        .where(VariantRow.status == "ACTIVE", ProductRow.status == "ACTIVE")
        .order_by(VariantRow.id)
    )
    return WholesaleSetup(
        _found(market_id, "wholesale market"),
        _found(pricelist_id, "wholesale price list"),
        [v for v in variant_ids if v is not None],
    )


def _seed_window(uow: UnitOfWork, setup: WholesaleSetup, raw: dict[str, Any]) -> None:
    """A delivery window (at once or preorder) with every active variant in it."""
    preorder = raw.get("preorder")
    window = delivery_windows.create_window(
        uow,
        delivery_windows.WindowSpec(
            name=str(raw["name"]),
            markets=[Ref(id=setup.market_id)],
            selectable_by_buyers=True,
            delivery_dates_visible=True,
            at_once=(
                delivery_windows.AtOnceSpec(days_from_now=int(raw["at_once"]))
                if "at_once" in raw
                else None
            ),
            preorder=(
                delivery_windows.PreorderSpec(
                    delivery_dates=delivery_windows.DateRangeSpec(
                        *(str(d) for d in preorder["delivery"])
                    ),
                    sales_dates=delivery_windows.DateRangeSpec(
                        *(str(d) for d in preorder["sales"])
                    ),
                )
                if preorder
                else None
            ),
        ),
    )
    kind = "PREORDER" if preorder else "STOCK"
    variant_ids = setup.variant_ids
    for start in range(0, len(variant_ids), window_variants.MAX_VARIANTS_PER_CALL):
        chunk = variant_ids[start : start + window_variants.MAX_VARIANTS_PER_CALL]
        window_variants.set_window_variants(
            uow,
            Ref(id=window.id),
            [window_variants.WindowVariantSpec(Ref(id=v), type=kind) for v in chunk],
        )
    setup.windows[str(raw["name"])] = key(window)


def _seed_sales_representative(uow: UnitOfWork, setup: WholesaleSetup, raw: dict[str, Any]) -> None:
    """A sales representative (no action creates one: the row is written as it is)."""
    rep = SalesRepresentativeRow(
        name=str(raw["name"]),
        email=raw.get("email"),
        status=str(raw.get("status", "ACTIVE")),
        commission_percent_hundredths=round(Decimal(str(raw.get("commission", 0))) * 100),
    )
    uow.session.add(rep)
    uow.session.flush()
    setup.reps[rep.name] = rep.id  # type: ignore[assignment]


def _seed_account(uow: UnitOfWork, fake: Any, setup: WholesaleSetup, raw: dict[str, Any]) -> None:
    """An account with its discounts, terms, carrier and credit limit, and its buyers."""
    name = str(raw["name"])
    country = str(raw.get("country", "SE"))
    address = _address(fake, country, name)
    discounts = DiscountsSpec(
        general_percent=Decimal(str(raw.get("discount", 0))),
        general_visible=True,
        add_delivery_window_discounts=[
            WindowDiscountSpec(Ref(id=setup.windows[w]), Decimal(str(p)))
            for w, p in (raw.get("window_discounts") or {}).items()
        ],
    )
    limit = raw.get("credit_limit")
    carrier = raw.get("carrier") or {}
    rep = raw.get("sales_representative")
    account, _ = accounts.create_account(
        uow,
        accounts.AccountSpec(
            name=name,
            market=Ref(id=setup.market_id),
            pricelist=Ref(id=setup.pricelist_id),
            payment_terms=Ref(id=1),
            shipping_terms=Ref(id=2),
            sales_representative=Ref(id=setup.reps[rep]) if rep else None,
            carrier_name=carrier.get("name"),
            carrier_service=carrier.get("service"),
            carrier_account_identifier=carrier.get("account"),
            carrier_tax_id=carrier.get("tax_id"),
            credit_limit=Amount(Decimal(str(limit)), "EUR") if limit else None,
            apply_credit_limit=bool(limit),
            discounts=discounts,
            account_address=address,
            shipping_address=address,
            billing_address=address,
        ),
    )
    for _ in range(int(raw.get("buyers", 1))):
        buyers.create_buyer(
            uow,
            buyers.BuyerSpec(
                account=Ref(id=account.id),
                receive_auto_emails=True,
                billing_address=_address(fake, country, name),
            ),
        )
    setup.account_ids[name] = key(account)


def _seed_wholesale_orders(
    uow: UnitOfWork, fake: Any, setup: WholesaleSetup, specs: list[dict[str, Any]]
) -> None:
    """Orders of sizes with stock to spare, five hours apart, each taken to its state."""
    sizes = [
        row[0]
        for row in uow.session.exec(
            select(ProductSizeRow.id, StockRow.physical - StockRow.allocated)
            .join(StockRow, StockRow.product_size_id == ProductSizeRow.id)
            .where(ProductSizeRow.variant_id.in_(setup.variant_ids))
            .order_by(ProductSizeRow.id)
        )
        if row[1] >= 20
    ]
    clock = uow.clock
    for n, raw in enumerate(specs):
        picked = fake.random_sample(sizes, length=int(raw.get("lines", 2)))
        order = orders.place_wholesale_order(
            uow,
            orders.WholesaleOrderSpec(
                account=Ref(id=setup.account_ids[str(raw["account"])]),
                delivery_window=Ref(id=setup.windows[str(raw["window"])]),
                purchase_order_number=f"PO-{1001 + n}",
                lines=[
                    orders.WholesaleLineSpec(Ref(id=size), int(raw.get("quantity", 2)))
                    for size in picked
                ],
            ),
        )
        state = raw.get("state", "pending")
        if state not in WHOLESALE_STATES:
            raise ValueError(
                f"Unknown wholesale order state '{state}'. Known: {', '.join(WHOLESALE_STATES)}."
            )
        if state != "pending":
            confirm_order(uow, OrderRef(order.number))
        if state in ("shipped", "returned"):
            _ship_paid(uow, order, returned=state == "returned")
        clock.advance(timedelta(hours=5))
        uow.session.flush()
