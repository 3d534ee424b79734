"""Initial schema: documents, events, their sources and the country/subdivision index.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("doc_id", sa.String(500), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("language", sa.String(16)),
        sa.Column("source", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("added_at", _TZ, nullable=False),
    )
    op.create_index("ix_documents_doc_id", "documents", ["doc_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("date", sa.String(10)),
        sa.Column("end_date", sa.String(10)),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("lac_level", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(24), nullable=False),
        sa.Column("content", sa.String(24), nullable=False),
        sa.Column("activity", sa.String(24), nullable=False),
        sa.Column("mechanism", sa.String(16), nullable=False),
        sa.Column("leftist", sa.Boolean, nullable=False),
        sa.Column("venue", sa.String(16), nullable=False),
        sa.Column("lac_countries", sa.JSON, nullable=False),
        sa.Column("lac_subdivisions", sa.JSON, nullable=False),
        sa.Column("chinese_actors", sa.JSON, nullable=False),
        sa.Column("lac_actors", sa.JSON, nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("outcomes", sa.JSON, nullable=False),
        sa.Column("occasion", sa.Text),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="machine"),
        sa.Column("created_at", _TZ, nullable=False),
        sa.Column("updated_at", _TZ, nullable=False),
    )
    op.create_index("ix_events_channel", "events", ["channel"])
    op.create_index("ix_events_status", "events", ["status"])
    if op.get_bind().dialect.name == "postgresql":
        # Matches the listing order (newest first, undated last) so LIMIT reads the index.
        op.create_index("ix_events_date_start_id", "events",
                        [sa.text("date_start DESC NULLS LAST"), sa.text("id DESC")])
    else:
        op.create_index("ix_events_date_start_id", "events", ["date_start", "id"])
    op.create_table(
        "event_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.Column("added_at", _TZ, nullable=False),
        sa.UniqueConstraint("event_id", "document_id", name="uq_event_sources_pair"),
    )
    op.create_index("ix_event_sources_event_id", "event_sources", ["event_id"])
    op.create_index("ix_event_sources_document_id", "event_sources", ["document_id"])
    for table, column, width in (("event_countries", "country", 2),
                                 ("event_subdivisions", "subdivision", 8)):
        op.create_table(
            table,
            sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
                      primary_key=True),
            sa.Column(column, sa.String(width), primary_key=True),
        )
        op.create_index(f"ix_{table}_{column}", table, [column, "event_id"])


def downgrade() -> None:
    for table in ("event_subdivisions", "event_countries", "event_sources", "events", "documents"):
        op.drop_table(table)
