"""The demo catalogue's fixed vocabulary (garments, colours, materials, their translations,
price lists and categories) and the rules of its values (prices, EANs, pictures);
mockcentra/seeding/demo.py builds the catalogue from them."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from mockcentra.domain.media.images import solid_png

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


def demo_ean(company: int, counter: int) -> str:
    """The demo's EANs; past a four-digit counter (catalogues over ~450 products) the
    company prefix gives way to a longer counter, so every size keeps a unique code."""
    if counter <= 9999:
        return ean13(f"735{company:05d}{counter:04d}")
    return ean13(f"736{counter:09d}")


def ean13(first12: str) -> str:
    """A 13-digit EAN: the twelve digits given and their check digit."""
    digits = [int(c) for c in first12]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return first12 + str((10 - total % 10) % 10)
