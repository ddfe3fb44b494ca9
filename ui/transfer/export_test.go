package transfer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"unionbook/demo"
	"unionbook/district"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/uitest"
)

// exportStore is a small demo township, its clock fixed.
func exportStore(t *testing.T) *storage.Store {
	t.Helper()
	st := uitest.OpenStoreWith(t, storage.Options{Now: func() time.Time { return testNow }, NoDailyBackup: true})
	if err := demo.Load(st, demo.Options{Seed: 7, Units: 3, Members: 60, Today: model.DateOf(testNow)}); err != nil {
		t.Fatal(err)
	}
	return st
}

// exportPage is the tab on exportStore, the page 80x24.
func exportPage(t *testing.T, lang i18n.Lang) *harness {
	t.Helper()
	return open(t, exportStore(t), lang, 80, 28)
}

func eachExport(t *testing.T, fn func(t *testing.T, hs *harness)) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) { fn(t, exportPage(t, lang)) })
}

// setField focuses a field of the export form and replaces its text.
func setField(t *testing.T, hs *harness, x exField, text string) *exportForm {
	t.Helper()
	f := top[*exportForm](t, hs)
	for i := 0; i < 10 && f.focus != x; i++ {
		hs.Keys("down")
	}
	if f.focus != x {
		t.Fatalf("field %d not reached", x)
	}
	hs.Keys("ctrl+u")
	hs.Type(text)
	return f
}

// exportScreen is screen() with the ambiguous-width glyphs refused.
func exportScreen(t *testing.T, hs *harness) string {
	t.Helper()
	out := screen(t, hs)
	uitest.CheckGlyphs(t, out, "“", "”", "…", "·", "→", "↑", "↓", "█", "░", "─")
	return out
}

func TestGoldenExportMenu(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, exportStore(t), lang, w, h)
		top[*menu](t, hs)
		if hs.P.Capturing() {
			t.Error("the menu takes typing")
		}
		uitest.CheckGlyphs(t, hs.Screen(), "“", "”", "…", "·", "→", "↑", "↓", "█", "░", "─")
		hs.RequireGolden()
	})
}

func TestGoldenExportFormBadPeriod(t *testing.T) {
	eachExport(t, func(t *testing.T, hs *harness) {
		hs.Keys("E")
		if !hs.P.Capturing() {
			t.Fatal("the form does not take typing")
		}
		f := setField(t, hs, exPeriod, "2025-13")
		out := exportScreen(t, hs)
		want := plain(i18n.Text(i18n.E("export.bad_period", "2025-13"), hs.C.Lang))
		if !strings.Contains(strings.ReplaceAll(out, "\n", ""), want[:20]) {
			t.Errorf("no period message %q:\n%s", want, out)
		}
		// The real cursor is after the typed text, in the period's input.
		cur := hs.P.Cursor()
		if cur == nil || cur.Y != 2 || cur.X != f.labelWidth()+len("2025-13") {
			t.Errorf("cursor %+v", cur)
		}
		// ctrl+s does not go on with a bad period.
		hs.Keys("ctrl+s")
		if top[*exportForm](t, hs) != f || f.focus != exPeriod {
			t.Errorf("focus %d", f.focus)
		}
		golden.RequireEqual(t, []byte(out))
	})
}

func TestGoldenExportPreview(t *testing.T) {
	eachExport(t, func(t *testing.T, hs *harness) {
		hs.Keys("E")
		f := setField(t, hs, exDir, "testdata/fi")
		hs.Keys("tab")
		if got := f.dir.Value(); got != "testdata/files/" {
			t.Fatalf("completed to %q", got)
		}
		hs.Keys("enter")
		x := top[*exportPreview](t, hs)
		if x.pv.Counts["members"] != 60 {
			t.Errorf("counts %v", x.pv.Counts)
		}
		screen := exportScreen(t, hs)
		for _, internal := range []string{"计数器", "counters", "profile"} { // the user's words
			if strings.Contains(screen, internal) {
				t.Errorf("the preview says %q:\n%s", internal, screen)
			}
		}
		golden.RequireEqual(t, []byte(screen))
	})
}

// exportTo fills the form for dir and runs the export to its end.
func exportTo(t *testing.T, hs *harness, dir string) {
	t.Helper()
	hs.Keys("E")
	setField(t, hs, exDir, dir)
	hs.Keys("enter")
	top[*exportPreview](t, hs)
	hs.Keys("enter")
}

func TestGoldenExportResult(t *testing.T) {
	eachExport(t, func(t *testing.T, hs *harness) {
		exportTo(t, hs, t.TempDir())
		r := top[*exported](t, hs)
		if r.err != nil {
			t.Fatal(r.err)
		}
		// The path and checksum differ from run to run: show fixed ones.
		res := *r.res
		res.Path = "/media/usb/" + filepath.Base(res.Path)
		res.SHA256 = strings.Repeat("0123456789abcdef", 4)
		res.Size = 123456
		r.res = &res
		golden.RequireEqual(t, []byte(exportScreen(t, hs)))
	})
}

