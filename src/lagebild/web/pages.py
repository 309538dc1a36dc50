"""Server-rendered pages: stories, one story, one document, one entity, search.

Owns the page routes, the Jinja2 environment (autoescape on for every template: news text is
untrusted and reaches the page only as escaped text) and the one CSS file, read from the package
once and served from memory, so no request path ever reaches the file system. Pages need no
JavaScript. Each route makes one call into :mod:`lagebild.views` and renders the result.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from lagebild import views
from lagebild.web.i18n import ENTITY_TYPES, attribute_label, choose_language, format_date, translate

ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,80}$"
SINCE_PATTERN = r"^\d{4}-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?)?$"
LANG_PATTERN = r"^(de|en)$"
PAGE_SIZE = 30
SEEN_COOKIE = "lagebild_seen_"  # + story id: when this browser last opened the story

_env = Environment(loader=PackageLoader("lagebild.web", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)
_CSS = resources.files("lagebild.web").joinpath("static/style.css").read_bytes()

Lang = Annotated[str | None, Query(pattern=LANG_PATTERN, description="de or en")]
Id = Annotated[str, Path(pattern=ID_PATTERN)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def _context(request: Request, lang: str) -> dict[str, Any]:
    def t(key: str, **values: Any) -> str:
        return translate(lang, key, **values)

    def link(path: str, **params: Any) -> str:
        """A same-site URL with the page's language kept; params are URL-encoded."""
        params = {k: v for k, v in params.items() if v not in (None, "")}
        if request.query_params.get("lang"):
            params.setdefault("lang", lang)
        return path + ("?" + urlencode(params) if params else "")

    def switch(to: str) -> str:
        params = dict(request.query_params)
        params["lang"] = to
        return request.url.path + "?" + urlencode(params)

    return {"lang": lang, "t": t, "link": link, "switch": switch,
            "date": lambda v, time=False: format_date(v, lang, time),
            "etype": lambda v: ENTITY_TYPES[lang].get(v, v), "path": request.url.path,
            "attribute": lambda a: attribute_label(a, lang)}


def render_html(request: Request, template: str, lang: str, **values: Any) -> str:
    return _env.get_template(template).render(**_context(request, lang), **values)


def render(request: Request, template: str, lang: str, status: int = 200, **values: Any) -> HTMLResponse:
    return HTMLResponse(render_html(request, template, lang, **values), status_code=status)


def language(request: Request, lang: str | None) -> str:
    return choose_language(lang, request.headers.get("accept-language"))


def error_page(request: Request, status: int, title_key: str, message: str) -> HTMLResponse:
    lang = choose_language(request.query_params.get("lang"), request.headers.get("accept-language"))
    return render(request, "error.html", lang, status=status, title_key=title_key, message=message)


def _pager(page: views.Page) -> dict[str, Any]:
    return {"first": page.offset + 1 if page.total else 0,
            "last": min(page.offset + page.limit, page.total), "total": page.total,
            "prev": max(0, page.offset - page.limit) if page.offset else None,
            "next": page.offset + page.limit if page.offset + page.limit < page.total else None}


def page_router(stores) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/static/style.css")
    async def css() -> Response:
        return Response(_CSS, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    @router.get("/", response_class=HTMLResponse)
    def stories_page(request: Request, lang: Lang = None,
                     q: Annotated[str | None, Query(max_length=500)] = None,
                     outlet: Annotated[str | None, Query(max_length=200)] = None,
                     entity: Annotated[str | None, Query(max_length=200)] = None,
                     since: Annotated[str | None, Query(pattern=SINCE_PATTERN)] = None,
                     offset: Offset = 0):
        store = stores.get()
        page = views.stories(store, since=since, entity=entity, outlet=outlet, q=q,
                             limit=PAGE_SIZE, offset=offset)
        return render(request, "stories.html", language(request, lang), page=page,
                      pager=_pager(page), outlets=views.outlets(store),
                      filters={"q": q or "", "outlet": outlet or "", "since": since or "",
                               "entity": entity or ""})

    @router.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_alias(request: Request, lang: Lang = None, offset: Offset = 0):
        return stories_page(request, lang=lang, offset=offset)

    @router.get("/stories/{story_id}", response_class=HTMLResponse)
    async def story_page(request: Request, story_id: Id, lang: Lang = None,
                   since: Annotated[str | None, Query(pattern=SINCE_PATTERN)] = None):
        seen = request.cookies.get(SEEN_COOKIE + story_id)
        if since is None and seen and re.match(SINCE_PATTERN, seen):
            since = seen
        chosen = language(request, lang)
        # Most visits find nothing new: those share one cached page; only a visit with news
        # computes its own "new since" section.
        if since:
            last = await stores.acached(("last-change", story_id),
                                        lambda: views.story_last_change(stores.get(), story_id))
            no_news = last is None or last < since
        else:
            no_news = False
        if no_news:
            since = None

        def make() -> str:
            picture = views.story_picture(stores.get(), story_id, since)
            return render_html(request, "story.html", chosen, p=picture, b=picture.brief,
                               new=set(picture.brief.new_documents), no_news=no_news)

        key = ("page-story", story_id, since, no_news, chosen, bool(request.query_params.get("lang")))
        response = HTMLResponse(await stores.acached(key, make))
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        response.set_cookie(SEEN_COOKIE + story_id, now, max_age=90 * 86400, httponly=True,
                            samesite="lax", path="/stories/")
        return response

    @router.get("/documents/{document_id}", response_class=HTMLResponse)
    def document_page(request: Request, document_id: Id, lang: Lang = None,
                      hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$",
                                                      description="start-end of a span to highlight")] = None):
        span = None
        if hl:
            a, b = (int(x) for x in hl.split("-"))
            span = (a, b)
        view = views.document_view(stores.get(), document_id, span)
        return render(request, "document.html", language(request, lang), v=view,
                      d=view.document)

    @router.get("/entities/{entity_id}", response_class=HTMLResponse)
    def entity_page(request: Request, entity_id: Id, lang: Lang = None, offset: Offset = 0):
        view = views.entity_view(stores.get(), entity_id, limit=PAGE_SIZE, offset=offset)
        return render(request, "entity.html", language(request, lang), v=view, e=view.entity,
                      pager=_pager(view.mentions))

    @router.get("/search", response_class=HTMLResponse)
    async def search_page(request: Request, lang: Lang = None,
                    q: Annotated[str | None, Query(max_length=500)] = None, offset: Offset = 0):
        chosen = language(request, lang)

        def make() -> str:
            page = views.search(stores.get(), q, limit=PAGE_SIZE, offset=offset) if q else None
            return render_html(request, "search.html", chosen, q=q or "", page=page,
                               pager=_pager(page) if page else None)

        key = ("page-search", q, offset, chosen, bool(request.query_params.get("lang")))
        return HTMLResponse(await stores.acached(key, make))

    return router
