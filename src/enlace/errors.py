"""Every error enlace raises on purpose, in one tree.

Catch ``EnlaceError`` to handle them all; each names the file, row or key and
what is wrong, so the CLI can print it as one line.

    EnlaceError
    ├── ReadError            a document file cannot be read (documents.errors)
    ├── CodebookError        an object breaks the codebook (codebook)
    ├── GazetteerError       a reference-data CSV is malformed (gazetteer.entities)
    ├── StarterDataError     a starter-dataset line is malformed (starter)
    ├── ReviewError          a review action cannot be applied (store.review)
    │   └── CurationError    an actor merge/split/alias cannot be applied (store.curation)
    └── ActorNotFound        an analysis names no actor or several (analysis.network)
"""

from __future__ import annotations


class EnlaceError(Exception):
    """Base of the errors enlace raises on purpose."""
