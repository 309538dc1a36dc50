"""The FastAPI application: JSON API under ``/api``, server-rendered pages everywhere else.

Owns the HTTP edge: the app factory :func:`create_app`, one store connection per worker thread,
the safety layer (security headers with a strict Content-Security-Policy, a request size limit
answered with 413, bearer-token checks on writes, validation errors as 422 naming the field,
library errors mapped to status codes, never a bare 500 for bad input) and the JSON routes.
Every route is one call into :mod:`lagebild.views` (reads) or the pipeline (writes).
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import json
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, Any

from lagebild.errors import InputError, LagebildError, MissingExtra, NotFound

try:
    from fastapi import APIRouter, FastAPI, Path, Query, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, Response
    from starlette.concurrency import run_in_threadpool
    from starlette.exceptions import HTTPException as StarletteHTTPException
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise MissingExtra("the HTTP server", "server") from exc

from lagebild import views
from lagebild.model import to_json

DEFAULT_MAX_BODY = 10 * 1024 * 1024  # 10 MB: a large HTML page or a JSON Lines batch of articles
MAX_RECORDS_PER_POST = 1000  # records in one JSON body; larger batches belong to `lagebild ingest`
CACHE_ENTRIES = 2048  # rendered pages and API answers kept per process (a story page is ~50 KB: <= ~100 MB)
ENV_CACHE = "LAGEBILD_CACHE_ENTRIES"  # overrides CACHE_ENTRIES; 0 turns the cache off (load tests)

ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,80}$"  # ids are short hex-ish strings; anything else is a 422
SINCE_PATTERN = r"^\d{4}-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?)?$"
HL_PATTERN = r"^\d{1,9}-\d{1,9}$"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

StoryId = Annotated[str, Path(pattern=ID_PATTERN, description="Story id, as GET /api/stories lists it.")]
DocumentId = Annotated[str, Path(pattern=ID_PATTERN, description="Document id.")]
EntityId = Annotated[str, Path(pattern=ID_PATTERN, description="Entity id, as GET /api/entities lists it.")]
Limit = Annotated[int, Query(ge=1, le=views.MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Since = Annotated[str | None, Query(pattern=SINCE_PATTERN, description="ISO 8601 date or time (UTC).")]


class Stores:
    """One SQLite connection per worker thread: a connection is never shared between threads,
    so concurrent requests read in parallel (WAL) and writes serialise on :attr:`write_lock`."""

    def __init__(self, db: str):
        from lagebild.store import open_store

        self.db = db
        self._local = threading.local()
        self._all: list[Any] = []
        self._guard = threading.Lock()
        self.write_lock = threading.Lock()
        self._cache: OrderedDict[tuple, Any] = OrderedDict()
        self.cache_entries = int(os.environ.get(ENV_CACHE, CACHE_ENTRIES))
        store = open_store(db)  # fail early (bad path, newer schema), and migrate once
        self._local.store = store
        self._all.append(store)

    def version(self) -> tuple[int, ...]:
        """Changes whenever any process commits to the database: SQLite appends every commit
        to the WAL file and checkpoints rewrite the main file, so their sizes and times move."""
        out: list[int] = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.db + suffix)
                out += [st.st_mtime_ns, st.st_size]
            except OSError:
                out += [0, 0]
        return tuple(out)

    _MISSING = object()

    def _lookup(self, full: tuple) -> Any:
        with self._guard:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]
        return self._MISSING

    def _keep(self, full: tuple, value: Any) -> Any:
        if self.cache_entries <= 0:
            return value
        with self._guard:
            self._cache[full] = value
            while len(self._cache) > self.cache_entries:
                self._cache.popitem(last=False)
        return value

    def cached(self, key: tuple, make: Callable[[], Any]) -> Any:
        """``make()``, remembered until the database changes. Reads are pure functions of the
        store's content, so an answer stays right exactly as long as the content does."""
        full = (key, self.version())
        value = self._lookup(full)
        return self._keep(full, make()) if value is self._MISSING else value

    async def acached(self, key: tuple, make: Callable[[], Any],
                      quick: Callable[[], Any] | None = None) -> Any:
        """:meth:`cached` for async routes: a hit is answered on the event loop; so is a miss
        that ``quick()`` can answer (it returns None when it cannot: it must cost about a
        millisecond, e.g. a stored page read by primary key and rendered); any other miss goes
        to a worker thread (where the store connection of that thread does the work).

        Why on the loop: a cheap miss costs less than the hop to a thread, and 40 threads
        taking turns at the GIL under load cost more than the work itself."""
        full = (key, self.version())
        value = self._lookup(full)
        if value is self._MISSING and quick is not None:
            answer = quick()
            if answer is not None:
                value = self._keep(full, answer)
        if value is self._MISSING:
            value = self._keep(full, await run_in_threadpool(make))
        return value

    def get(self):
        store = getattr(self._local, "store", None)
        if store is None:
            from lagebild.store import open_store

            store = open_store(self.db)
            self._local.store = store
            with self._guard:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._guard:
            for store in self._all:
                try:
                    store.close()
                except Exception:  # closing from another thread may fail; the process ends anyway
                    pass
            self._all.clear()


