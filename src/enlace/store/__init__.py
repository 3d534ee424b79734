"""The dataset store: documents, coded events, canonical actors and review history.

SQLite by default (``--db``/``$ENLACE_DB``, else ``./enlace.db``), PostgreSQL with
a ``postgresql://`` URL. The schema is managed by Alembic migrations shipped in
``migrations/`` and applied automatically when the store is opened.

Modules, one job each: ``db`` (URL, engine, migrations, retried transactions),
``models`` (tables), ``convert`` (Event <-> row), ``actors`` (canonical actor
links), ``ingest`` (documents to events, all or nothing per document),
``queries`` (filters, one event in full), ``search`` (full text), ``review``
(status and edits with an audit trail).
"""

from enlace.store.db import database_url, open_engine, transact, upgrade
from enlace.store.ingest import Ingestor, IngestReport
from enlace.store.queries import EventFilter, get_event, list_events
from enlace.store.review import ReviewError, edit_event, set_status

__all__ = [
    "EventFilter",
    "IngestReport",
    "Ingestor",
    "ReviewError",
    "database_url",
    "edit_event",
    "get_event",
    "list_events",
    "open_engine",
    "set_status",
    "transact",
    "upgrade",
]
