"""A learner in a real browser: JupyterLab on the released notebook, driven by headless Chromium.

The learner opens c1w4_deep_nn_step_by_step.ipynb, runs the import cell, runs the unanswered
`linear_forward` stub and its test cell (and sees NotImplementedError), then types a correct answer
into the cell's editor, runs it, its try-it cell and the test cell, and sees `All tests passed`.

Needs Debian's chromium (/usr/bin/chromium; `make test` installs it through scripts/system-deps.sh)
and Playwright for Python (the `[browser]` extra). Playwright's own browser downloads are never used.
Without them the test is skipped, unless CI is set: CI must exercise it, so there it fails.

A learner of the Chinese edition opens c1w4_deep_nn_step_by_step_zh.ipynb, reads its Chinese
narrative, answers `linear_forward` with a known mistake, and is told in Chinese what is wrong and its
likely cause; then answers it right and sees 所有测试通过.

Run-time output (reports/ is git-ignored): reports/screenshots/browser_linear_forward.png (the
notebook after the pass), browser_linear_forward_stub.png (the failure the stub shows first),
browser_zh_linear_forward.png (the Chinese edition, its visible check's feedback on the mistake),
reports/browser_jupyter_server.log (the server's log of the last run) and, on failure,
reports/screenshots/browser_failure.png.
"""
import contextlib
import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENT = "c1w4_deep_nn_step_by_step"
RELEASE = ROOT / "release" / ASSIGNMENT
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
CHROMIUM = Path("/usr/bin/chromium")
REPORTS = ROOT / "reports"
SCREENSHOT = REPORTS / "screenshots" / "browser_linear_forward.png"
STUB_SCREENSHOT = REPORTS / "screenshots" / "browser_linear_forward_stub.png"
FAILURE_SCREENSHOT = REPORTS / "screenshots" / "browser_failure.png"
SERVER_LOG_COPY = REPORTS / "browser_jupyter_server.log"
ZH_ASSIGNMENT = ASSIGNMENT + "_zh"  # the Simplified Chinese edition of the same assignment
ZH_SCREENSHOT = REPORTS / "screenshots" / "browser_zh_linear_forward.png"

SERVER_START_TIMEOUT = 120  # s: JupyterLab and its extensions import slowly on a shared 2-core machine
KERNEL_TIMEOUT_MS = 120_000  # the first kernel start, and the import cell (numpy)
CELL_TIMEOUT_MS = 60_000  # one small cell
UI_TIMEOUT_MS = 60_000  # any other wait on the page

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--no-default-browser-check",
]

# What the learner writes: the stub's `# YOUR CODE HERE` / `raise NotImplementedError()` replaced by
# the two lines of the answer; the rest of the cell (signature, docstring, return) as released.
ANSWER_BODY = """    Z = np.dot(W, A) + b
    cache = (A, W, b)
"""
STUB_BODY = """    # YOUR CODE HERE
    raise NotImplementedError()
"""


