"""The page in real (headless) Chromium: press Run, see what PyTorch prints and the graph drawn as SVG."""

from pathlib import Path

import pytest

from tests.live_server import live_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = Path("/tmp/koubai_index.png")
WAIT_MS = 30_000  # how long the page may take to show a run's output and graph
VIEWPORT = {"width": 1280, "height": 800}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium is not installed (./scripts/setup.sh)"
)


@pytest.fixture(scope="module")
def page_url():
    with live_server() as server:
        yield server.base_url


@pytest.fixture
def page(page_url):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=VIEWPORT)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page
        browser.close()
        assert not errors, f"JavaScript errors on the page: {errors}"


def test_run_shows_the_output_and_the_graph(page, page_url):
    page.goto(f"{page_url}/?lang=en")
    assert page.input_value("#code").startswith("import torch\nx = torch.tensor(3.0, requires_grad=True)")
    page.click("#run")
    page.wait_for_selector("#graph svg g.node", timeout=WAIT_MS)
    page.wait_for_function(
        "document.querySelector('#stdout').textContent === 'tensor(8.)\\n'", timeout=WAIT_MS
    )
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert page.is_hidden("#error")
    nodes = page.locator("#graph svg g.node")
    assert nodes.count() >= 4  # x, and the ops of x ** 2 + 2 * x + 1
    assert all(nodes.nth(index).get_attribute("id") for index in range(nodes.count()))
    assert "grad 8" in page.text_content("#graph svg")


def test_an_error_shows_its_line_and_a_hint_in_japanese(page, page_url):
    page.goto(f"{page_url}/?lang=ja")
    page.fill("#code", "import torch\nx = torch.tensor(3.0, requires_grad=True)\nprint(y)\n")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden]) .hint", timeout=WAIT_MS)
    title = page.inner_text("#error .error-title")
    assert title.startswith("NameError:") and "(行 3" in title
    assert page.inner_text("#error .hint").startswith("ヒント: ")


def test_choosing_an_example_loads_its_code(page, page_url):
    page.goto(f"{page_url}/?lang=en")
    page.wait_for_function("document.querySelectorAll('#example option').length === 5", timeout=WAIT_MS)
    page.select_option("#example", "two_paths")
    assert "d = c + a" in page.input_value("#code")


def test_switching_to_the_autograd_view_redraws_with_grad_fn_nodes(page, page_url):
    page.goto(f"{page_url}/?lang=en")
    page.click("#run")
    page.wait_for_selector("#graph svg g.node", timeout=WAIT_MS)
    page.select_option("#view", "autograd")
    page.wait_for_function(
        "(document.querySelector('#graph svg') || {textContent: ''}).textContent.includes('AccumulateGrad')",
        timeout=WAIT_MS,
    )
    assert "PowBackward0" in page.text_content("#graph svg")


def test_whole_graph_fits_a_wide_graph_into_the_pane_and_unticked_it_scrolls(page, page_url):
    page.goto(f"{page_url}/?lang=en")
    code = "import torch\nxs = [torch.tensor(float(i), requires_grad=True) for i in range(12)]\n"
    page.fill("#code", code + "y = sum(x * x for x in xs)\ny.backward()\n")
    page.click("#run")
    page.wait_for_selector("#graph svg g.node", timeout=WAIT_MS)
    overflow = "e => e.scrollWidth - e.clientWidth"
    assert page.eval_on_selector("#graph", overflow) > 100  # readable labels: wider than the pane, it scrolls
    page.check("#fit")
    assert page.eval_on_selector("#graph", overflow) <= 0  # all of it in the pane
    page.uncheck("#fit")
    assert page.eval_on_selector("#graph", overflow) > 100
