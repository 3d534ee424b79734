"""Opening the store: URL resolution, engine setup, migrations, retried transactions.

Why: the same code must run on a SQLite file (the default, one user, maybe two
processes at once) and on PostgreSQL (a team). SQLite runs in WAL mode with a
busy timeout, and write transactions start with ``BEGIN IMMEDIATE`` so two
writers queue instead of deadlocking on a read-to-write lock upgrade; whatever
still fails with "database is locked" (or, on PostgreSQL, a serialization
failure or a unique-key race) is retried as a whole transaction.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

DEFAULT_DB = "enlace.db"
ENV_VAR = "ENLACE_DB"
MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_MS = 30_000
_PG_MIGRATION_LOCK = 0x656E6C61  # "enla": one advisory lock id for schema upgrades

T = TypeVar("T")


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db``, else ``$ENLACE_DB``, else ``./enlace.db``.

    A plain path means a SQLite file; ``postgresql://`` gets the psycopg 3 driver.
    """
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def _configure_sqlite(engine: Engine) -> None:
    """WAL, busy timeout, foreign keys; and our own BEGIN so writers can ask for IMMEDIATE."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _begin)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_store_engine(url: str) -> Engine:
    """An engine for ``url`` with the per-backend settings the store relies on."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def writer(engine: Engine) -> Engine:
    """The same engine, but its transactions take SQLite's write lock up front."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(sqlite_immediate=True)
    return engine


def _alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine_or_url: Engine | str, revision: str = "head") -> None:
    """Bring the schema to ``revision`` in place, once even if several processes open at once.

    The upgrade runs inside one transaction holding SQLite's write lock or a
    PostgreSQL advisory lock, so a second process waits and then finds nothing to do.
    """
    engine = (create_store_engine(engine_or_url) if isinstance(engine_or_url, str)
              else engine_or_url)
    target = head_revision() if revision == "head" else revision
    if current_revision(engine) == target:
        return
    with writer(engine).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        command.upgrade(_alembic_config(conn), revision)


def open_engine(db: str | None = None, *, migrate: bool = True) -> Engine:
    """Engine for ``--db``/``$ENLACE_DB``/default, upgraded to the current schema."""
    engine = create_store_engine(database_url(db))
    if migrate:
        with_retries(lambda: upgrade(engine))
    return engine


def is_retryable(error: Exception) -> bool:
    """Lock contention and races that a fresh attempt of the same transaction resolves."""
    if isinstance(error, IntegrityError):
        return True  # a concurrent writer inserted the same unique key first; re-check and skip
    if isinstance(error, OperationalError):
        message = str(error.orig).lower() if error.orig else str(error).lower()
        if "locked" in message or "busy" in message:
            return True
    if isinstance(error, DBAPIError) and error.orig is not None:
        code = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
        return code in {"40001", "40P01", "55P03"}
    return False


def with_retries(fn: Callable[[], T], attempts: int = 10) -> T:
    """Call ``fn`` again (with jittered backoff) while it fails for a retryable reason."""
    for attempt in range(attempts):
        try:
            return fn()
        except Exception as error:  # noqa: BLE001 - filtered just below
            if attempt == attempts - 1 or not is_retryable(error):
                raise
            time.sleep(min(2.0, 0.05 * 2**attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """One write transaction: commit on success, roll back on any error."""
    with Session(writer(engine), expire_on_commit=False) as session, session.begin():
        yield session


def transact(engine: Engine, work: Callable[[Session], T], attempts: int = 10) -> T:
    """Run ``work`` in a write transaction, retrying the whole of it on contention."""

    def once() -> T:
        with write_session(engine) as session:
            return work(session)

    return with_retries(once, attempts)