// recordExports adds two past exports: a whole package of 2024, a period
// package of 2025-H1.
func recordExports(t *testing.T, hs *harness) {
	t.Helper()
	for i, per := range []string{"2024", "2025-H1"} {
		rec := storage.ExportRecord{Period: per, File: "/media/usb/青山镇总工会_" + per + "_2025060" + string(rune('1'+i)) + "-090000.zip",
			SHA256: strings.Repeat(string(rune('a'+i)), 64), Size: 1000, PeriodOnly: per != "2024"}
		if err := hs.C.Store.RecordExport("测试", &rec); err != nil {
			t.Fatal(err)
		}
	}
}

func TestGoldenExportHistory(t *testing.T) {
	eachExport(t, func(t *testing.T, hs *harness) {
		recordExports(t, hs)
		hs.Keys("h")
		x := top[*history](t, hs)
		if len(x.recs) != 2 || x.recs[0].Period != "2025-H1" {
			t.Fatalf("history %+v", x.recs)
		}
		out := exportScreen(t, hs)
		// each row says what its package held: the period's records, or all
		for _, row := range []struct{ period, scope string }{{"2025-H1", "exportui.scope_period"}, {"2024", "exportui.scope_whole"}} {
			if !hasLine(out, row.period+" ", hs.C.T(row.scope)) {
				t.Errorf("no row of %s with %q:\n%s", row.period, hs.C.T(row.scope), out)
			}
		}
		uitest.Contains(t, out, hs.C.T("period.f_scope"))
		golden.RequireEqual(t, []byte(out))
	})
}

// hasLine reports whether a line of out holds every one of parts.
func hasLine(out string, parts ...string) bool {
	for _, l := range strings.Split(out, "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(l, p)
		}
		if all {
			return true
		}
	}
	return false
}

func TestExportFromTUIWritesAVerifiedPackage(t *testing.T) {
	hs := exportPage(t, i18n.ZH)
	dir := t.TempDir()
	hs.Keys("E")
	// Passphrase encryption: typed twice, shown masked.
	f := setField(t, hs, exEnc, "")
	hs.Keys("space")
	if f.enc != encPass {
		t.Fatalf("encryption %d", f.enc)
	}
	setField(t, hs, exPass, "青山 secret")
	if out := screen(t, hs); strings.Contains(out, "secret") || !strings.Contains(out, "*********") {
		t.Errorf("the passphrase shows:\n%s", out)
	}
	if cur := hs.P.Cursor(); cur == nil || cur.X != f.labelWidth()+len([]rune("青山 secret")) {
		t.Errorf("cursor %+v", cur)
	}
	setField(t, hs, exPass2, "青山 secreT")
	setField(t, hs, exDir, dir)
	hs.Keys("enter")
	if top[*exportForm](t, hs) != f || f.focus != exPass2 || !strings.Contains(screen(t, hs), hs.C.T("exportui.pass_mismatch")) {
		t.Fatalf("a mistyped passphrase went on: focus %d", f.focus)
	}
	setField(t, hs, exPass2, "青山 secret")
	setField(t, hs, exDir, dir)
	hs.Keys("enter")
	top[*exportPreview](t, hs)
	hs.Keys("enter")
	r := top[*exported](t, hs)
	if r.err != nil || r.recordErr != nil {
		t.Fatalf("err %v %v", r.err, r.recordErr)
	}
	path := r.res.Path
	if filepath.Dir(path) != dir || !strings.HasSuffix(path, ".zip.age") {
		t.Errorf("path %s", path)
	}
	if _, err := district.OpenVerified(context.Background(), path, district.Keys{Passphrase: "青山 secret wrong"}); err == nil {
		t.Error("a wrong passphrase opened the package")
	}
	pkg, err := district.OpenVerified(context.Background(), path, district.Keys{Passphrase: "青山 secret"})
	if err != nil {
		t.Fatal(err)
	}
	if pkg.Manifest.Period.Text != "2025-Q1" || pkg.Manifest.Counts["members"] != 60 || !pkg.Manifest.IsPeriod() {
		t.Errorf("manifest %+v", pkg.Manifest)
	}
	pkg.Close()
	hs2, _ := hs.C.Store.Exports(0)
	if len(hs2) != 1 || hs2[0].File != path || hs2[0].SHA256 != r.res.SHA256 || !hs2[0].Encrypted || hs2[0].Period != "2025-Q1" || !hs2[0].PeriodOnly { // the default: the last whole quarter's records
		t.Fatalf("history %+v", hs2)
	}
	if len(hs.Changed) != 1 || hs.Changed[0].Entity != model.EntityExport || hs.Changed[0].ID != hs2[0].ID {
		t.Errorf("changes %+v", hs.Changed)
	}
	uitest.Contains(t, screen(t, hs), r.res.SHA256)
	hs.Keys("h")
	if x := top[*history](t, hs); len(x.recs) != 1 {
		t.Errorf("history %d", len(x.recs))
	}
	// esc from the history goes to the menu, which lists the export
	hs.Keys("esc")
	top[*menu](t, hs)
	uitest.Contains(t, screen(t, hs), shortSHA(r.res.SHA256))
}

