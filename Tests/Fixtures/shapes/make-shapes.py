#!/usr/bin/env python3
"""Writes the community and partner samples' first 40 responses in the shapes survey tools export (issue 14):
Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms (.xlsx), KoboToolbox, LimeSurvey, Citizen Space
(.xlsx, assumed layout). All data is synthetic (surveys/sample/); the planted IP addresses, e-mails, names
and coordinates are made up (documentation ranges 192.0.2.0/24, 198.51.100.0/24; example.org). Run from
the project root: python3 Tests/Fixtures/shapes/make-shapes.py"""
import csv, datetime, importlib.util, io, os, zipfile, yaml
from xml.sax.saxutils import escape

N = 40
HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("csv_to_xlsx", "Benchmarks/csv-to-xlsx.py")
_xlsx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_xlsx)
col, serial = _xlsx.col, _xlsx.serial

def write_shapes(sample, instrument, prefix):
    """Every shape of one survey's first N sample responses, into files named PREFIX + shape."""
    rows = list(csv.DictReader(open(sample, encoding="utf-8")))[:N]
    survey = yaml.safe_load(open(instrument))
    sets = yaml.safe_load(open("surveys/option-sets.yaml"))
    questions = survey["questions"]
    for q in questions:
        if isinstance(q.get("options"), str):
            q["options"] = sets[q["options"]]
    Q = {q["id"]: q for q in questions}
    with open(os.path.join(HERE, prefix + "plain.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        src = list(csv.reader(open(sample, encoding="utf-8")))
        for r in src[: N + 1]:
            w.writerow(r)

    def label(qid, value):
        for o in Q[qid]["options"]:
            if o["value"] == value:
                return o["label"]
        raise KeyError((qid, value))

    def labels(qid, cell):
        return [label(qid, v) for v in cell.split(";") if v]

    def when(r):
        return datetime.datetime.strptime(r["submitted_at"], "%Y-%m-%dT%H:%M:%SZ")

    def personal(i):
        return {"ip": f"192.0.2.{i + 10}", "email": f"planted.person{i}@example.org", "first": f"Quillonfirst{i}",
                "last": f"Vantablacklast{i}", "lat": f"51.51{i:04d}7", "lon": f"-0.12{i:04d}3"}

    wordings = [q["wording"] for q in questions]
    ids = [q["id"] for q in questions]

    def write_csv(name, records, delimiter=",", quote_all=False, crlf=False, bom=False, final_newline=True):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
                       lineterminator="\r\n" if crlf else "\n")
        for rec in records:
            w.writerow(rec)
        text = buf.getvalue()
        if not final_newline:
            text = text[: -2 if crlf else -1]
        with open(os.path.join(HERE, name), "wb") as f:
            f.write((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))

    def closed_text(qid, value):
        return label(qid, value) if value else ""

    # Qualtrics (current format, choice text; `aware` as numeric recode to exercise positions).
    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId",
            "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude",
            "DistributionChannel", "UserLanguage"]
    meta_labels = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished", "Recorded Date",
                   "Response ID", "Recipient Last Name", "Recipient First Name", "Recipient Email", "External Data Reference",
                   "Location Latitude", "Location Longitude", "Distribution Channel", "User Language"]
    import_ids = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished", "recordedDate", "_recordId",
                  "recipientLastName", "recipientFirstName", "recipientEmail", "externalDataReference", "locationLatitude",
                  "locationLongitude", "distributionChannel", "userLanguage"]
    tags = [f"Q{n + 1}" for n in range(len(questions))]
    recs = [meta + tags, meta_labels + wordings,
            ['{"ImportId":"%s","timeZone":"Europe/London"}' % i if "Date" in m else '{"ImportId":"%s"}' % i for i, m in zip(import_ids, meta)]
            + ['{"ImportId":"QID%d"}' % (n + 1) for n in range(len(questions))]]
    def qualtrics_answers(r):
        out = []
        for q in questions:
            v = r[q["id"]]
            if q["id"] == "aware" and v:
                out.append(str([o["value"] for o in Q["aware"]["options"]].index(v) + 1))
            elif q["type"] == "multi":
                out.append(",".join(labels(q["id"], v)))
            elif q["type"] in ("single", "likert5", "demographic"):
                out.append(closed_text(q["id"], v))
            else:
                out.append(v)
        return out
    for i, r in enumerate(rows):
        p = personal(i)
        t = when(r).strftime("%Y-%m-%d %H:%M:%S")
        recs.append([t, t, "0", p["ip"], "100", "312", "1", t, "R_" + r["response_id"].replace("-", "x"), p["last"], p["first"], p["email"],
                     "", p["lat"], p["lon"], "anonymous", "EN"] + qualtrics_answers(r))
    # A preview, a spam response and an unfinished one: not imported by default.
    for status, finished, rid in [("1", "1", "R_preview1"), ("8", "1", "R_spam1"), ("0", "0", "R_partial1")]:
        recs.append(["2018-09-01 10:00:00"] * 2 + [status, "192.0.2.250", "40", "20", finished, "2018-09-01 10:00:00", rid, "", "", "", "", "", "",
                     "anonymous", "EN"] + qualtrics_answers(rows[0]))
    write_csv(prefix + "qualtrics.csv", recs)

    # SurveyMonkey: 2 header rows, condensed multi-select "; ", CRLF.
    top = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name", "Custom Data 1"]
    sub = [""] * len(top)
    for q in questions:
        top.append(q["wording"])
        sub.append("Open-Ended Response" if q["type"] == "text" else "Response")
    recs = [top, sub]
    for i, r in enumerate(rows):
        p = personal(i)
        t = when(r).strftime("%m/%d/%Y %I:%M:%S %p")
        rec = [str(11902591443 + i), "431234567", t, t, p["ip"], p["email"], p["first"], p["last"], ""]
        for q in questions:
            v = r[q["id"]]
            rec.append("; ".join(labels(q["id"], v)) if q["type"] == "multi" else (v if q["type"] == "text" else closed_text(q["id"], v)))
        recs.append(rec)
    write_csv(prefix + "surveymonkey.csv", recs, crlf=True)

    # Google Forms (Sheets CSV download): Timestamp first, Email Address, ", " multi, CRLF, no final newline.
    recs = [["Timestamp", "Email Address"] + wordings]
    for i, r in enumerate(rows):
        rec = [when(r).strftime("%-m/%-d/%Y %H:%M:%S"), personal(i)["email"]]
        for q in questions:
            v = r[q["id"]]
            rec.append(", ".join(labels(q["id"], v)) if q["type"] == "multi" else (v if q["type"] == "text" else closed_text(q["id"], v)))
        recs.append(rec)
    write_csv(prefix + "googleforms.csv", recs, crlf=True, final_newline=False)
    google_records = recs

    # KoboToolbox (KPI CSV): ";" delimiter, every field quoted, CRLF, HXL row, XML names with group paths,
    # select_multiple as space-separated names plus question/option 0/1 columns, trailing metadata.
    groups = {"aware": "awareness", "what_is": "awareness", "understanding": "awareness", "sources": "awareness", "sources_detail": "awareness",
              "trust": "views", "concerns": "views", "other_tools": "views", "help": "views"}
    head = ["start", "end", "deviceid"]
    for q in questions:
        path = (groups.get(q["id"], "about_you") + "/" + q["id"])
        head.append(path)
        if q["type"] == "multi":
            head += [path + "/" + o["value"] for o in q["options"]]
    head += ["location_latitude", "location_longitude", "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
             "_submitted_by", "__version__", "_tags", "meta/rootUuid", "_index"]
    hxl = ["", "", ""] + ["#" + h.split("/")[-1] if not h.startswith("_") and "/" in h else "" for h in head[3:]]
    recs = [head, hxl]
    for i, r in enumerate(rows):
        p = personal(i)
        t = when(r)
        rec = [t.strftime("%Y-%m-%dT%H:%M:%S.000+01:00"), t.strftime("%Y-%m-%dT%H:%M:%S.000+01:00"), f"ee:{i:012d}"]
        for q in questions:
            v = r[q["id"]]
            if q["type"] == "multi":
                chosen = [x for x in v.split(";") if x]
                rec.append(" ".join(chosen))
                rec += [("1" if o["value"] in chosen else "0") if v else "" for o in q["options"]]
            else:
                rec.append(v)
        uid = "6f1c%04d-2b4e-4c8a-9d1e-%012d" % (i, i)
        rec += [p["lat"], p["lon"], str(1000 + i), uid, t.strftime("%Y-%m-%dT%H:%M:%S"), "", "", "submitted_via_web", "", "vT8", "", "uuid:" + uid, str(i + 1)]
        recs.append(rec)
    write_csv(prefix + "kobotoolbox.csv", recs, delimiter=";", quote_all=True, crlf=True)

    # LimeSurvey ("R data file" full-text headings): BOM, every field quoted, one column per option 1/0.
    head = ["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started", "Date last action", "IP address"]
    for q in questions:
        if q["type"] == "multi":
            head += [f'{q["wording"]} [{o["label"]}]' for o in q["options"]]
        else:
            head.append(q["wording"])
    recs = [head]
    for i, r in enumerate(rows):
        t = when(r).strftime("%Y-%m-%d %H:%M:%S")
        rec = [str(i + 1), t, "4", "en", str(12345 + i), t, t, personal(i)["ip"]]
        for q in questions:
            v = r[q["id"]]
            if q["type"] == "multi":
                chosen = [x for x in v.split(";") if x]
                rec += [("1" if o["value"] in chosen else "0") if v else "" for o in q["options"]]
            else:
                rec.append(v)
        recs.append(rec)
    recs.append([str(N + 1), "", "1", "en", "999", "2018-09-01 10:00:00", "2018-09-01 10:01:00", "192.0.2.251"] + [""] * (len(head) - 8))
    write_csv(prefix + "limesurvey.csv", recs, delimiter=";", quote_all=True, crlf=True, bom=True)

    # Workbooks written by hand (as Excel does: sharedStrings, styles with a date number format).
    def write_xlsx(name, sheet_name, records, shared=True):
        strings, index = [], {}
        def sref(text):
            if text not in index:
                index[text] = len(strings)
                strings.append(text)
            return index[text]
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for r, rec in enumerate(records):
            out.append(f'<row r="{r + 1}">')
            for c, value in enumerate(rec):
                ref = f"{col(c)}{r + 1}"
                if value is None or value == "":
                    continue
                if isinstance(value, datetime.datetime):
                    out.append(f'<c r="{ref}" s="1"><v>{serial(value)!r}</v></c>')
                elif isinstance(value, int):
                    out.append(f'<c r="{ref}"><v>{value}</v></c>')
                elif shared:
                    out.append(f'<c r="{ref}" t="s"><v>{sref(value)}</v></c>')
                else:
                    out.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>')
            out.append("</row>")
        out.append("</sheetData></worksheet>")
        with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
            z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="m/d/yyyy h:mm:ss"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
            z.writestr("xl/worksheets/sheet1.xml", "".join(out))
            if shared:
                sst = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
                z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>')

    # Microsoft Forms (.xlsx): ID, Start time, Completion time, Email, Name, Last modified time; multi "a;b;".
    recs = [["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"] + wordings]
    for i, r in enumerate(rows):
        p = personal(i)
        rec = [i + 1, when(r) - datetime.timedelta(minutes=7), when(r), p["email"], f'{p["first"]} {p["last"]}', None]
        for q in questions:
            v = r[q["id"]]
            if q["type"] == "multi":
                rec.append("".join(l + ";" for l in labels(q["id"], v)))
            elif q["type"] == "likert5" and v:
                rec.append(int(v))
            else:
                rec.append(v if q["type"] == "text" else closed_text(q["id"], v))
        recs.append(rec)
    write_xlsx(prefix + "msforms.xlsx", "Sheet1", recs, shared=False)

    # Citizen Space (.xlsx, assumed layout): Response ID, Submitted, personal fields, "; " multi, analyst field.
    recs = [["Response ID", "Submitted", "First name", "Last name", "Email address", "Postcode"] + wordings + ["Analyst notes"]]
    for i, r in enumerate(rows):
        p = personal(i)
        rec = [f"ANON-{7000 + i}", when(r), p["first"], p["last"], p["email"], f"ZZ9 {i % 10}ZZ"]
        for q in questions:
            v = r[q["id"]]
            rec.append("; ".join(labels(q["id"], v)) if q["type"] == "multi" else (v if q["type"] == "text" else closed_text(q["id"], v)))
        rec.append("")
        recs.append(rec)
    write_xlsx(prefix + "citizenspace.xlsx", "All responses", recs)

    # Google Sheets' XLSX download of the same form (Timestamp a date serial), sheet "Form Responses 1".
    recs = [google_records[0]] + [[when(r)] + rec[1:] for r, rec in zip(rows, google_records[1:])]
    write_xlsx(prefix + "googleforms.xlsx", "Form Responses 1", recs)

    if prefix:
        return
    # A Microsoft Forms workbook with a question our instrument does not have: refused, the column named.
    recs = [["ID", "Start time", "Completion time", "Email", "Name"] + wordings + ["Favourite colour"]]
    recs += [[1, when(rows[0]), when(rows[0]), "", ""] + [closed_text(q["id"], rows[0][q["id"]]) if q["type"] != "text" and q["type"] != "multi" else "" for q in questions] + ["Blue"]]
    write_xlsx(prefix + "unmatched.xlsx", "Sheet1", recs, shared=False)


write_shapes("surveys/sample/community-responses.csv", "surveys/community-survey.yaml", "")
write_shapes("surveys/sample/partner-responses.csv", "surveys/partner-survey.yaml", "partner-")
