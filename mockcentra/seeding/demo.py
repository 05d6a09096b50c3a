"""The demo store: a small apparel brand on top of the base instance.

Everything is derived from one seed through faker, so the same seed gives byte-identical data
(timestamps are fixed too; they do not come from the clock). Rows are bulk-inserted with
explicit ids, which keeps the whole scenario at a few tens of milliseconds.

Shape (ids are stable for a given seed; the structure is the same for every seed):
- brand 1 "Base Brand"; collections "AW21", "SS22"; folder "Shop" with "Clothing", "Shoes",
  "Accessories" below it.
- size charts "XS-XL" (XS, S, M, L, XL) and "Shoes" (38 .. 44) next to the base "One Size".
- 20 products P1001 .. P1020 (P1020 is INACTIVE), 1-3 colour variants each, sizes activated
  with 13-digit EANs, SKU = product number + variant number + size number.
- stock in "Main warehouse": 5..40 per size, except the last size of the first variant of
  P1003/P1008/P1013/P1018 (0) and the first size of the first variant of P1005/P1010/P1015/P1020
  (1 or 2).
- Retail pricelists "SEK" (SE), "EUR" (DE DK FI FR NL NO PL), "USD" (US), "GBP" (GB); SEK is
  10x EUR. Wholesale pricelist "Wholesale EUR" on store 2 (half the EUR price, EUR as RRP).
- a display on store 1 for every active product with all its variants, in the retail market,
  in a category tree Clothing > Tops/Bottoms, Shoes, Accessories.
- shipment plugins 1 "Parcel labels" (store 1), 2 "Express courier" (store 1, INACTIVE) and
  3 "Freight booking" (store 2).
- weights by garment (e.g. a T-shirt 0.200 kg); measurement charts "Tops" (chest, length) and
  "Bottoms" (waist, inseam) shown on the tops and bottoms.
- translations into Swedish and German: every category's name, and the name, uri and
  description of the first five products' displays, their product and variant names.
- product media: a picture per variant of the first twenty products (a PNG in the variant's
  colour, kept in the database and served under /media/images/), shown on the displays.
- custom attributes (fixtures/attributes.yaml): each active product selects its material
  (`pr_materials`, the one its display text names) and each variant its colour swatch
  (`sh_swatch`).

The vocabulary and value rules are in demo_data.py, the rows gather in demo_rows.py and
each product is added by demo_products.py.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import Session

from mockcentra.runtime.clock import Clock
from mockcentra.seeding.demo_data import (
    CATEGORIES,
    CATEGORY_NAMES,
    GARMENTS,
    MEASUREMENT_CHARTS,
    PRODUCT_COUNT,
    RETAIL_PRICELISTS,
    SHOE_SIZES,
    XS_XL,
)
from mockcentra.seeding.demo_products import add_product
from mockcentra.seeding.demo_rows import Catalogue, DemoRows
from mockcentra.storage.tables import (
    BrandRow,
    CategoryRow,
    CollectionRow,
    CountryRow,
    CurrencyRow,
    FolderRow,
    MarketRow,
    MeasurementChartRow,
    PricelistCountryRow,
    PricelistRow,
    ShippingOptionRow,
    SizeChartRow,
    SizeRow,
    StorePluginRow,
    StoreRow,
    WarehouseRow,
)

if TYPE_CHECKING:
    from faker import Faker


@lru_cache(maxsize=1)
def shared_faker() -> Faker:
    """One Faker per process (building one costs ~50 ms); re-seeded on every use."""
    from faker import Faker

    return Faker(use_weighting=False)


#: The largest catalogue `seed_demo` makes (the `large` scenario's 10,000 fit).
MAX_PRODUCTS = 20_000


def seed_demo(
    session: Session, clock: Clock, seed: int, product_count: int = PRODUCT_COUNT
) -> None:
    """Fill the base instance with the demo store (see the module docstring for its shape).

    A larger `product_count` (the `large` scenario) repeats the garment list; products past the
    demo's twenty get their number in the display URI so URIs stay unique.
    """
    if not 1 <= product_count <= MAX_PRODUCTS:
        raise ValueError(f"product_count must be between 1 and {MAX_PRODUCTS}.")
    fake = shared_faker()
    fake.seed_instance(seed)
    demo = DemoRows(session.connection())
    catalogue = base_instance(demo)
    add_shipment_plugins(demo, catalogue)
    add_groupings(demo, catalogue)
    add_size_charts(demo, catalogue)
    add_measurement_charts(demo, catalogue)
    add_categories(demo, catalogue)
    add_pricelists(demo, catalogue)
    catalogue.ean_company = fake.random_int(10000, 99999)
    garments = list(GARMENTS)
    order = fake.random_sample(range(len(garments)), length=len(garments))
    for index in range(product_count):
        garment = garments[order[index % len(garments)]]
        add_product(demo, fake, catalogue, index, garment, active=index < product_count - 1)
    demo.insert()


def base_instance(demo: DemoRows) -> Catalogue:
    """The base instance's stores, countries, currencies, size charts, warehouse, market and
    shipping options the demo builds on."""
    conn = demo.conn
    rows = conn.execute(select(StoreRow.id, StoreRow.type))
    stores = {t: pk for pk, t in rows}
    retail_store = stores["DIRECT_TO_CONSUMER"]
    retail_market = conn.execute(
        select(MarketRow.id).where(MarketRow.store_id == retail_store).order_by(MarketRow.id)
    ).scalar()
    shipping = {
        name: pk
        for pk, name in conn.execute(
            select(ShippingOptionRow.id, ShippingOptionRow.name).where(
                ShippingOptionRow.store_id == retail_store
            )
        )
    }
    return Catalogue(
        retail_store=retail_store,
        wholesale_store=stores["WHOLESALE"],
        countries=demo.lookup(CountryRow, "code"),
        currencies=demo.lookup(CurrencyRow, "code"),
        charts=demo.lookup(SizeChartRow, "name"),
        warehouse=demo.lookup(WarehouseRow, "name")["Main warehouse"],
        retail_market=retail_market,
        shipping=shipping,
    )


def add_shipment_plugins(demo: DemoRows, catalogue: Catalogue) -> None:
    """Shipment plugins 1-2 on the retail store (one inactive), 3 on the wholesale store."""
    for store_id, name, status in (
        (catalogue.retail_store, "Parcel labels", "ACTIVE"),
        (catalogue.retail_store, "Express courier", "INACTIVE"),
        (catalogue.wholesale_store, "Freight booking", "ACTIVE"),
    ):
        demo.add(StorePluginRow, store_id=store_id, name=name, kind="SHIPMENT", status=status)


def add_groupings(demo: DemoRows, catalogue: Catalogue) -> None:
    """The brand, the two collections and the folder tree under "Shop"."""
    catalogue.brand = demo.add(BrandRow, name="Base Brand", uri="base-brand")
    catalogue.collections = [demo.add(CollectionRow, name=n) for n in ("AW21", "SS22")]
    shop = demo.add(FolderRow, name="Shop", parent_id=None)
    catalogue.folders = {
        n: demo.add(FolderRow, name=n, parent_id=shop) for n in ("Clothing", "Shoes", "Accessories")
    }


def add_size_charts(demo: DemoRows, catalogue: Catalogue) -> None:
    """The "XS-XL" and "Shoes" size charts and their sizes, next to the base "One Size"."""
    charts = catalogue.charts
    one_size = demo.conn.execute(
        select(SizeRow.id, SizeRow.name).where(SizeRow.size_chart_id == charts["One Size"])
    ).all()
    catalogue.sizes["One Size"] = [(pk, name) for pk, name in one_size]
    for chart_name, labels in (("XS-XL", XS_XL), ("Shoes", SHOE_SIZES)):
        chart = demo.add(
            SizeChartRow,
            name=chart_name,
            horizontal_labels=labels,
            vertical_labels=None,
            divider_symbol="x",
        )
        charts[chart_name] = chart
        catalogue.sizes[chart_name] = [
            (demo.add(SizeRow, size_chart_id=chart, name=label, position=i), label)
            for i, label in enumerate(labels)
        ]


def add_measurement_charts(demo: DemoRows, catalogue: Catalogue) -> None:
    """The "Tops" and "Bottoms" measurement charts, by the category uri they are shown in."""
    for chart_name, uri, rows_of_chart in MEASUREMENT_CHARTS:
        catalogue.measurement_charts[uri] = demo.add(
            MeasurementChartRow,
            name=chart_name,
            horizontal_labels=XS_XL,
            vertical_labels=[label for label, _, _ in rows_of_chart],
            display_unit="cm",
            content={
                label: {size: str(start + i * step) for i, size in enumerate(XS_XL)}
                for label, start, step in rows_of_chart
            },
        )


def add_categories(demo: DemoRows, catalogue: Catalogue) -> None:
    """The retail store's category tree, with each name in Swedish and German."""
    categories = catalogue.categories
    for name, uri, parent in CATEGORIES:
        categories[uri] = demo.add(
            CategoryRow,
            store_id=catalogue.retail_store,
            name=name,
            uri=uri,
            parent_id=categories[parent] if parent else None,
        )
        demo.translate("Category", categories[uri], "name", CATEGORY_NAMES[name])


def add_pricelists(demo: DemoRows, catalogue: Catalogue) -> None:
    """The retail price lists with their countries, and the wholesale "Wholesale EUR"."""
    for currency, codes in RETAIL_PRICELISTS:
        pricelist = catalogue.pricelists[currency] = demo.add(
            PricelistRow,
            name=currency,
            status="ACTIVE",
            store_id=catalogue.retail_store,
            currency_id=catalogue.currencies[currency],
            default_shipping_option_id=catalogue.shipping.get(currency),
        )
        for code in codes:
            demo.add(
                PricelistCountryRow, pricelist_id=pricelist, country_id=catalogue.countries[code]
            )
    catalogue.wholesale_pricelist = demo.add(
        PricelistRow,
        name="Wholesale EUR",
        status="ACTIVE",
        store_id=catalogue.wholesale_store,
        currency_id=catalogue.currencies["EUR"],
        default_shipping_option_id=None,
    )
