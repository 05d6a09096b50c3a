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
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select
from sqlmodel import Session, SQLModel

from mockcentra.domain.media.images import solid_png
from mockcentra.domain.uris import uri_from_name
from mockcentra.runtime.clock import Clock
from mockcentra.storage.bulk import insert_rows
from mockcentra.storage.tables import (
    BrandRow,
    CategoryRow,
    CollectionRow,
    CountryRow,
    CurrencyRow,
    DisplayCategoryRow,
    DisplayMarketRow,
    DisplayMediaRow,
    DisplayRow,
    DisplayVariantRow,
    FolderRow,
    LanguageRow,
    MappedAttributeSelectionRow,
    MarketRow,
    MeasurementChartRow,
    MediaFileRow,
    PricelistCountryRow,
    PricelistRow,
    PriceRow,
    ProductMediaRow,
    ProductRow,
    ProductSizeRow,
    ShippingOptionRow,
    SizeChartRow,
    SizeRow,
    StockRow,
    StorePluginRow,
    StoreRow,
    TranslationRow,
    VariantRow,
    WarehouseRow,
)

if TYPE_CHECKING:
    from faker import Faker

PRODUCT_COUNT = 20
FIRST_PRODUCT_NUMBER = 1001
# Seed data is dated, not stamped with the clock, so two runs with one seed are identical.
DEMO_EPOCH = datetime(2024, 1, 8, 9, 0, tzinfo=UTC)

XS_XL = ["XS", "S", "M", "L", "XL"]
SHOE_SIZES = [str(n) for n in range(38, 45)]

