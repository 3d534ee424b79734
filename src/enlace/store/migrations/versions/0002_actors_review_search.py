"""Canonical actors, the review audit log, and full-text search over documents.

SQLite gets an FTS5 table with the trigram tokenizer (works for Chinese, which
has no spaces) kept in sync by triggers; PostgreSQL gets pg_trgm with a GIN
index so ILIKE '%...%' is indexed. Existing documents are indexed here, so an
old database upgrades in place.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("side", sa.String(8), nullable=False),
        sa.Column("type", sa.String(32)),
        sa.Column("country", sa.String(2)),
        sa.Column("provisional", sa.Boolean, nullable=False),
    )
    op.create_table(
        "actor_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("origin", sa.String(16), nullable=False, server_default="extracted"),
        sa.UniqueConstraint("alias", "actor_id", name="uq_actor_aliases_pair"),
    )
    op.create_index("ix_actor_aliases_actor_id", "actor_aliases", ["actor_id"])
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), primary_key=True),
        sa.Column("side", sa.String(8), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_index("ix_event_actors_actor_id", "event_actors", ["actor_id"])
    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("field", sa.String(64)),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
    )
    op.create_index("ix_review_log_event_id", "review_log", ["event_id"])

    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5("
                   "title, text, content='documents', content_rowid='id', tokenize='trigram')")
        op.execute("CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
                   "INSERT INTO documents_fts(rowid, title, text) "
                   "VALUES (new.id, coalesce(new.title, ''), new.text); END")
        op.execute("CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
                   "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
                   "VALUES ('delete', old.id, coalesce(old.title, ''), old.text); END")
        op.execute("INSERT INTO documents_fts(rowid, title, text) "
                   "SELECT id, coalesce(title, ''), text FROM documents")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_documents_text_trgm ON documents USING gin (text gin_trgm_ops)")
        op.execute("CREATE INDEX ix_documents_title_trgm ON documents "
                   "USING gin (title gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS documents_fts_ai")
        op.execute("DROP TRIGGER IF EXISTS documents_fts_ad")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_text_trgm")
        op.execute("DROP INDEX IF EXISTS ix_documents_title_trgm")
    for table in ("review_log", "event_actors", "actor_aliases", "actors"):
        op.drop_table(table)
