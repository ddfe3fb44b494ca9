package roster

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/storage"
)

// Hostile and broken rosters: each is refused quickly, in little memory,
// with a message in both languages that says what the file is.

// bombXLSX writes a workbook of 1 MB or so whose sheet unzips to declared
// bytes (and, when lie is set, declares only 2,000 while holding that
// much): the deflate stream is one compressed megabyte of cells repeated,
// which decompresses, copy after copy, to the same megabyte.
func bombXLSX(t *testing.T, unzipped int64, lie bool) string {
	t.Helper()
	good := writeXLSX(t, "Sheet1", [][]any{{"姓名", "身份证号"}, {"张三", "350303199002033073"}})
	chunk := bytes.Repeat([]byte(`<row><c t="inlineStr"><is><t>11010119900307867X</t></is></c></row>`), (1<<20)/66)
	var block bytes.Buffer
	fw, _ := flate.NewWriter(&block, flate.BestCompression)
	fw.Write(chunk)
	fw.Flush() // byte-aligned, no back-reference beyond itself: it repeats
	copies := unzipped / int64(len(chunk))
	var stream bytes.Buffer
	crc := crc32.NewIEEE()
	head := []byte(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	hw, _ := flate.NewWriter(&stream, flate.BestSpeed)
	hw.Write(head)
	hw.Flush()
	crc.Write(head)
	for range copies {
		stream.Write(block.Bytes())
		crc.Write(chunk)
	}
	tail, _ := flate.NewWriter(&stream, flate.BestSpeed)
	tail.Close() // the final, empty block
	size := uint64(len(head)) + uint64(copies)*uint64(len(chunk))
	if lie {
		size = 2000
	}
	src, err := zip.OpenReader(good)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	out := filepath.Join(t.TempDir(), "bomb.xlsx")
	f, _ := os.Create(out)
	zw := zip.NewWriter(f)
	for _, e := range src.File {
		if e.Name == "xl/worksheets/sheet1.xml" {
			w, _ := zw.CreateRaw(&zip.FileHeader{Name: e.Name, Method: zip.Deflate, CRC32: crc.Sum32(),
				CompressedSize64: uint64(stream.Len()), UncompressedSize64: size})
			w.Write(stream.Bytes())
			continue
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate})
		r, _ := e.Open()
		b := new(bytes.Buffer)
		b.ReadFrom(r)
		r.Close()
		w.Write(b.Bytes())
	}
	zw.Close()
	f.Close()
	return out
}

// refusedQuickly reads the file as an import does and wants the error key,
// within seconds and a few megabytes of allocation.
func refusedQuickly(t *testing.T, path, key string, maxAlloc uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	st := newStore(t, "青山厂")
	_, err := Load(t.Context(), path, "", st, Options{Kind: Members, Today: testToday})
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, i18n.E(key)) {
		t.Fatalf("%s: %v, want %s", filepath.Base(path), err, key)
	}
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		if msg := i18n.Text(err, l); !strings.Contains(msg, filepath.Base(path)) && !strings.Contains(msg, "CSV") {
			t.Errorf("the message does not name the file: %s", msg)
		}
	}
	t.Logf("%s refused in %v, %d KB allocated", filepath.Base(path), took.Round(time.Millisecond), (after.TotalAlloc-before.TotalAlloc)>>10)
	if took > 5*time.Second {
		t.Errorf("refused after %v", took)
	}
	if a := after.TotalAlloc - before.TotalAlloc; a > maxAlloc {
		t.Errorf("allocated %d MB to refuse it", a>>20)
	}
}

func TestZipBombIsRefusedBeforeUnzipping(t *testing.T) {
	bomb := bombXLSX(t, 1<<30, false)
	if fi, _ := os.Stat(bomb); fi.Size() > 4<<20 {
		t.Fatalf("the bomb is %d bytes", fi.Size())
	}
	t.Logf("the bomb is a %.1f MB file", float64(fileSize(bomb))/(1<<20))
	refusedQuickly(t, bomb, "import.xlsx_too_large", 16<<20)
}

// A zip whose sheet holds far more than it declares is cut off by the zip
// reader at the declared size: a damaged file, not gigabytes in memory.
func TestLyingZipIsDamaged(t *testing.T) {
	refusedQuickly(t, bombXLSX(t, 64<<20, true), "import.xlsx_damaged", 64<<20)
}

