"""One demo product with everything that hangs off it: variants and their pictures, sizes
with stock, prices in every price list, attributes, and (when active) its display."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from mockcentra.domain.uris import uri_from_name
from mockcentra.seeding.demo_data import (
    ADJECTIVES,
    COLOUR_NAMES,
    COLOURS,
    DEMO_EPOCH,
    FIRST_MATERIAL_ATTRIBUTE,
    FIRST_PRODUCT_NUMBER,
    FIRST_SWATCH_ATTRIBUTE,
    FOLDER_OF_CATEGORY,
    GARMENT_NAMES,
    MATERIAL_NAMES,
    MATERIALS,
    ORIGINS,
    PICTURE_SIZE,
    PRODUCT_COUNT,
    TRANSLATED_PRODUCTS,
    WEIGHTS,
    picture,
    price_in,
    round_half,
)
from mockcentra.seeding.demo_rows import Catalogue, DemoRows
from mockcentra.storage.tables import (
    DisplayCategoryRow,
    DisplayMarketRow,
    DisplayMediaRow,
    DisplayRow,
    DisplayVariantRow,
    MappedAttributeSelectionRow,
    MediaFileRow,
    PriceRow,
    ProductMediaRow,
    ProductRow,
    ProductSizeRow,
    StockRow,
    VariantRow,
)

if TYPE_CHECKING:
    from faker import Faker

#: (garment, size chart, category uri, HS code, EUR price choices), as in demo_data.GARMENTS
Garment = tuple[str, str, str, str, list[str]]


@dataclass
class DemoProduct:
    """One product being added: what its variants, prices and display repeat from it."""

    index: int
    id: int
    number: str
    name: str
    garment: str
    category_uri: str
    stamp: datetime
    variants: list[int] = field(default_factory=list)
    pictures: list[int] = field(default_factory=list)


def add_product(
    demo: DemoRows, fake: Faker, catalogue: Catalogue, index: int, garment: Garment, active: bool
) -> None:
    """The product `index` of the catalogue (the last one is INACTIVE and has no display)."""
    garment_name, chart_name, category_uri, hs_code, eur_choices = garment
    number = f"P{FIRST_PRODUCT_NUMBER + index}"
    name = f"{fake.random_element(ADJECTIVES)} {garment_name}"
    stamp = DEMO_EPOCH + timedelta(minutes=index)
    product_id = demo.add(
        ProductRow,
        name=name,
        status="ACTIVE" if active else "INACTIVE",
        product_number=number,
        brand_id=catalogue.brand,
        collection_id=fake.random_element(catalogue.collections),
        folder_id=catalogue.folders[FOLDER_OF_CATEGORY[category_uri]],
        country_of_origin_id=catalogue.countries[fake.random_element(ORIGINS)],
        harmonized_commodity_code=hs_code,
        harmonized_commodity_code_description=None,
        internal_comment=None,
        is_bundle=False,
        weight=Decimal(WEIGHTS.get(garment_name, "0.300")),
        weight_unit="KILOGRAMS",
        measurement_chart_id=catalogue.measurement_charts.get(category_uri),
        created_at=stamp,
        updated_at=stamp,
    )
    product = DemoProduct(index, product_id, number, name, garment_name, category_uri, stamp)
    eur = Decimal(fake.random_element(eur_choices))
    chart_sizes = catalogue.sizes[chart_name]
    if chart_name == "XS-XL" and index % 4 == 3:
        chart_sizes = chart_sizes[1:4]  # S, M, L only: a chart need not be fully activated
    colours = fake.random_sample(COLOURS, length=fake.random_int(1, 3))
    for v_index, (colour, colour_code) in enumerate(colours):
        variant = add_variant(
            demo, catalogue, product, v_index, colour, colour_code, chart_name, eur
        )
        add_sizes(demo, fake, catalogue, product, v_index, variant, chart_sizes)
    add_prices(demo, catalogue, product, eur)
    if active:
        add_display(demo, fake, catalogue, product)


def add_variant(
    demo: DemoRows,
    catalogue: Catalogue,
    product: DemoProduct,
    v_index: int,
    colour: str,
    colour_code: str,
    chart_name: str,
    eur: Decimal,
) -> int:
    """A colour variant, its picture (the first twenty products), its translated name (the
    first five) and its colour swatch attribute."""
    variant = demo.add(
        VariantRow,
        product_id=product.id,
        name=colour,
        status="ACTIVE",
        variant_number=colour_code,
        internal_name=None,
        unit_cost=round_half(eur * Decimal("3.5")),
        unit_cost_currency="SEK",
        size_chart_id=catalogue.charts[chart_name],
        is_bundle_variant=False,
        created_at=product.stamp,
        updated_at=product.stamp,
    )
    product.variants.append(variant)
    if product.index < PRODUCT_COUNT:
        key, data = picture(colour)
        if key not in catalogue.stored_pictures:
            catalogue.stored_pictures.add(key)
            demo.add(MediaFileRow, key=key, mime_type="image/png", data=data)
        product.pictures.append(
            demo.add(
                ProductMediaRow,
                product_id=product.id,
                variant_id=variant,
                position=v_index + 1,
                file_key=key,
                mime_type="image/png",
                width=PICTURE_SIZE[0],
                height=PICTURE_SIZE[1],
                meta_data={"originalSha1": key.split(".")[0], "colour": colour},
                created_at=product.stamp,
            )
        )
    if product.index < TRANSLATED_PRODUCTS:
        demo.translate("ProductVariant", variant, "name", COLOUR_NAMES[colour])
    demo.add(
        MappedAttributeSelectionRow,
        object_type="ProductVariant",
        object_id=variant,
        attribute_type="sh_swatch",
        attribute_id=FIRST_SWATCH_ATTRIBUTE + COLOURS.index((colour, colour_code)),
    )
    return variant


def add_sizes(
    demo: DemoRows,
    fake: Faker,
    catalogue: Catalogue,
    product: DemoProduct,
    v_index: int,
    variant: int,
    chart_sizes: list[tuple[int, str]],
) -> None:
    """The variant's sizes with their EANs and stock: some first variants have a size sold out
    (0) or nearly (1-2)."""
    index = product.index
    for s_index, (size_id, size_name) in enumerate(chart_sizes):
        product_size = demo.add(
            ProductSizeRow,
            variant_id=variant,
            size_id=size_id,
            ean=catalogue.next_ean(),
            upc=None,
            size_number="OS" if size_name == "One Size" else size_name,
        )
        physical = fake.random_int(5, 40)
        if v_index == 0 and index % 5 == 2 and s_index == len(chart_sizes) - 1:
            physical = 0
        if v_index == 0 and index % 5 == 4 and s_index == 0:
            physical = fake.random_int(1, 2)
        demo.add(
            StockRow,
            warehouse_id=catalogue.warehouse,
            product_size_id=product_size,
            physical=physical,
            allocated=0,
        )


def add_prices(demo: DemoRows, catalogue: Catalogue, product: DemoProduct, eur: Decimal) -> None:
    """The product's price in every retail price list, and half of it wholesale (EUR as RRP)."""
    for currency, pricelist in catalogue.pricelists.items():
        demo.add(
            PriceRow,
            pricelist_id=pricelist,
            product_id=product.id,
            variant_id=None,
            price=price_in(currency, eur),
            recommended_retail_price=None,
        )
    demo.add(
        PriceRow,
        pricelist_id=catalogue.wholesale_pricelist,
        product_id=product.id,
        variant_id=None,
        price=round_half(eur / 2),
        recommended_retail_price=eur.quantize(Decimal("0.01")),
    )


