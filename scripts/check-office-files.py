#!/usr/bin/env python3
"""Opens the files Phối hợp writes with real clients and checks what an office would see.

  check-office-files.py FILE... [--lang vi|en] [--contains TEXT]... [--sheet NAME]...
                        [--hostile TEXT]... [--png-dir DIR]

.xlsx  openpyxl: a bold, frozen header row with an autofilter on every sheet, dates as dates
       shown dd/mm/yyyy, counts as numbers, no formula anywhere, text that starts like a
       formula kept as text (quote prefix); LibreOffice converts it to CSV and the text is there.
.csv   UTF-8 with a byte-order mark, CRLF, the same number of fields on every row, every field
       that starts like a formula prefixed with an apostrophe; LibreOffice reads it.
.ics   icalendar: VERSION 2.0, a VTIMEZONE for Asia/Ho_Chi_Minh, every timed entry in it,
       unique UIDs, SEQUENCE numbers, a VALARM a week before every confirmed entry, lines of at
       most 75 octets ending in CRLF.
.docx  python-docx: the national name and motto, real "Heading 1"/"Heading 2" paragraphs,
       tables, "Nơi nhận:"; LibreOffice converts it to PDF, pdftoppm to PNG pages (--png-dir).

--rows: how many data rows the first sheet (or the CSV) has; --contains: text that must appear (in any cell / entry / paragraph); --sheet: a sheet name
that must exist; --hostile: a text that must be in the file, neutralised. Exit 1 on a failure,
each failure named.
"""
import argparse
import csv
import datetime
import io
import os
import subprocess
import sys
import tempfile
import zipfile

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
failures = []


def fail(path, message):
    failures.append(f"{os.path.basename(path)}: {message}")


def soffice_convert(path, target, outdir):
    """LibreOffice's own conversion (a private profile, so parallel runs do not clash)."""
    # Removed afterwards: each profile is ~0.5 MB, and every run converts dozens of files.
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        result = subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", target, "--outdir", outdir, path],
            capture_output=True, text=True, timeout=180)
    stem = os.path.splitext(os.path.basename(path))[0]
    ext = target.split(":")[0]
    out = os.path.join(outdir, f"{stem}.{ext}")
    if result.returncode != 0 or not os.path.exists(out):
        fail(path, f"LibreOffice could not convert it to {target}: {result.stderr.strip()}")
        return None
    return out


def check_xlsx(path, args):
    import openpyxl
    book = openpyxl.load_workbook(path)
    texts = []
    for sheet in book.worksheets:
        if sheet.max_row < 1:
            fail(path, f"sheet {sheet.title!r} is empty")
            continue
        if sheet.freeze_panes != "A2":
            fail(path, f"sheet {sheet.title!r}: header not frozen ({sheet.freeze_panes})")
        if not sheet.auto_filter.ref or not sheet.auto_filter.ref.startswith("A1:"):
            fail(path, f"sheet {sheet.title!r}: no autofilter")
        for cell in sheet[1]:
            if cell.value is not None and not cell.font.bold:
                fail(path, f"sheet {sheet.title!r}: header {cell.coordinate} is not bold")
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                value = cell.value
                if value is None:
                    continue
                if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=") and cell.data_type != "s"):
                    fail(path, f"{sheet.title}!{cell.coordinate} is a formula: {value!r}")
                if isinstance(value, datetime.datetime):
                    if not cell.number_format.startswith("dd/mm/yyyy"):
                        fail(path, f"{sheet.title}!{cell.coordinate}: date shown as {cell.number_format}")
                if isinstance(value, str):
                    texts.append(value)
                    if value.startswith(FORMULA_START) and not cell.quotePrefix:
                        fail(path, f"{sheet.title}!{cell.coordinate}: formula-like text without quote prefix")
        texts.extend(str(c.value) for c in sheet[1] if c.value is not None)
    if args.rows is not None:
        first = book.worksheets[0]
        rows = sum(1 for row in first.iter_rows(min_row=2) if any(c.value is not None for c in row))
        if rows != args.rows:
            fail(path, f"{rows} rows in {first.title!r}, {args.rows} expected")
    names = [s.title for s in book.worksheets]
    for name in args.sheet:
        if name not in names:
            fail(path, f"no sheet {name!r} (sheets: {names})")
    for text in args.contains:
        if not any(text in t for t in texts):
            fail(path, f"no cell contains {text!r}")
    for text in args.hostile:
        if text not in texts:
            fail(path, f"hostile text not kept as text: {text!r}")
    # LibreOffice reads it: the first sheet as CSV (UTF-8) holds the same text.
    with tempfile.TemporaryDirectory() as out:
        converted = soffice_convert(path, "csv:Text - txt - csv (StarCalc):44,34,76", out)
        if converted:
            with open(converted, encoding="utf-8", newline="") as f:
                fields = [field for row in csv.reader(f) for field in row]
            first = book.worksheets[0]
            header = [str(c.value) for c in first[1] if c.value is not None]
            if header and header[0] not in fields:
                fail(path, f"LibreOffice's CSV lacks the header {header[0]!r}")
            # A formula would have been computed: the text itself shows it was read as text.
            for hostile in args.hostile:
                if hostile not in [f.replace("\r\n", "\n") for f in fields]:
                    fail(path, f"LibreOffice's CSV lacks the hostile text as text: {hostile!r}")


