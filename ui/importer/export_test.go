package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
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

// exportPage is the tab on a small demo township, its clock fixed.
func exportPage(t *testing.T, lang i18n.Lang) *Page {
	t.Helper()
	st := uitest.OpenStoreWith(t, storage.Options{Now: func() time.Time { return testNow }, NoDailyBackup: true})
	if err := demo.Load(st, demo.Options{Seed: 7, Units: 3, Members: 60, Today: model.DateOf(testNow)}); err != nil {
		t.Fatal(err)
	}
	p := New(newCommon(st, lang))
	p.now = func() time.Time { return testNow }
	return sized(p)
}

func eachExport(t *testing.T, fn func(t *testing.T, p *Page)) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) { fn(t, exportPage(t, lang)) })
}

// setField focuses a field of the export form and replaces its text.
func setField(t *testing.T, p *Page, x exField, text string) {
	t.Helper()
	for i := 0; i < 10 && p.xform.focus != x; i++ {
		press(p, "down")
	}
	if p.xform.focus != x {
		t.Fatalf("field %d not reached", x)
	}
	press(p, "ctrl+u")
	typeText(p, text)
}

// exportScreen is screen() with the ambiguous-width glyphs refused.
func exportScreen(t *testing.T, p *Page) string {
	t.Helper()
	out := screen(t, p)
	uitest.CheckGlyphs(t, out, "“", "”", "…", "·", "→", "↑", "↓", "█", "░", "─")
	return out
}

func TestGoldenExportMenu(t *testing.T) {
	eachExport(t, func(t *testing.T, p *Page) {
		if p.state != stateMenu || p.Capturing() {
			t.Fatalf("state %d", p.state)
		}
		golden.RequireEqual(t, []byte(exportScreen(t, p)))
	})
}

func TestGoldenExportFormBadPeriod(t *testing.T) {
	eachExport(t, func(t *testing.T, p *Page) {
		press(p, "x")
		if p.state != stateExportForm || !p.Capturing() {
			t.Fatalf("state %d", p.state)
		}
		setField(t, p, exPeriod, "2025-13")
		out := exportScreen(t, p)
		want := plain(i18n.Text(i18n.E("export.bad_period", "2025-13"), p.c.Lang))
		if !strings.Contains(strings.ReplaceAll(out, "\n", ""), want[:20]) {
			t.Errorf("no period message %q:\n%s", want, out)
		}
		// The real cursor is after the typed text, in the period's input.
		cur := p.Cursor()
		if cur == nil || cur.Y != 2 || cur.X != p.formLabelWidth()+len("2025-13") {
			t.Errorf("cursor %+v", cur)
		}
		// Enter on the last field does not go on with a bad period.
		press(p, "ctrl+s")
		if p.state != stateExportForm || p.xform.focus != exPeriod {
			t.Errorf("state %d focus %d", p.state, p.xform.focus)
		}
		golden.RequireEqual(t, []byte(out))
	})
}

func TestGoldenExportPreview(t *testing.T) {
	eachExport(t, func(t *testing.T, p *Page) {
		press(p, "x")
		setField(t, p, exDir, "testdata/fi")
		press(p, "tab")
		if got := p.xform.dir.Value(); got != "testdata/files/" {
			t.Fatalf("completed to %q", got)
		}
		press(p, "enter")
		if p.state != stateExportPreview {
			t.Fatalf("state %d, %v", p.state, p.xpreviewErr)
		}
		if p.xpreview.Counts["members"] != 60 {
			t.Errorf("counts %v", p.xpreview.Counts)
		}
		golden.RequireEqual(t, []byte(exportScreen(t, p)))
	})
}

// exportTo fills the form for dir and runs the export to its end.
func exportTo(t *testing.T, p *Page, dir string) {
	t.Helper()
	press(p, "x")
	setField(t, p, exDir, dir)
	press(p, "enter")
	if p.state != stateExportPreview {
		t.Fatalf("state %d, %v", p.state, p.xpreviewErr)
	}
	press(p, "enter")
}

func TestGoldenExportResult(t *testing.T) {
	eachExport(t, func(t *testing.T, p *Page) {
		dir := t.TempDir()
		exportTo(t, p, dir)
		if p.state != stateExportDone || p.xerr != nil {
			t.Fatalf("state %d err %v", p.state, p.xerr)
		}
		// The path and checksum differ from run to run: show fixed ones.
		r := *p.xresult
		r.Path = "/media/usb/" + filepath.Base(r.Path)
		r.SHA256 = strings.Repeat("0123456789abcdef", 4)
		r.Size = 123456
		p.xresult = &r
		golden.RequireEqual(t, []byte(exportScreen(t, p)))
	})
}

func TestGoldenExportHistory(t *testing.T) {
	eachExport(t, func(t *testing.T, p *Page) {
		for i, per := range []string{"2024", "2025-H1"} {
			rec := storage.ExportRecord{Period: per, File: "/media/usb/青山镇总工会_" + per + "_2025060" + string(rune('1'+i)) + "-090000.zip",
				SHA256: strings.Repeat(string(rune('a'+i)), 64), Size: 1000}
			if err := p.c.Store.RecordExport("测试", &rec); err != nil {
				t.Fatal(err)
			}
		}
		press(p, "h")
		if p.state != stateHistory || len(p.history) != 2 || p.history[0].Period != "2025-H1" {
			t.Fatalf("state %d history %+v", p.state, p.history)
		}
		golden.RequireEqual(t, []byte(exportScreen(t, p)))
	})
}

