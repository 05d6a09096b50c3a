"""Addresses as orders, shipments, selections and accounts keep them: one JSON object with
Centra's camelCase keys and `country` as an ISO code. Every surface maps its own field names
to these keys through `ADDRESS_KEYS`."""

from __future__ import annotations

from typing import Any

#: Field name -> the key of a stored address (`country` is kept beside them, as a code).
ADDRESS_KEYS = {
    "first_name": "firstName",
    "last_name": "lastName",
    "company_name": "companyName",
    "attention": "attention",
    "address1": "address1",
    "address2": "address2",
    "city": "city",
    "zip_code": "zipCode",
    "state_or_province": "stateOrProvince",
    "email": "email",
    "phone_number": "phoneNumber",
    "cell_phone_number": "cellPhoneNumber",
    "fax_number": "faxNumber",
    "vat_number": "vatNumber",
}

#: The stored keys, in the order above.
STORED_KEYS = tuple(ADDRESS_KEYS.values())


def stored_address(raw: dict[str, Any], country_code: str) -> dict[str, Any]:
    """Every stored key of `raw` (None where missing), and its country (or `country_code`)."""
    out = {key: raw.get(key) for key in STORED_KEYS}
    out["country"] = (raw.get("country") or country_code).upper()
    return out
