"""The areas whose Query and Mutation make up the schema; add a new area here."""

from mockcentra.graphql.catalog import schema as catalog
from mockcentra.graphql.reference import schema as reference

AREAS = (reference, catalog)
