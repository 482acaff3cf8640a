"""Enrollment and a sync round against a real ss-hq process (issue 5, item 1)."""

from __future__ import annotations

import json
import random

import pytest

from ss_core.protocol.hlc import system_ms
from ss_desktop.__main__ import main
from ss_desktop.sync.errors import SyncError
from tests.integration.harness import PASSWORD


def test_children_registered_on_one_laptop_reach_head_office_and_another_laptop(hq, laptops):
    site = hq.site()
    first, second = laptops.new(), laptops.new()
    first_id = first.enroll(hq, site)
    second.enroll(hq, site)
    rng = random.Random(1)
    ids = [first.register(site, rng) for _ in range(5)]

    report = first.sync()
    # 5 children + 5 guardians + 5 consents
    assert (report.pushed, report.rejected, report.pending) == (15, 0, 0)
    assert report.checksum_ok is True
    assert set(ids) <= set(hq.records("child"))
    assert hq.applied_seqs(first_id) == list(range(1, 16))
    # Only the site comes back: its own new records are not sent back (it holds them as
    # head office does), and its checksum still agrees: the push answers gave their versions.
    assert (report.pulled, report.changed) == (1, {"site": [site]})

    pulled = second.sync()
    assert pulled.pushed == 0 and pulled.pulled >= 16  # the site, 5 children, guardians, consents
    assert pulled.checksum_ok is True
    rows = second.child_rows()
    assert set(ids) <= set(rows)
    mine = first.child_rows()
    for child_id in ids:
        assert rows[child_id]["surname"] == mine[child_id]["surname"]
        assert rows[child_id]["given_name"] == mine[child_id]["given_name"]

    # A second round with nothing new is quiet and still agrees with head office.
    again = first.sync()
    assert (again.pushed, again.rejected) == (0, 0)
    assert again.checksum_ok is True


def test_a_laptop_that_lost_its_own_records_gets_them_back_from_head_office(hq, laptops):
    """Its own unchanged records are left out of an incremental pull; the count-and-checksum
    comparison then finds them missing and the pull from zero brings them back."""
    site = hq.site()
    laptop = laptops.new()
    laptop.enroll(hq, site)
    ids = [laptop.register(site, random.Random(n)) for n in range(3)]
    assert laptop.sync().checksum_ok is True
    lost = ids[0]
    with laptop.app.engine.begin() as conn:  # as if an older copy of the database came back
        cur = conn.connection.driver_connection.cursor()
        for table in ("consent", "guardian"):
            cur.execute(f"DELETE FROM {table} WHERE child_id = ?", (lost,))
        cur.execute("DELETE FROM child WHERE id = ?", (lost,))
    assert lost not in laptop.child_rows()

    report = laptop.sync()
    assert report.refetched is True and report.checksum_ok is True
    assert laptop.child_rows()[lost]["server_version"] == 1


def test_wrong_and_expired_codes_are_refused_with_their_reason(hq, laptops):
    site = hq.site()
    laptop = laptops.new()
    service = laptop.sync_service()
    with pytest.raises(SyncError) as wrong:
        service.enroll(hq.url, "ABCD-EFGH-JKMN")
    assert wrong.value.code == "invalid_code"
    expired = hq.code(site, lifetime_ms=1000, now=system_ms() - 10_000)
    with pytest.raises(SyncError) as late:
        service.enroll(hq.url, expired)
    assert late.value.code == "code_expired"
    with pytest.raises(SyncError) as short:
        service.enroll(hq.url, "AB")
    assert short.value.code == "invalid_code"
    assert not service.status().enrolled
    # A used code cannot be spent twice.
    code = hq.code(site)
    service.enroll(hq.url, code)
    with pytest.raises(SyncError) as reused:
        laptops.new().sync_service().enroll(hq.url, code)
    assert reused.value.code == "invalid_code"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("hq.example.org", "bad_url"),
        ("ftp://hq.example.org", "bad_url"),
        ("http://hq.example.org", "insecure_url"),
        ("http://10.1.2.3:8700", "insecure_url"),
    ],
)
def test_unusable_server_addresses_are_refused_before_any_connection(laptops, url, code):
    laptop = laptops.new()
    with pytest.raises(SyncError) as refused:
        laptop.sync_service().enroll(url, "ABCD-EFGH-JKMN")
    assert refused.value.code == code
    assert refused.value.is_usage


