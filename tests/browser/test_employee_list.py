"""The employee-list page in headless Chromium: choose or drop a CSV and an .xlsx, read
the problems table, download the problems as CSV, and prove the file never left the page
and nothing of it was stored.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from browser_waits import cached_urls, wait_until
from playwright.sync_api import BrowserContext, Page, Request
from test_accessibility import audit
from test_privacy import STORAGE

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))

import batch_samples  # noqa: E402
from kpj_checker.batch.worker import check_path  # noqa: E402

pytestmark = pytest.mark.browser

READY = "#kpj-list-status[data-state=ready]"
DONE = "#kpj-list-status[data-state=done]"
ERROR = "#kpj-list-status[data-state=error]"
SAMPLES = batch_samples.samples()
#: Numbers from the sample list that must not appear in any request, store or log.
SECRETS = ["3171054508900001", "3171050508900002", "12345678902", "3171050508900040"]
RUNTIME_READY_S = 120


def expected(name: str, lang: str, tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / name
    path.write_bytes(SAMPLES[name])
    return check_path(str(path), lang)


def choose(page: Page, name: str) -> None:
    page.set_input_files(
        "#kpj-list-file", files=[{"name": name, "mimeType": "", "buffer": SAMPLES[name]}]
    )


def drop(page: Page, name: str) -> None:
    """Drop a file on the drop zone, as a person dragging it from their file manager."""
    page.evaluate(
        """([name, bytes]) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name));
      const zone = document.querySelector("[data-drop]");
      for (const type of ["dragenter", "dragover", "drop"]) {
        const init = { dataTransfer: data, bubbles: true, cancelable: true };
        zone.dispatchEvent(new DragEvent(type, init));
      }
    }""",
        [name, list(SAMPLES[name])],
    )


def table_rows(page: Page) -> list[tuple[int, str, str]]:
    """(row, field, code) of every row of the problems table."""
    rows = page.evaluate(
        """() => [...document.querySelectorAll("#kpj-list-problems tbody tr")].map(tr => [
          Number(tr.querySelector("th[scope=row]").textContent), tr.dataset.field, tr.dataset.code,
        ])"""
    )
    return [tuple(row) for row in rows]


def as_rows(result: dict[str, Any]) -> list[tuple[int, str, str]]:
    return [(p["row"], p["field"], p["code"]) for p in result["problems"]]


def wait_done(page: Page) -> None:
    page.locator(f"{DONE}, {ERROR}").wait_for(timeout=RUNTIME_READY_S * 1000)


def test_csv_and_xlsx_are_checked_on_the_device(
    context: BrowserContext, page: Page, server: object, tmp_path: Path
) -> None:
    sent: list[str] = []

    def record(request: Request) -> None:
        body = request.post_data_buffer
        sent.append(request.url + " " + (body.decode("latin-1") if body else ""))
        sent.append(json.dumps(request.headers))

    logged: list[str] = []
    context.on("request", record)
    page.on("console", lambda message: logged.append(message.text))
    page.on("worker", lambda worker: worker.on("console", lambda m: logged.append(m.text)))

    page.goto(server.url + "/employee-list/")  # type: ignore[attr-defined]
    page.locator(READY).wait_for(timeout=RUNTIME_READY_S * 1000)
    xlsx_requests = [u for u in sent if "openpyxl" in u]
    assert not xlsx_requests, "the .xlsx reader loads only when an .xlsx is chosen"

    # A CSV, chosen with the file input.
    choose(page, "comma-utf8.csv")
    wait_done(page)
    want = expected("comma-utf8.csv", "id", tmp_path)["result"]
    assert table_rows(page) == as_rows(want)
    summary = page.locator("[data-summary=rows]").inner_text()
    assert str(want["rows"]) in summary
    caption = page.locator("#kpj-list-problems caption").inner_text()
    assert str(len(want["problems"])) in caption
    assert page.locator("#kpj-list-problems thead th[scope=col]").count() == 3

    # The problems as CSV, made in the page.
    with page.expect_download() as download_info:
        page.locator("#kpj-list-download").click()
    download = download_info.value
    assert download.url.startswith("blob:")
    assert download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_text("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == ["Baris", "Kolom", "Kode", "Masalah"]
    listed = want["problems"] + want["warnings"]
    assert [(int(r[0]), r[2]) for r in lines[1:]] == [(p["row"], p["code"]) for p in listed]
    assert lines[1][3] == want["problems"][0]["message"]

    # An .xlsx, dropped on the page: the reader is loaded now, number cells are caught.
    drop(page, "list.xlsx")
    wait_done(page)
    assert [u for u in sent if "openpyxl" in u], "the .xlsx reader was loaded for the .xlsx"
    want_xlsx = expected("list.xlsx", "id", tmp_path)["result"]
    assert table_rows(page) == as_rows(want_xlsx)
    last = batch_samples.HEADER_ROW + len(batch_samples.ROWS)
    assert any(code == "excel_number" and row > last for row, _, code in table_rows(page))
    warnings = page.locator("#kpj-list-warnings tbody tr")
    assert warnings.count() == len(want_xlsx["warnings"]) > 0
    assert audit(page) == []

    page.wait_for_load_state("networkidle")
    stored = page.evaluate(STORAGE)
    for where in ("url", "cookie", "local", "session"):
        assert not [s for s in SECRETS if s in stored[where]], where
    for database in stored["indexedDB"]:
        assert not [s for s in SECRETS if s in database]
    assert not [u for u in cached_urls(page) if "blob:" in u or any(s in u for s in SECRETS)]
    assert sent
    assert not [line for line in sent if any(s in line for s in SECRETS)]
    assert not [line for line in logged if any(s in line for s in SECRETS)]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_unreadable_files_get_a_clear_message_and_the_page_keeps_working(
    page: Page, server: object, lang: str, tmp_path: Path
) -> None:
    base = "/" if lang == "id" else "/en/"
    page.goto(f"{server.url}{base}employee-list/")  # type: ignore[attr-defined]
    page.locator(READY).wait_for(timeout=RUNTIME_READY_S * 1000)
    for name in ("not_table.csv", "empty.csv", "formula.xlsx", "merged_header.xlsx"):
        choose(page, name)
        page.locator(ERROR).wait_for(timeout=RUNTIME_READY_S * 1000)
        want = expected(name, lang, tmp_path)["error"]
        shown = page.locator(".kpj-list-error")
        assert shown.get_attribute("data-code") == want["code"]
        assert shown.inner_text() == want["message"]
    choose(page, "semicolon-cp1252.csv")
    wait_done(page)
    assert table_rows(page) == as_rows(expected("semicolon-cp1252.csv", lang, tmp_path)["result"])


def test_the_page_says_the_file_never_leaves_the_device(page: Page, server: object) -> None:
    page.goto(server.url + "/en/employee-list/")  # type: ignore[attr-defined]
    note = page.locator(".kpj-list .kpj-privacy")
    assert note.is_visible()
    assert "not uploaded" in note.inner_text()


def test_the_list_check_works_offline_after_the_first_visit(
    context: BrowserContext, page: Page, server: object, tmp_path: Path
) -> None:
    page.goto(server.url + "/employee-list/")  # type: ignore[attr-defined]
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    page.locator(READY).wait_for(timeout=RUNTIME_READY_S * 1000)
    wanted = ("batch_stdlib.zip", "pyodide.asm.wasm", "regions.json", "employee-list-worker.js")
    wait_until(lambda: all(any(w in u for u in cached_urls(page)) for w in wanted), 90)
    context.set_offline(True)
    page.reload()
    page.locator(READY).wait_for(timeout=RUNTIME_READY_S * 1000)
    choose(page, "tab-utf8-bom.tsv.csv")
    wait_done(page)
    want = expected("tab-utf8-bom.tsv.csv", "id", tmp_path)["result"]
    assert table_rows(page) == as_rows(want)