func TestExportFromTUIWritesAVerifiedPackage(t *testing.T) {
	p := exportPage(t, i18n.ZH)
	dir := t.TempDir()
	press(p, "x")
	// Passphrase encryption: typed twice, shown masked.
	setField(t, p, exEnc, "")
	press(p, "space")
	if p.xform.enc != encPass {
		t.Fatalf("encryption %d", p.xform.enc)
	}
	setField(t, p, exPass, "青山 secret")
	if out := screen(t, p); strings.Contains(out, "secret") || !strings.Contains(out, "*********") {
		t.Errorf("the passphrase shows:\n%s", out)
	}
	if cur := p.Cursor(); cur == nil || cur.X != p.formLabelWidth()+len([]rune("青山 secret")) {
		t.Errorf("cursor %+v", cur)
	}
	setField(t, p, exPass2, "青山 secreT")
	setField(t, p, exDir, dir)
	press(p, "enter")
	if p.state != stateExportForm || p.xform.focus != exPass2 || !strings.Contains(screen(t, p), p.c.T("exportui.pass_mismatch")) {
		t.Fatalf("a mistyped passphrase went on: state %d focus %d", p.state, p.xform.focus)
	}
	setField(t, p, exPass2, "青山 secret")
	setField(t, p, exDir, dir)
	press(p, "enter")
	if p.state != stateExportPreview {
		t.Fatalf("state %d", p.state)
	}
	press(p, "enter")
	if p.state != stateExportDone || p.xerr != nil || p.xrecordErr != nil {
		t.Fatalf("state %d err %v %v", p.state, p.xerr, p.xrecordErr)
	}
	path := p.xresult.Path
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
	if pkg.Manifest.Period.Text != "2025" || pkg.Manifest.Counts["members"] != 60 {
		t.Errorf("manifest %+v", pkg.Manifest)
	}
	pkg.Close()
	hs, _ := p.c.Store.Exports(0)
	if len(hs) != 1 || hs[0].File != path || hs[0].SHA256 != p.xresult.SHA256 || !hs[0].Encrypted || hs[0].Period != "2025" {
		t.Fatalf("history %+v", hs)
	}
	out := screen(t, p)
	if !strings.Contains(out, p.xresult.SHA256) {
		t.Errorf("no SHA-256 on the result:\n%s", out)
	}
	press(p, "h")
	if p.state != stateHistory || len(p.history) != 1 {
		t.Errorf("state %d history %d", p.state, len(p.history))
	}
}

func TestExportCancelLeavesNothing(t *testing.T) {
	p := exportPage(t, i18n.EN)
	dir := t.TempDir()
	gate := make(chan struct{})
	p.progressHook = func(done int) {
		if done == 1 {
			<-gate // the temporary file exists now
		}
	}
	press(p, "x")
	setField(t, p, exDir, dir)
	press(p, "enter")
	cmd := p.Update(uitest.Key("enter"))
	if p.state != stateExporting || !p.Dirty() {
		t.Fatalf("state %d", p.state)
	}
	p.Update(uitest.Key("esc"))
	close(gate)
	for msg := cmd(); ; msg = p.listenExport()() {
		p.Update(msg)
		if _, ok := msg.(exportDoneMsg); ok {
			break
		}
	}
	if p.state != stateExportDone || !errors.Is(p.xerr, i18n.E("export.cancelled")) {
		t.Fatalf("state %d err %v", p.state, p.xerr)
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("left behind: %v", es)
	}
	if hs, _ := p.c.Store.Exports(0); len(hs) != 0 {
		t.Errorf("a cancelled export was recorded: %+v", hs)
	}
	if out := screen(t, p); !strings.Contains(out, i18n.EN.T("export.cancelled")) {
		t.Errorf("no cancel message:\n%s", out)
	}
}

func TestExportBadFolderAndEmptyPeriodShownAtTheField(t *testing.T) {
	p := exportPage(t, i18n.ZH)
	press(p, "x")
	setField(t, p, exDir, "/no/such/folder")
	press(p, "enter")
	if p.state != stateExportForm || p.xform.focus != exDir {
		t.Fatalf("a missing folder went on: state %d", p.state)
	}
	want := plain(i18n.ZH.T("export.dir_missing", "/no/such/folder"))
	if out := strings.ReplaceAll(screen(t, p), "\n", ""); !strings.Contains(out, want[:24]) {
		t.Errorf("no folder message %q:\n%s", want, out)
	}
	// A period with no data is refused by the export and shown at the period.
	dir := t.TempDir()
	setField(t, p, exPeriod, "2030")
	setField(t, p, exDir, dir)
	press(p, "enter", "enter")
	if p.state != stateExportForm || p.xform.focus != exPeriod || !errors.Is(p.xform.runErr, i18n.E("export.period_no_data")) {
		t.Fatalf("state %d focus %d err %v", p.state, p.xform.focus, p.xform.runErr)
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("left behind: %v", es)
	}
	if !strings.Contains(screen(t, p), "2030") {
		t.Error("no period message")
	}
}
