"""HTML pages: main text (trafilatura), metadata (<meta>, JSON-LD), dates (htmldate), live blogs.

The page is parsed once with lxml. Metadata is read from that tree first: Open Graph and article
``<meta>`` tags, ``<html lang>``, the canonical link and schema.org JSON-LD (``NewsArticle`` and
kin, ``LiveBlogPosting`` with its ``liveBlogUpdate`` entries). Only when neither gives a
publication date does htmldate look at the page (without ever fetching anything). Then
trafilatura extracts the main text from the same tree, favouring precision so that teaser and
link lists drop, in its fast mode (no readability/justext comparison: 3-10x quicker, and on news
pages the main extractor rarely needs the backup).

The text keeps the page's structure as plain text: paragraphs are separated by a blank line,
sub-headings stand on their own line (a "block" of their own), list items on lines of their own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from lagebild.errors import EmptyInput, MalformedInput
from lagebild.ingest.encoding import normalize_text
from lagebild.model import LiveEntry, RawDocument

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)""")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_TAG_HINT = re.compile(r"<[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;")

# JSON-LD types that describe the article itself (schema.org's Article subtypes used by news sites).
ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "Article",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    }
)
# Meta tags for dates, most specific first.
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "pubdate",
    "publishdate",
    "parsely-pub-date",
    "sailthru.date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "dateModified",
    "og:updated_time",
    "last-modified",
    "dcterms.modified",
)

# Blocks of trafilatura's output tree and how they become text.
_BLOCK_TAGS = frozenset({"p", "head", "list", "quote", "table", "code", "div"})


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes, if any."""
    match = _XML_ENCODING.match(head) or _CHARSET.search(head[:8192])
    return match.group(1).decode("ascii", "replace") if match else None


def parse_html(
    html: str,
    source: str,
    *,
    default_identity: str,
    url: str | None = None,
    published: str | None = None,
    format: str = "html",
    metadata: Mapping[str, Any] | None = None,
) -> RawDocument:
    """One HTML page as a :class:`RawDocument`; raise :class:`EmptyInput` if it has no article text.

    ``url`` and ``published`` are what the container knew (a WARC's target URI and capture
    date): the page's own canonical link and publication date win over them. The identity is
    the page's URL where there is one, else ``default_identity`` (the resolved path).
    """
    tree = load_tree(html)
    meta = read_metadata(tree, base_url=url)

    published_date = meta.published
    if published_date is None:
        published_date = _htmldate(tree, meta.url or url)
    if published_date is None:
        published_date = published

    text = extract_main_text(tree, url=meta.url or url)
    if not text and not meta.live_entries:
        raise EmptyInput(
            "the HTML page has no article text (trafilatura found no main content); "
            "it may be an index or consent page, or need JavaScript to show its text"
        )
    found_url = meta.url or url
    extra = dict(metadata or {})
    extra.update(meta.extra)
    return RawDocument(
        source=source,
        identity=found_url or default_identity,
        text=text,
        html=html,
        url=found_url,
        title=meta.title,
        published=published_date,
        updated=meta.updated,
        outlet=meta.outlet,
        language=meta.language,
        format=format,
        metadata=extra,
        live_entries=meta.live_entries,
    )


def load_tree(html: str) -> HtmlElement:
    """The page as an lxml tree (lenient: any string parses), comments and PIs dropped."""
    import lxml.html

    # lxml refuses str input that carries an XML encoding declaration; the text is decoded already
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        tree = lxml.html.document_fromstring(html, parser=_parser())
    except (etree.ParserError, ValueError):
        tree = None
    if tree is None or len(tree) == 0:
        try:
            tree = lxml.html.document_fromstring(
                f"<html><body>{html}</body></html>", parser=_parser()
            )
        except (etree.ParserError, ValueError) as err:
            raise MalformedInput(f"the HTML could not be parsed ({err}); check the file") from None
    return tree


_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_PARSERS: dict[str, Any] = {}


def _parser():
    """One shared parser (lxml parsers are reusable, not thread-safe: one per thread would be
    needed if ingest ran threaded; the pipeline uses processes)."""
    parser = _PARSERS.get("html")
    if parser is None:
        import lxml.html

        parser = lxml.html.HTMLParser(
            collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True
        )
        _PARSERS["html"] = parser
    return parser


# --------------------------------------------------------------------------- main text


def extract_main_text(tree: HtmlElement, url: str | None = None) -> str:
    """The article text of a page: paragraphs separated by blank lines, headings on their own."""
    import trafilatura

    document = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=True,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=False,
    )
    if document is None or getattr(document, "body", None) is None:
        return ""
    return blocks_to_text(document.body)


def blocks_to_text(body: etree._Element) -> str:
    """Plain text of trafilatura's output tree (or any element tree of simple HTML blocks)."""
    blocks: list[str] = []
    _collect_blocks(body, blocks)
    return normalize_text("\n\n".join(block for block in blocks if block))


