"""Extraction on a Dask cluster: the same pipeline, files spread over workers.

Large collections (millions of news articles) do not fit one core's day. Each
worker builds its own :class:`Pipeline` once per partition (the gazetteer is
cached per process) and returns plain dicts, so nothing heavy crosses the
network but file paths and JSON-ready events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class DistributedResult:
    documents: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _extract_partition(paths: Iterable[str], backend: str) -> list[dict[str, Any]]:
    """Runs on a worker: read and extract every file of one partition."""
    from enlace.documents import iter_documents
    from enlace.extract.pipeline import ExtractOptions, Pipeline

    pipeline = Pipeline(ExtractOptions(backend=backend))
    results: list[dict[str, Any]] = []
    for _path, outcome in iter_documents([Path(p) for p in paths]):
        if isinstance(outcome, Exception):
            results.append({"error": str(outcome)})
            continue
        for document in outcome:
            events = [event.interchange() for event in pipeline.extract(document)]
            results.append({"document": document.doc_id, "events": events})
    return results


def extract_on_dask(files: list[Path], scheduler: str, backend: str = "rules",
                    partition_size: int = 200) -> DistributedResult:
    """Extract ``files`` on the Dask cluster at ``scheduler``.

    ``scheduler`` is a scheduler address (``tcp://host:8786``) or ``local`` for a
    cluster of worker processes on this machine, one per core.
    """
    import dask.bag as db
    from distributed import Client, LocalCluster

    cluster = LocalCluster(processes=True, dashboard_address=None) if scheduler == "local" \
        else None
    client = Client(cluster if cluster is not None else scheduler)
    try:
        bag = db.from_sequence([str(f) for f in files], partition_size=partition_size)
        rows = bag.map_partitions(_extract_partition, backend).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    result = DistributedResult()
    for row in rows:
        if "error" in row:
            result.errors.append(row["error"])
        else:
            result.documents += 1
            result.events.extend(row["events"])
    return result