def _requirements_or_skip():
    """Skip (locally) or fail (under CI) when the browser or Playwright is missing."""
    missing = []
    if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"{CHROMIUM} (apt-get install chromium; `make test` does it)")
    if importlib.util.find_spec("playwright") is None:
        missing.append("playwright for Python (pip install -e '.[browser]')")
    if missing:
        reason = "browser test needs " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI is set, so it must run", pytrace=False)
        pytest.skip(reason)


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """`jupyter lab --no-browser` on 127.0.0.1 with a token, root_dir = a copy of the release folder."""

    def __init__(self, base, release=RELEASE):
        self.base = base
        self.root = base / "notebooks"
        shutil.copytree(release, self.root, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        self.jupyter = base / "jupyter"  # config, data, runtime, settings, workspaces: nothing of the user's
        self.log_path = base / "jupyter-server.log"
        self.token = secrets.token_hex(24)
        self.port = None
        self.proc = None
        self._log = None

    def _env(self):
        j = self.jupyter
        bin_dir = str(Path(sys.executable).parent)
        env = dict(os.environ,
                   PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
                   MPLBACKEND="Agg",
                   JUPYTER_CONFIG_DIR=str(j / "config"),
                   JUPYTER_DATA_DIR=str(j / "data"),
                   JUPYTER_RUNTIME_DIR=str(j / "runtime"),
                   JUPYTERLAB_SETTINGS_DIR=str(j / "lab-settings"),
                   JUPYTERLAB_WORKSPACES_DIR=str(j / "lab-workspaces"),
                   IPYTHONDIR=str(j / "ipython"),
                   PYTHONDONTWRITEBYTECODE="1")
        env.pop("JUPYTER_PATH", None)
        env.pop("JUPYTER_TOKEN", None)
        return env

    def _write_lab_settings(self):
        # No "get notified about Jupyter news?" toast over the notebook, and no update check (no network).
        settings = self.jupyter / "lab-settings" / "@jupyterlab" / "apputils-extension"
        settings.mkdir(parents=True)
        (settings / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False}))

    def start(self):
        self._write_lab_settings()
        self.port = _free_port()
        args = [sys.executable, "-m", "jupyter", "lab", "--no-browser",
                "--ip=127.0.0.1", f"--port={self.port}", "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={self.token}",
                f"--ServerApp.root_dir={self.root}",
                "--ServerApp.open_browser=False",
                "--LabApp.news_url=None",
                "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--allow-root")  # CI and the dev machines run as root
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(args, cwd=self.root, env=self._env(), stdin=subprocess.DEVNULL,
                                     stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=5) as r:
                    if r.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.3)
        raise RuntimeError(f"jupyter lab did not answer within {SERVER_START_TIMEOUT}s:\n{self.log_tail()}")

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def notebook_url(self, name):
        return f"{self.url}/lab/tree/{name}?token={self.token}"

    def log_tail(self, lines=80):
        if self._log:
            self._log.flush()
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self):
        """SIGTERM (the server shuts its kernels down), then SIGKILL what is left of its process group."""
        if self.proc is None:
            return
        try:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    pass
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)  # our own group: the server and its kernels
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=10)
        finally:
            if self._log:
                self._log.close()
            REPORTS.mkdir(exist_ok=True)
            with contextlib.suppress(OSError):
                shutil.copyfile(self.log_path, SERVER_LOG_COPY)


@pytest.fixture
def lab_server(tmp_path, request):
    """JupyterLab on a copy of the release folder; a test may name another one with
    @pytest.mark.parametrize("lab_server", [folder], indirect=True)."""
    _requirements_or_skip()
    server = LabServer(tmp_path, getattr(request, "param", RELEASE))
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def browser_page(tmp_path, lab_server):
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    context = None
    try:
        profile = tmp_path / "chromium-profile"  # a fresh user-data-dir for every run
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1100}, timeout=UI_TIMEOUT_MS)
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(UI_TIMEOUT_MS)
        page.console_lines = []
        page.on("console", lambda m: page.console_lines.append(f"[{m.type}] {m.text}"))
        page.on("pageerror", lambda e: page.console_lines.append(f"[pageerror] {e}"))
        yield page
    finally:
        if context is not None:
            with contextlib.suppress(Exception):
                context.close()
        pw.stop()


@contextlib.contextmanager
def _evidence_on_failure(page, server):
    """On any failure: a screenshot, the browser console and the server log, printed with the failure."""
    try:
        yield
    except BaseException:
        FAILURE_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(Exception):
            page.screenshot(path=str(FAILURE_SCREENSHOT), full_page=True)
            print(f"screenshot of the failure: {FAILURE_SCREENSHOT}")
        print("---- browser console (last 40) ----")
        print("\n".join(getattr(page, "console_lines", [])[-40:]))
        print("---- jupyter server log (tail) ----")
        print(server.log_tail())
        raise


