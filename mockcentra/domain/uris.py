"""URIs: the one rule for every object that has one (brands, displays, categories, ...).

Centra generates a URI from the name when none is given, transliterating language-specific
letters to latin ones and turning everything else into dashes (`Pchnąć w tę łódź` ->
`pchnac-w-te-lodz`). A URI given through the Integration API is validated, not sanitized:
other Unicode letters are fine, reserved characters with a role in a URL are refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from mockcentra.domain.errors import invalid

#: Characters with a role in a URL (RFC 3986 delimiters, "%" and the characters RFC 1738
#: calls unsafe); a given URI containing one is refused.
RESERVED = frozenset(":/?#[]@!$&'()*+,;=%\"<>\\^`{|}")

#: Latin letters that Unicode does not decompose into a base letter and a mark.
_LATIN = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ħ": "h",
        "Ħ": "H",
        "ı": "i",
        "ŧ": "t",
        "Ŧ": "T",
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "TH",
        "ŋ": "ng",
        "Ŋ": "NG",
    }
)
_NOT_URI = re.compile(r"[^a-z0-9]+")


def transliterate(text: str) -> str:
    """Language-specific letters as their latin counterparts (`łódź` -> `lodz`) where possible;
    letters of other scripts are left as they are."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def uri_from_name(name: str) -> str:
    """The URI Centra generates from a name: transliterated, lower case, every run of other
    characters one dash; empty when nothing latin is left (the caller picks a fallback)."""
    return _NOT_URI.sub("-", transliterate(name).lower()).strip("-")


def _refused(char: str) -> bool:
    category = unicodedata.category(char)
    # Z*: spaces and separators; C*: control, format, surrogate, private use, unassigned;
    # So: other symbols, where emoji live ("basic Unicode characters (without emojis)").
    return char in RESERVED or category[0] in "ZC" or category == "So"


def validate_uri(uri: str, path: Sequence[str | int]) -> str:
    """A given URI, unchanged, or a refusal naming the characters it may not contain."""
    bad = list(dict.fromkeys(c for c in uri if _refused(c)))
    if bad:
        listed = ", ".join(f'"{c}"' for c in bad)
        noun = "a reserved character" if len(bad) == 1 else "reserved characters"
        verb = "is" if len(bad) == 1 else "are"
        raise invalid(f'URI "{uri}" is not valid: {listed} {verb} {noun}.', path)
    return uri


def validate_uri_path(uri: str, path: Sequence[str | int]) -> str:
    """A category's URI in a language: segments joined by "/", each one a valid URI."""
    for segment in uri.split("/"):
        if not segment:
            raise invalid(f'URI "{uri}" is not valid: it has an empty segment.', path)
        validate_uri(segment, path)
    return uri