func TestPasswordProtectedWorkbook(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "姓名")
	path := filepath.Join(t.TempDir(), "locked.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: "secret"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	refusedQuickly(t, path, "import.xlsx_password", 16<<20)
	// an old .xls is still called one
	xls := filepath.Join(t.TempDir(), "old.xls")
	os.WriteFile(xls, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 2048)...), 0o600)
	refusedQuickly(t, xls, "import.old_xls", 16<<20)
}

func TestZipWithoutWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "photos.xlsx")
	f, _ := os.Create(path)
	zw := zip.NewWriter(f)
	w, _ := zw.Create("photo.jpg")
	w.Write([]byte("not a sheet"))
	zw.Close()
	f.Close()
	refusedQuickly(t, path, "import.xlsx_no_workbook", 16<<20)
}

func TestBrokenWorkbooks(t *testing.T) {
	good := writeXLSX(t, "Sheet1", [][]any{{"姓名", "身份证号"}, {"张三", "350303199002033073"}})
	data, _ := os.ReadFile(good)
	dir := t.TempDir()
	cut := filepath.Join(dir, "cut.xlsx")
	os.WriteFile(cut, data[:len(data)/2], 0o600)
	refusedQuickly(t, cut, "import.xlsx_damaged", 16<<20)
	renamed := filepath.Join(dir, "notes.xlsx")
	os.WriteFile(renamed, []byte("姓名,身份证号\n"), 0o600)
	refusedQuickly(t, renamed, "import.xlsx_not_zip", 16<<20)
	// a sheet that is not the XML it should be, in a sound zip: no header
	bad := filepath.Join(dir, "badxml.xlsx")
	rewriteEntry(t, good, bad, "xl/worksheets/sheet1.xml", []byte(`<worksheet><sheetData><row><c><v>1</v></row`))
	p, err := Load(t.Context(), bad, "", newStore(t), Options{Kind: Members, Today: testToday})
	if err != nil || len(p.FileIssues) == 0 || p.FileIssues[0].P.Key != "import.no_header" {
		t.Errorf("a broken sheet: %v %v", err, p)
	}
	// a part whose bytes were altered: its checksum fails
	flipped := append([]byte(nil), data...)
	i := bytes.Index(flipped, []byte("xl/worksheets/sheet1.xml")) + 40
	flipped[i] ^= 0xff
	alt := filepath.Join(dir, "flipped.xlsx")
	os.WriteFile(alt, flipped, 0o600)
	refusedQuickly(t, alt, "import.xlsx_damaged", 16<<20)
	if _, err := ReadFile(dir, ""); !errors.Is(err, i18n.E("import.is_folder")) {
		t.Errorf("a folder: %v", err)
	}
}

// rewriteEntry copies a workbook with one part replaced.
func rewriteEntry(t *testing.T, from, to, name string, data []byte) {
	t.Helper()
	src, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	f, _ := os.Create(to)
	zw := zip.NewWriter(f)
	for _, e := range src.File {
		w, _ := zw.Create(e.Name)
		if e.Name == name {
			w.Write(data)
			continue
		}
		r, _ := e.Open()
		b := new(bytes.Buffer)
		b.ReadFrom(r)
		r.Close()
		w.Write(b.Bytes())
	}
	zw.Close()
	f.Close()
}

func TestTooManyCellsOrRows(t *testing.T) {
	defer func(c, r int) { maxCells, maxRows = c, r }(maxCells, maxRows)
	maxCells = 1000
	var b strings.Builder
	b.WriteString("姓名,身份证号,单位,入会时间\n")
	for range 300 {
		b.WriteString("张三,350303199002033073,青山厂,2020-01-01\n")
	}
	path := filepath.Join(t.TempDir(), "many.csv")
	os.WriteFile(path, []byte(b.String()), 0o600)
	refusedQuickly(t, path, "import.too_many_cells", 16<<20)
	rows := [][]any{{"姓名", "身份证号"}}
	for range 600 {
		rows = append(rows, []any{"张三", "350303199002033073"})
	}
	refusedQuickly(t, writeXLSX(t, "Sheet1", rows), "import.too_many_cells", 16<<20)
	maxCells, maxRows = 1_000_000, 100
	refusedQuickly(t, path, "import.too_many_rows", 16<<20)
	refusedQuickly(t, writeXLSX(t, "Sheet1", rows), "import.too_many_rows", 16<<20)
}