class LabNotebook:
    """The learner's view of one open notebook in JupyterLab."""

    def __init__(self, page):
        from playwright.sync_api import expect

        self.page = page
        self.expect = expect
        self.panel = page.locator(".jp-NotebookPanel").first

    def wait_kernel_idle(self, timeout=CELL_TIMEOUT_MS):
        # The notebook toolbar's execution indicator and the status bar's "<kernel> | Idle".
        self.expect(self.panel.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]')).to_have_count(
            1, timeout=timeout)
        self.expect(self.page.locator("#jp-main-statusbar")).to_contain_text(
            re.compile(r"\|\s*Idle"), timeout=timeout)

    def code_cell(self, text):
        """The one code cell whose source contains `text`."""
        cell = self.panel.locator(".jp-CodeCell").filter(
            has=self.page.locator(".jp-InputArea-editor", has_text=text))
        self.expect(cell).to_have_count(1)
        return cell

    def run(self, cell, timeout=CELL_TIMEOUT_MS):
        """Select the cell (click its prompt, as a learner would), Shift+Enter, wait until it has run."""
        prompt = cell.locator(".jp-InputArea-prompt")
        before = prompt.inner_text().strip()
        cell.scroll_into_view_if_needed()
        prompt.click()
        self.expect(cell).to_have_class(re.compile(r"\bjp-mod-selected\b"))
        self.page.keyboard.press("Shift+Enter")
        # "[ ]:" or "[n]:" -> "[*]:" -> "[m]:", m new; then the kernel is idle again.
        done = re.compile(r"^\[(\d+)\]:$")
        deadline = time.monotonic() + timeout / 1000
        while True:
            now = prompt.inner_text().strip()
            if done.match(now) and now != before:
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"cell did not finish running within {timeout} ms (prompt {now!r})")
            self.page.wait_for_timeout(100)
        self.wait_kernel_idle(timeout)

    def editor_text(self, cell):
        """The cell's source as its editor shows it, one CodeMirror line element per line."""
        cell.scroll_into_view_if_needed()  # off-screen cells are not rendered (content-visibility)
        return "\n".join(cell.locator(".jp-InputArea-editor .cm-line").all_text_contents())

    def output(self, cell):
        return cell.locator(".jp-OutputArea")


def test_learner_sees_failure_then_passes_linear_forward(lab_server, browser_page):
    page, server = browser_page, lab_server
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    for stale in (SCREENSHOT, STUB_SCREENSHOT, FAILURE_SCREENSHOT):
        stale.unlink(missing_ok=True)
    with _evidence_on_failure(page, server):
        page.goto(server.notebook_url(NOTEBOOK), wait_until="domcontentloaded")
        nb = LabNotebook(page)
        nb.expect(nb.panel.locator(".jp-Cell").first).to_be_visible(timeout=KERNEL_TIMEOUT_MS)
        nb.wait_kernel_idle(KERNEL_TIMEOUT_MS)

        # 1. The import cell.
        imports = nb.code_cell("from public_tests import *")
        nb.run(imports, KERNEL_TIMEOUT_MS)
        nb.expect(imports.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
                  ).to_have_count(0)

        answer = nb.code_cell("# GRADED FUNCTION: linear_forward")
        try_it = nb.code_cell("linear_forward(*linear_forward_test_case())")
        test = nb.code_cell("linear_forward_test(linear_forward)")
        released = nb.editor_text(answer)
        assert STUB_BODY.strip() in released, released

        # 2. The stub as released, then its test cell: the learner sees the failure first.
        nb.run(answer)
        nb.run(test)
        nb.expect(nb.output(test)).to_contain_text("NotImplementedError", timeout=CELL_TIMEOUT_MS)
        nb.expect(nb.output(test)).not_to_contain_text("All tests passed")
        page.screenshot(path=str(STUB_SCREENSHOT), full_page=True)

        # 3. The answer, through the editor: click into the cell, select all its text, put in the
        # answered cell (as a paste would, so the editor's auto-indent does not re-indent it).
        answered = released.replace(STUB_BODY.strip("\n"), ANSWER_BODY.rstrip("\n"))
        assert answered != released
        answer.scroll_into_view_if_needed()
        answer.locator(".cm-content").click()
        nb.expect(answer.locator(".cm-editor")).to_have_class(re.compile(r"\bcm-focused\b"))
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.insert_text(answered)
        nb.expect(answer.locator(".cm-content")).to_contain_text("Z = np.dot(W, A) + b")
        assert nb.editor_text(answer).strip() == answered.strip(), nb.editor_text(answer)

        # 4. Run it, the try-it cell (its output matches the notebook's Expected output), the test cell.
        nb.run(answer)
        nb.expect(nb.output(answer)).to_have_text("")
        nb.run(try_it)
        nb.expect(nb.output(try_it)).to_contain_text("Z = [[ 3.26295337 -1.23429987]]")
        nb.run(test)
        nb.expect(nb.output(test)).to_contain_text("All tests passed", timeout=CELL_TIMEOUT_MS)
        nb.expect(nb.output(test)).not_to_contain_text("NotImplementedError")
        nb.expect(nb.output(test).get_by_text("All tests passed")).to_be_visible()

        # 5. The evidence: the answer cell at the top, the passed test cell below it.
        answer.evaluate("el => el.scrollIntoView({block: 'start'})")
        nb.expect(nb.output(test).get_by_text("All tests passed")).to_be_in_viewport()
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        assert SCREENSHOT.stat().st_size > 10_000