def test_unreachable_server_and_unknown_name_say_so(laptops):
    laptop = laptops.new()
    service = laptop.sync_service(connect_seconds=2)
    with pytest.raises(SyncError) as refused:
        service.enroll("http://127.0.0.1:9", "ABCD-EFGH-JKMN")
    assert refused.value.code == "unreachable" and refused.value.retryable
    with pytest.raises(SyncError) as unknown:
        service.enroll("https://no-such-host.invalid", "ABCD-EFGH-JKMN")
    assert unknown.value.code == "dns_failure"


def test_tls_certificate_that_cannot_be_verified_is_refused(laptops, tmp_path):
    """A TLS server with a self-signed certificate: the handshake fails, nothing is sent."""
    import ssl
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from tests.integration.tls import self_signed_pair

    cert, key = self_signed_pair(tmp_path)
    server = HTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        laptop = laptops.new()
        with pytest.raises(SyncError) as refused:
            laptop.sync_service(connect_seconds=5).enroll(
                f"https://127.0.0.1:{server.server_port}", "ABCD-EFGH-JKMN"
            )
        assert refused.value.code == "tls_failure"
        with pytest.raises(SyncError) as missing:
            laptop.sync_service().enroll(
                f"https://127.0.0.1:{server.server_port}",
                "ABCD-EFGH-JKMN",
                ca_bundle=str(tmp_path / "nope.pem"),
            )
        assert missing.value.code == "ca_bundle_missing"
    finally:
        server.shutdown()
        server.server_close()


def test_revoked_laptop_stops_syncing_and_keeps_its_changes(hq, laptops):
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site)
    laptop.sync()
    laptop.register(site)
    hq.revoke(device_id)
    with pytest.raises(SyncError) as revoked:
        laptop.sync()
    assert revoked.value.code == "device_revoked"
    assert laptop.pending() == 3
    # It stays stopped without asking head office again ...
    hq.stop()
    with pytest.raises(SyncError) as still:
        laptop.sync()
    assert still.value.code == "device_revoked"
    assert laptop.sync_service().status().revoked
    # ... until it is enrolled again; the kept changes then go out, numbered from 1.
    hq.start()
    new_id = laptop.enroll(hq, site)
    report = laptop.sync()
    assert report.pushed == 3 and report.pending == 0
    assert hq.applied_seqs(new_id) == [1, 2, 3]


def _cli(data_dir, *args):
    return main(["--data-dir", str(data_dir), "--user", "admin", *args])


def test_cli_enroll_and_sync_json(hq, laptops, monkeypatch, capsys):
    monkeypatch.setenv("SS_DESKTOP_PASSWORD", PASSWORD)
    site = hq.site()
    laptop = laptops.new()
    laptop.register(site)
    data_dir = laptop.paths.data_dir

    assert _cli(data_dir, "enroll", "--server", hq.url, "--code", "WRONG-CODE-1") == 2
    err = capsys.readouterr().err
    assert "enrollment code" in err and "Traceback" not in err
    assert _cli(data_dir, "sync") == 2  # not enrolled yet
    assert "not enrolled" in capsys.readouterr().err

    assert _cli(data_dir, "enroll", "--server", hq.url, "--code", hq.code(site), "--json") == 0
    enrolled = json.loads(capsys.readouterr().out)
    assert enrolled["sites"] == [site]

    assert _cli(data_dir, "sync", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["pushed"] == 3 and out["rejected"] == 0 and out["pulled"] >= 1
    assert isinstance(out["seconds"], float)
    assert out["checksum_ok"] is True

    assert _cli(data_dir, "sync") == 0
    assert "Pushed 0, pulled" in capsys.readouterr().out
    assert _cli(data_dir, "enroll", "--code", "X") == 2  # --server missing
    hq.stop()
    # by default a round waits three minutes for head office to come back; 3 s says the same
    assert _cli(data_dir, "sync", "--give-up-after", "3") == 1
    assert "cannot be reached" in capsys.readouterr().err
