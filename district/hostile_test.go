package district

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/scratch"
	"unionbook/storage"
)

// repack writes a copy of a package whose data was changed by change and
// whose manifest is made to agree (sizes and SHA-256 recomputed): what a
// careful forger, or a bug in another program, would hand over. It
// passes verification.
func repack(t *testing.T, path string, change func(files map[string][]byte, m *Manifest)) string {
	t.Helper()
	files := zipFiles(t, path)
	var m Manifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	delete(files, "manifest.json")
	change(files, &m)
	if m.Files != nil {
		for i := range m.Files {
			if b, ok := files[m.Files[i].Path]; ok {
				sum := sha256.Sum256(b)
				m.Files[i].Size, m.Files[i].SHA256 = int64(len(b)), hex.EncodeToString(sum[:])
			}
		}
	}
	out := filepath.Join(t.TempDir(), "forged.zip")
	f, _ := os.Create(out)
	zw := zip.NewWriter(f)
	for name, b := range files {
		w, _ := zw.Create(name)
		w.Write(b)
	}
	w, _ := zw.Create("manifest.json")
	json.NewEncoder(w).Encode(m)
	zw.Close()
	f.Close()
	return out
}

// replaceLine replaces the first line of a data file that holds old.
func replaceIn(t *testing.T, files map[string][]byte, name, old, new string) {
	t.Helper()
	if !bytes.Contains(files[name], []byte(old)) {
		t.Fatalf("%s holds no %q", name, old)
	}
	files[name] = bytes.Replace(files[name], []byte(old), []byte(new), 1)
}