# (garment, size chart, category uri, HS code, EUR price choices)
GARMENTS: list[tuple[str, str, str, str, list[str]]] = [
    ("T-shirt", "XS-XL", "clothing/tops", "610910", ["19.50", "25", "29.50", "35"]),
    ("Long Sleeve Tee", "XS-XL", "clothing/tops", "610910", ["29.50", "35", "39.50"]),
    ("Oxford Shirt", "XS-XL", "clothing/tops", "620520", ["59", "69", "79"]),
    ("Knit Sweater", "XS-XL", "clothing/tops", "611020", ["89", "99", "119"]),
    ("Hoodie", "XS-XL", "clothing/tops", "611020", ["69", "79", "89"]),
    ("Overshirt", "XS-XL", "clothing/tops", "620520", ["89", "99", "109"]),
    ("Puffer Jacket", "XS-XL", "clothing/tops", "620193", ["179", "199", "249"]),
    ("Wool Coat", "XS-XL", "clothing/tops", "620111", ["249", "299", "349"]),
    ("Straight Jeans", "XS-XL", "clothing/bottoms", "620342", ["89", "99", "119"]),
    ("Chinos", "XS-XL", "clothing/bottoms", "620342", ["69", "79", "89"]),
    ("Shorts", "XS-XL", "clothing/bottoms", "620342", ["39.50", "45", "49.50"]),
    ("Pleated Skirt", "XS-XL", "clothing/bottoms", "620453", ["59", "69", "79"]),
    ("Sneaker", "Shoes", "shoes", "640411", ["99", "119", "139"]),
    ("Chelsea Boot", "Shoes", "shoes", "640391", ["179", "199", "229"]),
    ("Loafer", "Shoes", "shoes", "640399", ["139", "149", "169"]),
    ("Beanie", "One Size", "accessories", "650500", ["19.50", "25", "29.50"]),
    ("Wool Scarf", "One Size", "accessories", "611720", ["39.50", "45", "49.50"]),
    ("Tote Bag", "One Size", "accessories", "420222", ["25", "29.50", "35"]),
    ("Leather Belt", "One Size", "accessories", "420330", ["45", "49.50", "59"]),
    ("Baseball Cap", "One Size", "accessories", "650500", ["25", "29.50", "35"]),
]
ADJECTIVES = [
    "Classic",
    "Relaxed",
    "Everyday",
    "Essential",
    "Vintage",
    "Washed",
    "Signature",
    "Studio",
    "Heritage",
    "Weekend",
    "Archive",
    "Utility",
]
# (colour name = variant name, variant number)
COLOURS = [
    ("Black", "BLK"),
    ("White", "WHT"),
    ("Navy", "NVY"),
    ("Olive", "OLV"),
    ("Sand", "SND"),
    ("Burgundy", "BRG"),
    ("Grey Melange", "GRM"),
    ("Ecru", "ECR"),
    ("Forest Green", "FGR"),
    ("Rust", "RST"),
]
#: The colours' hex values (the swatches of fixtures/attributes.yaml), for the demo pictures.
COLOUR_HEX = {
    "Black": "000000",
    "White": "FFFFFF",
    "Navy": "1F2A44",
    "Olive": "6B7041",
    "Sand": "C2B280",
    "Burgundy": "800020",
    "Grey Melange": "9E9E9E",
    "Ecru": "F3EFE0",
    "Forest Green": "228B22",
    "Rust": "B7410E",
}
PICTURE_SIZE = (48, 64)
MATERIALS = ["organic cotton", "merino wool", "recycled polyester", "linen", "leather", "denim"]
#: Mapped attributes of fixtures/attributes.yaml: `pr_materials` 10.. in MATERIALS order,
#: `sh_swatch` 30.. in COLOURS order.
FIRST_MATERIAL_ATTRIBUTE = 10
FIRST_SWATCH_ATTRIBUTE = 30
#: Weight in kilograms by garment (others weigh 0.300 kg).
WEIGHTS = {
    "T-shirt": "0.200",
    "Long Sleeve Tee": "0.250",
    "Knit Sweater": "0.550",
    "Hoodie": "0.650",
    "Puffer Jacket": "0.900",
    "Wool Coat": "1.400",
    "Straight Jeans": "0.700",
    "Sneaker": "0.850",
    "Chelsea Boot": "1.200",
    "Loafer": "0.800",
    "Beanie": "0.100",
    "Tote Bag": "0.250",
}
#: Translations (Swedish, German) of garments, colours, materials and categories.
GARMENT_NAMES = {
    "T-shirt": ("T-shirt", "T-Shirt"),
    "Long Sleeve Tee": ("Långärmad t-shirt", "Langarmshirt"),
    "Oxford Shirt": ("Oxfordskjorta", "Oxford-Hemd"),
    "Knit Sweater": ("Stickad tröja", "Strickpullover"),
    "Hoodie": ("Huvtröja", "Kapuzenpullover"),
    "Overshirt": ("Skjortjacka", "Overshirt"),
    "Puffer Jacket": ("Dunjacka", "Steppjacke"),
    "Wool Coat": ("Ullrock", "Wollmantel"),
    "Straight Jeans": ("Raka jeans", "Gerade Jeans"),
    "Chinos": ("Chinos", "Chinohose"),
    "Shorts": ("Shorts", "Shorts"),
    "Pleated Skirt": ("Veckad kjol", "Faltenrock"),
    "Sneaker": ("Sneaker", "Sneaker"),
    "Chelsea Boot": ("Chelseaboots", "Chelsea-Boots"),
    "Loafer": ("Loafers", "Loafer"),
    "Beanie": ("Mössa", "Mütze"),
    "Wool Scarf": ("Ullhalsduk", "Wollschal"),
    "Tote Bag": ("Tygkasse", "Stofftasche"),
    "Leather Belt": ("Läderbälte", "Ledergürtel"),
    "Baseball Cap": ("Keps", "Baseballkappe"),
}
COLOUR_NAMES = {
    "Black": ("Svart", "Schwarz"),
    "White": ("Vit", "Weiß"),
    "Navy": ("Marinblå", "Marineblau"),
    "Olive": ("Olivgrön", "Oliv"),
    "Sand": ("Sand", "Sand"),
    "Burgundy": ("Vinröd", "Bordeaux"),
    "Grey Melange": ("Gråmelerad", "Grau meliert"),
    "Ecru": ("Ecru", "Ecru"),
    "Forest Green": ("Skogsgrön", "Waldgrün"),
    "Rust": ("Rost", "Rost"),
}
MATERIAL_NAMES = {
    "organic cotton": ("ekologisk bomull", "Bio-Baumwolle"),
    "merino wool": ("merinoull", "Merinowolle"),
    "recycled polyester": ("återvunnen polyester", "recyceltem Polyester"),
    "linen": ("linne", "Leinen"),
    "leather": ("läder", "Leder"),
    "denim": ("denim", "Denim"),
}
CATEGORY_NAMES = {
    "Clothing": ("Kläder", "Kleidung"),
    "Tops": ("Överdelar", "Oberteile"),
    "Bottoms": ("Underdelar", "Unterteile"),
    "Shoes": ("Skor", "Schuhe"),
    "Accessories": ("Accessoarer", "Accessoires"),
}
TRANSLATED_PRODUCTS = 5