def _open(page, server, notebook):
    page.goto(server.notebook_url(notebook), wait_until="domcontentloaded")
    nb = LabNotebook(page)
    nb.expect(nb.panel.locator(".jp-Cell").first).to_be_visible(timeout=KERNEL_TIMEOUT_MS)
    nb.wait_kernel_idle(KERNEL_TIMEOUT_MS)
    return nb


def _type_answer(page, nb, cell, text):
    """Replace the cell's text as a paste would (the editor's auto-indent leaves it alone)."""
    cell.scroll_into_view_if_needed()
    cell.locator(".cm-content").click()
    nb.expect(cell.locator(".cm-editor")).to_have_class(re.compile(r"\bcm-focused\b"))
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text(text)


@pytest.mark.parametrize("lab_server", [ROOT / "release" / ZH_ASSIGNMENT], indirect=True)
def test_chinese_learner_reads_chinese_and_is_told_the_likely_cause_in_chinese(lab_server, browser_page):
    page, server = browser_page, lab_server
    ZH_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    ZH_SCREENSHOT.unlink(missing_ok=True)
    with _evidence_on_failure(page, server):
        nb = _open(page, server, f"{ZH_ASSIGNMENT}.ipynb")
        nb.expect(nb.panel.locator(".jp-MarkdownCell h1").first).to_contain_text("深层神经网络")
        nb.run(nb.code_cell("from public_tests import *"), KERNEL_TIMEOUT_MS)

        answer = nb.code_cell("# GRADED FUNCTION: linear_forward")
        test = nb.code_cell("linear_forward_test(linear_forward)")
        released = nb.editor_text(answer)
        assert "一层的线性部分" in released, released  # the docstring of the Chinese edition
        assert STUB_BODY.strip() in released, released  # nbgrader's markers stay as they are

        # A known mistake (the bias subtracted): the visible check says what and why, in Chinese.
        wrong = released.replace(STUB_BODY.strip("\n"), ANSWER_BODY.rstrip("\n").replace("+ b", "- b"))
        _type_answer(page, nb, answer, wrong)
        nb.run(answer)
        nb.run(test)
        printed = nb.output(test).locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stdout']")
        nb.expect(printed).to_contain_text("个问题", timeout=CELL_TIMEOUT_MS)
        output = printed
        nb.expect(output).to_contain_text("可能的原因：")
        nb.expect(output).to_contain_text("偏置 b 要加到 Z 上")
        nb.expect(output).not_to_contain_text("Likely cause")
        test.evaluate("el => el.scrollIntoView({block: 'center'})")
        page.screenshot(path=str(ZH_SCREENSHOT), full_page=False)
        assert ZH_SCREENSHOT.stat().st_size > 10_000

        # Then right: the check passes, in Chinese.
        _type_answer(page, nb, answer, released.replace(STUB_BODY.strip("\n"), ANSWER_BODY.rstrip("\n")))
        nb.run(answer)
        nb.run(test)
        nb.expect(nb.output(test)).to_contain_text("所有测试通过", timeout=CELL_TIMEOUT_MS)
