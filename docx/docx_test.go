package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"unionbook/officetest"
)

func sample() *Document {
	d := New("青山镇总工会 2026年上半年工作总结数据", "第 %s 页", time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC))
	d.Title("青山镇总工会 2026年上半年工作总结数据")
	d.Subtitle("统计期间：2026-01-01 至 2026-06-30")
	d.Heading(1, "一、组织建设")
	d.Paragraph("期末会员 1,234 人，去年同期 1,200 人，增加 34 人。\x01<&>")
	d.Table([]Column{{"指标", 4, Left}, {"本期", 2, Right}, {"去年同期", 2, Right}, {"来源", 6, Left}},
		[][]string{{"会员", "1,234", "1,200", "会员名册"}, {"合计", "1,234"}}, map[int]bool{1: true})
	d.Note("注：数字均来自账簿。")
	return d
}

func TestDocumentIsWellFormed(t *testing.T) {
	var buf bytes.Buffer
	if _, err := sample().WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var doc string
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
		if f.Name == "word/document.xml" {
			doc = string(b)
		}
	}
	if !strings.Contains(doc, "增加 34 人。&lt;&amp;&gt;") || strings.Contains(doc, "\x01") {
		t.Errorf("text not escaped or control character kept: %s", doc)
	}
	if strings.Count(doc, "<w:tr>") != 3 || !strings.Contains(doc, "<w:tblHeader/>") {
		t.Error("the table lost rows or its repeated header")
	}
}

// LibreOffice reads the document as WPS and Word would: its text, in
// order, with the table's cells. Run where LibreOffice is installed (the
// CI machine does not install it).
func TestLibreOfficeReadsTheDocument(t *testing.T) {
	officetest.Need(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "summary.docx")
	f, _ := os.Create(path)
	defer os.WriteFile("/tmp/lo/s.docx", nil, 0o600)
	sample().WriteTo(f)
	f.Close()
	text := officetest.Convert(t, path, "txt:Text (encoded):UTF8", ".txt")
	for _, want := range []string{"青山镇总工会 2026年上半年工作总结数据", "一、组织建设", "期末会员 1,234 人", "去年同期", "会员名册", "注：数字均来自账簿。"} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's text lacks %q:\n%s", want, text)
		}
	}
}