#: Measurement charts: (name, category uri, vertical labels, cm per label at XS, step per size)
MEASUREMENT_CHARTS = [
    ("Tops", "clothing/tops", [("Chest", 88, 6), ("Length", 66, 2)]),
    ("Bottoms", "clothing/bottoms", [("Waist", 70, 5), ("Inseam", 80, 1)]),
]
ORIGINS = ["PL", "SE", "DE", "FR"]

RETAIL_PRICELISTS: list[tuple[str, list[str]]] = [
    ("SEK", ["SE"]),
    ("EUR", ["DE", "DK", "FI", "FR", "NL", "NO", "PL"]),
    ("USD", ["US"]),
    ("GBP", ["GB"]),
]
# Categories of store 1: (name, uri, parent uri)
CATEGORIES = [
    ("Clothing", "clothing", None),
    ("Tops", "clothing/tops", "clothing"),
    ("Bottoms", "clothing/bottoms", "clothing"),
    ("Shoes", "shoes", None),
    ("Accessories", "accessories", None),
]
FOLDER_OF_CATEGORY = {
    "clothing/tops": "Clothing",
    "clothing/bottoms": "Clothing",
    "shoes": "Shoes",
    "accessories": "Accessories",
}
HALF = Decimal("0.5")


@lru_cache(maxsize=1)
def shared_faker() -> Faker:
    """One Faker per process (building one costs ~50 ms); re-seeded on every use."""
    from faker import Faker

    return Faker(use_weighting=False)


@lru_cache(maxsize=16)
def picture(colour: str) -> tuple[str, bytes]:
    """The demo's picture of a colour: its file key and PNG bytes."""
    hex_value = COLOUR_HEX[colour]
    rgb = (int(hex_value[0:2], 16), int(hex_value[2:4], 16), int(hex_value[4:6], 16))
    data = solid_png(*PICTURE_SIZE, rgb)
    return f"{hashlib.sha1(data).hexdigest()}.png", data


def round_half(amount: Decimal) -> Decimal:
    """Round to a whole or .50 amount, as the demo's price points are."""
    return ((amount / HALF).quantize(Decimal(1), rounding=ROUND_HALF_UP) * HALF).quantize(
        Decimal("0.01")
    )


def price_in(currency: str, eur: Decimal) -> Decimal:
    """The demo's consistent price ladder: SEK = 10x EUR, USD ~ 1.1x, GBP ~ 0.85x."""
    factor = {"SEK": Decimal(10), "EUR": Decimal(1), "USD": Decimal("1.1"), "GBP": Decimal("0.85")}
    return round_half(eur * factor[currency])


def _ean(company: int, counter: int) -> str:
    """The demo's EANs; past a four-digit counter (catalogues over ~450 products) the
    company prefix gives way to a longer counter, so every size keeps a unique code."""
    if counter <= 9999:
        return ean13(f"735{company:05d}{counter:04d}")
    return ean13(f"736{counter:09d}")


