"""MkDocs hook: render guide pages from the checker's single source of truth.

Every Markdown page goes through jinja2 before Markdown, with functions that pull
facts, cause and fix texts from `kpj_checker.content` in the page's language, and
gets a "last checked / sources" block built from its front matter. Templates
(404 page, checker form) get the same texts through the `t()` global.
"""

from __future__ import annotations

import html
import importlib
import posixpath
import sys
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "checker"))
sys.path.insert(0, str(ROOT / "build_scripts"))

from checker_form import render_form  # noqa: E402
from employee_list_form import render_list_form  # noqa: E402
from kpj_checker import content  # noqa: E402
from site_text import format_date, source_citation, strings, t  # noqa: E402

ALWAYS_CITED = "article"


def page_language(page: Page, config: MkDocsConfig) -> str:
    """The language a page is written in (static-i18n sets `locale` on its files)."""
    return getattr(page.file, "locale", None) or config.theme["language"]


def link(from_src: str, to_src: str) -> str:
    """A relative Markdown link target from one source file to another."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


class PageFunctions:
    """The functions a page may call, bound to its language and location."""

    def __init__(self, lang: str, src_uri: str, dest_uri: str) -> None:
        self.lang = lang
        self.src_uri = src_uri
        self.dest_uri = dest_uri
        self.causes = {cause.id: cause for cause in content.causes(lang)}
        self.fixes = {fix.id: fix for fix in content.fixes(lang)}

    def fact(self, key: str) -> Any:
        return content.facts()[key].value

    def cause_title(self, cause_id: str) -> str:
        return self.causes[cause_id].title

    def cause_summary(self, cause_id: str) -> str:
        return self.causes[cause_id].summary

    def cause_steps(self, cause_id: str) -> str:
        return numbered(self.causes[cause_id].steps)

    def fix_title(self, fix_id: str) -> str:
        return self.fixes[fix_id].title

    def fix_summary(self, fix_id: str) -> str:
        return self.fixes[fix_id].summary

    def fix_steps(self, fix_id: str) -> str:
        return numbered(self.fixes[fix_id].steps)

    def _cause_link(self, cause_id: str) -> str:
        cause = self.causes[cause_id]
        return f"[{cause.title}]({link(self.src_uri, f'causes/{cause_id}.md')})"

    def _fix_link(self, fix_id: str) -> str:
        fix = self.fixes[fix_id]
        return f"[{fix.title}]({link(self.src_uri, f'fixes/{fix_id}.md')})"

    def fixes_for_cause(self, cause_id: str) -> str:
        return bullets(
            f"{self._fix_link(f)}: {self.fixes[f].summary}" for f in self.causes[cause_id].fixes
        )

    def causes_for_fix(self, fix_id: str) -> str:
        return bullets(
            f"{self._cause_link(c)}: {self.causes[c].summary}" for c in self.fixes[fix_id].causes
        )

    def cause_list(self) -> str:
        return bullets(f"{self._cause_link(c.id)}: {c.summary}" for c in self.causes.values())

    def source(self, source_id: str) -> str:
        return source_citation(content.sources()[source_id], self.lang)

    def fact_table(self) -> str:
        """Every fact the site states, with its value, its source and the source's kind."""
        sources = content.sources()
        head = [t(f"fact_table.{col}", self.lang) for col in ("fact", "value", "source", "kind")]
        rows = [
            [
                fact.label[self.lang],
                f"`{fact.value}`",
                source_citation(sources[fact.source_id], self.lang),
                t(f"source_kind.{sources[fact.source_id].kind}", self.lang),
            ]
            for fact in content.facts().values()
        ]
        return table(head, rows)

    def checker_form(self) -> str:
        """The checker's form and its script, in the page's language."""
        return render_form(self.lang, self.dest_uri)

    def employee_list_form(self) -> str:
        """The employee-list check's file chooser and its script, in the page's language."""
        return render_list_form(self.lang, self.dest_uri)

    def as_globals(self) -> dict[str, Any]:
        names = [n for n in dir(self) if not n.startswith("_") and n not in {"as_globals"}]
        return {n: getattr(self, n) for n in names if callable(getattr(self, n))}


def numbered(items: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))


def bullets(items: Any) -> str:
    return "\n".join(f"- {item}" for item in items)


def table(head: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; pipes inside cells are escaped."""

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(head), line(["---"] * len(head)), *(line(r) for r in rows)])


def sources_block(meta: dict[str, Any], lang: str) -> str:
    """The 'last checked' line and the list of sources a page relies on."""
    cited = [ALWAYS_CITED, *[s for s in meta.get("sources", []) if s != ALWAYS_CITED]]
    sources = content.sources()
    checked = format_date(str(meta.get("checked", content.CHECKED_ON)), lang)
    items = bullets(source_citation(sources[s], lang) for s in cited)
    return (
        '\n\n<aside class="page-sources" markdown>\n\n'
        f"**{t('last_checked', lang)}** {checked}\n\n"
        f"**{t('sources', lang)}**\n\n{items}\n\n</aside>\n"
    )


# Comments use `{##`, so Markdown attribute lists such as `## KPJ {#kpj}` stay literal.
_jinja = jinja2.Environment(
    undefined=jinja2.StrictUndefined,
    autoescape=False,
    comment_start_string="{##",
    comment_end_string="##}",
)


def on_pre_build(config: MkDocsConfig) -> None:
    """Reload the data on every (re)build so `mkdocs serve` shows edits live."""
    importlib.reload(content)
    strings.cache_clear()


def escape_meta(page: Page) -> None:
    """Material prints the front matter title and description into HTML unescaped."""
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key], quote=True)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    escape_meta(page)
    lang = page_language(page, config)
    functions = PageFunctions(lang, page.file.src_uri, page.file.dest_uri)
    try:
        body = _jinja.from_string(markdown).render(**functions.as_globals())
    except jinja2.TemplateError as error:
        raise SystemExit(f"{page.file.src_uri}: {error}") from error
    return body + sources_block(page.meta, lang)


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Give theme templates the site's texts and the causes in the build's language."""
    lang = config.theme["language"]
    env.globals["t"] = lambda key: t(key, lang)
    env.globals["guide_causes"] = content.causes(lang)
    return env


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(ROOT / "checker" / "kpj_checker" / "data"))
    server.watch(str(ROOT / "build_scripts" / "data"))
    return server
