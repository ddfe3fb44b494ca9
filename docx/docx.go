// Package docx writes a Word document (.docx, WordprocessingML) of
// headings, paragraphs and tables, in Chinese and English, on A4, with
// page numbers: what a work summary needs, for WPS and Word alike.
//
// It writes the smallest package both open without complaint: the content
// types, the package relationships, the document, its styles (宋体 for
// text, 黑体 for headings, Times New Roman for Latin letters), a footer
// with the page number and the core properties. No Go library for writing
// .docx is both maintained and in use widely enough to be worth a
// dependency for this (the best known was abandoned in 2024; its fork and
// the others are months old, unfinished or under a copyleft or paid
// licence), and the subset used here is small and tested by opening the
// result in LibreOffice.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
)

// Align is a paragraph's or a cell's alignment.
type Align int

const (
	Left Align = iota
	Center
	Right
)

func (a Align) val() string {
	switch a {
	case Center:
		return "center"
	case Right:
		return "right"
	}
	return "left"
}

// Document is a document being written; the zero value is not usable: use New.
type Document struct {
	title  string
	footer string // the footer's text around the page number: "第 %s 页"
	now    time.Time
	body   bytes.Buffer
}

// New starts a document. title goes into the file's properties; footer is
// the page-number line with %s where the number goes ("" for none).
func New(title, footer string, now time.Time) *Document {
	return &Document{title: title, footer: footer, now: now}
}

// Title adds the document's title line, centred.
func (d *Document) Title(text string) { d.para("Title", Center, false, text) }

// Subtitle adds a centred line under the title.
func (d *Document) Subtitle(text string) { d.para("Subtitle", Center, false, text) }

// Heading adds a heading of level 1 or 2.
func (d *Document) Heading(level int, text string) {
	d.para(fmt.Sprintf("Heading%d", min(max(level, 1), 2)), Left, false, text)
}

// Paragraph adds a paragraph of body text, its first line indented two
// characters as Chinese text is.
func (d *Document) Paragraph(text string) { d.para("", Left, true, text) }

// Note adds a paragraph in the smaller note style.
func (d *Document) Note(text string) { d.para("Note", Left, false, text) }

func (d *Document) para(style string, a Align, indent bool, text string) {
	b := &d.body
	b.WriteString("<w:p><w:pPr>")
	if style != "" {
		fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, style)
	}
	if indent {
		b.WriteString(`<w:ind w:firstLineChars="200" w:firstLine="480"/>`)
	}
	if a != Left {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, a.val())
	}
	b.WriteString("</w:pPr>")
	run(b, text, false)
	b.WriteString("</w:p>")
}

// run writes text as one run; line breaks become <w:br/>.
func run(b *bytes.Buffer, text string, bold bool) {
	for i, line := range strings.Split(clean(text), "\n") {
		b.WriteString("<w:r>")
		if bold {
			b.WriteString("<w:rPr><w:b/></w:rPr>")
		}
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		xml.EscapeText(b, []byte(line))
		b.WriteString("</w:t></w:r>")
	}
}

// clean keeps text XML can hold: no control characters but the line break.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
}

// Column is one column of a table: its header, its share of the width (in
// any unit: the widths are scaled to the page) and its alignment.
type Column struct {
	Header string
	Width  int
	Align  Align
}

// textWidth is the width of the text area of an A4 page with the margins
// below, in twentieths of a point.
const textWidth = 11906 - 2*1587

// Table adds a table with a header row (repeated on every page) and the
// rows given, each cell as text; a row may be shorter than the columns.
// bold rows (by index) are totals.
func (d *Document) Table(cols []Column, rows [][]string, bold map[int]bool) {
	b := &d.body
	total := 0
	for _, c := range cols {
		total += max(c.Width, 1)
	}
	widths := make([]int, len(cols))
	for i, c := range cols {
		widths[i] = textWidth * max(c.Width, 1) / total
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString("</w:tblGrid>")
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.Header
	}
	d.row(cols, widths, head, true, true)
	for i, r := range rows {
		d.row(cols, widths, r, false, bold[i])
	}
	b.WriteString("</w:tbl>")
	// a paragraph after each table: two tables in a row would merge
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr></w:p>`)
}

func (d *Document) row(cols []Column, widths []int, cells []string, header, bold bool) {
	b := &d.body
	b.WriteString("<w:tr>")
	if header {
		b.WriteString(`<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
	} else {
		b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
	}
	for i, c := range cols {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		a := c.Align
		if header {
			a = Center
		}
		fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, widths[i])
		if header {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>`)
		}
		fmt.Fprintf(b, `<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="%s"/></w:pPr>`, a.val())
		run(b, text, header || bold)
		b.WriteString("</w:p></w:tc>")
	}
	b.WriteString("</w:tr>")
}

// WriteTo writes the .docx package.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	cw := &counter{w: w}
	zw := zip.NewWriter(cw)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", d.core()},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", styles},
		{"word/settings.xml", settings},
		{"word/footer1.xml", d.footerXML()},
		{"word/document.xml", d.document()},
	}
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: d.now})
		if err != nil {
			return cw.n, err
		}
		if _, err := io.WriteString(fw, f.body); err != nil {
			return cw.n, err
		}
	}
	err := zw.Close()
	return cw.n, err
}

type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func (d *Document) document() string {
	return xmlHead + `<w:document ` + wNS + `><w:body>` + d.body.String() +
		`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>` +
		`<w:pgSz w:w="11906" w:h="16838"/>` +
		`<w:pgMar w:top="1440" w:right="1587" w:bottom="1440" w:left="1587" w:header="851" w:footer="851" w:gutter="0"/>` +
		`</w:sectPr></w:body></w:document>`
}

func (d *Document) footerXML() string {
	var b bytes.Buffer
	b.WriteString(xmlHead + `<w:ftr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>`)
	if d.footer != "" {
		before, after, _ := strings.Cut(d.footer, "%s")
		run(&b, before, false)
		b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		run(&b, after, false)
	}
	b.WriteString(`</w:p></w:ftr>`)
	return b.String()
}

func (d *Document) core() string {
	var t bytes.Buffer
	xml.EscapeText(&t, []byte(clean(d.title)))
	ts := d.now.UTC().Format("2006-01-02T15:04:05Z")
	return xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + t.String() + `</dc:title><dc:creator>UnionBook</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:modified></cp:coreProperties>`
}

const contentTypes = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const packageRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`</Relationships>`

const settings = xmlHead + `<w:settings ` + wNS + `><w:defaultTabStop w:val="420"/>` +
	`<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// fonts: Latin letters in Times New Roman, Chinese in 宋体 (SimSun);
// headings in 黑体 (SimHei). Sizes in half-points: 12 pt text (小四),
// 10.5 pt tables (五号), 18 pt title (小二), 14 pt headings (四号).
func font(eastAsia string) string {
	return `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="` + eastAsia + `" w:cs="Times New Roman"/>`
}

var styles = xmlHead + `<w:styles ` + wNS + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` + font("宋体") + `<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="400" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="120"/></w:pPr><w:rPr>` + font("黑体") + `<w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>` + font("黑体") + `<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>` + font("楷体") + `<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:line="300" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:line="260" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
	`</w:styles>`
