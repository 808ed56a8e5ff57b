#!/usr/bin/env python3
"""Lays a corpus text out as the .docx or .pdf an office would publish it in.

usage: forms.py docx|pdf SRC.txt OUT

The stored public copies of the corpus are pages of text; offices publish the same texts as
Word files and PDFs. This lays the published text (not tidied, not shortened) out the way
Nghị định 30/2020/NĐ-CP sets a document out: the header as two columns (the issuing body and
the number on the left, the national motto and the place and date on the right), then the
body, a serif 13 pt on A4 with justified paragraphs. In the .docx, runs are split inside
words as Word's revision and spell-check marks split them; the PDF is read back by
`pdftotext -layout`, so its columns and justification come back as runs of spaces and its
paragraphs as wrapped lines. Needs python3 and, for PDFs, fpdf2 (pip) and
fonts-dejavu; only used to make fixtures, never by the tests.
"""
import random, sys, unicodedata, zipfile
from xml.sax.saxutils import escape

MOTTO = ("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", "Độc lập", "ĐỘC LẬP")


def split_header(lines):
    """(left, right, body): the two header columns when the text has a national motto."""
    top = lines[:14]
    motto = [i for i, l in enumerate(top) if any(l.strip().startswith(m) for m in MOTTO)]
    if not motto:
        return [], [], lines
    date = next((i for i, l in enumerate(top) if ", ngày" in l and "tháng" in l and "năm" in l), None)
    end = max(motto + ([date] if date is not None else [])) + 1
    left = [l for i, l in enumerate(lines[:end]) if i not in motto and i != date and l.strip()]
    right = [lines[i] for i in motto] + ([lines[date]] if date is not None else [])
    return left, right, lines[end:]


def runs(text, rnd):
    """A paragraph's text cut into runs at arbitrary places, with a spell-check mark between."""
    out, i = [], 0
    while i < len(text):
        n = rnd.randint(3, 40)
        piece = text[i:i + n]
        out.append(f'<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
        if rnd.random() < 0.2:
            out.append('<w:proofErr w:type="spellStart"/>')
        i += n
    return "".join(out)


def para(text, rnd):
    return f"<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>{runs(text, rnd)}</w:p>"


def cell(lines, rnd):
    return "<w:tc><w:tcPr><w:tcW w:w=\"4500\" w:type=\"dxa\"/></w:tcPr>" + "".join(para(l, rnd) for l in lines or [""]) + "</w:tc>"


def docx(lines, out):
    rnd = random.Random(out)
    left, right, body = split_header(lines)
    parts = []
    if left or right:
        number = next((i for i, l in enumerate(left) if l.strip().startswith("Số")), len(left))
        parts.append("<w:tbl><w:tblPr><w:tblW w:w=\"9000\" w:type=\"dxa\"/></w:tblPr>"
                     f"<w:tr>{cell(left[:number], rnd)}{cell(right[:-1] if len(right) > 1 else right, rnd)}</w:tr>"
                     f"<w:tr>{cell(left[number:], rnd)}{cell(right[-1:] if len(right) > 1 else [], rnd)}</w:tr></w:tbl>")
    parts += [para(l, rnd) for l in body]
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(parts) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)


def pdf(lines, out):
    from fpdf import FPDF
    doc = FPDF(format="A4")
    doc.set_margins(30, 20, 15)
    doc.set_auto_page_break(True, 20)
    doc.add_font("Serif", "", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    doc.set_font("Serif", size=13)
    doc.set_creator("nhachan corpus forms.py")
    doc.add_page()
    left, right, body = split_header(lines)
    if left or right:
        doc.set_font("Serif", size=12)
        y = doc.get_y()
        doc.set_xy(30, y)
        doc.multi_cell(70, 6, "\n".join(left), align="C", new_x="LMARGIN", new_y="NEXT")
        ly = doc.get_y()
        doc.set_xy(100, y)
        doc.multi_cell(95, 6, "\n".join(right), align="C", new_x="LMARGIN", new_y="NEXT")
        doc.set_y(max(ly, doc.get_y()) + 4)
        doc.set_font("Serif", size=13)
    for line in body:
        if not line.strip():
            doc.ln(3)
            continue
        doc.multi_cell(0, 6.5, line, align="J", new_x="LMARGIN", new_y="NEXT")
    doc.output(out)


def main():
    kind, src, out = sys.argv[1:4]
    text = unicodedata.normalize("NFC", open(src, encoding="utf-8").read())
    lines = text.replace("\r\n", "\n").split("\n")
    {"docx": docx, "pdf": pdf}[kind](lines, out)


if __name__ == "__main__":
    main()
