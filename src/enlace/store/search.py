"""Full-text search over stored documents, Chinese included.

Why trigrams: Chinese has no spaces, so word tokenizers index whole sentences
as one token; a trigram index finds any substring of three or more characters
in any script. SQLite uses an FTS5 table with the trigram tokenizer (kept in
sync by triggers on ``documents``); PostgreSQL uses pg_trgm GIN indexes, which
serve ``ILIKE '%term%'``. Terms shorter than three characters (a two-character
Chinese word such as 中国) fall back to a LIKE scan, which is still correct.
A query is split on whitespace; every term must occur (case-insensitive).
"""

from __future__ import annotations

from sqlalchemy import Select, and_, column, literal_column, or_, select, table, true
from sqlalchemy.orm import Session

from enlace.store.models import DocumentRecord

_FTS = table("documents_fts", column("rowid"), column("title"), column("text"))
MIN_TRIGRAM = 3


def terms(query: str) -> list[str]:
    """The whitespace-separated terms of a query, empty ones dropped."""
    return [term for term in query.split() if term]


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _like(term: str):  # noqa: ANN202 - a SQL boolean expression
    pattern = _like_pattern(term)
    return or_(DocumentRecord.text.ilike(pattern, escape="\\"),
               DocumentRecord.title.ilike(pattern, escape="\\"))


def _fts_phrase(term: str) -> str:
    """An FTS5 string literal: the term as a phrase, so its punctuation is not syntax."""
    return '"' + term.replace('"', '""') + '"'


def matching_document_ids(dialect: str, query: str) -> Select:
    """SELECT of ids of documents containing every term of ``query``."""
    words = terms(query)
    if dialect == "sqlite":
        long_terms = [w for w in words if len(w) >= MIN_TRIGRAM]
        short_terms = [w for w in words if len(w) < MIN_TRIGRAM]
        if long_terms:
            expression = " AND ".join(_fts_phrase(w) for w in long_terms)
            ids = select(_FTS.c.rowid).where(literal_column("documents_fts").op("MATCH")(expression))
            statement = select(DocumentRecord.id).where(DocumentRecord.id.in_(ids))
        else:
            statement = select(DocumentRecord.id)
        return statement.where(and_(true(), *(_like(w) for w in short_terms)))
    return select(DocumentRecord.id).where(and_(true(), *(_like(w) for w in words)))


def search_documents(session: Session, query: str, limit: int = 20) -> list[DocumentRecord]:
    """Documents containing every term of ``query``, newest first."""
    ids = matching_document_ids(session.get_bind().dialect.name, query)
    statement = (select(DocumentRecord).where(DocumentRecord.id.in_(ids))
                 .order_by(DocumentRecord.published.desc(), DocumentRecord.id.desc()).limit(limit))
    return list(session.scalars(statement))
