"""Where the bytes of a sync go: reads what :mod:`bench.sync_proxy` captured (each
connection's delivered bytes each way and how it ended), splits it into HTTP requests and
answers, and sums them by kind (push, pull, summary, audit, enroll), by part (headers,
bodies) and by fate (*delivered*: the answer arrived whole; *lost*: the connection died before
it did, so every byte of the exchange was wasted; *cut*: likewise, but a push head office
applies as far as it arrived).

    .venv/bin/python -m bench.sync_wire CAPTURE_FOLDER [--first N]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import zstandard

KINDS = {
    "/api/v1/sync/push": "push",
    "/api/v1/sync/push/results": "results",
    "/api/v1/sync/pull": "pull",
    "/api/v1/sync/summary": "summary",
    "/api/v1/audit": "audit",
    "/api/v1/devices/enroll": "enroll",
}


@dataclass
class Message:
    head: int = 0  # bytes of the start line and headers that arrived
    body: int = 0  # bytes of the body that arrived
    complete: bool = False
    headers: dict[str, str] = field(default_factory=dict)
    start: str = ""
    content: bytes = b""


@dataclass
class Exchange:
    connection: int
    kind: str
    request: Message
    answer: Message | None

    @property
    def delivered(self) -> bool:
        return self.answer is not None and self.answer.complete

    @property
    def bytes(self) -> int:
        answer = self.answer or Message()
        return self.request.head + self.request.body + answer.head + answer.body


def _messages(data: bytes) -> list[Message]:
    """The HTTP/1.1 messages of one direction of a connection, the last one maybe cut."""
    found: list[Message] = []
    at = 0
    while at < len(data):
        end = data.find(b"\r\n\r\n", at)
        message = Message()
        found.append(message)
        if end < 0:
            message.head = len(data) - at
            return found
        head = data[at : end + 4]
        message.head = len(head)
        lines = head.decode("latin-1").split("\r\n")
        message.start = lines[0]
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name:
                message.headers[name.strip().lower()] = value.strip()
        at = end + 4
        if message.headers.get("transfer-encoding", "").lower() == "chunked":
            body = bytearray()
            start = at
            while True:
                line_end = data.find(b"\r\n", at)
                if line_end < 0:
                    break
                size = int(data[at:line_end].split(b";")[0], 16)
                if line_end + 2 + size + 2 > len(data):
                    break
                body += data[line_end + 2 : line_end + 2 + size]
                at = line_end + 2 + size + 2
                if size == 0:
                    message.complete = True
                    break
            if not message.complete:
                at = len(data)
            message.body = at - start
            message.content = bytes(body)
        else:
            length = int(message.headers.get("content-length", "0"))
            message.body = min(length, len(data) - at)
            message.content = data[at : at + message.body]
            message.complete = message.body == length
            at += message.body
    return found


def exchanges(folder: Path, first: int = 1) -> list[Exchange]:
    found: list[Exchange] = []
    numbers = sorted(int(p.stem) for p in folder.glob("*.json"))
    for number in numbers:
        if number < first:
            continue
        requests = _messages((folder / f"{number}.up").read_bytes())
        answers = _messages((folder / f"{number}.down").read_bytes())
        for index, request in enumerate(requests):
            path = request.start.split(" ")[1].split("?")[0] if " " in request.start else ""
            answer = answers[index] if index < len(answers) else None
            found.append(Exchange(number, KINDS.get(path, path or "?"), request, answer))
    return found


def _plain(message: Message) -> bytes | None:
    if not message.complete:
        return None
    encoding = message.headers.get("content-encoding", "")
    if encoding == "zstd":
        return zstandard.ZstdDecompressor().decompressobj().decompress(message.content)
    if encoding == "gzip":
        import gzip

        return gzip.decompress(message.content)
    return message.content


def breakdown(folder: Path, first: int = 1) -> dict[str, Any]:
    """Sums of the captured exchanges (see the module)."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    requests: list[dict[str, Any]] = []
    for exchange in exchanges(folder, first):
        row = table[exchange.kind]
        partial = exchange.request.headers.get("push-partial") == "apply"
        # A push that allows it is applied as far as it arrived: its bytes are not all lost.
        fate = "delivered" if exchange.delivered else ("cut" if partial else "lost")
        row[f"{fate}_requests"] += 1
        row[f"{fate}_bytes"] += exchange.bytes
        row["request_heads"] += exchange.request.head
        row["request_bodies"] += exchange.request.body
        if exchange.answer is not None:
            row["answer_heads"] += exchange.answer.head
            row["answer_bodies"] += exchange.answer.body
        if exchange.kind in ("push", "audit"):
            body = _plain(exchange.request)
            items = (
                len(json.loads(body)["ops" if exchange.kind == "push" else "rows"]) if body else 0
            )
            item: dict[str, Any] = {
                "kind": exchange.kind,
                "connection": exchange.connection,
                "items": items,
                "body": exchange.request.body,
                "plain": len(body or b""),
                "head": exchange.request.head,
                "delivered": exchange.delivered,
            }
            if exchange.answer is not None and exchange.answer.complete:
                answer = _plain(exchange.answer) or b""
                item["answer_body"] = exchange.answer.body
                item["answer_plain"] = len(answer)
                item["answer_head"] = exchange.answer.head
            requests.append(item)
    total = {
        key: sum(row.get(key, 0) for row in table.values())
        for key in ("delivered_bytes", "cut_bytes", "lost_bytes", "request_heads", "answer_heads")
    }
    return {"by_kind": {k: dict(v) for k, v in table.items()}, "total": total, "requests": requests}


def print_breakdown(result: dict[str, Any]) -> None:
    print(
        f"{'kind':8} {'ok':>4} {'lost':>4} {'ok bytes':>9} {'lost bytes':>10} {'cut':>4} "
        f"{'cut bytes':>9} "
        f"{'req heads':>9} {'req bodies':>10} {'ans heads':>9} {'ans bodies':>10}"
    )
    for kind, row in sorted(result["by_kind"].items()):
        print(
            f"{kind:8} {row.get('delivered_requests', 0):4} {row.get('lost_requests', 0):4} "
            f"{row.get('delivered_bytes', 0):9} {row.get('lost_bytes', 0):10} "
            f"{row.get('cut_requests', 0):4} {row.get('cut_bytes', 0):9} "
            f"{row.get('request_heads', 0):9} {row.get('request_bodies', 0):10} "
            f"{row.get('answer_heads', 0):9} {row.get('answer_bodies', 0):10}"
        )
    print("total", result["total"])
    for push in result["requests"]:
        ratio = push["plain"] / push["body"] if push["body"] else 0
        print(
            f"  {push['kind']:5} conn {push['connection']:3} n {push['items']:5} "
            f"body {push['body']:7} "
            f"plain {push['plain']:8} x{ratio:4.1f} head {push['head']:4} "
            f"{'ok ' if push['delivered'] else 'LOST'} answer {push.get('answer_body', '-')}"
            f"/{push.get('answer_plain', '-')} head {push.get('answer_head', '-')}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--first", type=int, default=1, help="first connection to count")
    args = parser.parse_args()
    print_breakdown(breakdown(args.folder, args.first))


if __name__ == "__main__":
    main()
