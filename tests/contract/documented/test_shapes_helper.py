"""The documented-shapes helper refuses what the committed SDL does not know."""

from tests.contract.documented.shapes import validation_errors


def test_an_unknown_root_field_is_a_validation_error() -> None:
    # Given an operation on a field the schema has never had
    # When it is validated against the committed SDL
    errors = validation_errors("{ noSuchRootField { id } }")
    # Then it is refused with graphql-core's message
    assert errors == ["Cannot query field 'noSuchRootField' on type 'Query'."]


def test_a_known_operation_validates() -> None:
    assert validation_errors("{ stores { id name } }") == []
