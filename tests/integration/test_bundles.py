"""USB bundles and offline enrollment (issue 5, item 6): imported twice -> all duplicate, out
of order -> fine, one flipped byte -> refused, a receipt signed by another key -> refused."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ss_desktop.__main__ import main as desktop
from ss_desktop.sync.errors import SyncError
from ss_hq.__main__ import main as hq_cli
from tests.integration.harness import PASSWORD


@pytest.fixture
def cli(monkeypatch, capsys, hq):
    monkeypatch.setenv("SS_DESKTOP_PASSWORD", PASSWORD)

    class Cli:
        def desktop(self, laptop, *args):
            code = desktop(["--data-dir", str(laptop.paths.data_dir), "--user", "admin", *args])
            return code, capsys.readouterr()

        def hq(self, *args, db=None):
            code = hq_cli(["--db", db or hq.database_url, *args])
            return code, capsys.readouterr()

    return Cli()


def _site_code(hq, site_id):
    return hq.records("site")[site_id].fields["code"]


def _offline_laptop(hq, laptops, cli, tmp_path, site):
    laptop = laptops.new()
    enrollment = tmp_path / f"{laptop.name}.enroll.json"
    code, out = cli.hq("enroll-file", "--site", _site_code(hq, site), "--out", str(enrollment))
    assert code == 0, out.err
    code, out = cli.desktop(laptop, "enroll", "--file", str(enrollment), "--json")
    assert code == 0, out.err
    return laptop, json.loads(out.out)["device_id"]


def _import(cli, bundle, receipt, **kw):
    code, out = cli.hq("import-bundle", str(bundle), "--receipt", str(receipt), "--json", **kw)
    return code, (json.loads(out.out) if code == 0 else out.err)


def test_offline_laptop_round_trip_and_the_same_bundle_twice(hq, laptops, cli, tmp_path):
    site = hq.site()
    laptop, device_id = _offline_laptop(hq, laptops, cli, tmp_path, site)
    children = [laptop.register(site) for _ in range(3)]
    code, out = cli.desktop(laptop, "bundle", "export", str(tmp_path / "b1.zip"), "--json")
    assert code == 0, out.err
    exported = json.loads(out.out)
    assert (exported["op_count"], exported["first_seq"], exported["last_seq"]) == (9, 1, 9)
    assert laptop.pending() == 9  # only a receipt clears the outbox

    code, first = _import(cli, tmp_path / "b1.zip", tmp_path / "r1.json")
    assert code == 0, first
    assert first["statuses"] == {"applied": 9} and first["acked_through_seq"] == 9
    assert set(children) <= set(hq.records("child"))
    code, second = _import(cli, tmp_path / "b1.zip", tmp_path / "r1-again.json")
    assert code == 0 and second["statuses"] == {"duplicate": 9}
    assert hq.applied_seqs(device_id) == list(range(1, 10))

    code, out = cli.desktop(laptop, "bundle", "receive", str(tmp_path / "r1.json"), "--json")
    assert code == 0, out.err
    received = json.loads(out.out)
    assert received["acked"] == 9 and received["pending"] == 0
    # the site (again: the enrollment file's copy carries no cursor) and everything the
    # laptop sent, with versions
    assert received["pulled"] == 10
    assert laptop.pending() == 0
    # A receipt applied twice changes nothing.
    code, out = cli.desktop(laptop, "bundle", "receive", str(tmp_path / "r1-again.json"))
    assert code == 0 and laptop.pending() == 0
    # Head office's versions came back: the checksum agrees once the laptop is online.
    assert laptop.sync_service().status().pending == 0


def test_bundles_imported_out_of_order(hq, laptops, cli, tmp_path):
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site)
    laptop.register(site)
    cli.desktop(laptop, "bundle", "export", str(tmp_path / "b1.zip"))
    laptop.register(site)
    cli.desktop(laptop, "bundle", "export", str(tmp_path / "b2.zip"))  # cumulative: seq 1-6

    code, newer = _import(cli, tmp_path / "b2.zip", tmp_path / "r2.json")
    assert code == 0 and newer["statuses"] == {"applied": 6}
    code, older = _import(cli, tmp_path / "b1.zip", tmp_path / "r1.json")
    assert code == 0 and older["statuses"] == {"duplicate": 3}
    for receipt in ("r2.json", "r1.json"):  # receipts out of order too
        code, out = cli.desktop(laptop, "bundle", "receive", str(tmp_path / receipt))
        assert code == 0, out.err
    assert laptop.pending() == 0
    assert hq.applied_seqs(device_id) == [1, 2, 3, 4, 5, 6]
    report = laptop.sync()  # and the network round afterwards agrees with head office
    assert report.pushed == 0 and report.checksum_ok is True


def test_one_flipped_byte_anywhere_is_refused(hq, laptops, cli, tmp_path):
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site)
    laptop.register(site)
    bundle = tmp_path / "b.zip"
    cli.desktop(laptop, "bundle", "export", str(bundle))
    data = bundle.read_bytes()
    for position in range(0, len(data), max(1, len(data) // 25)):  # every part of the file
        broken = bytearray(data)
        broken[position] ^= 0x01
        target = tmp_path / f"flipped-{position}.zip"
        target.write_bytes(bytes(broken))
        code, err = _import(cli, target, tmp_path / f"r-{position}.json")
        assert code == 2, (position, err)
        assert "bundle refused" in err and "Traceback" not in err
        assert not (tmp_path / f"r-{position}.json").exists()
    assert hq.applied_count(device_id) == 0
    (tmp_path / "garbage.zip").write_bytes(b"not a zip at all")
    assert _import(cli, tmp_path / "garbage.zip", tmp_path / "r-garbage.json")[0] == 2
    assert _import(cli, tmp_path / "missing.zip", tmp_path / "r-missing.json")[0] == 2


def test_a_bundle_from_elsewhere_is_refused_as_foreign(hq, laptops, cli, tmp_path):
    site = hq.site()
    laptop = laptops.new()
    laptop.enroll(hq, site)
    laptop.register(site)
    cli.desktop(laptop, "bundle", "export", str(tmp_path / "b.zip"))
    other_db = f"sqlite:///{tmp_path / 'other-hq.sqlite3'}"
    code, out = cli.hq(
        "import-bundle", str(tmp_path / "b.zip"), "--receipt", str(tmp_path / "r.json"), db=other_db
    )
    assert code == 2 and "bundle_foreign" in out.err


def _forged_receipt(original: bytes, key: Ed25519PrivateKey) -> bytes:
    document = json.loads(original)
    payload = base64.b64decode(document["payload"])
    document["signature"] = base64.b64encode(key.sign(payload)).decode()
    return json.dumps(document).encode()


def test_receipts_that_are_forged_damaged_or_for_another_laptop_are_refused(
    hq, laptops, cli, tmp_path
):
    site = hq.site()
    laptop, other = laptops.new(), laptops.new()
    laptop.enroll(hq, site)
    other.enroll(hq, site)
    laptop.register(site)
    cli.desktop(laptop, "bundle", "export", str(tmp_path / "b.zip"))
    assert _import(cli, tmp_path / "b.zip", tmp_path / "r.json")[0] == 0
    genuine = (tmp_path / "r.json").read_bytes()

    forged = tmp_path / "forged.json"
    forged.write_bytes(_forged_receipt(genuine, Ed25519PrivateKey.generate()))
    code, out = cli.desktop(laptop, "bundle", "receive", str(forged))
    assert code == 2 and "receipt" in out.err.lower() and "Nothing was changed" in out.err

    document = json.loads(genuine)
    payload = bytearray(base64.b64decode(document["payload"]))
    payload[len(payload) // 2] ^= 0x01
    document["payload"] = base64.b64encode(bytes(payload)).decode()
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps(document))
    with pytest.raises(SyncError) as refused:
        laptop.sync_service().receive_receipt(damaged)
    assert refused.value.code == "receipt_invalid"

    with pytest.raises(SyncError) as foreign:
        other.sync_service().receive_receipt(tmp_path / "r.json")
    assert foreign.value.code == "receipt_invalid"
    assert "another laptop" in foreign.value.params["detail"]

    (tmp_path / "junk.json").write_text("{not json")
    with pytest.raises(SyncError) as junk:
        laptop.sync_service().receive_receipt(tmp_path / "junk.json")
    assert junk.value.code == "receipt_invalid"
    assert laptop.pending() == 3  # nothing was acknowledged by any of them
    assert laptop.sync_service().receive_receipt(tmp_path / "r.json").pending == 0


def test_bad_enrollment_files_and_export_refusals(hq, laptops, cli, tmp_path):
    laptop = laptops.new()
    (tmp_path / "bad.json").write_text('{"format": "something else"}')
    code, out = cli.desktop(laptop, "enroll", "--file", str(tmp_path / "bad.json"))
    assert code == 2 and "enrollment file" in out.err
    code, out = cli.desktop(laptop, "enroll", "--file", str(tmp_path / "none.json"))
    assert code == 2 and "does not exist" in out.err
    code, out = cli.desktop(laptop, "bundle", "export", str(tmp_path / "b.zip"))
    assert code == 2 and "not enrolled" in out.err
    code, out = cli.hq("enroll-file", "--site", "NOPE", "--out", str(tmp_path / "e.json"))
    assert code == 2 and "no site" in out.err
    site_code = _site_code(hq, hq.site())
    code, out = cli.hq(
        "enroll-file",
        "--site",
        site_code,
        "--server",
        "hq.example.org",
        "--out",
        str(tmp_path / "e.json"),
    )
    assert code == 2 and "https://hq.example.org" in out.err
    assert not (tmp_path / "e.json").exists()
    site = hq.site()
    laptop.enroll(hq, site)
    (tmp_path / "exists.zip").write_text("x")
    code, out = cli.desktop(laptop, "bundle", "export", str(tmp_path / "exists.zip"))
    assert code == 2 and "already exists" in out.err


def _staff_browser(hq, cli, monkeypatch):
    """A signed-in staff session on the real server, as a browser would hold it."""
    import httpx

    from tests.hq.test_web_support import csrf_from

    monkeypatch.setenv("SS_HQ_PASSWORD", "Office-desk-2044")
    code, out = cli.hq("create-staff", "officer", "--role", "staff")
    assert code == 0, out.err
    web = httpx.Client(base_url=hq.url, timeout=30)
    login = web.get("/login")
    signed = web.post(
        "/login",
        data={
            "username": "officer",
            "password": "Office-desk-2044",
            "csrf_token": csrf_from(login.text),
            "next": "/devices",
        },
    )
    assert signed.status_code in (200, 303), signed.text[:300]
    return web


def test_a_bundle_uploaded_on_the_devices_page_is_applied_and_the_receipt_downloads(
    hq, laptops, cli, tmp_path, monkeypatch
):
    from tests.hq.test_web_support import csrf_from

    site = hq.site()
    laptop, device_id = _offline_laptop(hq, laptops, cli, tmp_path, site)
    children = [laptop.register(site) for _ in range(2)]
    code, out = cli.desktop(laptop, "bundle", "export", str(tmp_path / "b.ssb"), "--json")
    assert code == 0, out.err
    web = _staff_browser(hq, cli, monkeypatch)
    page = web.get("/devices")
    assert "Apply a USB bundle" in page.text or "导入U盘同步包" in page.text
    token = csrf_from(page.text)

    nothing = web.post(
        "/devices/bundles",
        data={"csrf_token": token},
        files={"bundle": ("", b"", "application/octet-stream")},
    )
    assert nothing.status_code == 422 and 'id="bundle-error"' in nothing.text
    flipped = bytearray((tmp_path / "b.ssb").read_bytes())
    flipped[len(flipped) // 2] ^= 0x01
    refused = web.post(
        "/devices/bundles",
        data={"csrf_token": token},
        files={"bundle": ("b.ssb", bytes(flipped), "application/octet-stream")},
    )
    assert refused.status_code == 422 and 'id="bundle-error"' in refused.text
    assert not set(children) & set(hq.records("child"))  # nothing of it was applied

    upload = web.post(
        "/devices/bundles",
        data={"csrf_token": token},
        files={"bundle": ("b.ssb", (tmp_path / "b.ssb").read_bytes(), "application/octet-stream")},
    )
    assert upload.status_code == 200, upload.text[:300]
    assert "attachment" in upload.headers["content-disposition"]
    assert upload.headers["x-bundle-changes"] == "applied=6"
    assert set(children) <= set(hq.records("child"))
    receipt = tmp_path / "receipt.ssr"
    receipt.write_bytes(upload.content)
    code, out = cli.desktop(laptop, "bundle", "receive", str(receipt), "--json")
    assert code == 0, out.err
    assert json.loads(out.out)["acked"] == 6 and laptop.pending() == 0
    forged = web.post(
        "/devices/bundles",
        data={"csrf_token": "forged"},
        files={"bundle": ("b.ssb", b"x", "application/octet-stream")},
    )
    assert forged.status_code in (400, 403)


def test_an_enrollment_file_from_the_devices_page_enrolls_a_laptop_never_online(
    hq, laptops, cli, tmp_path, monkeypatch
):
    from tests.hq.test_web_support import csrf_from

    site = hq.site()
    # A child another laptop already registered at the site: the new laptop should hold it.
    other = laptops.new()
    other.enroll(hq, site)
    known = other.register(site)
    other.sync()
    web = _staff_browser(hq, cli, monkeypatch)
    page = web.get("/devices")
    token = csrf_from(page.text)
    # No site chosen: refused with a message, and no laptop is enrolled.
    before = len(hq.devices())
    nothing = web.post("/devices/enrollment-file", data={"csrf_token": token, "name": "x"})
    assert nothing.status_code == 422 and 'id="file-error"' in nothing.text
    # An address the laptop would refuse (it would refuse the whole file): said at once.
    no_scheme = web.post(
        "/devices/enrollment-file",
        data={"csrf_token": token, "site": site, "server": "hq.example.org"},
        headers={"Accept-Language": "en"},
    )
    assert no_scheme.status_code == 422
    assert "address like https://hq.example.org" in no_scheme.text
    assert 'value="hq.example.org"' in no_scheme.text  # what was typed stays
    assert len(hq.devices()) == before

    download = web.post(
        "/devices/enrollment-file",
        data={"csrf_token": token, "site": site, "name": "河边教学点 laptop", "server": hq.url},
    )
    assert download.status_code == 200, download.text[:300]
    assert "attachment" in download.headers["content-disposition"]
    assert download.headers["cache-control"] == "no-store"
    enrollment = tmp_path / "laptop.enroll"
    enrollment.write_bytes(download.content)
    # The file is not encrypted: it carries the site, never a child's record.
    carried = json.loads(download.content)["changes"]
    assert [c["entity"] for c in carried] == ["site"]
    known_child = hq.records("child")[known].fields
    assert known_child["surname"] + known_child["given_name"] not in download.text
    listing = web.get("/devices").text
    assert "河边教学点 laptop" in listing

    laptop = laptops.new()
    code, out = cli.desktop(laptop, "enroll", "--file", str(enrollment), "--json")
    assert code == 0, out.err
    enrolled = json.loads(out.out)
    assert enrolled["sites"] == [site]
    # Before any receipt, the laptop holds its site (the registration form offers it).
    from ss_desktop.db.queries import list_sites

    assert [s.id for s in list_sites(laptop.app.engine)] == [site]
    assert known not in laptop.child_rows()
    child = laptop.register(site)
    code, out = cli.desktop(laptop, "bundle", "export", str(tmp_path / "b.ssb"), "--json")
    assert code == 0, out.err
    code, result = _import(cli, tmp_path / "b.ssb", tmp_path / "r.json")
    assert code == 0 and result["statuses"] == {"applied": 3}, result
    assert child in hq.records("child")
    # The first receipt brings everything else of the site: the other laptop's child.
    code, out = cli.desktop(laptop, "bundle", "receive", str(tmp_path / "r.json"), "--json")
    assert code == 0, out.err
    assert known in laptop.child_rows()


def test_an_enrollment_file_with_damaged_records_enrolls_nothing(hq, laptops, cli, tmp_path):
    site = hq.site()
    good = tmp_path / "good.enroll"
    code, out = cli.hq("enroll-file", "--site", _site_code(hq, site), "--out", str(good))
    assert code == 0, out.err
    content = json.loads(good.read_text())
    assert [c["entity"] for c in content["changes"]] == ["site"]
    content["changes"][0]["version"] = "not a number"
    damaged = tmp_path / "damaged.enroll"
    damaged.write_text(json.dumps(content))
    laptop = laptops.new()
    code, out = cli.desktop(laptop, "enroll", "--file", str(damaged))
    assert code == 2 and "enrollment file" in out.err
    code, out = cli.desktop(laptop, "bundle", "export", str(tmp_path / "b.ssb"))
    assert code == 2 and "not enrolled" in out.err  # nothing of the file was kept
    code, out = cli.desktop(laptop, "enroll", "--file", str(good), "--json")
    assert code == 0, out.err


def test_sync_on_a_laptop_enrolled_without_an_address_says_it_syncs_by_bundle(
    hq, laptops, cli, tmp_path
):
    site = hq.site()
    laptop, _device = _offline_laptop(hq, laptops, cli, tmp_path, site)
    code, out = cli.desktop(laptop, "sync")
    assert code == 2, out
    assert "USB bundle" in out.err and "not enrolled" not in out.err
    # Given the address later, it syncs over the network too; the address is not replaced.
    service = laptop.sync_service()
    with pytest.raises(SyncError) as bad:
        service.set_server_url("ftp://hq.example.org")
    assert bad.value.code == "bad_url"
    assert service.set_server_url(hq.url + "/") == hq.url
    assert laptop.sync().checksum_ok
    with pytest.raises(SyncError) as known:
        service.set_server_url("https://other.example.org")
    assert known.value.code == "address_known"
