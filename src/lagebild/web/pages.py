"""Server-rendered pages: stories, one story, one document, one entity, search.

Owns the page routes, the Jinja2 environment (autoescape on for every template: news text is
untrusted and reaches the page only as escaped text) and the one CSS file, read from the package
once and served from memory, so no request path ever reaches the file system. Pages need no
JavaScript. Each route makes one call into :mod:`lagebild.views` and renders the result.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

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


_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*\Z")  # what urlencode leaves as it is


def _query(params: dict[str, Any]) -> str:
    """``urlencode(params)``, skipping the encoder for plain values ("120-480", "de"): a story
    page builds a link with a highlight span for every citation."""
    return "&".join(f"{k}={v}" if _PLAIN.match(v := str(value)) and _PLAIN.match(k)
                    else urlencode({k: v}) for k, value in params.items())


def _context(request: Request, lang: str) -> dict[str, Any]:
    def t(key: str, **values: Any) -> str:
        return translate(lang, key, **values)

    keep_lang = bool(request.query_params.get("lang"))

    def link(path: str, **params: Any) -> str:
        """A same-site URL with the page's language kept; params are URL-encoded."""
        if not params:  # the common case (a story page has ~60 links): no encoding to do
            return f"{path}?lang={lang}" if keep_lang else path
        params = {k: v for k, v in params.items() if v not in (None, "")}
        if keep_lang:
            params.setdefault("lang", lang)
        return path + ("?" + _query(params) if params else "")

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


class PageData(dict):
    """A JSON object of a stored page whose keys a template reads as attributes (``p.story``).

    A plain dict makes Jinja try ``getattr`` first and fail with an exception on every such
    access, which was half the time of rendering a story page. Dict methods keep their names
    (so ``c['values']`` in a template, not ``c.values``)."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _citer(context: dict[str, Any], numbers: dict[str, int], documents: dict[str, Any]):
    """``cite(refs)`` for the story template: a link "[n]" per cited document (first time
    only), opening the cited span highlighted; the markup a Jinja macro made, at a tenth of the
    cost (a story page has hundreds of citations)."""
    link, t = context["link"], context["t"]

    def cite(refs) -> Markup:
        seen: set[int] = set()
        out = []
        for r in refs:
            doc_id = r["document_id"]
            n = numbers.get(doc_id)
            if not n or n in seen:
                continue
            seen.add(n)
            d = documents[doc_id]
            href = link("/documents/" + doc_id, hl=f"{r['start']}-{r['end']}") + "#hl"
            title = t("cite", n=n, outlet=(d["outlet"] or d["title"] or ""))
            out.append(f'<a class="cite" href="{escape(href)}" title="{escape(title)}">[{n}]</a>')
        return Markup("".join(out))

    return cite


def _sources_html(context: dict[str, Any], sources: dict[str, list[Any]], new: set[str]) -> Markup:
    """The sources section's lists: per outlet (case-insensitive order) its original reports,
    each with its copies and rewrites nested under it. Made in Python like :func:`_citer`:
    a recursive Jinja macro cost a third of rendering a story page."""
    link, t, date = context["link"], context["t"], context["date"]

    def item(src) -> str:
        d = src["document"]
        kind = src["kind"]
        label = f" · {escape(t('copy' if kind in ('duplicate', 'near-duplicate') else kind))}" if kind else ""
        mark = f'<span class="new">{escape(t("new_mark"))}</span>' if d["id"] in new else ""
        copies = (f'<ul class="copies">{"".join(item(c) for c in src["copies"])}</ul>'
                  if src["copies"] else "")
        return (f'<li><span class="num">[{src["number"]}]</span> '
                f'<a href="{escape(link("/documents/" + d["id"]))}">{escape(d["title"] or d["id"])}</a>\n'
                f'<span class="meta">· {escape(date(d["published"] or d["updated"], True))}{label}</span>'
                f"{mark}{copies}</li>\n")

    out = []
    for outlet in sorted(sources, key=str.lower):
        out.append(f'<h3>{escape(outlet)}</h3>\n<ul class="sources">'
                   f'{"".join(item(src) for src in sources[outlet])}</ul>\n')
    return Markup("".join(out))


def _entities_html(context: dict[str, Any], entities: list[Any]) -> Markup:
    """The entities list of a story page (see :func:`_sources_html` for why in Python)."""
    link, etype = context["link"], context["etype"]
    return Markup("".join(
        f'<li><a class="ent ent-{escape(e["type"])}" href="{escape(link("/entities/" + e["id"]))}">'
        f'{escape(e["name"])}</a> <span class="meta">{escape(etype(e["type"]))}, {ec["mentions"]}×</span></li>\n'
        for ec in entities for e in [ec["entity"]]))


def render_story(request: Request, lang: str, page: dict[str, Any], **values: Any) -> str:
    """The story template over a page of :func:`lagebild.views.story_page`."""
    if not isinstance(page, PageData):
        page = json.loads(json.dumps(page), object_hook=PageData)
    context = _context(request, lang)
    context["cite"] = _citer(context, page["brief"]["numbers"], page["documents"])
    context["sources_html"] = _sources_html(context, page["brief"]["sources"], values.get("new") or set())
    context["entities_html"] = _entities_html(context, page["entities"][:views.PAGE_ENTITIES])
    return _env.get_template("story.html").render(**context, p=page, b=page["brief"], **values)


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
            # the stored page (one row) unless a "new since" section is asked for
            page = views.story_page(stores.get(), story_id, since, object_hook=PageData)
            return render_story(request, chosen, page, new=set(page["brief"]["new_documents"]),
                                no_news=no_news)

        def quick() -> str | None:  # the stored page: one row by primary key, rendered
            if since:
                return None
            page = views.stored_story_page(stores.get(), story_id, object_hook=PageData)
            return None if page is None else render_story(
                request, chosen, page, new=set(), no_news=no_news)

        key = ("page-story", story_id, since, no_news, chosen, bool(request.query_params.get("lang")))
        response = HTMLResponse(await stores.acached(key, make, quick))
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
        # on the event loop, like the API search (see lagebild.api.app.Stores.acached)
        return HTMLResponse(await stores.acached(key, make, quick=make))

    return router