class _TooLarge(Exception):
    pass


class EdgeMiddleware:
    """Pure ASGI middleware: security headers on every response; bodies over ``max_body``
    refused with 413 (by Content-Length up front, and counted while streaming)."""

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in {h for h, _ in SECURITY_HEADERS}]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            if not length.isdigit():
                return await _plain_error(send_with_headers, 400, "Content-Length is not a number")
            if int(length) > self.max_body:
                return await _too_large(send_with_headers, self.max_body)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _TooLarge:
            if not started:
                await _too_large(send_with_headers, self.max_body)


async def _plain_error(send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def _too_large(send, limit: int) -> None:
    await _plain_error(send, 413, f"request body too large: the limit is {limit} bytes; "
                                  "send fewer articles per request or use `lagebild ingest`")


def _is_loopback(host: str) -> bool:
    if host in {"localhost", ""}:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ())]
        out.append({"loc": loc, "field": ".".join(loc[1:]) or ".".join(loc),
                    "msg": error.get("msg", "invalid value"), "type": error.get("type", "value_error")})
    return out


def create_app(db: str, *, token: str | None = None, bind: str = "127.0.0.1",
               max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The Lagebild web app over the store at ``db``.

    ``token`` (default: the environment variable ``LAGEBILD_TOKEN``) guards the write endpoints
    (``Authorization: Bearer <token>``); with no token, writes are accepted only while the
    server is bound to a loopback address (``bind``).
    """
    token = token if token is not None else (os.environ.get("LAGEBILD_TOKEN") or None)
    stores = Stores(db)
    from lagebild import search

    search.term("Gespräche")  # load the lemma dictionary now, not in 40 request threads at once

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        yield
        stores.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Lagebild",
        summary="A structured, source-attributed picture of developing news stories.",
        version="1",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN: not under our CSP
        openapi_url="/api/openapi.json",
    )
    app.state.stores = stores
    app.state.token = token
    app.state.bind = bind
    app.add_middleware(EdgeMiddleware, max_body=max_body)

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        detail = _validation_detail(exc)
        if wants_html(request):
            from lagebild.web.pages import error_page

            fields = ", ".join(d["field"] for d in detail)
            return error_page(request, 422, "bad_request", f"{fields}: {detail[0]['msg']}")
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound):
        if wants_html(request):
            from lagebild.web.pages import error_page

            return error_page(request, 404, "not_found", str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if wants_html(request) and exc.status_code in {404, 405}:
            from lagebild.web.pages import error_page

            return error_page(request, exc.status_code, "not_found", str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(LagebildError)
    async def _library_error(request: Request, exc: LagebildError):
        status = 422 if isinstance(exc, InputError) else 400
        return JSONResponse({"detail": str(exc)}, status_code=status)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):  # pragma: no cover - a bug if hit
        return JSONResponse({"detail": "internal error; the server log has the details"},
                            status_code=500)

    app.include_router(api_router(stores))
    from lagebild.web.pages import page_router

    app.include_router(page_router(stores))
    return app


ENV_DB = "LAGEBILD_DB"  # the store a worker process serves (set by `lagebild serve --workers`)
ENV_BIND = "LAGEBILD_BIND"  # the address the server is bound to (decides whether writes need a token)


def app_from_env() -> FastAPI:
    """App factory for uvicorn worker processes (``uvicorn --factory``): :func:`create_app` over
    the store named by ``LAGEBILD_DB``, bound as ``LAGEBILD_BIND`` says, token from
    ``LAGEBILD_TOKEN``. Each worker has its own connections and its own page cache."""
    db = os.environ.get(ENV_DB)
    if not db:
        raise InputError(f"set {ENV_DB} to the store to serve")
    return create_app(db, bind=os.environ.get(ENV_BIND, "127.0.0.1"))


def serve_workers(db: str, *, host: str, port: int, workers: int, log_level: str = "warning") -> None:
    """Run ``workers`` uvicorn processes over the store at ``db``, sharing one listening socket.

    Rendering a page is CPU work under the GIL, so one process uses one core. The socket is
    bound here rather than by uvicorn: uvicorn 0.54 binds it with protocol 0, so asyncio does
    not set TCP_NODELAY on accepted connections and every keep-alive response waits ~40 ms
    for the client's delayed ACK (Kludex/uvicorn#3149; measured: CSS file p50 44 ms with two
    workers against 9 ms with one)."""
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    os.environ[ENV_DB] = str(db)
    os.environ[ENV_BIND] = host
    config = uvicorn.Config("lagebild.api.app:app_from_env", factory=True, host=host, port=port,
                            workers=workers, log_level=log_level)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    sock.set_inheritable(True)
    Multiprocess(config, sockets=[sock]).run()


# --------------------------------------------------------------------------- JSON API


def _page_json(page: views.Page, items: list[Any]) -> dict[str, Any]:
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": items}


def _story_row_json(row: views.StoryRow) -> dict[str, Any]:
    s = row.story
    return {"id": s.id, "label": s.label, "first_seen": s.first_seen, "last_seen": s.last_seen,
            "outlets": list(s.outlets), "documents": len(s.document_ids),
            "segments": len(s.segment_ids), "independent_sources": row.independent_sources,
            "conflicts": row.conflicts, "new_documents": row.new_documents, "parent": s.parent}


def _check_write(request: Request) -> JSONResponse | None:
    token = request.app.state.token
    if token:
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            return JSONResponse({"detail": "this endpoint needs `Authorization: Bearer <token>` "
                                           "with the server's LAGEBILD_TOKEN"},
                                status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return None
    if not _is_loopback(request.app.state.bind):
        return JSONResponse({"detail": "writes are refused: the server is reachable beyond "
                                       "localhost and no token is set; start it with "
                                       "LAGEBILD_TOKEN=... to allow writes"}, status_code=403)
    return None


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _upload_name(filename: str | None, index: int) -> str:
    """An upload's name for its source label: the base name, reduced to safe characters. It is
    a label only: nothing from a request is ever used as a file system path."""
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _SAFE_NAME.sub("_", base).strip("._")[:100]
    return f"upload:{base or f'file-{index}'}"


DOCUMENTS_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"oneOf": [
                {"type": "object", "description": "one article as in JSON Lines ingest: "
                 "text or html, and optionally id, url, title, published, outlet, language"},
                {"type": "array", "items": {"type": "object"}, "maxItems": MAX_RECORDS_PER_POST},
            ]}},
            "multipart/form-data": {"schema": {"type": "object", "properties": {
                "file": {"type": "array", "items": {"type": "string", "format": "binary"}}}}},
        },
    }
}


def api_router(stores: Stores) -> APIRouter:
    router = APIRouter(prefix="/api")

    @router.get("/stories", summary="Stories, newest activity first", tags=["stories"])
    def list_stories(since: Since = None,
                     entity: Annotated[str | None, Query(max_length=200, description="Entity id or name.")] = None,
                     outlet: Annotated[str | None, Query(max_length=200, description="Outlet name as stored.")] = None,
                     q: Annotated[str | None, Query(max_length=500, description="Words that must occur (any inflected form).")] = None,
                     limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        def make() -> dict[str, Any]:
            page = views.stories(stores.get(), since=since, entity=entity, outlet=outlet, q=q,
                                 limit=limit, offset=offset)
            return _page_json(page, [_story_row_json(r) for r in page.items])

        return stores.cached(("api-stories", since, entity, outlet, q, limit, offset), make)

    @router.get("/stories/{story_id}", summary="The whole picture of one story", tags=["stories"])
    async def get_story(story_id: StoryId, since: Since = None) -> dict[str, Any]:
        return await stores.acached(("api-story", story_id, since), lambda: views.story_json(
            views.story_picture(stores.get(), story_id, since)))

    @router.get("/stories/{story_id}/export", summary="Export one story", tags=["stories"],
                response_class=Response)
    def export_story(story_id: StoryId,
                     format: Annotated[str, Query(pattern="^(md|timelinejs|csv)$",
                                                  description="md, timelinejs or csv")] = "md"):
        text, media = views.story_export(stores.get(), story_id, format)
        extension = {"md": "md", "timelinejs": "json", "csv": "csv"}[format]
        return Response(text, media_type=media, headers={
            "Content-Disposition": f'attachment; filename="{story_id}.{extension}"'})

    @router.get("/documents", summary="Documents, newest first", tags=["documents"])
    def list_documents(outlet: Annotated[str | None, Query(max_length=200)] = None,
                       limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        page = views.documents(stores.get(), outlet=outlet, limit=limit, offset=offset)
        return _page_json(page, [{k: v for k, v in to_json(d).items() if k != "text"}
                                 for d in page.items])

    @router.get("/documents/{document_id}", summary="One document with its records", tags=["documents"])
    def get_document(document_id: DocumentId) -> dict[str, Any]:
        return views.document_json(views.document_view(stores.get(), document_id))

    @router.post("/documents", summary="Add articles and update the picture", tags=["documents"],
                 status_code=201, openapi_extra=DOCUMENTS_BODY,
                 responses={401: {"description": "token missing or wrong"},
                            403: {"description": "writes refused (no token, public bind)"},
                            413: {"description": "request body too large"},
                            415: {"description": "neither JSON nor multipart"},
                            422: {"description": "malformed input; the field is named"}})
    async def post_documents(request: Request):
        refused = _check_write(request)
        if refused is not None:
            return refused
        items, errors = await _read_upload(request)
        if errors:
            return JSONResponse({"detail": errors}, status_code=422)
        report = await run_in_threadpool(_ingest, stores, items)
        body = {"added": report.added, "revised": report.revised, "unchanged": report.unchanged,
                "rejected": [{"source": r.source, "line": r.line, "reason": r.reason}
                             for r in report.rejected],
                "seconds": round(report.seconds, 3)}
        if report.rejected and not (report.added or report.revised or report.unchanged):
            return JSONResponse({"detail": [{"loc": ["body"], "field": "body", "msg": r.reason,
                                             "type": "rejected"} for r in report.rejected],
                                 **body}, status_code=422)
        return JSONResponse(body, status_code=201 if report.changed else 200)

    @router.get("/entities", summary="Entities, most mentioned first", tags=["entities"])
    def list_entities(q: Annotated[str | None, Query(max_length=200, description="Part of a name or alias.")] = None,
                      type: Annotated[str | None, Query(pattern="^(PER|ORG|LOC|OTH)$")] = None,
                      limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        page = views.entities(stores.get(), q=q, type=type, limit=limit, offset=offset)
        return _page_json(page, [{"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
                                  "roles": list(e.roles), "affiliations": list(e.affiliations),
                                  "mentions": len(e.mentions)} for e in page.items])

    @router.get("/entities/{entity_id}", summary="One entity with its stories and mentions", tags=["entities"])
    def get_entity(entity_id: EntityId, limit: Limit = views.DEFAULT_LIMIT,
                   offset: Offset = 0) -> dict[str, Any]:
        view = views.entity_view(stores.get(), entity_id, limit=limit, offset=offset)
        e = view.entity
        return {"entity": {"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
                           "roles": list(e.roles), "affiliations": list(e.affiliations)},
                "stories": [{"id": s.id, "label": s.label, "last_seen": s.last_seen} for s in view.stories],
                "mentions": _page_json(view.mentions, to_json(view.mentions.items))}

    @router.get("/quotes", summary="Quotes with speakers", tags=["quotes"])
    def list_quotes(speaker: Annotated[str | None, Query(max_length=200, description="Speaker name (part) or entity id.")] = None,
                    story: Annotated[str | None, Query(pattern=ID_PATTERN, description="Story id.")] = None,
                    limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        page = views.quotes(stores.get(), speaker=speaker, story=story, limit=limit, offset=offset)
        return _page_json(page, [{**to_json(r.quote), "title": r.title, "outlet": r.outlet,
                                  "published": r.published} for r in page.items])

    @router.get("/search", summary="Full-text search over segments (German inflected forms)", tags=["search"])
    async def search(q: Annotated[str, Query(min_length=1, max_length=500, description="Search words.")],
               limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0) -> dict[str, Any]:
        def make() -> dict[str, Any]:
            page = views.search(stores.get(), q, limit=limit, offset=offset)
            # fields listed, not to_json(hit): its generic walk cost more than the search
            return _page_json(page, [{"segment_id": h.segment_id, "document_id": h.document_id,
                                      "title": h.title, "headline": h.headline, "outlet": h.outlet,
                                      "published": h.published, "start": h.start, "end": h.end,
                                      "snippet": "".join(t for t, _ in h.snippet),
                                      "matches": [t for t, m in h.snippet if m]} for h in page.items])

        # answered on the event loop: a search costs ~2 ms (lagebild.search), less than
        # handing it to a thread and taking the GIL back under load (see Stores.acached)
        return await stores.acached(("api-search", q, limit, offset), make, quick=make)

    return router


async def _read_upload(request: Request) -> tuple[list[Any], list[dict[str, Any]]]:
    """The raw documents of a POST body (JSON record(s) or multipart files), or the errors."""
    from lagebild import ingest

    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        raw = await request.body()
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            return [], [{"loc": ["body"], "field": "body", "msg": f"invalid JSON: {exc}",
                         "type": "json_invalid"}]
        records = data if isinstance(data, list) else [data]
        if len(records) > MAX_RECORDS_PER_POST:
            return [], [{"loc": ["body"], "field": "body", "type": "too_many",
                         "msg": f"at most {MAX_RECORDS_PER_POST} records per request"}]
        if not records:
            return [], [{"loc": ["body"], "field": "body", "msg": "no records", "type": "missing"}]
        items, errors = [], []
        for i, record in enumerate(records):
            if not isinstance(record, dict):
                errors.append({"loc": ["body", i], "field": f"body.{i}", "type": "object_type",
                               "msg": "each record must be a JSON object"})
                continue
            try:
                items.append(ingest.read_record(record, "api", i + 1))
            except InputError as exc:
                errors.append({"loc": ["body", i], "field": f"body.{i}", "msg": str(exc),
                               "type": "value_error"})
        return items, errors
    if content_type == "multipart/form-data":
        try:
            form = await request.form(max_files=100, max_fields=100)
        except Exception as exc:  # a broken multipart body is the client's error
            return [], [{"loc": ["body"], "field": "body", "msg": f"malformed multipart body: {exc}",
                         "type": "multipart_invalid"}]
        uploads = [f for f in form.getlist("file") if hasattr(f, "read")]
        if not uploads:
            return [], [{"loc": ["body", "file"], "field": "file", "type": "missing",
                         "msg": "attach one or more files in the form field `file`"}]
        items = []
        for i, upload in enumerate(uploads):
            data = await upload.read()
            items.extend(ingest.read_bytes(data, _upload_name(upload.filename, i)))
        return items, []
    raise StarletteHTTPException(415, "send application/json (record or list of records) or "
                                      "multipart/form-data with files in the field `file`")


def _ingest(stores: Stores, items: list[Any]):
    from lagebild import search
    from lagebild.pipeline import Pipeline

    store = stores.get()
    with stores.write_lock:
        report = Pipeline(store).ingest_items(items)
        search.sync(store)
    return report