// The manifest's texts are shown by verify, merge and import package:
// they come out of OpenPackage without terminal escapes or bidi controls.
func TestManifestTextIsCleaned(t *testing.T) {
	st := demoStore(t, 11, "", 30)
	res := writePkg(t, st, "2026-Q1", nil)
	forged := repack(t, res.Path, func(_ map[string][]byte, m *Manifest) {
		m.Union.Name = "\x1b[2J\x1b]0;pwned\a青山\u202e镇总工会"
		m.Period.Text = "2026\x1b[31m-Q1"
		m.Counts["evil\x1b[5m"] = 1
	})
	p, err := OpenVerified(context.Background(), forged, Keys{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if got := p.Manifest.Union.Name; got != "青山镇总工会" {
		t.Errorf("union name %q", got)
	}
	if strings.Contains(p.Manifest.Period.Text, "\x1b") {
		t.Errorf("period %q", p.Manifest.Period.Text)
	}
	for k := range p.Manifest.Counts {
		if strings.Contains(k, "\x1b") {
			t.Errorf("count key %q", k)
		}
	}
	// an entry name with an escape is refused, and the message shows none
	bad := repack(t, res.Path, func(files map[string][]byte, m *Manifest) {
		files["data/\x1b[2Jx.jsonl"] = []byte("{}\n")
		m.Files = append(m.Files, ManifestFile{Path: "data/\x1b[2Jx.jsonl"})
	})
	_, err = OpenPackage(bad, Keys{})
	if !errors.Is(err, i18n.E("pkg.unsafe_entry")) || strings.Contains(i18n.Text(err, i18n.ZH), "\x1b") {
		t.Errorf("entry with an escape: %v", err)
	}
}

// A negative size in the manifest says so (it was "unsafe file name").
func TestNegativeSizeIsNamed(t *testing.T) {
	st := demoStore(t, 12, "", 20)
	res := writePkg(t, st, "2026-Q1", nil)
	files := zipFiles(t, res.Path)
	var m Manifest
	json.Unmarshal(files["manifest.json"], &m)
	m.Files[0].Size = -5
	b, _ := json.Marshal(m)
	bad := rezip(t, res.Path, map[string][]byte{"manifest.json": b})
	_, err := OpenPackage(bad, Keys{})
	if !errors.Is(err, i18n.E("pkg.bad_size")) {
		t.Fatalf("negative size: %v", err)
	}
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		if msg := i18n.Text(err, l); !strings.Contains(msg, m.Files[0].Path) || !strings.Contains(msg, "-5") {
			t.Errorf("%s", msg)
		}
	}
}

// A data line longer than the limit is named with its file and line, not
// "bufio.Scanner: token too long".
func TestOverlongLineIsNamed(t *testing.T) {
	defer func(n int) { maxLine = n }(maxLine)
	maxLine = 1 << 20
	st := demoStore(t, 13, "", 20)
	res := writePkg(t, st, "2026-Q1", nil)
	forged := repack(t, res.Path, func(files map[string][]byte, _ *Manifest) {
		files["data/units.jsonl"] = append(files["data/units.jsonl"], []byte(`{"id":99,"name":"`+strings.Repeat("长", 1<<19)+`"}`+"\n")...)
	})
	p, err := OpenVerified(context.Background(), forged, Keys{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	st2 := emptyStore(t)
	_, err = ImportPackage(context.Background(), p, st2)
	if !errors.Is(err, i18n.E("pkg.line_too_long")) {
		t.Fatalf("over-long line: %v", err)
	}
	if msg := i18n.Text(err, i18n.ZH); strings.Contains(msg, "bufio") || !strings.Contains(msg, "data/units.jsonl") {
		t.Errorf("message %q", msg)
	}
	assertEmpty(t, st2)
}

func assertEmpty(t *testing.T, st *storage.Store) {
	t.Helper()
	if us, _ := st.Units(); len(us) != 0 {
		t.Fatalf("a failed import left %d units", len(us))
	}
	if ms, _ := st.Members(); len(ms) != 0 {
		t.Fatalf("a failed import left %d members", len(ms))
	}
}

// A package whose data is inconsistent (a member in a unit the package
// does not hold) loads nothing: the check runs inside the transaction.
// The database stays empty, so the corrected package then loads.
func TestInconsistentPackageLoadsNothing(t *testing.T) {
	st := demoStore(t, 14, "", 40)
	res := writePkg(t, st, "2026-Q1", nil)
	forged := repack(t, res.Path, func(files map[string][]byte, _ *Manifest) {
		replaceIn(t, files, "data/members.jsonl", `"unit_id":1,`, `"unit_id":9999,`)
	})
	p, err := OpenVerified(context.Background(), forged, Keys{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	st2 := emptyStore(t)
	_, err = ImportPackage(context.Background(), p, st2)
	var ce *CheckError
	if !errors.As(err, &ce) || ce.Report.OK() {
		t.Fatalf("inconsistent package: %v", err)
	}
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		if msg := ce.Localize(l); !strings.Contains(msg, forged) || !strings.Contains(msg, "9999") {
			t.Errorf("message does not name the package and the problem:\n%s", msg)
		}
	}
	assertEmpty(t, st2)
	good, err := OpenVerified(context.Background(), res.Path, Keys{})
	if err != nil {
		t.Fatal(err)
	}
	defer good.Close()
	if _, err := ImportPackage(context.Background(), good, st2); err != nil {
		t.Fatalf("the retry is refused: %v", err)
	}
}

// Names and notes from a package are cleaned as a form's or a roster's
// are: no terminal escape, no bidi control reaches the database.
func TestPackageTextIsCleanedOnImport(t *testing.T) {
	st := demoStore(t, 15, "", 20)
	ms, _ := st.Members()
	us, _ := st.Units()
	res := writePkg(t, st, "2026-Q1", nil)
	forged := repack(t, res.Path, func(files map[string][]byte, _ *Manifest) {
		replaceIn(t, files, "data/members.jsonl", `"name":"`+ms[0].Name+`"`, `"name":"`+ms[0].Name+`\u202e\u001b[2J","notes":"a\u2066b\u001b]0;x\u0007"`)
		replaceIn(t, files, "data/units.jsonl", `"name":"`+us[0].Name+`"`, `"name":"\u202d`+us[0].Name+`"`)
	})
	p, err := OpenVerified(context.Background(), forged, Keys{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	st2 := emptyStore(t)
	if _, err := ImportPackage(context.Background(), p, st2); err != nil {
		t.Fatal(err)
	}
	m, err := st2.Member(ms[0].ID)
	if err != nil || m.Name != ms[0].Name || m.Notes != "ab" {
		t.Errorf("member stored as %q, notes %q", m.Name, m.Notes)
	}
	u, err := st2.Unit(us[0].ID)
	if err != nil || u.Name != us[0].Name {
		t.Errorf("unit stored as %q", u.Name)
	}
}

// An encrypted export writes nothing in plain text to disk: its workbooks
// are built in memory, so the scratch session holds no file at any step
// (its lock, and the list naming the half-written package, hold no data),
// and nothing is left afterwards.
func TestEncryptedExportKeepsNothingOnDisk(t *testing.T) {
	st := demoStore(t, 16, "", 60)
	var seen []string
	look := func(_, _ int, step string) {
		filepath.WalkDir(scratch.Folder(st.Path()), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".lock") && !strings.HasSuffix(p, ".track") {
				seen = append(seen, step+": "+p)
			}
			return nil
		})
	}
	res := writePkg(t, st, "2026", func(o *PackageOptions) { o.Passphrase = "secret"; o.Progress = look })
	if len(seen) > 0 {
		t.Errorf("files in the scratch folder during an encrypted export: %v", seen)
	}
	if ents, _ := os.ReadDir(scratch.Folder(st.Path())); len(ents) != 0 {
		t.Errorf("the scratch folder keeps %d entries", len(ents))
	}
	if ents, _ := os.ReadDir(filepath.Dir(res.Path)); len(ents) != 1 {
		t.Errorf("the export folder holds %d files, want the package only", len(ents))
	}
}

// lineOf is the number of the first line of a data file that holds s.
func lineOf(t *testing.T, data []byte, s string) int {
	t.Helper()
	for i, line := range bytes.Split(data, []byte("\n")) {
		if bytes.Contains(line, []byte(s)) {
			return i + 1
		}
	}
	t.Fatalf("no line holds %q", s)
	return 0
}

// Every record of a package keeps the model's rules, as a form's or a
// roster's must: the reviewer loaded an empty name, an ID number with a
// wrong check digit, gender 9 and a 20 MB note, and check said OK. Each is
// refused naming the file, the line and the rule; nothing is written.
func TestInvalidRecordsAreRefusedNamingFileAndLine(t *testing.T) {
	st := demoStore(t, 17, "", 30)
	ms, _ := st.Members()
	us, _ := st.Units()
	res := writePkg(t, st, "2026-Q1", nil)
	m, u := ms[2], us[1]
	badID := m.IDNumber[:17] + map[bool]string{true: "1", false: "2"}[m.IDNumber[17] != '1']
	for _, c := range []struct {
		name, file, find, old, new string
		zh, en                     string
	}{
		{"empty name", "data/members.jsonl", m.IDNumber, `"name":"` + m.Name + `"`, `"name":""`, "姓名", "Name"},
		{"check digit", "data/members.jsonl", m.IDNumber, `"id_number":"` + m.IDNumber + `"`, `"id_number":"` + badID + `"`, "身份证", "ID"},
		{"gender 9", "data/members.jsonl", m.IDNumber, `"id_number":"` + m.IDNumber + `"`, `"gender":9,"id_number":"` + m.IDNumber + `"`, "性别", "Gender"},
		{"20 MB note", "data/members.jsonl", m.IDNumber, `"id_number":"` + m.IDNumber + `"`, `"notes":"` + strings.Repeat("备", 7<<20) + `","id_number":"` + m.IDNumber + `"`, "不能超过 500 个字", "at most 500 characters"},
		{"unit notes", "data/units.jsonl", u.Name, `"name":"` + u.Name + `"`, `"name":"` + u.Name + `","notes":"` + strings.Repeat("n", 501) + `"`, "不能超过 500 个字", "at most 500 characters"},
		{"negative employees", "data/units.jsonl", `"employees":`, `"employees":`, `"employees":-`, "职工人数", "mployees"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var line int
			forged := repack(t, res.Path, func(files map[string][]byte, _ *Manifest) {
				line = lineOf(t, files[c.file], c.find)
				replaceIn(t, files, c.file, c.old, c.new)
			})
			p, err := OpenVerified(context.Background(), forged, Keys{})
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			st2 := emptyStore(t)
			_, err = ImportPackage(context.Background(), p, st2)
			if err == nil {
				t.Fatal("the invalid record was loaded")
			}
			for _, w := range []struct {
				l    i18n.Lang
				want []string
			}{
				{i18n.ZH, []string{c.file, fmt.Sprintf("第 %d 行", line), c.zh}},
				{i18n.EN, []string{c.file, fmt.Sprintf("line %d", line), c.en}},
			} {
				msg := i18n.Text(err, w.l)
				for _, want := range w.want {
					if !strings.Contains(msg, want) {
						t.Errorf("%s message %q does not say %q", w.l.Code(), msg, want)
					}
				}
			}
			assertEmpty(t, st2)
		})
	}
}
