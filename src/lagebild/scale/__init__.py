"""Scale-out: the per-document pass on a Ray cluster, and helpers for running at scale.

``ray_runner`` (optional extra ``[scale]``: Ray Data) runs the per-document pass as
``map_batches`` with actors holding the models; ``pgserver`` starts a throwaway PostgreSQL server
for tests and benchmarks. Nothing here is imported with the package: Ray loads only when used.
"""

from __future__ import annotations

__all__ = ["analyse_on_ray", "read_inputs"]


def __getattr__(name: str):
    if name in __all__:
        from lagebild.scale import ray_runner

        return getattr(ray_runner, name)
    raise AttributeError(name)