def add_display(demo: DemoRows, fake: Faker, catalogue: Catalogue, product: DemoProduct) -> None:
    """An active product's material attribute and its display on the retail store: all its
    variants and pictures, the retail market, its category and the category's parent."""
    material = fake.random_element(MATERIALS)
    demo.add(
        MappedAttributeSelectionRow,
        object_type="Product",
        object_id=product.id,
        attribute_type="pr_materials",
        attribute_id=FIRST_MATERIAL_ATTRIBUTE + MATERIALS.index(material),
    )
    name, category_uri = product.name, product.category_uri
    display = demo.add(
        DisplayRow,
        store_id=catalogue.retail_store,
        product_id=product.id,
        name=name,
        status="ACTIVE",
        uri=uri_from_name(name if product.index < PRODUCT_COUNT else f"{name} {product.number}"),
        minimum_order_quantity=1,
        order_quantity_denominator=1,
        description=f"{name} in {material}. {fake.paragraph(nb_sentences=2)}",
        short_description=fake.sentence(nb_words=8),
        meta_title=f"{name} | Base Brand",
        meta_description=fake.sentence(nb_words=12),
        meta_keywords=None,
        comment=None,
        tags=[material],
        canonical_category_id=catalogue.categories[category_uri],
        created_at=product.stamp,
        updated_at=product.stamp,
    )
    if product.index < TRANSLATED_PRODUCTS:
        translate_display(demo, product, display, material)
    for variant in product.variants:
        demo.add(DisplayVariantRow, display_id=display, variant_id=variant)
    for position, media in enumerate(product.pictures, start=1):
        demo.add(DisplayMediaRow, display_id=display, media_id=media, position=position)
    if catalogue.retail_market is not None:
        demo.add(DisplayMarketRow, display_id=display, market_id=catalogue.retail_market)
    demo.add(DisplayCategoryRow, display_id=display, category_id=catalogue.categories[category_uri])
    parent_uri = category_uri.split("/")[0]
    if parent_uri != category_uri:
        demo.add(
            DisplayCategoryRow, display_id=display, category_id=catalogue.categories[parent_uri]
        )


def translate_display(demo: DemoRows, product: DemoProduct, display: int, material: str) -> None:
    """Swedish and German names of the product and its display, the display's uri and
    description (the first five products)."""
    adjective = product.name.removesuffix(product.garment).strip()
    sv_garment, de_garment = GARMENT_NAMES[product.garment]
    names = (f"{adjective} {sv_garment}", f"{adjective} {de_garment}")
    demo.translate("Product", product.id, "name", names)
    demo.translate("Display", display, "name", names)
    demo.translate("Display", display, "uri", (uri_from_name(names[0]), uri_from_name(names[1])))
    sv_material, de_material = MATERIAL_NAMES[material]
    demo.translate(
        "Display",
        display,
        "description",
        (f"{names[0]} i {sv_material}.", f"{names[1]} aus {de_material}."),
    )
