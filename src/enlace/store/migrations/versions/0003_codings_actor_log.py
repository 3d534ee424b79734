"""Per-coder codings (for agreement) and the log of actor merges, splits and aliases.

``codings`` keeps each coder's own version of a document's events: the machine's
as extracted (written by ingest from now on) and hand coders' as imported. For a
database that already holds events, the machine codings are rebuilt from events
still in status ``machine`` (the only ones whose coded fields are still the
extractor's); reviewed events have no machine coding, so agreement simply has
fewer units for them.

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)
_TEXT = ("date", "end_date", "format", "lac_level", "channel", "content", "activity", "mechanism",
         "venue", "occasion", "summary", "evidence")
_LISTS = ("lac_countries", "lac_subdivisions", "chinese_actors", "lac_actors", "fields", "outcomes")
_CODED = (*_TEXT, "leftist", *_LISTS)


def upgrade() -> None:
    op.create_table(
        "codings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL")),
        sa.Column("coder", sa.String(200), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("data", sa.JSON),
        sa.Column("added_at", _TZ, nullable=False),
    )
    op.create_index("ix_codings_document_id", "codings", ["document_id"])
    op.create_index("ix_codings_event_id", "codings", ["event_id"])
    op.create_index("ix_codings_coder", "codings", ["coder"])
    op.create_table(
        "actor_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("at", _TZ, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("actor_key", sa.String(200), nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
    )
    op.create_index("ix_actor_log_actor_key", "actor_log", ["actor_key"])
    _backfill_machine_codings()


def _backfill_machine_codings() -> None:
    """A machine coding per (document, machine event) already stored."""
    meta = sa.MetaData()
    events = sa.Table("events", meta, sa.Column("id", sa.Integer), sa.Column("status", sa.String),
                      *(sa.Column(name, sa.String) for name in _TEXT),
                      *(sa.Column(name, sa.JSON) for name in _LISTS),
                      sa.Column("leftist", sa.Boolean))
    sources = sa.Table("event_sources", meta, sa.Column("event_id", sa.Integer),
                       sa.Column("document_id", sa.Integer), sa.Column("extractor", sa.String))
    documents = sa.Table("documents", meta, sa.Column("id", sa.Integer),
                         sa.Column("doc_id", sa.String))
    codings = sa.Table("codings", meta, sa.Column("document_id", sa.Integer),
                       sa.Column("event_id", sa.Integer), sa.Column("coder", sa.String),
                       sa.Column("source", sa.String), sa.Column("data", sa.JSON),
                       sa.Column("added_at", _TZ))
    bind = op.get_bind()
    query = (sa.select(events, sources.c.document_id, sources.c.extractor, documents.c.doc_id)
             .join(sources, sources.c.event_id == events.c.id)
             .join(documents, documents.c.id == sources.c.document_id)
             .where(events.c.status == "machine"))
    now = sa.func.current_timestamp()
    batch = []
    for row in bind.execute(query).mappings():
        data = {name: row[name] for name in _CODED}
        data["doc_ids"] = [row["doc_id"]]
        batch.append({"document_id": row["document_id"], "event_id": row["id"], "coder": "machine",
                      "source": row["extractor"], "data": data})
        if len(batch) >= 1000:
            bind.execute(codings.insert().values(added_at=now), batch)
            batch = []
    if batch:
        bind.execute(codings.insert().values(added_at=now), batch)


def downgrade() -> None:
    op.drop_table("actor_log")
    op.drop_table("codings")