// holdExport makes the next export wait at its first step, its temporary
// file written, until the returned function is called.
func holdExport(hs *harness) (release func()) {
	gate := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(gate) }) }
	// a failing check before release must not leave the export blocked
	hs.TB.Cleanup(release)
	hs.P.env.exportStep = func(done int) {
		if done == 1 {
			<-gate
		}
	}
	return release
}

func TestExportCancelLeavesNothing(t *testing.T) {
	hs := exportPage(t, i18n.EN)
	dir := t.TempDir()
	release := holdExport(hs)
	hs.Keys("E")
	setField(t, hs, exDir, dir)
	hs.Keys("enter")
	cmd := hs.P.Update(uitest.Key("enter"))
	x := top[*exporting](t, hs)
	if !hs.P.Dirty() {
		t.Error("quitting during an export does not ask")
	}
	hs.Keys("esc")
	if top[*exporting](t, hs) != x || !x.cancelled {
		t.Fatal("esc did not cancel, or left before the export ended")
	}
	uitest.Contains(t, screen(t, hs), i18n.EN.T("exportui.cancelling"))
	release()
	hs.Driver().Run(cmd)
	r := top[*exported](t, hs)
	if !errors.Is(r.err, i18n.E("export.cancelled")) {
		t.Fatalf("err %v", r.err)
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("left behind: %v", es)
	}
	if recs, _ := hs.C.Store.Exports(0); len(recs) != 0 {
		t.Errorf("a cancelled export was recorded: %+v", recs)
	}
	if len(hs.Changed) != 0 {
		t.Errorf("changes sent for nothing: %+v", hs.Changed)
	}
	uitest.Contains(t, screen(t, hs), i18n.EN.T("export.cancelled"))
	hs.Keys("esc")
	top[*menu](t, hs)
}

// A progress bar with the step being written; esc cancels.
func TestGoldenExporting(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, exportStore(t), lang, w, h)
		dir := t.TempDir()
		release := holdExport(hs)
		hs.Keys("E")
		setField(t, hs, exDir, dir)
		hs.Keys("enter")
		cmd := hs.P.Update(uitest.Key("enter"))
		x := top[*exporting](t, hs)
		// the step the export is held at, as its progress message says
		x.done, x.step = 1, district.Entities()[0].Name
		hs.RequireGolden()
		release()
		hs.Driver().Run(cmd)
		top[*exported](t, hs)
	})
}

func TestExportBadFolderAndEmptyPeriodShownAtTheField(t *testing.T) {
	hs := exportPage(t, i18n.ZH)
	hs.Keys("E")
	f := setField(t, hs, exDir, "/no/such/folder")
	hs.Keys("enter")
	if top[*exportForm](t, hs) != f || f.focus != exDir {
		t.Fatalf("a missing folder went on: focus %d", f.focus)
	}
	want := plain(i18n.ZH.T("export.dir_missing", "/no/such/folder"))
	if out := strings.ReplaceAll(screen(t, hs), "\n", ""); !strings.Contains(out, want[:24]) {
		t.Errorf("no folder message %q:\n%s", want, out)
	}
	// A period with no data is refused by the export and shown at the period.
	dir := t.TempDir()
	setField(t, hs, exPeriod, "2030")
	setField(t, hs, exDir, dir)
	hs.Keys("enter", "enter")
	if top[*exportForm](t, hs) != f || f.focus != exPeriod || !errors.Is(f.runErr, i18n.E("export.period_no_data")) {
		t.Fatalf("focus %d err %v", f.focus, f.runErr)
	}
	if hs.P.Depth() != 2 {
		t.Errorf("depth %d: the preview and progress screens stayed", hs.P.Depth())
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("left behind: %v", es)
	}
	uitest.Contains(t, screen(t, hs), "2030")
}

// The menu keeps the form: the folder typed is there at the next export.
func TestExportFormKeepsItsValues(t *testing.T) {
	hs := exportPage(t, i18n.EN)
	hs.Keys("E")
	f := setField(t, hs, exDir, "/media/usb")
	hs.Keys("esc")
	top[*menu](t, hs)
	hs.Keys("E")
	if top[*exportForm](t, hs) != f || f.dir.Value() != "/media/usb" || f.focus != exPeriod {
		t.Errorf("dir %q focus %d", f.dir.Value(), f.focus)
	}
}

// tab after a lone ~ in the folder used to cut the path before its start
// and crash.
func TestCompleteFolderOddPaths(t *testing.T) {
	for _, typed := range []string{"~", "~" + string(filepath.Separator), `"testdata` + string(filepath.Separator), " ", ""} {
		hs := exportPage(t, i18n.EN)
		hs.Keys("E")
		setField(t, hs, exDir, typed)
		hs.Keys("tab")
		screen(t, hs)
	}
}
