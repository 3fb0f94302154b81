"""Zip archives (a records release, a folder sent zipped, a zipped attachment) import as the
folder they hold: each file is read, skipped or refused by name, and re-importing the archive
from anywhere updates its articles in place."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from desktop.core.library.importers import UnreadableFile, parse_bytes, read_articles
from desktop.core.library.importing import ImportReport, import_paths
from desktop.core.library.reading_process import ChildReader
from desktop.core.library.session import Library
from desktop.core.library.store import with_hash
from tests.cli_runner import run
from tests.core.library.documents import email_message, zip_bytes

FIXTURES = Path(__file__).parent / "fixtures"
HEADLINE = (FIXTURES / "headline.txt").read_text(encoding="utf-8")
DROUGHT = (FIXTURES / "article.md").read_text(encoding="utf-8")
MEMO = (
    "Memo on the harbour contract\n\nThe port authority signed the dredging contract on 3 May "
    "without a tender, the minutes of its board show. Two members voted against it."
)


def outcomes(report: ImportReport, archive: Path) -> dict[str, str]:
    """Each file of the report, named inside ``archive``: what became of it."""
    shown = {}
    for result in report.files:
        name = str(result.path).removeprefix(f"{archive}#")
        if result.imported:
            shown[name] = "imported"
        elif result.duplicates or result.updated:
            shown[name] = "known"
        else:
            shown[name] = result.skipped or result.error.removeprefix(f"{result.path}: ")
    return shown


def patched(data: bytes, name: str, *, flags: int = 0, clear: int = 0, **fields: int) -> bytes:
    """``data`` with the directory record of entry ``name`` changed: general-purpose ``flags``
    set and ``clear``ed (in its local header too), ``method``, ``size`` (uncompressed) or the
    ``volume`` (the part of a split archive) it starts on."""
    raw = bytearray(data)
    encoded = name.encode("utf-8")
    for signature, flag_at, method_at, size_at, name_at in (
        (b"PK\x01\x02", 8, 10, 24, 46),
        (b"PK\x03\x04", 6, 8, 22, 30),
    ):
        at = raw.find(signature)
        while at >= 0:
            if raw[at + name_at : at + name_at + len(encoded)] == encoded:
                (old,) = struct.unpack_from("<H", raw, at + flag_at)
                struct.pack_into("<H", raw, at + flag_at, (old | flags) & ~clear)
                if signature == b"PK\x01\x02":
                    if "volume" in fields:
                        struct.pack_into("<H", raw, at + 34, fields["volume"])
                    if "method" in fields:
                        struct.pack_into("<H", raw, at + method_at, fields["method"])
                    if "size" in fields:
                        struct.pack_into("<I", raw, at + size_at, fields["size"])
            at = raw.find(signature, at + 4)
    return bytes(raw)


def test_each_file_of_an_archive_is_imported_skipped_or_refused_by_name(
    tmp_path: Path, empty_library: Library
) -> None:
    archive = tmp_path / "release.zip"
    archive.write_bytes(
        zip_bytes(
            {
                "Release/headline.txt": HEADLINE,
                "Release/drought.md": DROUGHT,
                "Release/photo.jpg": b"\xff\xd8\xff\xe0 a picture",
                "Release/empty.txt": b"",
                "Release/.DS_Store": b"\x00\x00\x00\x01Bud1",
                "__MACOSX/Release/._headline.txt": b"\x00\x05\x16\x07 resource fork",
            }
        )
    )
    report = import_paths(empty_library, [archive])
    assert outcomes(report, archive) == {
        "Release/headline.txt": "imported",
        "Release/drought.md": "imported",
        "Release/photo.jpg": "unsupported file type (.jpg)",
        "Release/empty.txt": "file is empty",
    }
    origins = {empty_library.store.get(i).origin for i in report.imported}
    real = os.path.realpath(archive)
    assert origins == {f"{real}#Release/headline.txt", f"{real}#Release/drought.md"}
    texts = {empty_library.store.get(i).text for i in report.imported}
    assert any("harbour bridge reopened" in text for text in texts)


def test_the_same_archive_reached_another_way_updates_in_place(
    tmp_path: Path, empty_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "release.zip"
    archive.write_bytes(zip_bytes({"memo.txt": MEMO}))
    (first,) = import_paths(empty_library, [archive]).imported
    (tmp_path / "link.zip").symlink_to(archive)
    monkeypatch.chdir(tmp_path)
    again = import_paths(empty_library, [Path("link.zip")])
    assert again.imported == [] and again.duplicates == [first]
    archive.write_bytes(zip_bytes({"memo.txt": MEMO + " A third abstained, the minutes add."}))
    newer = import_paths(empty_library, [Path("release.zip")])
    assert newer.imported == [] and newer.updated == [first]
    assert "A third abstained" in empty_library.store.get(first).text


def test_a_zip_inside_a_zip_is_opened_to_a_limit(tmp_path: Path, empty_library: Library) -> None:
    deepest = zip_bytes({"deep.txt": MEMO.replace("harbour", "airport")})
    third = zip_bytes({"level3.zip": deepest})
    second = zip_bytes({"scans/memo.txt": MEMO, "level2.zip": third})
    archive = tmp_path / "outer.zip"
    archive.write_bytes(zip_bytes({"headline.txt": HEADLINE, "inner.zip": second}))
    report = import_paths(empty_library, [archive])
    shown = outcomes(report, archive)
    assert shown["headline.txt"] == shown["inner.zip#scans/memo.txt"] == "imported"
    assert shown["inner.zip#level2.zip#level3.zip"].startswith(
        "a zip archive inside zip archives nested too deep"
    )
    memo = next(
        empty_library.store.get(i)
        for i in report.imported
        if "dredging" in empty_library.store.get(i).text
    )
    assert memo.origin == f"{os.path.realpath(archive)}#inner.zip#scans/memo.txt"


def test_a_saved_page_leaves_its_resource_folder_out(
    tmp_path: Path, empty_library: Library
) -> None:
    page = (
        "<html><head><title>Dredging deal signed without tender</title></head><body><article>"
        "<h1>Dredging deal signed without tender</h1>"
        + "".join(f"<p>{line}</p>" for line in MEMO.split("\n\n")[1:] * 3)
        + "</article></body></html>"
    )
    archive = tmp_path / "saved.zip"
    archive.write_bytes(
        zip_bytes(
            {
                "Story.html": page,
                "Story_files/advert.html": "<html><body><p>Buy now, on offer.</p></body></html>",
                "Story_files/style.css": "p { margin: 0 }",
            }
        )
    )
    assert outcomes(import_paths(empty_library, [archive]), archive) == {
        "Story.html": "imported",
        "Story_files": "the pictures, styles and frames of a saved page",
    }


def test_entries_that_cannot_be_unpacked_are_named_with_the_reason(
    tmp_path: Path, empty_library: Library
) -> None:
    data = zip_bytes(
        {"locked.txt": MEMO, "deflate64.txt": MEMO, "huge.txt": MEMO, "memo.txt": MEMO + " Yes."}
    )
    data = patched(data, "locked.txt", flags=0x1)
    data = patched(data, "deflate64.txt", method=9)
    data = patched(data, "huge.txt", size=300 * 1024 * 1024)
    archive = tmp_path / "mixed.zip"
    archive.write_bytes(data)
    shown = outcomes(import_paths(empty_library, [archive]), archive)
    assert shown["memo.txt"] == "imported"
    assert shown["locked.txt"].startswith("encrypted in the zip archive: unpack the archive")
    assert "(Deflate64)" in shown["deflate64.txt"]
    assert shown["huge.txt"] == "file is too large (300.0 MiB; the limit is 20 MiB)"


def test_a_damaged_archive_or_entry_fails_alone(tmp_path: Path, empty_library: Library) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "headline.txt").write_text(HEADLINE, encoding="utf-8")
    (folder / "cut.zip").write_bytes(zip_bytes({"memo.txt": MEMO})[:40])
    out = folder / "crc.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as writer:
        writer.writestr("memo.txt", MEMO)
        writer.writestr("bad.txt", "The contract was signed on 3 May.")
    stored = bytearray(out.read_bytes())
    at = stored.find(b"signed on 3 May")
    stored[at : at + 6] = b"SIGNED"
    out.write_bytes(bytes(stored))
    report = import_paths(empty_library, [folder])
    failed = {result.path.name: result.error for result in report.failures}
    assert failed["cut.zip"].endswith(
        "not a valid zip archive (damaged or truncated: File is not a zip file)"
    )
    assert "damaged in the zip archive (Bad CRC-32" in failed["crc.zip#bad.txt"]
    assert len(report.imported) == 2  # the folder's text and the archive's good entry


def test_an_archive_declaring_more_than_it_may_unpack_is_refused_whole(
    tmp_path: Path, empty_library: Library
) -> None:
    names = [f"part{n}.txt" for n in range(300)]
    data = zip_bytes(dict.fromkeys(names, MEMO))
    for name in names:  # overlapping entries and the like declare sizes no disk holds
        data = patched(data, name, size=19 * 1024 * 1024)
    archive = tmp_path / "bomb.zip"
    archive.write_bytes(data)
    (result,) = import_paths(empty_library, [archive]).files
    assert result.error.endswith(
        "the zip archive would unpack to 5.6 GiB (the limit is 4 GiB), refused for safety: "
        "unpack it with another program and import the folder"
    )


def test_a_library_backup_is_skipped(tmp_path: Path, empty_library: Library) -> None:
    archive = tmp_path / "library-2026-12-01-daily.dossier.zip"
    archive.write_bytes(
        zip_bytes(
            {"manifest.json": "{}", "library.sqlite3": b"SQLite format 3\x00", "x.md": DROUGHT}
        )
    )
    (result,) = import_paths(empty_library, [archive]).files
    assert result.skipped.startswith("a backup of a Dossier library: `dossier restore FILE`")
    assert result.path == archive


def test_names_in_utf8_without_their_flag_read_as_written(
    tmp_path: Path, empty_library: Library
) -> None:
    data = patched(zip_bytes({"公告/報告.txt": MEMO}), "公告/報告.txt", clear=0x800)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert names != ["公告/報告.txt"]  # zipfile alone reads the name in code page 437
    archive = tmp_path / "notice.zip"
    archive.write_bytes(data)
    assert outcomes(import_paths(empty_library, [archive]), archive) == {
        "公告/報告.txt": "imported"
    }


def test_an_entry_named_up_the_tree_keeps_its_name(tmp_path: Path, empty_library: Library) -> None:
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    (stored,) = import_paths(empty_library, [tmp_path / "memo.txt"]).imported
    archive = tmp_path / "slip.zip"  # "../memo.txt" must not update the file beside it
    archive.write_bytes(zip_bytes({"x/../memo.txt": MEMO + " Changed by the archive."}))
    report = import_paths(empty_library, [archive])
    (entry,) = report.imported
    assert entry != stored and report.updated == []
    assert empty_library.store.get(entry).origin == f"{os.path.realpath(archive)}#x/../memo.txt"
    assert "Changed" not in empty_library.store.get(stored).text


def test_reading_an_archive_directly_gives_every_article(tmp_path: Path) -> None:
    archive = tmp_path / "release.zip"
    archive.write_bytes(zip_bytes({"a/headline.txt": HEADLINE, "b/memo.txt": MEMO, "c.jpg": b"x"}))
    titles = sorted(article.title for article in read_articles(archive))
    assert titles == ["Harbour bridge reopens after repairs", "Memo on the harbour contract"]
    nothing = tmp_path / "pictures.zip"
    nothing.write_bytes(zip_bytes({"c.jpg": b"x", "empty.txt": b" "}))
    with pytest.raises(
        UnreadableFile,
        match=r"nothing in the zip archive could be imported \(empty.txt: file is empty\)",
    ):
        read_articles(nothing)


def test_the_command_line_lists_each_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "release.zip"
    archive.write_bytes(zip_bytes({"memo.txt": MEMO, "photo.jpg": b"\xff\xd8\xff"}))
    code, out, err = run(capsys, "import", str(archive))
    assert code == 0 and out.startswith("Imported 1,")
    assert f"skipped {archive}#photo.jpg: unsupported file type (.jpg)" in err


def test_the_reading_process_reads_an_archive_entry(tmp_path: Path, empty_library: Library) -> None:
    archive = tmp_path / "release.zip"
    archive.write_bytes(zip_bytes({"memo.txt": MEMO, "more/headline.txt": HEADLINE}))
    reader = ChildReader()
    try:
        report = import_paths(empty_library, [archive], read=reader.read)
    finally:
        reader.close()
    assert outcomes(report, archive) == {"memo.txt": "imported", "more/headline.txt": "imported"}


def test_a_zipped_attachment_lists_each_of_its_files() -> None:
    files = zip_bytes({"memo.txt": MEMO, "photo.jpg": b"\xff\xd8\xff", "empty.txt": b" "})
    message = email_message(
        "Documents you asked for",
        "Please find the documents attached. They were released on Friday.",
        attachments=(("release.zip", files, "application/zip"),),
    )
    mail, memo = parse_bytes(message.as_bytes(), Path("/mail/documents.eml"))
    assert mail.text.endswith(
        "Attachments:\n"
        "- release.zip#memo.txt (imported as its own article)\n"
        "- release.zip#photo.jpg (not imported: a file type Dossier does not read)\n"
        "- release.zip#empty.txt (not imported: file is empty)"
    )
    assert memo.origin == "/mail/documents.eml#release.zip#memo.txt"
    assert "dredging contract" in memo.text


def test_a_damaged_name_is_shown_on_one_line_with_its_own_type(
    tmp_path: Path, empty_library: Library
) -> None:
    archive = tmp_path / "names.zip"
    data = zip_bytes({"notes": MEMO, "a\nb.txt": MEMO + " Again.", "photo.jpg": b"\xff\xd8"})
    archive.write_bytes(data)
    assert outcomes(import_paths(empty_library, [archive]), archive) == {
        "notes": "unsupported file type (no suffix)",  # not the archive's ".zip#notes"
        "a\\x0ab.txt": "imported",
        "photo.jpg": "unsupported file type (.jpg)",
    }


def named_in_bytes(names: dict[bytes, str], extra: dict[bytes, bytes] | None = None) -> bytes:
    """A zip whose entries' names are the given bytes, without the UTF-8 flag (as zip tools on
    Chinese, Japanese or Russian Windows write them), each with its ``extra`` field if given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as writer:
        for number, (raw, text) in enumerate(names.items()):
            info = zipfile.ZipInfo(f"{number:0{len(raw) - 4}d}.txt"[-len(raw) :])
            info.extra = (extra or {}).get(raw, b"")
            writer.writestr(info, text)
    data = out.getvalue()
    for number, raw in enumerate(names):
        data = data.replace(f"{number:0{len(raw) - 4}d}.txt"[-len(raw) :].encode(), raw)
    return data