def ean13(first12: str) -> str:
    digits = [int(c) for c in first12]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return first12 + str((10 - total % 10) % 10)


#: The largest catalogue `seed_demo` makes (the `large` scenario's 10,000 fit).
MAX_PRODUCTS = 20_000


class _Ids:
    """Hands out explicit primary keys after whatever the base data already holds."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._next: dict[str, int] = {}

    def take(self, table: type[SQLModel]) -> int:
        name = table.__tablename__  # type: ignore[attr-defined]
        if name not in self._next:
            current = self.conn.execute(select(func.max(table.id))).scalar()  # type: ignore[attr-defined]
            self._next[name] = (current or 0) + 1
        value = self._next[name]
        self._next[name] = value + 1
        return value


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
    conn = session.connection()
    ids = _Ids(conn)
    rows: dict[type[SQLModel], list[dict[str, Any]]] = {}

    def add(table: type[SQLModel], **values: Any) -> int:
        if "id" not in values and "id" in table.model_fields:
            values["id"] = ids.take(table)
        rows.setdefault(table, []).append(values)
        return values.get("id", 0)

    def lookup(table: type[SQLModel], column: str) -> dict[Any, int]:
        result = conn.execute(select(table.id, getattr(table, column)))  # type: ignore[attr-defined]
        return {key: pk for pk, key in result}

    stores = {t: pk for pk, t in conn.execute(select(StoreRow.id, StoreRow.type))}
    retail_store = stores["DIRECT_TO_CONSUMER"]
    wholesale_store = stores["WHOLESALE"]
    countries = lookup(CountryRow, "code")
    currencies = lookup(CurrencyRow, "code")
    charts = lookup(SizeChartRow, "name")
    warehouse = lookup(WarehouseRow, "name")["Main warehouse"]
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

    # bulk inserts take their columns from the first row: every row names every column
    for store_id, name, status in (
        (retail_store, "Parcel labels", "ACTIVE"),
        (retail_store, "Express courier", "INACTIVE"),
        (wholesale_store, "Freight booking", "ACTIVE"),
    ):
        add(StorePluginRow, store_id=store_id, name=name, kind="SHIPMENT", status=status)

    stored_pictures: set[str] = set()
    brand = add(BrandRow, name="Base Brand", uri="base-brand")
    collections = [add(CollectionRow, name=n) for n in ("AW21", "SS22")]
    shop = add(FolderRow, name="Shop", parent_id=None)
    folders = {
        n: add(FolderRow, name=n, parent_id=shop) for n in ("Clothing", "Shoes", "Accessories")
    }

    sizes: dict[str, list[tuple[int, str]]] = {}
    one_size = conn.execute(
        select(SizeRow.id, SizeRow.name).where(SizeRow.size_chart_id == charts["One Size"])
    ).all()
    sizes["One Size"] = [(pk, name) for pk, name in one_size]
    for chart_name, labels in (("XS-XL", XS_XL), ("Shoes", SHOE_SIZES)):
        chart = add(
            SizeChartRow,
            name=chart_name,
            horizontal_labels=labels,
            vertical_labels=None,
            divider_symbol="x",
        )
        charts[chart_name] = chart
        sizes[chart_name] = [
            (add(SizeRow, size_chart_id=chart, name=label, position=i), label)
            for i, label in enumerate(labels)
        ]

    measurement_charts: dict[str, int] = {}
    for chart_name, uri, rows_of_chart in MEASUREMENT_CHARTS:
        measurement_charts[uri] = add(
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

    languages = lookup(LanguageRow, "language_code")
    translated = [languages["sv"], languages["de"]]

    def translate(object_type: str, object_id: int, field: str, values: tuple[str, str]) -> None:
        for language, value in zip(translated, values, strict=True):
            add(
                TranslationRow,
                object_type=object_type,
                object_id=object_id,
                language_id=language,
                field=field,
                value=value,
            )

    categories: dict[str, int] = {}
    for name, uri, parent in CATEGORIES:
        categories[uri] = add(
            CategoryRow,
            store_id=retail_store,
            name=name,
            uri=uri,
            parent_id=categories[parent] if parent else None,
        )
        translate("Category", categories[uri], "name", CATEGORY_NAMES[name])

    pricelists: dict[str, int] = {}
    for currency, codes in RETAIL_PRICELISTS:
        pricelists[currency] = add(
            PricelistRow,
            name=currency,
            status="ACTIVE",
            store_id=retail_store,
            currency_id=currencies[currency],
            default_shipping_option_id=shipping.get(currency),
        )
        for code in codes:
            add(PricelistCountryRow, pricelist_id=pricelists[currency], country_id=countries[code])
    wholesale_pricelist = add(
        PricelistRow,
        name="Wholesale EUR",
        status="ACTIVE",
        store_id=wholesale_store,
        currency_id=currencies["EUR"],
        default_shipping_option_id=None,
    )

    ean_company = fake.random_int(10000, 99999)
    ean_counter = 0
    garments = list(GARMENTS)
    order = fake.random_sample(range(len(garments)), length=len(garments))
    for index in range(product_count):
        garment, chart_name, category_uri, hs_code, eur_choices = garments[
            order[index % len(garments)]
        ]
        number = f"P{FIRST_PRODUCT_NUMBER + index}"
        name = f"{fake.random_element(ADJECTIVES)} {garment}"
        stamp = DEMO_EPOCH + timedelta(minutes=index)
        active = index < product_count - 1
        product = add(
            ProductRow,
            name=name,
            status="ACTIVE" if active else "INACTIVE",
            product_number=number,
            brand_id=brand,
            collection_id=fake.random_element(collections),
            folder_id=folders[FOLDER_OF_CATEGORY[category_uri]],
            country_of_origin_id=countries[fake.random_element(ORIGINS)],
            harmonized_commodity_code=hs_code,
            harmonized_commodity_code_description=None,
            internal_comment=None,
            is_bundle=False,
            weight=Decimal(WEIGHTS.get(garment, "0.300")),
            weight_unit="KILOGRAMS",
            measurement_chart_id=measurement_charts.get(category_uri),
            created_at=stamp,
            updated_at=stamp,
        )
        eur = Decimal(fake.random_element(eur_choices))

        chart_sizes = sizes[chart_name]
        if chart_name == "XS-XL" and index % 4 == 3:
            chart_sizes = chart_sizes[1:4]  # S, M, L only: a chart need not be fully activated
        colours = fake.random_sample(COLOURS, length=fake.random_int(1, 3))
        variant_ids = []
        pictures: list[int] = []
        for v_index, (colour, colour_code) in enumerate(colours):
            variant = add(
                VariantRow,
                product_id=product,
                name=colour,
                status="ACTIVE",
                variant_number=colour_code,
                internal_name=None,
                unit_cost=round_half(eur * Decimal("3.5")),
                unit_cost_currency="SEK",
                size_chart_id=charts[chart_name],
                is_bundle_variant=False,
                created_at=stamp,
                updated_at=stamp,
            )
            variant_ids.append(variant)
            if index < PRODUCT_COUNT:
                key, data = picture(colour)
                if key not in stored_pictures:
                    stored_pictures.add(key)
                    add(MediaFileRow, key=key, mime_type="image/png", data=data)
                pictures.append(
                    add(
                        ProductMediaRow,
                        product_id=product,
                        variant_id=variant,
                        position=v_index + 1,
                        file_key=key,
                        mime_type="image/png",
                        width=PICTURE_SIZE[0],
                        height=PICTURE_SIZE[1],
                        meta_data={"originalSha1": key.split(".")[0], "colour": colour},
                        created_at=stamp,
                    )
                )
            if index < TRANSLATED_PRODUCTS:
                translate("ProductVariant", variant, "name", COLOUR_NAMES[colour])
            add(
                MappedAttributeSelectionRow,
                object_type="ProductVariant",
                object_id=variant,
                attribute_type="sh_swatch",
                attribute_id=FIRST_SWATCH_ATTRIBUTE + COLOURS.index((colour, colour_code)),
            )
            for s_index, (size_id, size_name) in enumerate(chart_sizes):
                ean_counter += 1
                product_size = add(
                    ProductSizeRow,
                    variant_id=variant,
                    size_id=size_id,
                    ean=_ean(ean_company, ean_counter),
                    upc=None,
                    size_number="OS" if size_name == "One Size" else size_name,
                )
                physical = fake.random_int(5, 40)
                if v_index == 0 and index % 5 == 2 and s_index == len(chart_sizes) - 1:
                    physical = 0
                if v_index == 0 and index % 5 == 4 and s_index == 0:
                    physical = fake.random_int(1, 2)
                add(
                    StockRow,
                    warehouse_id=warehouse,
                    product_size_id=product_size,
                    physical=physical,
                    allocated=0,
                )

        for currency, pricelist in pricelists.items():
            add(
                PriceRow,
                pricelist_id=pricelist,
                product_id=product,
                variant_id=None,
                price=price_in(currency, eur),
                recommended_retail_price=None,
            )
        add(
            PriceRow,
            pricelist_id=wholesale_pricelist,
            product_id=product,
            variant_id=None,
            price=round_half(eur / 2),
            recommended_retail_price=eur.quantize(Decimal("0.01")),
        )

        if not active:
            continue
        material = fake.random_element(MATERIALS)
        add(
            MappedAttributeSelectionRow,
            object_type="Product",
            object_id=product,
            attribute_type="pr_materials",
            attribute_id=FIRST_MATERIAL_ATTRIBUTE + MATERIALS.index(material),
        )
        display = add(
            DisplayRow,
            store_id=retail_store,
            product_id=product,
            name=name,
            status="ACTIVE",
            uri=uri_from_name(name if index < PRODUCT_COUNT else f"{name} {number}"),
            minimum_order_quantity=1,
            order_quantity_denominator=1,
            description=f"{name} in {material}. {fake.paragraph(nb_sentences=2)}",
            short_description=fake.sentence(nb_words=8),
            meta_title=f"{name} | Base Brand",
            meta_description=fake.sentence(nb_words=12),
            meta_keywords=None,
            comment=None,
            tags=[material],
            canonical_category_id=categories[category_uri],
            created_at=stamp,
            updated_at=stamp,
        )
        if index < TRANSLATED_PRODUCTS:
            adjective = name.removesuffix(garment).strip()
            sv_garment, de_garment = GARMENT_NAMES[garment]
            names = (f"{adjective} {sv_garment}", f"{adjective} {de_garment}")
            translate("Product", product, "name", names)
            translate("Display", display, "name", names)
            translate("Display", display, "uri", (uri_from_name(names[0]), uri_from_name(names[1])))
            sv_material, de_material = MATERIAL_NAMES[material]
            translate(
                "Display",
                display,
                "description",
                (f"{names[0]} i {sv_material}.", f"{names[1]} aus {de_material}."),
            )
        for variant in variant_ids:
            add(DisplayVariantRow, display_id=display, variant_id=variant)
        for position, media in enumerate(pictures, start=1):
            add(DisplayMediaRow, display_id=display, media_id=media, position=position)
        if retail_market is not None:
            add(DisplayMarketRow, display_id=display, market_id=retail_market)
        add(DisplayCategoryRow, display_id=display, category_id=categories[category_uri])
        parent_uri = category_uri.split("/")[0]
        if parent_uri != category_uri:
            add(DisplayCategoryRow, display_id=display, category_id=categories[parent_uri])

    for table, values in rows.items():  # insertion order of `rows` follows foreign keys
        insert_rows(conn, table, values)
