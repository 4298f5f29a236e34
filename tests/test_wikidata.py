"""Tests of graph.wikidata against a fake query service on 127.0.0.1."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from graph.config import Settings, user_agent
from graph.errors import OfflineCacheMiss, WikidataError
from graph.wikidata import WikidataClient, client_from_settings, parse_retry_after

pytestmark = pytest.mark.server

QUERY = "SELECT ?x WHERE { VALUES ?x { <http://www.wikidata.org/entity/Q1> } }"
GOOD = json.dumps(
    {
        "head": {"vars": ["x"]},
        "results": {
            "bindings": [
                {"x": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1"}}
            ]
        },
    }
).encode()


class Sleeps:
    """Records requested sleeps instead of sleeping."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_client(url: str, tmp_path: Path, sleeps: Sleeps, **kw: Any) -> WikidataClient:
    return WikidataClient(
        url,
        cache_dir=tmp_path / "cache",
        timeout=1,
        sleep=sleeps,
        rng=random.Random(1),
        **kw,
    )


def test_select_returns_bindings_and_sends_user_agent(fake_wdqs, fake_reply, tmp_path):
    fake_wdqs.reply(fake_reply(body=GOOD))
    client = make_client(fake_wdqs.url, tmp_path, Sleeps())
    rows = client.select(QUERY)
    assert rows == [
        {"x": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1"}}
    ]
    sent = fake_wdqs.requests[0]
    assert sent.headers["user-agent"] == user_agent()
    assert "reelgraph/" in sent.headers["user-agent"]
    assert sent.method == "GET"
    assert sent.query == QUERY


def test_warm_cache_sends_no_request(fake_wdqs, fake_reply, tmp_path):
    fake_wdqs.reply(fake_reply(body=GOOD))
    make_client(fake_wdqs.url, tmp_path, Sleeps()).select(QUERY)
    again = make_client(fake_wdqs.url, tmp_path, Sleeps())
    assert again.select(QUERY)[0]["x"]["value"].endswith("Q1")
    assert len(fake_wdqs.requests) == 1
    assert (again.stats.requests, again.stats.cache_hits) == (0, 1)


def test_cache_key_includes_endpoint(fake_wdqs, tmp_path):
    a = WikidataClient(fake_wdqs.url, cache_dir=tmp_path)
    b = WikidataClient(fake_wdqs.url + "2", cache_dir=tmp_path)
    assert a.cache_path(QUERY) != b.cache_path(QUERY)
    assert a.cache_path(QUERY) != a.cache_path(QUERY + " ")


def test_long_query_goes_by_post(fake_wdqs, fake_reply, tmp_path):
    fake_wdqs.reply(fake_reply(body=GOOD))
    values = " ".join(f"<http://www.wikidata.org/entity/Q{i}>" for i in range(200))
    long_query = f"SELECT ?x WHERE {{ VALUES ?x {{ {values} }} }}"
    make_client(fake_wdqs.url, tmp_path, Sleeps()).select(long_query)
    assert fake_wdqs.requests[0].method == "POST"
    assert fake_wdqs.requests[0].query == long_query


def test_429_waits_retry_after_seconds(fake_wdqs, fake_reply, tmp_path):
    sleeps = Sleeps()
    fake_wdqs.reply(
        fake_reply(status=429, body=b"slow down", headers={"Retry-After": "7"})
    )
    fake_wdqs.reply(fake_reply(body=GOOD))
    rows = make_client(fake_wdqs.url, tmp_path, sleeps).select(QUERY)
    assert len(rows) == 1
    assert sleeps.calls == [7.0]
    assert len(fake_wdqs.requests) == 2


def test_429_without_retry_after_waits_60(fake_wdqs, fake_reply, tmp_path):
    sleeps = Sleeps()
    fake_wdqs.reply(fake_reply(status=429, body=b"slow down"), fake_reply(body=GOOD))
    make_client(fake_wdqs.url, tmp_path, sleeps).select(QUERY)
    assert sleeps.calls == [60.0]


def test_429_with_http_date(fake_wdqs, fake_reply, tmp_path):
    sleeps = Sleeps()
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    fake_wdqs.reply(fake_reply(status=429, headers={"Retry-After": when}))
    fake_wdqs.reply(fake_reply(body=GOOD))
    make_client(fake_wdqs.url, tmp_path, sleeps).select(QUERY)
    assert len(sleeps.calls) == 1 and 20 <= sleeps.calls[0] <= 31


def test_429_retries_are_bounded(fake_wdqs, fake_reply, tmp_path):
    sleeps = Sleeps()
    fake_wdqs.default = fake_reply(status=429, headers={"Retry-After": "1"})
    client = make_client(fake_wdqs.url, tmp_path, sleeps, max_attempts=3)
    with pytest.raises(WikidataError) as info:
        client.select(QUERY)
    assert info.value.status == 429
    assert len(fake_wdqs.requests) == 3
    assert sleeps.calls == [1.0, 1.0]


def test_5xx_backs_off_exponentially_then_fails(fake_wdqs, fake_reply, tmp_path):
    sleeps = Sleeps()
    fake_wdqs.default = fake_reply(status=503, body=b"unavailable")
    client = make_client(fake_wdqs.url, tmp_path, sleeps, max_attempts=4, backoff=1.0)
    with pytest.raises(WikidataError, match="503"):
        client.select(QUERY)
    assert len(fake_wdqs.requests) == 4
    assert len(sleeps.calls) == 3
    for expected, got in zip([1.0, 2.0, 4.0], sleeps.calls, strict=True):
        assert expected <= got <= expected * 1.5  # base plus jitter


def test_500_then_success(fake_wdqs, fake_reply, tmp_path):
    fake_wdqs.reply(
        fake_reply(status=500, body=b"java.lang.Exception"), fake_reply(body=GOOD)
    )
    rows = make_client(fake_wdqs.url, tmp_path, Sleeps()).select(QUERY)
    assert len(rows) == 1 and len(fake_wdqs.requests) == 2


@pytest.mark.parametrize("status", [400, 403, 404])
def test_client_errors_are_not_retried(fake_wdqs, fake_reply, tmp_path, status):
    sleeps = Sleeps()
    fake_wdqs.default = fake_reply(status=status, body=b"no")
    with pytest.raises(WikidataError) as info:
        make_client(fake_wdqs.url, tmp_path, sleeps).select(QUERY)
    assert info.value.status == status
    assert len(fake_wdqs.requests) == 1
    assert sleeps.calls == []


def test_hang_times_out_and_retries(fake_wdqs, fake_reply, tmp_path):
    sleeps = Sleeps()
    fake_wdqs.reply(fake_reply(hang=5.0), fake_reply(body=GOOD))
    rows = make_client(fake_wdqs.url, tmp_path, sleeps).select(QUERY)
    assert len(rows) == 1
    assert len(fake_wdqs.requests) == 2 and len(sleeps.calls) == 1


def test_connection_refused_is_a_clear_error(tmp_path):
    sleeps = Sleeps()
    client = make_client("http://127.0.0.1:9/sparql", tmp_path, sleeps, max_attempts=2)
    with pytest.raises(WikidataError, match="no answer"):
        client.select(QUERY)
    assert len(sleeps.calls) == 1


TRUNCATED = GOOD[:60] + b"\njava.util.concurrent.TimeoutException\n\tat com.bigdata..."
BAD_BODIES = [
    pytest.param(
        TRUNCATED, "application/sparql-results+json", "truncated", id="truncated"
    ),
    pytest.param(
        b"<!DOCTYPE html><html><body>Please set a user-agent</body></html>",
        "text/html",
        "HTML",
        id="html-200",
    ),
    pytest.param(
        b'{"error": "nope"}', "application/json", "not SPARQL", id="wrong-shape"
    ),
    pytest.param(
        b'{"head": {"vars": []}, "results": {"bindings": [1, 2]}}',
        "application/json",
        "not SPARQL",
        id="bad-bindings",
    ),
]


@pytest.mark.parametrize(("body", "ctype", "message"), BAD_BODIES)
def test_bad_200_is_an_error_and_never_cached(
    fake_wdqs, fake_reply, tmp_path, body, ctype, message
):
    fake_wdqs.reply(fake_reply(body=body, content_type=ctype), fake_reply(body=GOOD))
    client = make_client(fake_wdqs.url, tmp_path, Sleeps())
    with pytest.raises(WikidataError, match=message):
        client.select(QUERY)
    path = client.cache_path(QUERY)
    assert path is not None and not path.exists()
    # the next call asks again and gets the good answer
    assert len(client.select(QUERY)) == 1
    assert len(fake_wdqs.requests) == 2


def test_offline_uses_cache_only_and_lists_skipped(fake_wdqs, fake_reply, tmp_path):
    fake_wdqs.reply(fake_reply(body=GOOD))
    make_client(fake_wdqs.url, tmp_path, Sleeps()).select(QUERY)
    offline = make_client(fake_wdqs.url, tmp_path, Sleeps(), offline=True)
    assert len(offline.select(QUERY)) == 1
    other = "SELECT ?y WHERE { ?y ?p ?o } LIMIT 1"
    with pytest.raises(OfflineCacheMiss, match="Offline and not cached"):
        offline.select(other)
    assert offline.stats.skipped == ["SELECT ?y WHERE { ?y ?p ?o } LIMIT 1"]
    assert len(fake_wdqs.requests) == 1


def test_client_from_settings_uses_settings(fake_wdqs, tmp_path):
    settings = Settings(
        home=tmp_path,
        store=tmp_path / "store",
        cache_dir=tmp_path / "cache",
        wikidata_endpoint=fake_wdqs.url,
        offline=True,
        wikidata_timeout=3.0,
    )
    client = client_from_settings(settings)
    assert (client.endpoint, client.offline, client.timeout) == (
        fake_wdqs.url,
        True,
        3.0,
    )
    assert client.cache_dir == tmp_path / "cache"


def test_parse_retry_after_forms():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Thu, 01 Jan 2026 00:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("garbage") is None


def test_unresolvable_host_fails_at_once(monkeypatch, tmp_path):
    # a DNS failure cannot be produced without touching the network: simulate it
    import socket
    import urllib.error

    import SPARQLWrapper.Wrapper as wrapper

    calls: list[object] = []

    def refuse(request: object, timeout: float | None = None) -> None:
        calls.append(request)
        raise urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))

    monkeypatch.setattr(wrapper, "urlopener", refuse)
    sleeps = Sleeps()
    client = make_client("http://wdqs.invalid/sparql", tmp_path, sleeps)
    with pytest.raises(WikidataError, match="no answer") as info:
        client.select(QUERY)
    assert info.value.retryable is False
    assert len(calls) == 1 and sleeps.calls == []
