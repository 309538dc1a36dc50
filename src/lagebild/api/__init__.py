"""The HTTP API and the web pages: ``create_app(db)`` gives the FastAPI application.

Needs the ``[server]`` extra (FastAPI, uvicorn, Jinja2, python-multipart); ``lagebild serve``
runs it with uvicorn.
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(db: str, *, token: str | None = None, **options):
    """The FastAPI app over the store at ``db`` (see :func:`lagebild.api.app.create_app`)."""
    from lagebild.api.app import create_app as _create_app

    return _create_app(db, token=token, **options)
