"""Extraction: documents in, codebook events out (stages listed in ``pipeline``)."""

from enlace.extract.pipeline import ExtractOptions, Pipeline

__all__ = ["ExtractOptions", "Pipeline"]
