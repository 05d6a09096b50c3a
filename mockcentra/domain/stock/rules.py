"""Pure stock rules: physical = free to allocate + allocated, and nothing is ever negative."""

from __future__ import annotations


def free_to_allocate(physical: int, allocated: int) -> int:
    """GraphQL's FTA: warehouse threshold and variant stock offset are not subtracted."""
    return physical - allocated


def physical_for_set(quantity: int, allocated: int, *, free_to_allocate: bool) -> int:
    """The physical level `setStock` asks for (an FTA quantity sits on top of the allocated)."""
    return allocated + quantity if free_to_allocate else quantity


def clamp_physical(target: int, allocated: int) -> tuple[int, bool]:
    """Physical can never drop below what orders hold: clamp, and say whether it was clamped."""
    return (allocated, True) if target < allocated else (target, False)