def check_csv(path, args):
    raw = open(path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail(path, "no UTF-8 byte-order mark")
    text = raw.decode("utf-8-sig")
    if "\n" in text.replace("\r\n", ""):
        fail(path, "a line does not end in CRLF")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        fail(path, "empty")
        return
    width = len(rows[0])
    for i, row in enumerate(rows):
        if len(row) != width:
            fail(path, f"row {i + 1} has {len(row)} fields, the header {width}")
        for field in row:
            if field.startswith(FORMULA_START):
                fail(path, f"row {i + 1}: field starts like a formula: {field!r}")
    if args.rows is not None and len(rows) - 1 != args.rows:
        fail(path, f"{len(rows) - 1} rows, {args.rows} expected")
    fields = [f for row in rows for f in row]
    for text in args.contains:
        if not any(text in f for f in fields):
            fail(path, f"no field contains {text!r}")
    for text in args.hostile:
        if "'" + text.replace("\n", "\r\n") not in fields:
            fail(path, f"hostile text not neutralised: {text!r}")
    with tempfile.TemporaryDirectory() as out:
        soffice_convert(path, "xlsx", out)


def check_ics(path, args):
    import icalendar
    raw = open(path, "rb").read()
    for n, line in enumerate(raw.split(b"\r\n")[:-1]):
        if len(line) > 75:
            fail(path, f"line {n + 1} is {len(line)} octets long")
        if b"\n" in line or b"\r" in line:
            fail(path, f"line {n + 1} has a bare line break")
    if not raw.endswith(b"\r\n"):
        fail(path, "does not end in CRLF")
    cal = icalendar.Calendar.from_ical(raw)
    if str(cal.get("VERSION")) != "2.0":
        fail(path, "not iCalendar 2.0")
    zones = [tz.get("TZID") for tz in cal.walk("VTIMEZONE")]
    if zones != ["Asia/Ho_Chi_Minh"]:
        fail(path, f"time zones: {zones}")
    uids = []
    texts = []
    events = cal.walk("VEVENT")
    if not events:
        fail(path, "no entries")
    for ev in events:
        uid = str(ev.get("UID"))
        uids.append(uid)
        if ev.get("SEQUENCE") is None:
            fail(path, f"{uid}: no SEQUENCE")
        start = ev.decoded("DTSTART")
        if isinstance(start, datetime.datetime):
            if str(getattr(start.tzinfo, "key", start.tzinfo)) != "Asia/Ho_Chi_Minh" and start.utcoffset() != datetime.timedelta(hours=7):
                fail(path, f"{uid}: starts in {start.tzinfo}")
        status = str(ev.get("STATUS", ""))
        alarms = ev.walk("VALARM")
        if status == "CONFIRMED":
            triggers = [a.decoded("TRIGGER") for a in alarms]
            if triggers != [datetime.timedelta(days=-7)]:
                fail(path, f"{uid}: reminders {triggers}")
        elif status != "CANCELLED":
            fail(path, f"{uid}: status {status!r}")
        for key in ("SUMMARY", "DESCRIPTION", "LOCATION"):
            if ev.get(key) is not None:
                texts.append(str(ev.get(key)))
    if len(set(uids)) != len(uids):
        fail(path, "UIDs repeat")
    for text in args.contains:
        if not any(text in t for t in texts):
            fail(path, f"no entry contains {text!r}")


def check_docx(path, args):
    import docx
    document = docx.Document(path)
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    everything = paragraphs + cells
    for needed in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO", "Nơi nhận:"]:
        if not any(needed in t for t in everything):
            fail(path, f"lacks {needed!r}")
    styles = {p.style.name if p.style is not None else "Normal" for p in document.paragraphs}
    if "Heading 1" not in styles or "Heading 2" not in styles:
        fail(path, f"no real headings (styles used: {sorted(styles)})")
    if len(document.tables) < 3:
        fail(path, f"{len(document.tables)} tables")
    for text in args.contains:
        if not any(text in t for t in everything):
            fail(path, f"does not contain {text!r}")
    with tempfile.TemporaryDirectory() as out:
        pdf = soffice_convert(path, "pdf", out)
        if pdf and args.png_dir:
            os.makedirs(args.png_dir, exist_ok=True)
            stem = os.path.join(args.png_dir, os.path.splitext(os.path.basename(path))[0])
            subprocess.run(["pdftoppm", "-r", "70", "-png", pdf, stem], check=True)
            with open(pdf, "rb") as f:
                data = f.read()
            # The fonts LibreOffice embedded: Vietnamese needs a font that has it.
            if b"Times" not in data and b"Liberation" not in data and b"Tinos" not in data:
                fail(path, "the PDF embeds no serif font")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--contains", action="append", default=[])
    parser.add_argument("--sheet", action="append", default=[])
    parser.add_argument("--hostile", action="append", default=[])
    parser.add_argument("--hostile-json", help="a JSON list of hostile texts (tests/office_files.rs)")
    parser.add_argument("--rows", type=int, help="data rows of the first sheet / the CSV")
    parser.add_argument("--png-dir")
    args = parser.parse_args()
    if args.hostile_json:
        import json
        with open(args.hostile_json, encoding="utf-8") as f:
            args.hostile.extend(json.load(f))
    checks = {".xlsx": check_xlsx, ".csv": check_csv, ".ics": check_ics, ".docx": check_docx}
    for path in args.files:
        ext = os.path.splitext(path)[1].lower()
        if ext not in checks:
            fail(path, "unknown kind of file")
            continue
        checks[ext](path, args)
        print(f"checked {path}")
    if failures:
        print("\n".join(["FAILED:"] + failures), file=sys.stderr)
        sys.exit(1)
    print(f"{len(args.files)} passed, 0 failed")


if __name__ == "__main__":
    main()
