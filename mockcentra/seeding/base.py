"""What every Centra instance has before anyone touches it: stores, currencies, countries,
languages (English by default, Swedish and German to translate into), a market per store, a
default one-size chart, a warehouse and an allocation rule."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session

from mockcentra.storage.tables import (
    AllocationRuleRow,
    AllocationRuleWarehouseRow,
    CountryRow,
    CurrencyRow,
    LanguageRow,
    MarketCountryRow,
    MarketRow,
    PaymentTermsRow,
    ShippingOptionRow,
    ShippingTermsRow,
    SizeChartRow,
    SizeRow,
    StateRow,
    StoreRow,
    WarehouseRow,
)
from mockcentra.storage.tables.base import key

# (code, name, EU member, continent, standard VAT in percent)
COUNTRIES = [
    ("SE", "Sweden", True, "Europe", "25"),
    ("US", "United States", False, "North America", "0"),
    ("DE", "Germany", True, "Europe", "19"),
    ("GB", "United Kingdom", False, "Europe", "20"),
    ("DK", "Denmark", True, "Europe", "25"),
    ("NO", "Norway", False, "Europe", "25"),
    ("FI", "Finland", True, "Europe", "25.5"),
    ("FR", "France", True, "Europe", "20"),
    ("NL", "Netherlands", True, "Europe", "21"),
    ("PL", "Poland", True, "Europe", "23"),
]
# The states of the United States and its federal district (USPS codes), as Centra lists them.
US_STATES = [
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
]
SHIPPING_PRICES = {
    "SEK": Decimal("49.00"),
    "EUR": Decimal("5.00"),
    "USD": Decimal("6.00"),
    "GBP": Decimal("5.00"),
}
# (name, language code, country code, default): English is what objects' own fields hold.
LANGUAGES = [
    ("English", "en", None, True),
    ("Swedish", "sv", "SE", False),
    ("German", "de", "DE", False),
]
CURRENCIES = [
    ("SEK", "Swedish krona", True),
    ("EUR", "Euro", False),
    ("USD", "US dollar", False),
    ("GBP", "British pound", False),
]


def seed_base(session: Session) -> None:
    """Insert the instance's fixed reference data (ids are stable: 1, 2, ...)."""
    retail = StoreRow(name="Retail", type="DIRECT_TO_CONSUMER")
    wholesale = StoreRow(name="Wholesale", type="WHOLESALE")
    session.add_all([retail, wholesale])
    for code, name, is_base in CURRENCIES:
        session.add(CurrencyRow(code=code, name=name, is_base=is_base))
    for name, language, country, is_default in LANGUAGES:
        session.add(
            LanguageRow(
                name=name, language_code=language, country_code=country, is_default=is_default
            )
        )
    countries = {}
    for code, name, is_eu, continent, vat in COUNTRIES:
        row = CountryRow(
            code=code,
            name=name,
            is_eu=is_eu,
            continent=continent,
            tax_percent_hundredths=int(Decimal(vat) * 100),
        )
        session.add(row)
        countries[code] = row
    session.flush()
    for code, name in US_STATES:
        session.add(StateRow(country_id=key(countries["US"]), code=code, name=name))
    chart = SizeChartRow(name="One Size", horizontal_labels=["One Size"], vertical_labels=None)
    session.add(chart)
    session.flush()
    session.add(SizeRow(size_chart_id=key(chart), name="One Size", position=0))
    warehouse = WarehouseRow(name="Main warehouse", priority=0, country_id=countries["SE"].id)
    rule = AllocationRuleRow(name="Default allocation rule")
    session.add_all([warehouse, rule])
    session.flush()
    session.add(
        AllocationRuleWarehouseRow(allocation_rule_id=key(rule), warehouse_id=key(warehouse))
    )
    for store in (retail, wholesale):
        market = MarketRow(
            name=f"{store.name} market", store_id=key(store), allocation_rule_id=rule.id
        )
        session.add(market)
        session.flush()
        for country_row in countries.values():
            session.add(MarketCountryRow(market_id=key(market), country_id=key(country_row)))
    session.add_all([PaymentTermsRow(name="Net 30 days", days=30), PaymentTermsRow(name="Prepaid")])
    session.add_all([ShippingTermsRow(name="EXW"), ShippingTermsRow(name="DAP")])
    for code, _, _ in CURRENCIES:
        session.add(
            ShippingOptionRow(
                name=code, store_id=retail.id, currency_code=code, price=SHIPPING_PRICES[code]
            )
        )
    session.flush()
