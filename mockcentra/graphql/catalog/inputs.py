"""What the catalogue's update inputs share: telling a field left out from one sent as null."""

from __future__ import annotations

from typing import Any

import strawberry


def sent_fields(input_obj: Any, names: dict[str, str]) -> dict[str, Any]:
    """The fields the client actually sent (an explicit null is kept, an omitted field is not)."""
    return {
        key: getattr(input_obj, key)
        for key in names
        if hasattr(input_obj, key) and getattr(input_obj, key) is not strawberry.UNSET
    }
