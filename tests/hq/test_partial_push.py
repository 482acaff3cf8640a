"""A push whose connection is lost on the way is applied as far as it arrived, when the
laptop allows it (``Push-Partial: apply``): the body-decoding middleware hands the complete
ops of the zstd blocks that came to the push route (docs/design/sync.md)."""

from __future__ import annotations

import asyncio
import json

import pytest
import zstandard

from ss_hq.api.encoding import BodyDecodingMiddleware, complete_ops

HEAD = '{"device_id":"d","batch_id":"b","ops":['
OPS = [{"device_seq": n, "fields": {"notes": "x" * 50, "n": [n, {"a": "}"}]}} for n in (1, 2, 3)]


def _blocks() -> tuple[bytes, list[int]]:
    """The body as the laptop compresses it, a block per op, and where each block ends."""
    stream = zstandard.ZstdCompressor(level=6).compressobj()
    data = stream.compress(HEAD.encode())
    ends = []
    for index, op in enumerate(OPS):
        data += stream.compress((b"," if index else b"") + json.dumps(op).encode())
        data += stream.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK)
        ends.append(len(data))
    data += stream.compress(b"]}") + stream.flush()
    return data, ends


def _cut(data: bytes, at: int, headers: list[tuple[bytes, bytes]], path: str = "/api/v1/sync/push"):
    """Run the middleware on a request whose connection is lost after *at* bytes; the body
    the app got (None: not called)."""
    got: list[bytes] = []
    messages = [
        {"type": "http.request", "body": data[:at], "more_body": True},
        {"type": "http.disconnect"},
    ]

    async def receive():
        return messages.pop(0)

    async def app(scope, receive_, send):
        got.append((await receive_())["body"])
        await send({"type": "http.response.start", "status": 200, "headers": []})

    async def send(message):
        raise AssertionError("nothing is answered on a lost connection")

    scope = {"type": "http", "method": "POST", "path": path, "headers": headers}
    asyncio.run(BodyDecodingMiddleware(app, max_body_bytes=1 << 20)(scope, receive, send))
    return json.loads(got[0]) if got else None


PARTIAL = [(b"content-encoding", b"zstd"), (b"push-partial", b"apply")]


def test_a_cut_push_reaches_the_route_with_the_ops_of_the_blocks_that_arrived():
    data, ends = _blocks()
    body = _cut(data, ends[1] + 3, PARTIAL)
    assert body == {"device_id": "d", "batch_id": "b", "ops": OPS[:2]}
    assert _cut(data, ends[0], PARTIAL)["ops"] == OPS[:1]


def test_nothing_is_applied_without_a_complete_op_or_without_the_laptop_allowing_it():
    data, ends = _blocks()
    assert _cut(data, ends[0] - 1, PARTIAL) is None  # the first block is not whole
    assert _cut(data, ends[1], [(b"content-encoding", b"zstd")]) is None  # an older laptop
    assert _cut(data, ends[1], PARTIAL, path="/api/v1/audit") is None  # pushes only


def test_complete_ops_reads_a_body_cut_anywhere():
    text = json.dumps({"device_id": "d", "batch_id": "b", "ops": OPS})
    for end in range(len(text) + 1):
        found = complete_ops(text[:end])
        if found is None:
            assert end <= text.index("[")  # only before the ops begin
            continue
        assert found["device_id"] == "d" and found["ops"] == OPS[: len(found["ops"])]
    assert complete_ops(text)["ops"] == OPS
    assert complete_ops("garbage") is None


def test_push_results_answers_what_head_office_holds_as_a_resent_push_would(hq):
    from tests.hq.helpers import child_fields

    site = hq.site()
    device = hq.device(site.id)
    good = device.op("child", fields=child_fields(site.id))
    bad = device.op("child", fields=child_fields(site.id, gender=7))
    assert hq.push(device, good, bad).status_code == 200
    response = hq.client.get(
        "/api/v1/sync/push/results", params={"from_seq": 1, "to_seq": 5}, headers=device.headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["acked_through_seq"] == 2
    first, second = body["results"]  # nothing for 3 to 5: head office does not hold them
    assert (first["device_seq"], first["status"], first["version"]) == (1, "duplicate", 1)
    assert (second["device_seq"], second["status"]) == (2, "rejected")
    assert second["reason"] == "validation_failed"
    other = hq.device(site.id)  # another laptop's token sees only its own changes
    mine = hq.client.get(
        "/api/v1/sync/push/results", params={"from_seq": 1, "to_seq": 5}, headers=other.headers
    )
    assert mine.json()["results"] == [] and mine.json()["acked_through_seq"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"from_seq": 0, "to_seq": 5},
        {"from_seq": 1, "to_seq": 2**63},
        {"from_seq": "x", "to_seq": 1},
    ],
)
def test_push_results_refuses_seqs_out_of_range_and_says_which(hq, params):
    site = hq.site()
    device = hq.device(site.id)
    response = hq.client.get("/api/v1/sync/push/results", params=params, headers=device.headers)
    assert response.status_code == 422
    assert "seq" in response.text  # the error body names the field to fix
