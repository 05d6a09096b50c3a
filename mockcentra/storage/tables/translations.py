"""Languages of the instance and translations of object fields into them."""

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row

__all__ = ["LanguageRow", "TranslationRow"]


class LanguageRow(Row):
    __tablename__ = "language"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    language_code: Mapped[str] = mapped_column(index=True)  # ISO 639-1, e.g. "sv"
    country_code: Mapped[str | None]  # ISO 3166-1 alpha-2, e.g. "SE"
    is_active: Mapped[bool] = mapped_column(default=True)
    #: The default language is what objects' own fields hold; others take translations.
    is_default: Mapped[bool] = mapped_column(default=False)


class TranslationRow(Row):
    """One translated field of one object in one language."""

    __tablename__ = "translation"
    __table_args__ = (UniqueConstraint("object_type", "object_id", "language_id", "field"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    object_type: Mapped[str]
    object_id: Mapped[int] = mapped_column(index=True)
    language_id: Mapped[int] = mapped_column(ForeignKey("language.id"))
    field: Mapped[str]
    value: Mapped[str]
