"""Tests for enlace.documents: each reader, the dispatcher and path expansion."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from enlace.codebook import Document
from enlace.documents import (
    ReadError,
    expand_paths,
    iter_documents,
    read_document,
)

DEV = (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev")

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Chinese delegation visits Montevideo</title>
  <link rel="canonical" href="https://news.example.org/2023/05/delegation-montevideo">
  <meta property="og:url" content="https://news.example.org/og-url">
  <meta property="article:published_time" content="2023-05-04T09:30:00+00:00">
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/about">About us</a></nav>
  <article>
    <h1>Chinese delegation visits Montevideo</h1>
    <p>A delegation from the International Department of the Communist Party of China
    arrived in Montevideo on Tuesday for three days of talks with Uruguayan lawmakers.</p>
    <p>The visitors met leaders of the Frente Amplio and discussed cooperation on
    renewable energy, agricultural trade and exchanges between young party cadres.</p>
    <p>Both sides agreed to hold a follow-up seminar on rural development next year.</p>
  </article>
  <footer>Copyright 2023 Example News. All rights reserved.</footer>
</body>
</html>
"""


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines: list[str], info: dict[str, str] | None = None) -> bytes:
    """Hand-build a minimal one-page PDF (Helvetica text) with correct xref offsets."""
    ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    for line in lines:
        ops.append(f"({_pdf_string(line)}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    if info:
        entries = " ".join(f"/{key} ({_pdf_string(value)})" for key, value in info.items())
        objects.append(f"<< {entries} >>".encode("latin-1"))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if info:
        trailer += b" /Info %d 0 R" % len(objects)
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# --- HTML -----------------------------------------------------------------


def test_html_main_text_title_date_url(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [doc] = read_document(path)
    assert isinstance(doc, Document)
    assert doc.doc_id == str(path)
    assert doc.title == "Chinese delegation visits Montevideo"
    assert doc.published == "2023-05-04"
    assert doc.url == "https://news.example.org/2023/05/delegation-montevideo"
    assert "Frente Amplio" in doc.text
    assert "follow-up seminar on rural development" in doc.text
    assert "All rights reserved" not in doc.text
    assert doc.language == "en"


def test_html_og_url_when_no_canonical(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(HTML_PAGE.replace('<link rel="canonical"', '<link rel="alternate"'))
    [doc] = read_document(path)
    assert doc.url == "https://news.example.org/og-url"


def test_html_without_text_is_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>")
    with pytest.raises(ReadError, match="no text found"):
        read_document(path)


# --- PDF ------------------------------------------------------------------


def test_pdf_text_title_and_creation_date(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(
        make_pdf(
            [
                "The governor of Sao Paulo met the Chinese ambassador on Friday.",
                "They signed a memorandum on electric buses.",
            ],
            info={"Title": "Governor meets ambassador", "CreationDate": "D:20210817103000+02'00'"},
        )
    )
    [doc] = read_document(path)
    assert "governor of Sao Paulo" in doc.text
    assert "memorandum on electric buses" in doc.text
    assert doc.title == "Governor meets ambassador"
    assert doc.published == "2021-08-17"
    assert doc.language == "en"


def test_pdf_without_metadata(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    path.write_bytes(make_pdf(["El embajador chino visito Quito para hablar de comercio."]))
    [doc] = read_document(path)
    assert doc.title is None
    assert doc.published is None
    assert "embajador chino" in doc.text


def test_corrupt_pdf_is_read_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf at all\n%%EOF\n")
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert "PDF" in info.value.reason or "no text found" in info.value.reason


def test_garbage_pdf_is_read_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"\x00\x01\x02 random bytes that are not a PDF" * 10)
    with pytest.raises(ReadError, match="PDF"):
        read_document(path)


def test_encrypted_pdf_is_read_error(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    source = tmp_path / "source.pdf"
    source.write_bytes(make_pdf(["Secret cable about a visit to Caracas."]))
    writer = pypdf.PdfWriter(clone_from=str(source))
    try:
        writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    except Exception as error:  # pragma: no cover - depends on crypto backend
        pytest.skip(f"cannot encrypt here: {error}")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ReadError, match="encrypted"):
        read_document(path)


# --- DOCX -----------------------------------------------------------------


def test_docx_paragraphs_and_core_properties(tmp_path: Path) -> None:
    from datetime import datetime

    document = docx.Document()
    document.add_heading("Cooperation report", level=1)
    document.add_paragraph("The mayor of Rosario received a delegation from Shanghai.")
    document.add_paragraph("")
    document.add_paragraph("They discussed a sister-city agreement and port logistics.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Date"
    table.rows[0].cells[1].text = "12 June 2022"
    document.core_properties.title = "Rosario and Shanghai"
    document.core_properties.created = datetime(2022, 6, 14, 8, 0, 0)
    path = tmp_path / "report.docx"
    document.save(str(path))

    [doc] = read_document(path)
    assert doc.title == "Rosario and Shanghai"
    assert doc.published == "2022-06-14"
    assert "mayor of Rosario" in doc.text
    assert "sister-city agreement" in doc.text
    assert "12 June 2022" in doc.text
    assert doc.language == "en"


def test_corrupt_docx_is_read_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not a real zip archive")
    with pytest.raises(ReadError, match="DOCX"):
        read_document(path)


# --- plain text -----------------------------------------------------------


def test_text_utf8_title_first_line(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "\n\n# Visita oficial a Beijing\n\nEl canciller argentino viajó a Beijing "
        "para reunirse con su homólogo chino y firmar acuerdos de cooperación.\n",
        encoding="utf-8",
    )
    [doc] = read_document(path)
    assert doc.title == "Visita oficial a Beijing"
    assert "homólogo chino" in doc.text
    assert doc.language == "es"


def test_text_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitle line\nBody text here.".encode("utf-8"))
    [doc] = read_document(path)
    assert doc.title == "Title line"
    assert not doc.text.startswith("\ufeff")


def test_text_latin1_fallback(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    body = "Cooperação econômica\nO governo do Paraná recebeu uma missão comercial da China."
    path.write_bytes(body.encode("latin-1"))
    [doc] = read_document(path)
    assert doc.title == "Cooperação econômica"
    assert "Paraná" in doc.text
    assert doc.language == "pt"


def test_empty_file_is_read_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ReadError, match="no text found"):
        read_document(path)


def test_whitespace_only_file_is_read_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\t\n")
    with pytest.raises(ReadError, match="no text found"):
        read_document(path)


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"whatever")
    with pytest.raises(ReadError, match="unsupported file type"):
        read_document(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_read_error_str() -> None:
    error = ReadError("a/b.pdf", "PDF is encrypted")
    assert str(error) == "a/b.pdf: PDF is encrypted"
    assert error.path == "a/b.pdf"
    assert error.reason == "PDF is encrypted"


# --- corpus JSON ----------------------------------------------------------

RECORD = {
    "doc_id": "t001",
    "url": "https://example.org/t001",
    "title": "Ministers meet",
    "published": "2020-02-03",
    "language": "en",
    "source": "Example Wire",
    "text": "The foreign ministers of China and Chile met in Santiago on Monday.",
}


def test_corpus_single_object(tmp_path: Path) -> None:
    path = tmp_path / "t001.json"
    path.write_text(json.dumps(RECORD))
    [doc] = read_document(path)
    assert doc.model_dump() == RECORD


def test_corpus_list_and_language_fill(tmp_path: Path) -> None:
    second = {"doc_id": "t002", "text": "O ministro chinês visitou Brasília nesta segunda-feira."}
    path = tmp_path / "many.json"
    path.write_text(json.dumps([RECORD, second]))
    docs = read_document(path)
    assert [d.doc_id for d in docs] == ["t001", "t002"]
    assert docs[1].language == "pt"


def test_corpus_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps(RECORD), "", json.dumps({**RECORD, "doc_id": "t003"})]
    path.write_text("\n".join(lines) + "\n")
    assert [d.doc_id for d in read_document(path)] == ["t001", "t003"]


def test_corpus_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"doc_id": "x", "text": ')
    with pytest.raises(ReadError, match="invalid JSON") as info:
        read_document(path)
    assert str(path) in str(info.value)


def test_corpus_jsonl_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(RECORD) + "\n" + "{not json}\n")
    with pytest.raises(ReadError, match="line 2: invalid JSON"):
        read_document(path)


def test_corpus_missing_text(tmp_path: Path) -> None:
    path = tmp_path / "notext.jsonl"
    path.write_text(json.dumps(RECORD) + "\n" + json.dumps({"doc_id": "x", "title": "t"}) + "\n")
    with pytest.raises(ReadError, match="line 2: missing text"):
        read_document(path)


def test_corpus_missing_doc_id(tmp_path: Path) -> None:
    path = tmp_path / "noid.json"
    path.write_text(json.dumps({"text": "Some text."}))
    with pytest.raises(ReadError, match="missing doc_id"):
        read_document(path)


def test_corpus_bad_date(tmp_path: Path) -> None:
    path = tmp_path / "baddate.json"
    path.write_text(json.dumps({**RECORD, "published": "March 2020"}))
    with pytest.raises(ReadError, match="published"):
        read_document(path)


def test_gold_lines_ignored(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    gold = {"doc_id": "t001", "events": []}
    path.write_text(json.dumps(gold) + "\n" + json.dumps(RECORD) + "\n")
    assert [d.doc_id for d in read_document(path)] == ["t001"]


def test_folder_skips_gold_files(tmp_path: Path) -> None:
    (tmp_path / "t001.json").write_text(json.dumps(RECORD))
    (tmp_path / "gold.jsonl").write_text(json.dumps({"doc_id": "t001", "events": []}) + "\n")
    (tmp_path / "annotations.jsonl").write_text(json.dumps({"doc_id": "t1", "events": []}) + "\n")
    (tmp_path / "annotations.json").write_text(json.dumps([{"doc_id": "t1", "events": []}]))
    assert expand_paths([str(tmp_path)]) == [tmp_path / "t001.json"]
    results = list(iter_documents(expand_paths([str(tmp_path)])))
    assert len(results) == 1
    assert not isinstance(results[0][1], ReadError)


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus not present")
def test_dev_corpus_reads() -> None:
    path = DEV / "dev001.json"
    [doc] = read_document(path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert doc.doc_id == raw["doc_id"]
    assert doc.text == raw["text"]
    assert doc.language == raw["language"]
    paths = expand_paths([str(DEV)])
    assert all(p.name != "gold.jsonl" for p in paths)
    assert len(paths) == len(list(DEV.glob("dev*.json")))


# --- expansion and iteration ----------------------------------------------


def _tree(root: Path) -> None:
    (root / "sub" / "deep").mkdir(parents=True)
    (root / "b.txt").write_text("Beta text.")
    (root / "a.html").write_text(HTML_PAGE)
    (root / "sub" / "c.md").write_text("Gamma text.")
    (root / "sub" / "deep" / "d.txt").write_text("Delta text.")
    (root / "sub" / "image.png").write_bytes(b"\x89PNG")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "e.txt").write_text("Hidden.")


def test_expand_folder_recursive_sorted(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert expand_paths([str(tmp_path)]) == [
        tmp_path / "a.html",
        tmp_path / "b.txt",
        tmp_path / "sub" / "c.md",
        tmp_path / "sub" / "deep" / "d.txt",
    ]


def test_expand_glob(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert expand_paths([str(tmp_path / "*.txt")]) == [tmp_path / "b.txt"]
    assert expand_paths([str(tmp_path / "**" / "*.txt")]) == [
        tmp_path / "b.txt",
        tmp_path / "sub" / "deep" / "d.txt",
    ]


def test_expand_keeps_explicit_and_missing_files(tmp_path: Path) -> None:
    _tree(tmp_path)
    missing = tmp_path / "missing.pdf"
    explicit = tmp_path / "sub" / "image.png"
    paths = expand_paths([str(missing), str(explicit), str(tmp_path / "b.txt")])
    assert paths == [missing, explicit, tmp_path / "b.txt"]


def test_expand_drops_duplicates(tmp_path: Path) -> None:
    _tree(tmp_path)
    paths = expand_paths([str(tmp_path / "b.txt"), str(tmp_path)])
    assert paths.count(tmp_path / "b.txt") == 1


def test_iter_documents_never_raises(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "bad.pdf").write_bytes(b"not a pdf")
    (tmp_path / "x.xyz").write_text("some text")
    paths = [*expand_paths([str(tmp_path)]), tmp_path / "missing.txt", tmp_path / "x.xyz"]
    results = dict(iter_documents(paths))
    assert isinstance(results[tmp_path / "bad.pdf"], ReadError)
    assert "no such file" in str(results[tmp_path / "missing.txt"])
    assert "unsupported file type" in str(results[tmp_path / "x.xyz"])
    good = results[tmp_path / "b.txt"]
    assert isinstance(good, list) and good[0].text == "Beta text."
