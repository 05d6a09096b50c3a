"""docs/testing-reference.md lists exactly the public test API, with current parameters."""

from __future__ import annotations

import re

from tests.docs.blocks import ROOT
from tests.docs.testing_api import parameters, public_api

PAGE = ROOT / "docs" / "testing-reference.md"
#: A reference entry: a list item that starts with the member in backticks.
_ENTRY = re.compile(r"^- `(?P<member>[^`]+)` — ")


def documented() -> list[str]:
    return [
        m.group("member") for line in PAGE.read_text().splitlines() if (m := _ENTRY.match(line))
    ]


def test_every_public_member_is_on_the_reference_page_with_its_parameters() -> None:
    missing = sorted(public_api() - set(documented()))

    assert missing == [], "add these to docs/testing-reference.md (or fix their parameters)"


def test_the_page_lists_nothing_the_code_does_not_have() -> None:
    extra = sorted(set(documented()) - public_api())

    assert extra == [], "docs/testing-reference.md lists members the code does not have"


def test_each_member_is_listed_once_with_an_example() -> None:
    lines = [ln for ln in PAGE.read_text().splitlines() if _ENTRY.match(ln)]
    names = documented()

    assert len(names) == len(set(names))
    assert [ln for ln in lines if not re.search(r"\. `[^`]+`$", ln)] == []


def test_parameters_are_written_as_the_page_writes_them() -> None:
    def sample(path, method=None, *, token=None, flag=True, sentinel=object(), **kwargs):  # noqa: ANN001, ANN202, B008
        return None

    assert (
        parameters(sample)
        == "(path, method=None, *, token=None, flag=True, sentinel=..., **kwargs)"
    )
