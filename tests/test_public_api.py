"""The public API is exactly what enlace.__all__ lists, and all of it imports."""

import enlace

EXPECTED = {
    "CODEBOOK_VERSION", "CodebookError", "Document", "Event", "ExtractOptions", "Pipeline",
    "ReadError", "__version__", "evaluate", "load_gold", "load_predictions", "parse_event",
    "read_document",
}


def test_exported_members():
    assert set(enlace.__all__) == EXPECTED
    for name in enlace.__all__:
        assert getattr(enlace, name) is not None


def test_pipeline_from_the_top_level():
    events = enlace.Pipeline().extract(enlace.Document(
        doc_id="x", published="2024-05-10",
        text="The Chinese Ambassador to Peru met the Foreign Minister of Peru on Tuesday."))
    assert [e.lac_countries for e in events] == [["PE"]]