@pytest.mark.parametrize(
    ("codec", "names"),
    [
        ("gbk", ["审计报告/集团邮件审计系统2021年需求文档.txt", "审计报告/会议纪要.txt"]),
        ("cp932", ["文章1.txt", "報道発表資料.txt"]),
        ("cp866", ["Протокол заседания.txt", "Письмо губернатору.txt"]),
        ("cp850", ["Ölfässer.txt"]),  # 7-Zip on German Windows: not "셪f꼜ser.txt"
        ("gbk", ["会议纪要.txt"]),  # not "삔累셩狼.txt" (Korean) nor "ｻ瞑鮠ﾍﾒｪ.txt" (Japanese)
        ("cp949", ["보도자료.txt"]),
        ("cp866", ["Отчёт.txt"]),
    ],
)
def test_names_in_a_legacy_code_page_read_as_written(
    tmp_path: Path, empty_library: Library, codec: str, names: list[str]
) -> None:
    archive = tmp_path / "legacy.zip"
    archive.write_bytes(named_in_bytes({name.encode(codec): MEMO + name for name in names}))
    report = import_paths(empty_library, [archive])
    assert outcomes(report, archive) == dict.fromkeys(names, "imported")


def test_a_unicode_path_field_names_the_entry(tmp_path: Path, empty_library: Library) -> None:
    legacy = b"Resume?.txt"  # what a tool writes where the code page lacks a character
    field = b"\x01" + struct.pack("<I", zlib.crc32(legacy)) + "Résumé ✓.txt".encode()
    extra = struct.pack("<HH", 0x7075, len(field)) + field
    archive = tmp_path / "unicode.zip"
    archive.write_bytes(named_in_bytes({legacy: MEMO}, {legacy: extra}))
    assert outcomes(import_paths(empty_library, [archive]), archive) == {"Résumé ✓.txt": "imported"}


