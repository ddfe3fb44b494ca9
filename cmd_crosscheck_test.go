package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"unionbook/storage"
)

// The cross-check as the district and two townships would run it: the
// district makes a passphrase, both townships set it, one person is in
// both rosters, and merge names the pair by township, member number and
// name, never by ID number.
func TestCrosscheckAcrossTownships(t *testing.T) {
	t.Parallel() // its own files only
	dir := t.TempDir()
	r := runEN("crosscheck-key", "--new").expect(t, 0)
	pass := regexp.MustCompile(`passphrase: (\S+)`).FindStringSubmatch(r.stdout)
	fp := regexp.MustCompile(`fingerprint: ([0-9A-F ]{19})`).FindStringSubmatch(r.stdout)
	if pass == nil || fp == nil {
		t.Fatalf("--new printed %q", r.stdout)
	}
	passFile := filepath.Join(dir, "district-pass.txt")
	os.WriteFile(passFile, []byte(pass[1]+"\n"), 0o600)

	dbs := []string{filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")}
	for i, db := range dbs {
		runEN("demo", "--db", db, "--members", "60", "--seed", []string{"7", "8"}[i]).expect(t, 0)
		r := runZH("crosscheck-key", "--db", db).expect(t, 0)
		if !strings.Contains(r.stdout, "尚未设置") {
			t.Errorf("before: %s", r.stdout)
		}
		r = runEN("crosscheck-key", "--db", db, "--passphrase-file", passFile).expect(t, 0)
		if !strings.Contains(r.stdout, fp[1]) {
			t.Errorf("set printed %q, want fingerprint %s", r.stdout, fp[1])
		}
	}
	// Another passphrase is refused without --replace.
	other := filepath.Join(dir, "other.txt")
	os.WriteFile(other, []byte("a passphrase from somewhere else\n"), 0o600)
	r = runEN("crosscheck-key", "--db", dbs[0], "--passphrase-file", other).expect(t, 1)
	// the fingerprint grouped as the district published it
	if !strings.Contains(r.stderr, "--replace") || !strings.Contains(r.stderr, fp[1]) {
		t.Errorf("%s", r.stderr)
	}
	runEN("crosscheck-key", "--db", dbs[0]).expect(t, 0)

	// The first township's first member also joins in the second.
	st, err := storage.Open(dbs[0], storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := st.Members()
	st.Close()
	m := ms[0]
	st, _ = storage.Open(dbs[1], storage.Options{ReadOnly: true})
	units, _ := st.Units()
	st.Close()
	roster := filepath.Join(dir, "new.csv")
	os.WriteFile(roster, []byte("姓名,身份证号,所在单位,入会日期\n"+m.Name+","+m.IDNumber+","+units[0].Name+",2025-03-01\n"), 0o600)
	runZH("import", "members", roster, "--db", dbs[1]).expect(t, 0)

	out := filepath.Join(dir, "usb")
	os.Mkdir(out, 0o700)
	var pkgs []string
	for _, db := range dbs {
		r := runEN("export", "--db", db, "--period", "2026-H1", "--out", out).expect(t, 0)
		if !strings.Contains(r.stderr, fp[1]) {
			t.Errorf("export did not name the key: %s", r.stderr)
		}
		pkgs = append(pkgs, strings.TrimSpace(r.stdout))
	}
	list := filepath.Join(dir, "towns.txt")
	os.WriteFile(list, []byte("演示镇总工会\n红石街道总工会\n"), 0o600)
	merged := filepath.Join(dir, "district.xlsx")
	r = runZH("merge", pkgs[0], pkgs[1], "--out", merged, "--crosscheck-passphrase-file", passFile, "--expect", list).expect(t, 0)
	if !strings.Contains(r.stdout, "同一人两地在会") || !strings.Contains(r.stdout, "会员编号 "+m.No+" "+m.Name) {
		t.Errorf("merge did not name the pair:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "未报：红石街道总工会") {
		t.Errorf("merge did not name the missing township:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, m.IDNumber) || regexp.MustCompile(`\d{17}[\dX]`).MatchString(r.stdout) {
		t.Errorf("merge printed an ID number:\n%s", r.stdout)
	}
	// The wrong passphrase at the district: nothing compared, and it says so.
	r = runEN("merge", pkgs[0], pkgs[1], "--out", merged, "--crosscheck-passphrase-file", other).expect(t, 0)
	if !strings.Contains(r.stdout, "no package used the district's cross-check key") || strings.Contains(r.stdout, "member in two townships:") {
		t.Errorf("wrong key:\n%s", r.stdout)
	}
}

// unionbook report summary writes the document; a period not begun and an
// unknown report are refused.
func TestReportSummaryCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	runEN("demo", "--db", db, "--members", "60").expect(t, 0)
	out := filepath.Join(dir, "summary.docx")
	r := runZH("report", "summary", "--db", db, "--period", "2026-H1", "--out", out).expect(t, 0)
	if !strings.Contains(r.stdout, "summary.docx") {
		t.Errorf("%s", r.stdout)
	}
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "PK") {
		t.Fatalf("no document: %v", err)
	}
	runEN("report", "summary", "--db", db, "--period", "2031", "--out", out).expect(t, 1)
	runEN("report", "summary", "--db", db, "--out", out).expect(t, 2)
	runEN("report", "nothing", "--db", db).expect(t, 2)
}

// unionbook report survey writes the workbook and prints the failed checks.
func TestReportSurveyCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	runEN("demo", "--db", db, "--members", "60").expect(t, 0)
	out := filepath.Join(dir, "survey.xlsx")
	r := runZH("report", "survey", "--db", db, "--year", "2026", "--out", out).expect(t, 0)
	if !strings.Contains(r.stdout, "逻辑审核") || !strings.Contains(r.stdout, "survey.xlsx") {
		t.Errorf("%s", r.stdout)
	}
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "PK") {
		t.Fatalf("no workbook: %v", err)
	}
	runEN("report", "survey", "--db", db, "--out", out).expect(t, 2)
	runEN("report", "survey", "--db", db, "--year", "1999", "--out", out).expect(t, 1)
}
