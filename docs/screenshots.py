"""Regenerate the README's pictures: the endpoint UI and a network page.

Builds the demo store from the packaged samples (offline) in a temporary folder,
serves it with ``reelgraph serve`` on a free port on 127.0.0.1, and drives Debian's
Chromium (Playwright) to run a named query in the UI and to open the films–people
network that ``reelgraph viz`` writes. Needs the dev extras and /usr/bin/chromium.

Usage:
    python docs/screenshots.py            # writes docs/img/*.png
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _reelgraph(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "graph", *args], check=True, env=env)


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = HERE / "img"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "REELGRAPH_HOME": tmp}
        store = str(Path(tmp) / "store")
        _reelgraph(
            "demo", "--store", store, "--out-dir", str(Path(tmp) / "exports"), env=env
        )
        network = Path(tmp) / "network.html"
        _reelgraph("viz", "--store", store, "--out", str(network), env=env)
        port = _free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "graph",
                "serve",
                "--store",
                store,
                "--port",
                str(port),
            ],
            env=env,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path="/usr/bin/chromium", args=ARGS
                )
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(base + "/#festival-lineup")
                page.get_by_role("button", name="Run").click()
                page.locator("table tbody tr").first.wait_for()
                page.screenshot(path=str(out / "endpoint-ui.png"))
                page.goto(network.as_uri())
                page.wait_for_timeout(2500)
                page.screenshot(path=str(out / "network.png"))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"wrote {out / 'endpoint-ui.png'} and {out / 'network.png'}")


if __name__ == "__main__":
    main()
