package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unionbook/storage"
)

// export --help says what the data files hold and what they never hold
// (issue 16: cases travel as figures only; health, disability and bank
// details never).
func TestExportHelpSaysWhatAPackageHolds(t *testing.T) {
	for _, c := range []struct {
		run        func(...string) result
		holds, not []string
		never      string
	}{
		{runEN, []string{"members", "unorganised employers", "honours", "audit log"}, []string{"cases or risk checks", "figures only", "health, disability and bank details"}, "every record"},
		{runZH, []string{"会员", "未建会单位", "荣誉", "操作日志"}, []string{"不含维权案件和隐患排查", "统计数字", "健康、残疾和银行账户信息"}, "全部记录"},
	} {
		r := c.run("export", "--help").expect(t, 0)
		for _, w := range append(c.holds, c.not...) {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("export --help does not say %q:\n%s", w, r.stdout)
			}
		}
		if strings.Contains(r.stdout, c.never) {
			t.Errorf("export --help still says %q:\n%s", c.never, r.stdout)
		}
	}
}

// The command-line contract of export, verify, merge and import package,
// as a new user would try it.
func TestExportVerifyMergeImportPackage(t *testing.T) {
	t.Parallel() // its own files only
	dir := t.TempDir()
	out := filepath.Join(dir, "usb")
	os.Mkdir(out, 0o700)
	var pkgs []string
	for i, seed := range []string{"1", "2", "3"} {
		db := filepath.Join(dir, "t"+seed+".db")
		runEN("demo", "--db", db, "--members", "80", "--seed", seed).expect(t, 0)
		run := runZH
		if i == 1 {
			run = runEN
		}
		r := run("export", "--db", db, "--period", "2026-H1", "--out", out).expect(t, 0)
		path := strings.TrimSpace(r.stdout)
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("export printed %q: %v", path, err)
		}
		pkgs = append(pkgs, path)
	}
	r := runZH("verify", pkgs[0]).expect(t, 0)
	if !strings.Contains(r.stdout, "数据包完好") || !strings.Contains(r.stdout, "2026-H1") || !strings.Contains(r.stdout, "数据范围") || !strings.Contains(r.stdout, "本期记录") {
		t.Errorf("%s", r.stdout)
	}
	// One byte altered: verify names the file.
	raw, _ := os.ReadFile(pkgs[0])
	i := strings.Index(string(raw), "reports/01")
	raw[i+400] ^= 1
	bad := filepath.Join(dir, "bad.zip")
	os.WriteFile(bad, raw, 0o600)
	r = runEN("verify", bad).expect(t, 1)
	if !strings.Contains(r.stderr, "altered: reports/01-") {
		t.Errorf("%s", r.stderr)
	}
	merged := filepath.Join(dir, "district.xlsx")
	r = runZH(append(append([]string{"merge"}, pkgs...), "--out", merged)...).expect(t, 0)
	if !strings.Contains(r.stdout, "3 个数据包") {
		t.Errorf("%s", r.stdout)
	}
	runEN(append(append([]string{"merge"}, pkgs...), pkgs[0], "--out", merged)...).expect(t, 1)
	runEN("merge", pkgs[1], bad, "--out", merged).expect(t, 1)
	// import package into a new database, then check it.
	db2 := filepath.Join(dir, "new.db")
	r = runEN("import", "package", pkgs[0], "--db", db2).expect(t, 0)
	if !strings.Contains(r.stdout, "imported the package") || !strings.Contains(r.stdout, "holds the records of 2026-H1 only") {
		t.Errorf("%s", r.stdout)
	}
	// It says what a package leaves out, so nobody takes it for a backup.
	for _, want := range []string{"cases and risk checks", "figures only", "health, disability and bank details", "unionbook backup"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("import package does not say %q:\n%s", want, r.stdout)
		}
	}
	runEN("check", "--db", db2).expect(t, 0)
	runEN("import", "package", pkgs[0], "--db", db2).expect(t, 1) // not empty any more
	// --whole: every record, loaded without the word about one period.
	r = runEN("export", "--db", filepath.Join(dir, "t2.db"), "--period", "2026-H1", "--out", out, "--whole").expect(t, 0)
	db3 := filepath.Join(dir, "whole.db")
	r = runZH("import", "package", strings.TrimSpace(r.stdout), "--db", db3).expect(t, 0)
	if strings.Contains(r.stdout, "只含") {
		t.Errorf("a whole package said it holds one period:\n%s", r.stdout)
	}
	runEN("check", "--db", db3).expect(t, 0)
	// t2.db's past exports: the period package, then the whole one
	st, err := storage.Open(filepath.Join(dir, "t2.db"), storage.Options{NoDailyBackup: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := st.Exports(0)
	st.Close()
	if err != nil || len(recs) != 2 || recs[0].PeriodOnly || !recs[1].PeriodOnly || recs[1].Period != "2026-H1" {
		t.Errorf("the exports recorded do not say what their packages held: %+v (%v)", recs, err)
	}
	r = runZH("import", "package", pkgs[1], "--db", filepath.Join(dir, "period-zh.db")).expect(t, 0)
	if !strings.Contains(r.stdout, "只含 2026-H1 这一期间的记录") {
		t.Errorf("%s", r.stdout)
	}

	// Bad input.
	db := filepath.Join(dir, "t1.db")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "--db", db, "--period", "2026-13", "--out", out}, 1, "cannot read the period"},
		{[]string{"export", "--db", db, "--period", "2031", "--out", out}, 1, "no data"},
		{[]string{"export", "--db", db, "--period", "2026", "--out", filepath.Join(dir, "nope")}, 1, "does not exist"},
		{[]string{"verify", db}, 1, "not a district package"},
		{[]string{"verify", filepath.Join(dir, "missing.zip")}, 1, "does not exist"},
	} {
		r := runEN(c.args...).expect(t, c.code)
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %s", c.args, r.stderr)
		}
	}
	// Encrypted with a passphrase; the wrong one is refused.
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("secret words\n"), 0o600)
	r = runEN("export", "--db", db, "--period", "2026-Q1", "--out", out, "--passphrase-file", pass).expect(t, 0)
	enc := strings.TrimSpace(r.stdout)
	runEN("verify", enc, "--passphrase-file", pass).expect(t, 0)
	os.WriteFile(pass, []byte("other words\n"), 0o600)
	r = runEN("verify", enc, "--passphrase-file", pass).expect(t, 1)
	if !strings.Contains(r.stderr, "wrong passphrase") {
		t.Errorf("%s", r.stderr)
	}
}
