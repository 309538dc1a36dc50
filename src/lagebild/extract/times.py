"""Times: the public face of the time stage (the implementation lives in :mod:`lagebild.extract.time`).

The pipeline calls :func:`extract_times` per document and :func:`infer_document_date` where a
document lacks a firm date; the corpus pass calls :func:`refine_with_story`.
"""

from __future__ import annotations

from .time import extract_times, infer_document_date, refine_with_story

__all__ = ["extract_times", "infer_document_date", "refine_with_story"]
