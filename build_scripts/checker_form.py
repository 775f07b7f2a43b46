"""The checker's HTML form, rendered at build time in the page's language.

One control per `kpj_checker` input, named exactly as its JSON field, with labels,
hints and option labels from `kpj_checker`'s messages: the same source the checker
itself speaks from. The page script (`assets/cek-kpj/checker.js`) adds behaviour;
without it, the form explains how to use the guide instead.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from html import escape

from kpj_checker import content
from kpj_checker.inputs import CHOICES, FORM_FIELDS, UNKNOWN


@dataclass(frozen=True)
class Runtime:
    """Where the Pyodide bundle is in the site, and what it holds."""

    folder: str  # e.g. "assets/pyodide/3f2a…/", relative to the site root
    lock_file: str
    packages: tuple[str, ...]
    files: tuple[str, ...]
    download_bytes: int  # compressed size of what the first visit downloads
    lazy_files: tuple[str, ...] = ()  # fetched by the worker only when needed (regions.json)
    optional_packages: tuple[str, ...] = ()  # loaded by the list page for .xlsx only
    batch_stdlib: str = ""  # stdlib zip the list page adds (csv, zipfile, xml...)
    batch_archive: str = ""  # kpj_checker.batch, unpacked by the list page only


RUNTIME: dict[str, Runtime] = {}  # set by the checker_page hook before pages render

# Selects offer "unknown" first (the default), then the values the checker accepts.
SELECTS = {field: (UNKNOWN, *values) for field, values in CHOICES.items()}
DATE_FIELDS = ("birth_date", "changed_employer_on", "registered_on")
MONTH_FIELDS = ("last_paid_month",)
# Guide pages a field's hint links to (relative to the language's home), with the link text key.
HINT_LINKS = {"kpj": ("find-kpj/", "form.kpj.hint_link")}


def control(field: str, lang: str) -> str:
    """One input or select, with its id, name and described-by links."""
    described = f"kpj-hint-{field} kpj-error-{field} kpj-warning-{field}"
    ids = f'id="kpj-{field}" name="{field}" aria-describedby="{described}"'
    if field in SELECTS:
        options = "".join(
            f'<option value="{v}">{escape(content.message(f"form.{field}.{v}", lang))}</option>'
            for v in SELECTS[field]
        )
        return f"<select {ids}>{options}</select>"
    if field in DATE_FIELDS:
        return f'<input type="date" {ids} min="1900-01-01">'
    if field in MONTH_FIELDS:
        return f'<input type="month" {ids} min="1900-01" placeholder="YYYY-MM">'
    return (
        f'<input type="text" {ids} inputmode="numeric" autocomplete="off" '
        'autocapitalize="off" spellcheck="false">'
    )


def field_block(field: str, lang: str, lang_root: str = "") -> str:
    label = escape(content.message(f"form.{field}.label", lang))
    hint = escape(content.message(f"form.{field}.hint", lang))
    if field in HINT_LINKS:
        target, text_key = HINT_LINKS[field]
        hint += f' <a href="{lang_root}{target}">{escape(content.message(text_key, lang))}</a>'
    return (
        f'<div class="kpj-field" data-field="{field}">'
        f'<label for="kpj-{field}">{label}</label>'
        f'<p class="kpj-hint" id="kpj-hint-{field}">{hint}</p>'
        f"{control(field, lang)}"
        f'<p class="kpj-error" id="kpj-error-{field}" data-error-for="{field}" hidden></p>'
        f'<p class="kpj-warning" id="kpj-warning-{field}" data-warning-for="{field}" hidden></p>'
        "</div>"
    )


def page_texts(lang: str) -> str:
    """Texts the page script needs at run time, as inert JSON (no inline script runs)."""
    texts = content.messages(lang, prefix="form.")
    texts |= content.messages(lang, prefix="likelihood.")
    texts |= {f"cause.{cause.id}": cause.title for cause in content.causes(lang)}
    return json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")


def human_size(size: int, lang: str) -> str:
    megabytes = f"{size / 1_000_000:.1f}"
    return (megabytes.replace(".", ",") if lang == "id" else megabytes) + " MB"


def render_form(lang: str, page_dest: str) -> str:
    """The checker block for the page written to `page_dest` (e.g. `en/checker/index.html`)."""
    here = posixpath.dirname(page_dest)
    root = posixpath.relpath(".", here) + "/"
    runtime = RUNTIME.get("current")
    attrs = f'data-lang="{lang}" data-site-root="{root}"'
    if runtime:
        attrs += (
            f' data-runtime="{root}{runtime.folder}" data-lock="{runtime.lock_file}"'
            f' data-packages="{" ".join(runtime.packages)}"'
            f' data-files="{" ".join(runtime.files)}"'
            f' data-size="{human_size(runtime.download_bytes, lang)}"'
            f' data-lazy-files="{" ".join(runtime.lazy_files)}"'
        )
    lang_root = root + ("" if lang == content.LANGUAGES[0] else f"{lang}/")
    fields = "".join(field_block(f, lang, lang_root) for f in FORM_FIELDS)
    m = lambda key: escape(content.message(key, lang))  # noqa: E731
    return f"""<div class="kpj-checker" {attrs}>
<p class="kpj-privacy"><strong>{m("form.privacy")}</strong></p>
<p class="kpj-nojs" data-kpj-nojs>{m("form.nojs")}</p>
<form id="kpj-checker" novalidate autocomplete="off" hidden>
{fields}
<div class="kpj-actions">
<button type="submit" class="md-button md-button--primary">{m("form.submit")}</button>
<button type="reset" class="md-button">{m("form.reset")}</button>
</div>
<p class="kpj-status" id="kpj-status" role="status"></p>
</form>
<section id="checker-results" class="kpj-results" aria-live="polite" tabindex="-1"></section>
<script type="application/json" id="kpj-checker-texts">{page_texts(lang)}</script>
<script src="{root}assets/cek-kpj/nik-info.js"></script>
<script src="{root}assets/cek-kpj/checker.js"></script>
</div>"""
