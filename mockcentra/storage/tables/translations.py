"""Languages of the instance and translations of object fields into them."""

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from mockcentra.storage.tables.base import Row

__all__ = ["LanguageRow", "TranslationRow"]


class LanguageRow(Row, table=True):
    __tablename__ = "language"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    language_code: str = Field(index=True)  # ISO 639-1, e.g. "sv"
    country_code: str | None = None  # ISO 3166-1 alpha-2, e.g. "SE"
    is_active: bool = True
    #: The default language is what objects' own fields hold; others take translations.
    is_default: bool = False


class TranslationRow(Row, table=True):
    """One translated field of one object in one language."""

    __tablename__ = "translation"
    __table_args__ = (UniqueConstraint("object_type", "object_id", "language_id", "field"),)
    id: int | None = Field(default=None, primary_key=True)
    object_type: str
    object_id: int = Field(index=True)
    language_id: int = Field(foreign_key="language.id")
    field: str
    value: str
