#!/usr/bin/env python3
"""Writes a CSV file as a one-sheet .xlsx workbook the way Excel and Google Sheets do (shared strings,
`submitted_at` as a date serial with a date number format), streaming both ways so that 100,000 rows
need little memory. For the xlsx import benchmark (Benchmarks/xlsx-import.sh). Usage: csv-to-xlsx.py IN.csv OUT.xlsx"""
import csv, datetime, sys, zipfile
from xml.sax.saxutils import escape

EPOCH = datetime.datetime(1899, 12, 30)


def col(n):
    """0 → A, 26 → AA: a worksheet column's letters."""
    s = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def serial(dt):
    """An Excel date serial (1900 date system) for a datetime."""
    return (dt - EPOCH).total_seconds() / 86400


def convert(src, out):
  strings, index = [], {}
  with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
      with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
          sheet.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
          with open(src, encoding="utf-8", newline="") as f:
              reader = csv.reader(f)
              stamp = -1
              for r, rec in enumerate(reader):
                  if r == 0:
                      stamp = rec.index("submitted_at") if "submitted_at" in rec else -1
                  cells = []
                  for c, value in enumerate(rec):
                      if value == "":
                          continue
                      ref = f"{col(c)}{r + 1}"
                      if r > 0 and c == stamp:
                          stamp_serial = serial(datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ"))
                          cells.append(f'<c r="{ref}" s="1"><v>{stamp_serial!r}</v></c>')
                          continue
                      if value not in index:
                          index[value] = len(strings)
                          strings.append(value)
                      cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
                  sheet.write(f'<row r="{r + 1}">{"".join(cells)}</row>'.encode())
          sheet.write(b"</sheetData></worksheet>")
      with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as sst:
          sst.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="{len(strings)}">'.encode())
          for s in strings:
              sst.write(f'<si><t xml:space="preserve">{escape(s)}</t></si>'.encode())
          sst.write(b"</sst>")
      z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
      z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>')
      z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
      z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd h:mm:ss"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')


if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2])
