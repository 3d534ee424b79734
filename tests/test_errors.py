"""Every error enlace raises on purpose descends from EnlaceError (enlace.errors)."""

import pytest

from enlace.analysis.network import ActorNotFound
from enlace.codebook import CodebookError
from enlace.documents import ReadError
from enlace.errors import EnlaceError
from enlace.gazetteer.entities import GazetteerError
from enlace.starter import StarterDataError
from enlace.store.curation import CurationError
from enlace.store.review import ReviewError


@pytest.mark.parametrize("error", [ActorNotFound, CodebookError, ReadError, GazetteerError,
                                   StarterDataError, CurationError, ReviewError])
def test_in_the_tree(error):
    assert issubclass(error, EnlaceError)


def test_value_errors_stay_value_errors():
    # callers that caught ValueError before the tree existed still work
    assert issubclass(CodebookError, ValueError) and issubclass(ReviewError, ValueError)