// An unclosed quote swallowed the rest of the file into one cell without a
// word; now the row where it opens is named.
func TestUnclosedQuoteNamesItsRow(t *testing.T) {
	csv := "工会会员名册\n姓名,身份证号,单位\n张三,350303199002033073,青山厂\n李四,\"11010519491231002X,青山厂\n王五,110105194912310021,青山厂\n"
	_, err := ReadCSV([]byte(csv))
	if !errors.Is(err, i18n.E("import.csv_unclosed_quote")) {
		t.Fatalf("unclosed quote: %v", err)
	}
	if msg := i18n.Text(err, i18n.ZH); !strings.Contains(msg, "第 4 行") {
		t.Errorf("%s", msg)
	}
	if msg := i18n.Text(err, i18n.EN); !strings.Contains(msg, "row 4") {
		t.Errorf("%s", msg)
	}
	for _, ok := range []string{
		"a,b\n\"x\",\"y\"\n",            // closed quotes
		"a,b\n\"x\ny\",z\n",             // a line break inside a closed quote
		"a,b\n\"x\"\"y\",z",             // a doubled quote, no final newline
		"a,b\n张\"三,z\n",                 // a quote inside an unquoted field
		"a,b\n\"x\"y\",z\n",             // a stray quote inside a quoted field, closed later
		"a;b\r\n\"x;y\";z\r\n",          // semicolons, Windows line ends
		"a,b\n\"x\",\"y\"",              // closed at the very end
		"a\tb\n\"x\ty\"\tz\n\n\n\"\"\n", // tabs and an empty quoted field last
	} {
		if _, err := ReadCSV([]byte(ok)); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"a,b\n\"x", "a,b\nx,\"y\nz\n", "a,b\n\"x\"y,z\n", "a,b\n\"x\"\""} {
		if _, err := ReadCSV([]byte(bad)); !errors.Is(err, i18n.E("import.csv_unclosed_quote")) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// A roster with a header and no row under it is nothing to import: a
// problem of the file, and Commit takes no backup and writes nothing.
func TestHeaderOnlyIsNothingToImport(t *testing.T) {
	st := newStore(t, "青山厂")
	path := writeXLSX(t, "Sheet1", [][]any{{"会员花名册"}, {"姓名", "身份证号", "工作单位", "入会时间"}})
	p, err := Load(t.Context(), path, "", st, Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.FileIssues) != 1 || p.FileIssues[0].P.Key != "import.no_rows" {
		t.Fatalf("file issues %v", p.FileIssues)
	}
	if msg := p.FileIssues[0].Localize(i18n.ZH); !strings.Contains(msg, "第 2 行") {
		t.Errorf("%s", msg)
	}
	defer func(f func(*storage.Store) (string, error)) { BackupBeforeImport = f }(BackupBeforeImport)
	backups := 0
	BackupBeforeImport = func(*storage.Store) (string, error) { backups++; return "b", nil }
	// a plan with only skipped rows has nothing to write either
	p2 := &Plan{Kind: Members, Items: []Item{{Row: 3, Action: Skip}}}
	res, err := p2.Commit(t.Context(), st, "test", nil)
	if err != nil || res.Backup != "" || backups != 0 {
		t.Errorf("nothing to write: %+v %v, %d backups", res, err, backups)
	}
}

// Twenty thousand columns nobody knows: the header is found, and the list
// of ignored columns a caller prints is capped.
func TestManyUnknownColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString("姓名,身份证号,工作单位,入会时间")
	for i := range 20000 {
		b.WriteString(",备用" + strings.Repeat("x", i%7))
	}
	b.WriteString("\n张三,350303199002033073,青山厂,2020-01-01\n")
	tab, err := ReadCSV([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	h := FindHeader(tab, Members)
	if h.Index != 0 || len(h.Unknown) != 20000 {
		t.Fatalf("header %d, %d unknown", h.Index, len(h.Unknown))
	}
	names, more := h.UnknownNames(20)
	if len(names) != 20 || more != 19980 || names[0] != "E 备用" {
		t.Errorf("%d names (%q…), %d more", len(names), names[0], more)
	}
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}
