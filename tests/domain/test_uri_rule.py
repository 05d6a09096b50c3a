"""The URI rule on its own: generation and validation, without a database."""

from __future__ import annotations

import pytest

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.uris import uri_from_name, validate_uri


@pytest.mark.parametrize(
    ("name", "uri"),
    [
        ("Pchnąć w tę łódź", "pchnac-w-te-lodz"),
        ("Ærø Œuvre", "aero-oeuvre"),
        ("T-shirt (2-pack)!", "t-shirt-2-pack"),
        ("シャツ", ""),
        ("Tote 👜 bag", "tote-bag"),
    ],
)
def test_uri_from_name(name: str, uri: str) -> None:
    assert uri_from_name(name) == uri


def test_a_valid_uri_comes_back_unchanged() -> None:
    assert validate_uri("Ünïcode_ok.~-シ", ["input", "uri"]) == "Ünïcode_ok.~-シ"


def test_each_reserved_character_is_named_once() -> None:
    with pytest.raises(DomainError) as refused:
        validate_uri("a/b/c?", ["input", "uri"])

    assert refused.value.code == ErrorCode.INVALID
    assert refused.value.message == 'URI "a/b/c?" is not valid: "/", "?" are reserved characters.'
    assert refused.value.path == ["input", "uri"]


@pytest.mark.parametrize("char", list(":/?#[]@!$&'()*+,;=%\"<>\\^`{|}") + ["\t", "\u200b"])
def test_every_reserved_character_is_refused(char: str) -> None:
    with pytest.raises(DomainError):
        validate_uri(f"a{char}b", ["uri"])