def test_an_entry_never_takes_the_place_of_a_file_stored_by_its_typed_name(
    tmp_path: Path, empty_library: Library
) -> None:
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    old = with_hash(read_articles(tmp_path / "memo.txt")[0])
    legacy = empty_library.store.add(old.replace(origin="memo.txt"))  # an old library's
    archive = tmp_path / "release.zip"  # a later version of the memo, in another file
    archive.write_bytes(zip_bytes({"2019/memo.txt": MEMO + " A third abstained."}))
    report = import_paths(empty_library, [archive])
    assert report.updated == [] and len(report.imported) == 1
    assert empty_library.store.get(legacy.id).text == old.text


def test_the_last_part_of_a_split_archive_says_how_to_join_it(
    tmp_path: Path, empty_library: Library
) -> None:
    archive = tmp_path / "release.zip"  # beside release.z01, which holds memo.txt
    archive.write_bytes(patched(zip_bytes({"memo.txt": MEMO, "b.txt": MEMO}), "memo.txt", volume=1))
    (result,) = import_paths(empty_library, [archive]).files
    assert result.error == (
        f"{archive}: the last part of a zip archive split over several files (.z01, .z02 … "
        "beside it): join them with a zip program (zip -s 0 part.zip --out whole.zip) and "
        "import the whole archive"
    )


def test_a_zip_inside_is_unpacked_once_for_all_its_files(
    tmp_path: Path, empty_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.library.importers import zip_archive

    inner = zip_bytes({f"memo-{n}.txt": f"{MEMO} Memo number {n}." for n in range(6)})
    archive = tmp_path / "outer.zip"
    archive.write_bytes(zip_bytes({"inner.zip": inner}))
    opened: list[bool] = []
    real_open = zip_archive.open_zip

    def counting(source: Path | bytes, path: Path) -> zipfile.ZipFile:
        opened.append(isinstance(source, bytes))
        return real_open(source, path)

    monkeypatch.setattr(zip_archive, "open_zip", counting)
    report = import_paths(empty_library, [archive])
    assert len(report.imported) == 6
    assert opened.count(True) == 2  # listed once, read once: not once for each of its files