def _collect_blocks(element: etree._Element, blocks: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("list", "ul", "ol"):
        items = [_inline_text(item) for item in element if _tag(item) in ("item", "li")]
        blocks.append("\n".join(f"- {item}" for item in items if item))
        return
    if tag in ("table",):
        rows = []
        for row in element.iter("row", "tr"):
            cells = [_inline_text(cell) for cell in row if _tag(cell) in ("cell", "td", "th")]
            if any(cells):
                rows.append(" | ".join(cells))
        blocks.append("\n".join(rows))
        return
    children_are_blocks = any(
        _tag(child) in _BLOCK_TAGS | {"list", "ul", "ol", "item", "li"} for child in element
    )
    if (
        tag in ("body", "quote", "div", "blockquote", "section", "article", "main", "item", "li")
        and children_are_blocks
    ):
        lead = _clean_inline(element.text or "")
        if lead:
            blocks.append(lead)
        for child in element:
            _collect_blocks(child, blocks)
            tail = _clean_inline(child.tail or "")
            if tail:
                blocks.append(tail)
        return
    text = _inline_text(element)
    if text:
        blocks.append(text)


def _tag(element: etree._Element) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _inline_text(element: etree._Element) -> str:
    """Text of an element with line breaks (``lb``/``br``) kept and other whitespace collapsed."""
    return _clean_inline(_raw_inline_text(element))


def _raw_inline_text(element: etree._Element, with_tail: bool = False) -> str:
    parts: list[str] = []

    def walk(node: etree._Element, top: bool) -> None:
        tag = _tag(node)
        if tag in ("lb", "br"):
            parts.append("\n")
        elif tag and node.text and tag not in ("script", "style"):
            parts.append(node.text)
        for child in node:
            walk(child, False)
        if (with_tail or not top) and node.tail:
            parts.append(node.tail)

    walk(element, True)
    return "".join(parts)


def _clean_inline(text: str) -> str:
    lines = (_SPACES.sub(" ", line.replace("\n", " ")).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed item's content): its blocks, without boilerplate removal.

    Fragments are the article body already; trafilatura's page heuristics would throw short
    ones away.
    """
    import lxml.html

    if not _TAG_HINT.search(html):
        return normalize_text(html.strip())
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return normalize_text(html.strip())
    for bad in root.xpath(".//script|.//style|.//noscript|.//iframe|.//form"):
        bad.drop_tree()
    blocks: list[str] = []
    _collect_html_blocks(root, blocks)
    return normalize_text("\n\n".join(block for block in blocks if block))


_HTML_BLOCKS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "ul",
        "ol",
        "table",
        "section",
        "article",
        "figure",
        "figcaption",
        "pre",
        "header",
        "footer",
        "aside",
        "main",
        "dl",
        "hr",
    }
)


def _collect_html_blocks(element: etree._Element, blocks: list[str]) -> None:
    tag = _tag(element)
    if tag in ("ul", "ol"):
        items = [_inline_text(item) for item in element if _tag(item) == "li"]
        blocks.append("\n".join(f"- {item}" for item in items if item))
        return
    if tag == "table":
        _collect_blocks(element, blocks)
        return
    if not any(_tag(child) in _HTML_BLOCKS for child in element):
        text = _inline_text(element)
        if text:
            blocks.append(text)
        return
    # mixed content: inline runs between block children form paragraphs of their own
    run: list[str] = [element.text or ""]
    for child in element:
        if _tag(child) in _HTML_BLOCKS:
            blocks.append(_clean_inline("".join(run)))
            run = []
            _collect_html_blocks(child, blocks)
            run.append(child.tail or "")
        else:
            run.append(_raw_inline_text(child, with_tail=True))
    blocks.append(_clean_inline("".join(run)))


# --------------------------------------------------------------------------- metadata


class PageMetadata:
    """What a page says about itself in its <head> and JSON-LD."""

    __slots__ = (
        "title",
        "url",
        "published",
        "updated",
        "outlet",
        "language",
        "live_entries",
        "extra",
    )

    def __init__(self) -> None:
        self.title: str | None = None
        self.url: str | None = None
        self.published: str | None = None
        self.updated: str | None = None
        self.outlet: str | None = None
        self.language: str | None = None
        self.live_entries: tuple[LiveEntry, ...] = ()
        self.extra: dict[str, Any] = {}


def read_metadata(tree: HtmlElement, base_url: str | None = None) -> PageMetadata:
    """Title, URL, dates, outlet, language and live-blog entries from <meta> tags and JSON-LD."""
    result = PageMetadata()
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        content = element.get("content")
        if key and content and content.strip():
            meta.setdefault(key.strip().lower(), content.strip())

    article = _jsonld_article(tree)

    result.title = (
        (_text_value(article.get("headline")) if article else None)
        or meta.get("og:title")
        or meta.get("twitter:title")
        or _title_element(tree)
    )
    result.published = (_text_value(article.get("datePublished")) if article else None) or _first(
        meta, _PUBLISHED_META
    )
    result.updated = (_text_value(article.get("dateModified")) if article else None) or _first(
        meta, _MODIFIED_META
    )
    result.outlet = (
        (_publisher_name(article) if article else None)
        or meta.get("og:site_name")
        or meta.get("application-name")
    )
    canonical = next(
        (
            link.get("href")
            for link in tree.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")
        ),
        None,
    )
    url = canonical or meta.get("og:url")
    if url:
        url = urljoin(base_url, url.strip()) if base_url else url.strip()
        result.url = url if url.startswith(("http://", "https://")) else (base_url or None)
    language = (
        tree.get("lang")
        or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
        or meta.get("og:locale")
        or meta.get("content-language")
        or (_text_value(article.get("inLanguage")) if article else None)
    )
    if language:
        result.language = re.split(r"[-_]", language.strip())[0].lower() or None

    author = _authors(article.get("author")) if article else None
    author = author or meta.get("author") or meta.get("article:author")
    if author:
        result.extra["author"] = normalize_text(" ".join(author.split()))
    description = meta.get("description") or meta.get("og:description")
    if description:
        result.extra["description"] = normalize_text(description)
    if article:
        result.extra["jsonld_type"] = _types(article)[0] if _types(article) else None
        result.live_entries = tuple(_live_entries(article))
    if result.title:
        result.title = normalize_text(_SPACES.sub(" ", result.title).strip())
    if result.outlet:
        result.outlet = normalize_text(result.outlet.strip())
    return result


def _first(meta: Mapping[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = meta.get(key.lower())
        if value:
            return value
    return None


def _title_element(tree: HtmlElement) -> str | None:
    title = tree.find(".//title")
    if title is not None and title.text and title.text.strip():
        return title.text.strip()
    return None


def _jsonld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"), strict=False)
        except ValueError:
            continue  # broken JSON-LD is common; the <meta> tags and the text still count
        yield from _flatten(data)


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _flatten(graph)


def _types(obj: Mapping[str, Any]) -> list[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)]


def _jsonld_article(tree: HtmlElement) -> dict[str, Any] | None:
    """The JSON-LD object describing the article; a live blog wins over a plain article."""
    best: dict[str, Any] | None = None
    for obj in _jsonld_objects(tree):
        types = _types(obj)
        if "LiveBlogPosting" in types:
            return obj
        if best is None and any(t in ARTICLE_TYPES for t in types):
            best = obj
    return best


def _text_value(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() or None if isinstance(value, str) else None


def _publisher_name(article: Mapping[str, Any]) -> str | None:
    publisher = article.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict):
        return _text_value(publisher.get("name"))
    return _text_value(publisher)


def _authors(value: Any) -> str | None:
    values = value if isinstance(value, list) else [value]
    names = [name for name in (_text_value(v) for v in values) if name]
    return ", ".join(names) or None


def _live_entries(article: Mapping[str, Any]) -> Iterator[LiveEntry]:
    updates = article.get("liveBlogUpdate")
    if isinstance(updates, dict):
        updates = [updates]
    if not isinstance(updates, list):
        return
    for update in updates:
        if not isinstance(update, dict):
            continue
        body = update.get("articleBody") or update.get("text") or update.get("description")
        body = _text_value(body)
        if body and _TAG_HINT.search(body):
            body = fragment_text(body)
        headline = _text_value(update.get("headline") or update.get("name"))
        if not body and not headline:
            continue
        yield LiveEntry(
            headline=normalize_text(headline) if headline else None,
            body=normalize_text(body) if body else "",
            published=_text_value(update.get("datePublished") or update.get("dateCreated")),
        )


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's original publication date, from the page alone (it never fetches a tree)."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        return find_date(tree, extensive_search=False, original_date=True, url=url)
    except Exception:  # noqa: BLE001 - htmldate's internals are not ours to crash on
        return None
