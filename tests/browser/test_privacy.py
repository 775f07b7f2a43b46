"""Nothing a reader types into the checker leaves the page: not sent, not stored, not logged.

And the Content-Security-Policy that keeps other code out is enforced and noticed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from browser_form import DATE_PARTS, date_parts, fill_form, read_form
from playwright.sync_api import BrowserContext, Page, Request

pytestmark = pytest.mark.browser

MESSAGES = {
    key: texts
    for path in (Path(__file__).parents[2] / "checker" / "kpj_checker" / "data" / "messages").glob(
        "*.json"
    )
    for key, texts in json.loads(path.read_text()).items()
}
READY = "#kpj-status[data-state=ready]"
TYPED = {
    "kpj": "12345678901",
    "nik": "3174054808900003",  # a woman born 8 August 1990, as the birth date says
    "birth_date": "1990-08-08",
    "sex": "F",
    "membership": "employee",
    "employment_status": "changed_employer",
    "changed_employer_on": "2026-10-13",
    "registered_on": "2017-03-09",
    "last_paid_month": "2026-07",
    "kpj_count": "several",
    "identity_changed": "yes",
}
# What must not appear anywhere: the numbers and the dates, in the forms they may take.
SECRETS = [
    TYPED["kpj"],
    TYPED["nik"],
    "1990-08-08",
    "08/08/1990",
    "19900808",
    "2026-10-13",
    "13/10/2026",
    "2017-03-09",
    "09/03/2017",
    "2026-07",
    # The date boxes as typed (`<field>-<part>`), e.g. in a URL after a native submission,
    # and the years alone.
    *(
        f"{name}={part}"
        for field, iso in TYPED.items()
        if field in DATE_PARTS
        for name, part in date_parts(field, iso).items()
    ),
    "1990",
    "2017",
]

# Every origin-wide store the page can reach, as text: Web Storage, cookies, every
# IndexedDB database with its records, and the URL of every Cache Storage entry.
STORAGE = """async () => {
  const out = {
    url: location.href,
    cookie: document.cookie,
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
    indexedDB: [],
    caches: [],
  };
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((ok, no) => {
      const open = indexedDB.open(info.name);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => no(open.error);
    });
    const read = (req) => new Promise((ok) => { req.onsuccess = () => ok(req.result); });
    const records = [];
    for (const name of db.objectStoreNames) {
      const store = db.transaction(name).objectStore(name);
      records.push({ name, keys: await read(store.getAllKeys()), all: await read(store.getAll()) });
    }
    db.close();
    out.indexedDB.push(JSON.stringify({ name: info.name, records }));
  }
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    out.caches.push(name, ...(await cache.keys()).map((request) => request.url));
  }
  return out;
}"""


def leaks(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


def test_typed_values_are_not_sent_stored_or_logged(
    context: BrowserContext, page: Page, server: object
) -> None:
    sent: list[str] = []

    def record(request: Request) -> None:
        body = request.post_data_buffer
        sent.append(request.url + " " + (body.decode("utf-8", "replace") if body else ""))
        sent.append(json.dumps(request.headers))

    logged: list[str] = []
    context.on("request", record)
    page.on("console", lambda message: logged.append(message.text))
    page.on("worker", lambda worker: worker.on("console", lambda m: logged.append(m.text)))

    # A phone's share sheet, recorded: the Share buttons hand it the message, nothing else.
    page.add_init_script(
        "navigator.share = (data) => { window.shared = data; return Promise.resolve(); };"
    )
    page.clock.set_fixed_time(dt.datetime(2026, 11, 24, 10))
    page.goto(server.url + "/checker/")  # type: ignore[attr-defined]
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    page.locator(READY).wait_for(timeout=60_000)
    fill_form(page, TYPED)
    page.locator("#kpj-checker button[type=submit]").click()
    page.locator("#checker-results [data-cause]").first.wait_for()
    assert TYPED["nik"] in page.locator("#kpj-nik").input_value()  # the values were really in
    page.locator("#kpj-include-nik").check()
    page.locator("#checker-results [data-action=copy]").click()
    # The ready-made messages (two KPJ numbers and a job change call for them): copy and share.
    for step in ("hrd", "previous_employer", "branch"):
        page.locator(f"[data-step={step}] [data-action=copy-message]").click()
        page.locator(f"[data-step={step}] [data-action=share-message]").click()
        page.wait_for_function("() => window.shared !== undefined")
        assert TYPED["nik"] in page.evaluate("() => window.shared.text")  # ticked, so it is in
        page.evaluate("() => { delete window.shared; }")
    page.wait_for_load_state("networkidle")

    stored = page.evaluate(STORAGE)
    assert "?" not in stored["url"]
    assert not leaks(stored["url"]), stored["url"]
    for where in ("cookie", "local", "session"):
        assert not leaks(stored[where]), (where, stored[where])
    for database in stored["indexedDB"]:
        assert not leaks(database), database
    assert stored["caches"], "the service worker and the checker should have cached the site"
    for url in stored["caches"]:
        assert not leaks(url), url
    assert not [c for c in context.cookies() if leaks(json.dumps(c))]
    assert sent
    assert not [line for line in sent if leaks(line)]
    assert not [line for line in logged if leaks(line)]

    # Nothing comes back either: a reload shows an empty form.
    page.reload()
    page.locator(READY).wait_for(timeout=60_000)
    for name in TYPED:
        value = read_form(page, name)
        assert value.strip() in ("", "unknown"), (name, value)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_checker_page_says_nothing_typed_leaves_the_device(
    page: Page, server: object, lang: str
) -> None:
    page.goto(f"{server.url}{'/' if lang == 'id' else '/en/'}checker/")  # type: ignore[attr-defined]
    note = page.locator(".kpj-checker .kpj-privacy")
    assert note.is_visible()
    assert note.inner_text().strip() == MESSAGES["form.privacy"][lang]
    # It comes before the form, so it is read before anything is typed.
    assert page.evaluate(
        "() => !!(document.querySelector('.kpj-privacy').compareDocumentPosition("
        "document.querySelector('#kpj-checker')) & Node.DOCUMENT_POSITION_FOLLOWING)"
    )


def test_csp_blocks_inline_code_and_the_watch_reports_it(
    page: Page, server: object, watch: object
) -> None:
    """The `context` fixture fails a test on any CSP violation; prove it sees them."""
    page.goto(server.url + "/")  # type: ignore[attr-defined]
    ran = page.evaluate(
        """() => {
      const script = document.createElement("script");
      script.textContent = "window.inlineScriptRan = true";
      document.head.append(script);
      const button = document.createElement("button");
      button.setAttribute("onclick", "window.inlineHandlerRan = true");
      document.body.append(button);
      button.click();
      button.remove();
      return [window.inlineScriptRan === true, window.inlineHandlerRan === true];
    }"""
    )
    assert ran == [False, False]
    expected = ("inline script", "inline event handler")
    for _ in range(50):  # console messages arrive asynchronously
        violations = watch.csp_violations()  # type: ignore[attr-defined]
        if all(any(kind in v for v in violations) for kind in expected):
            break
        page.wait_for_timeout(100)
    else:
        pytest.fail(f"the watch did not report both violations: {violations}")
    watch.console_errors.clear()  # type: ignore[attr-defined]  # expected here, not a failure
