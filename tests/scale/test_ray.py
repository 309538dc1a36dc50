"""The per-document pass on Ray (a local instance) gives the same picture as the local run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from equivalence import first_difference, ingest_examples  # noqa: E402

try:
    import ray  # noqa: F401
    import ray.data  # noqa: F401

    RAY_MISSING = None
except ImportError:
    RAY_MISSING = "Ray is not installed: pip install 'lagebild[scale]' to run the Ray engine tests"


@pytest.mark.slow
@pytest.mark.skipif(RAY_MISSING is not None, reason=RAY_MISSING or "")
@pytest.mark.timeout(300)
def test_ray_gives_the_same_export_as_the_process_pool(tmp_path):
    local = ingest_examples(tmp_path / "local.db", workers=2)
    on_ray = ingest_examples(tmp_path / "ray.db", engine="ray")
    assert on_ray == local, first_difference(on_ray, local)


def test_an_unknown_engine_is_refused(tmp_path):
    from lagebild.pipeline import Pipeline

    with pytest.raises(ValueError, match="unknown engine"):
        Pipeline(None, engine="spark")


def test_remote_paths_are_told_apart_from_local_ones():
    from lagebild.scale.ray_runner import is_remote

    assert is_remote("s3://bucket/news/2025-07-23.jsonl.gz")
    assert is_remote("gs://bucket/warc/")
    assert not is_remote("examples/articles.jsonl")
    assert not is_remote(Path("/data/news"))
