"""Remote ingest throughput: reviews/s and triples/s into SPARQL servers vs embedded.

The same synthetic review graphs (built once, through the real ``build`` stage; see
``benchmarks/export.py``) are written review by review with ``replace_graph`` into:

- the embedded on-disk Oxigraph store (the baseline, same run),
- an ``oxigraph serve`` server on a free 127.0.0.1 port (SPARQL Update over HTTP),
- Virtuoso 7 with its own temporary database, when ``--virtuoso`` is given and
  ``/usr/bin/virtuoso-t`` exists.

Then every store is read back (N-Quads export) to check that all hold the same data.

Usage:
    python benchmarks/remote.py                   # 300 reviews
    python benchmarks/remote.py --reviews 1000 --virtuoso
"""

from __future__ import annotations

import argparse
import importlib.util
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VIRTUOSO = Path("/usr/bin/virtuoso-t")
VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
DirsAllowed = ., {d}
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
"""


def _load_export_benchmark() -> Any:
    spec = importlib.util.spec_from_file_location(
        "bench_export", ROOT / "benchmarks/export.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, proc: subprocess.Popen[bytes], seconds: float) -> None:
    probe = url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(probe, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"{url} did not answer in {seconds} s")


def start_oxigraph(folder: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    exe = Path(sys.executable).parent / "oxigraph"
    port = free_port()
    proc = subprocess.Popen(
        [
            str(exe),
            "serve",
            "--location",
            str(folder),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/query", proc, 30)
    return proc, base + "/query", base + "/update"


def start_virtuoso(folder: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    sql, http = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql=sql, http=http))
    proc = subprocess.Popen(
        [str(VIRTUOSO), "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{http}/sparql"
    wait_for(url, proc, 120)
    subprocess.run(
        [
            "isql-vt",
            f"127.0.0.1:{sql}",
            "dba",
            "dba",
            'exec=GRANT SPARQL_UPDATE TO "SPARQL";',
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return proc, url, url


def ingest(store: Any, graphs: list[tuple[str, Any]]) -> tuple[float, int]:
    t0 = time.perf_counter()
    triples = sum(store.replace_graph(iri, g) for iri, g in graphs)
    return time.perf_counter() - t0, triples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=300)
    parser.add_argument("--virtuoso", action="store_true", help="also Virtuoso 7")
    args = parser.parse_args()

    from graph.export import export_store
    from graph.remote import RemoteStore
    from graph.store import GraphStore

    graphs = _load_export_benchmark().synthetic_graphs(args.reviews)
    results: list[tuple[str, float, int]] = []
    exports: dict[str, bytes] = {}
    procs: list[subprocess.Popen[bytes]] = []
    with tempfile.TemporaryDirectory() as tmp:
        try:
            with GraphStore.open(Path(tmp) / "embedded") as embedded:
                seconds, triples = ingest(embedded, graphs)
                results.append(("embedded (on disk)", seconds, triples))
                exports["embedded (on disk)"] = export_store(
                    embedded, None, fmt="nq"
                ).data
            servers = [("oxigraph server", start_oxigraph)]
            if args.virtuoso and VIRTUOSO.exists():
                servers.append(("virtuoso 7", start_virtuoso))
            elif args.virtuoso:
                print("Virtuoso is not installed: skipped")
            for name, start in servers:
                folder = Path(tmp) / name.split()[0]
                folder.mkdir()
                proc, query_url, update_url = start(folder)
                procs.append(proc)
                remote = RemoteStore(query_url, update_url, timeout=120)
                seconds, triples = ingest(remote, graphs)
                results.append((name, seconds, triples))
                exports[name] = export_store(remote, None, fmt="nq").data
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait(timeout=30)
    base_rate = results[0][2] / results[0][1]
    print(
        f"{args.reviews} reviews, {results[0][2]} triples, one replace_graph per review\n"
    )
    print(
        f"{'store':<20} {'seconds':>8} {'reviews/s':>10} {'triples/s':>10} "
        f"{'vs embedded':>11}  same export"
    )
    reference = exports["embedded (on disk)"]
    for name, seconds, triples in results:
        rate = triples / seconds
        print(
            f"{name:<20} {seconds:8.2f} {args.reviews / seconds:10.1f} {rate:10.0f} "
            f"{rate / base_rate:10.2f}x  {exports[name] == reference}"
        )


if __name__ == "__main__":
    main()
