"""enlace: China–Latin America engagement events from public documents.

The public API is what ``__all__`` lists; modules whose names are not listed
here are internal and may change.
"""

from importlib.metadata import PackageNotFoundError, version

from enlace.codebook import CODEBOOK_VERSION, CodebookError, Document, Event, parse_event
from enlace.documents import ReadError, read_document
from enlace.evaluate import evaluate, load_gold, load_predictions
from enlace.extract.pipeline import ExtractOptions, Pipeline

try:
    __version__ = version("enlace")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "CODEBOOK_VERSION",
    "CodebookError",
    "Document",
    "Event",
    "ExtractOptions",
    "Pipeline",
    "ReadError",
    "__version__",
    "evaluate",
    "load_gold",
    "load_predictions",
    "parse_event",
    "read_document",
]
