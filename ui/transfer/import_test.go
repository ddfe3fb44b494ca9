package transfer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/roster"
	"unionbook/ui/filechooser"
	"unionbook/ui/uitest"
	"unionbook/ui/widget"
)

func TestGoldenPreview(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, importStore(t), lang, w, h)
		p := loaded(t, hs)
		if p.plan.Header.Row != 3 || p.plan.Stats.Problems != 4 {
			t.Errorf("header %d stats %+v", p.plan.Header.Row, p.plan.Stats)
		}
		hs.RequireGolden()
	})
}

func TestGoldenPreviewProblemsOnly(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, importStore(t), lang, w, h)
		p := loaded(t, hs)
		hs.Keys("p")
		if len(p.rows) != 4 {
			t.Errorf("%d rows shown", len(p.rows))
		}
		hs.RequireGolden()
	})
}

func TestGoldenMapping(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, importStore(t), lang, w, h)
		p := loaded(t, hs)
		hs.Keys("m", "right", "right", "right", "space")
		top[*mapping](t, hs)
		hs.RequireGolden()
		hs.Keys("esc")
		// 性别 now maps to the next field: the column's cells are read as it
		if top[*preview](t, hs) != p || p.plan.Header.Fields[3] == "gender" {
			t.Errorf("mapping not applied: %v", p.plan.Header.Fields)
		}
	})
}

// esc goes back one level at a time: from the mapping to the preview, from
// the preview to the menu; the chooser opens next time in the folder of
// the last roster.
func TestEscGoesBackOneLevel(t *testing.T) {
	hs := newPage(t, i18n.EN)
	p := loaded(t, hs)
	hs.Keys("m", "esc")
	if top[*preview](t, hs) != p || hs.P.Depth() != 2 {
		t.Fatalf("esc on the mapping: depth %d", hs.P.Depth())
	}
	hs.Keys("esc")
	top[*menu](t, hs)
	hs.Keys("i")
	top[*filechooser.Screen](t, hs)
	uitest.Contains(t, uitest.Screen(hs.P.View()), filepath.Join("testdata", "files")+string(filepath.Separator), "roster.csv", "units.csv")
	hs.Keys("esc")
	top[*menu](t, hs)
}

func TestImportSkippingProblemsThenDone(t *testing.T) {
	each(t, func(t *testing.T, hs *harness) {
		loaded(t, hs)
		hs.Keys("i") // refused: problems
		top[*preview](t, hs)
		if want := hs.C.T("importer.fix_first", 4); hs.Status.Text != want || !hs.Status.Error {
			t.Errorf("status %+v, want %q", hs.Status, want)
		}
		hs.Keys("s", "i")
		r := top[*imported](t, hs)
		if r.err != nil || r.res.Created != 2 || r.res.Backup == "" {
			t.Fatalf("err %v result %+v", r.err, r.res)
		}
		if ms, _ := hs.C.Store.Members(); len(ms) != 2 {
			t.Errorf("%d members", len(ms))
		}
		uitest.Contains(t, screen(t, hs), hs.C.T("import.outcome_wrote", 2, 0, 0, 0), hs.C.T("importer.skipped", 4), hs.C.T("importer.left_out", 4))
		// enter chooses another file
		hs.Keys("enter")
		top[*filechooser.Screen](t, hs)
	})
}

// The result of an import tells every tab that members came, so the
// Members tab reloads its roster; units made for them count too.
func TestImportResultReloadsTheRoster(t *testing.T) {
	hs := newPage(t, i18n.ZH)
	loaded(t, hs)
	hs.Keys("s", "i")
	top[*imported](t, hs)
	if len(hs.Changed) != 1 || hs.Changed[0].Entity != model.EntityMember || hs.Changed[0].ID != 0 {
		t.Fatalf("changes %+v", hs.Changed)
	}

	hs = newPage(t, i18n.ZH)
	loaded(t, hs)
	hs.Keys("c", "s", "i") // 赵六's unit 新开的厂 is made
	if r := top[*imported](t, hs); r.res.UnitsCreated != 1 || r.res.Created != 3 {
		t.Fatalf("result %+v", r.res)
	}
	var got []model.Entity
	for _, m := range hs.Changed {
		got = append(got, m.Entity)
	}
	if len(got) != 2 || got[0] != model.EntityUnit || got[1] != model.EntityMember {
		t.Errorf("changes %v", got)
	}
}

func TestImportUnitsReloadsTheUnits(t *testing.T) {
	hs := newPage(t, i18n.EN)
	hs.Keys("i")
	hs.Type("testdata/files/units.csv")
	hs.Keys("enter")
	top[*preview](t, hs)
	hs.Keys("k", "s", "i")
	r := top[*imported](t, hs)
	if r.err != nil || r.res.Created == 0 {
		t.Fatalf("err %v result %+v", r.err, r.res)
	}
	if len(hs.Changed) != 1 || hs.Changed[0].Entity != model.EntityUnit {
		t.Errorf("changes %+v", hs.Changed)
	}
}

// holdImport makes the next import wait at its first step until the
// returned function is called.
func holdImport(hs *harness) (release func()) {
	gate := make(chan struct{})
	hs.P.env.importStep = func(done int) {
		if done == 0 {
			<-gate
		}
	}
	return func() { close(gate) }
}

func TestCancelledImportWritesNothing(t *testing.T) {
	hs := newPage(t, i18n.ZH)
	loaded(t, hs)
	hs.Keys("s")
	release := holdImport(hs)
	cmd := hs.P.Update(uitest.Key("i"))
	im := top[*importing](t, hs)
	if !hs.P.Dirty() {
		t.Error("quitting during an import does not ask")
	}
	hs.Keys("esc") // cancels; the screen stays until the import has ended
	if top[*importing](t, hs) != im {
		t.Fatal("esc left the import running")
	}
	release()
	hs.Driver().Run(cmd)
	r := top[*imported](t, hs)
	if !errors.Is(r.err, roster.ErrCanceled) {
		t.Fatalf("err %v", r.err)
	}
	if ms, _ := hs.C.Store.Members(); len(ms) != 0 {
		t.Fatalf("a cancelled import wrote %d members", len(ms))
	}
	if len(hs.Changed) != 0 {
		t.Errorf("changes sent for nothing: %+v", hs.Changed)
	}
	uitest.Contains(t, screen(t, hs), hs.C.T("import.canceled"))
}

// A progress bar while the rows are written; esc cancels.
func TestGoldenImporting(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, importStore(t), lang, w, h)
		loaded(t, hs)
		hs.Keys("s")
		release := holdImport(hs)
		cmd := hs.P.Update(uitest.Key("i"))
		top[*importing](t, hs)
		hs.RequireGolden()
		release()
		hs.Driver().Run(cmd)
		top[*imported](t, hs)
	})
}

func TestGoldenImported(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, importStore(t), lang, w, h)
		loaded(t, hs)
		hs.Keys("s", "i")
		r := top[*imported](t, hs)
		r.res.Backup = "/home/secretary/unionbook/backups/ub-import.db" // not the test's temporary folder
		hs.RequireGolden()
	})
}

// While the file is read, the rows read are counted; esc stops the
// reading and goes back to the menu, and the reading's late answer
// changes nothing.
func TestGoldenReading(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, importStore(t), lang, w, h)
		hs.Keys("i")
		hs.Type("testdata/files/roster.csv")
		cmd := hs.P.Update(uitest.Key("enter")) // the reading, not run yet
		r := top[*reading](t, hs)
		hs.P.Update(readProgressMsg{from: r, rows: 12800}) // its next wait is not run
		uitest.Contains(t, hs.Screen(), hs.C.T("importer.loading_rows", "roster.csv", 12800))
		hs.RequireGolden()
		hs.Keys("esc")
		top[*menu](t, hs)
		hs.Driver().Run(cmd)
		if hs.P.Depth() != 1 {
			t.Errorf("the stopped reading still opened the preview: depth %d", hs.P.Depth())
		}
	})
}

// The count comes from the reading itself: Load says how far it has read.
func TestReadingCountsTheRows(t *testing.T) {
	hs := newPage(t, i18n.EN)
	var seen []int
	hs.P.env.readStep = func(rows int) { seen = append(seen, rows) }
	loaded(t, hs)
	if len(seen) == 0 || seen[len(seen)-1] != 8 {
		t.Errorf("progress %v, want the file's 8 rows last", seen)
	}
}

// A file that cannot be read says why; enter chooses another, esc goes
// back to the menu.
func TestUnreadableFileSaysWhy(t *testing.T) {
	hs := newPage(t, i18n.EN)
	path := filepath.Join(t.TempDir(), "花名册.xls")
	if err := os.WriteFile(path, []byte{0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0}, 0o600); err != nil {
		t.Fatal(err)
	}
	choosePath(t, hs, path)
	u := top[*unreadable](t, hs)
	uitest.Contains(t, screen(t, hs), plain(hs.C.Err(u.err))[:40], "花名册.xls")
	hs.Keys("enter")
	top[*filechooser.Screen](t, hs)
	hs.Keys("esc")
	top[*menu](t, hs)
}

// loadFile reads a roster written to a temporary file.
func loadFile(t *testing.T, hs *harness, name, content string) *preview {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	choosePath(t, hs, path)
	return top[*preview](t, hs)
}

func TestJoinDateForARosterWithoutTheColumn(t *testing.T) {
	each(t, func(t *testing.T, hs *harness) {
		p := loadFile(t, hs, "无入会时间.csv", "姓名,身份证号,性别,工作单位\n张三,350303199002033073,男,青山机械厂\n李四,110101199003078670,男,青山机械厂\n")
		if len(p.plan.FileIssues) != 1 || p.plan.FileIssues[0].P.Key != "import.missing_join_date" {
			t.Fatalf("file issues %v", p.plan.FileIssues)
		}
		out := screen(t, hs)
		if !strings.Contains(out, hs.C.T("importer.join_date_none")) || strings.Contains(out, "--join-date") {
			t.Errorf("screen:\n%s", out)
		}
		if !hasKey(hs, "t") || hasKey(hs, "i") {
			t.Error("the footer offers i for a file that cannot be imported, or not t")
		}
		hs.Keys("t")
		j := top[*joinDate](t, hs)
		if !hs.P.Capturing() {
			t.Fatal("the date input does not take typing")
		}
		// a date that does not exist, then one after today: refused
		hs.Type("2023-02-30")
		hs.Keys("enter")
		if top[*joinDate](t, hs) != j || j.err == "" || !strings.Contains(screen(t, hs), "2023-02-30") {
			t.Fatalf("err %q", j.err)
		}
		j.input.SetValue("2099-01-01")
		hs.Keys("enter")
		if top[*joinDate](t, hs) != j || j.err == "" {
			t.Fatal("future date taken")
		}
		// any form ParseDate reads
		j.input.SetValue("")
		hs.Type("2023年5月1日")
		hs.Keys("enter")
		top[*preview](t, hs)
		if p.joinDate.String() != "2023-05-01" || p.plan.HasProblems() || p.plan.Stats.New != 2 {
			t.Fatalf("date %v, issues %v", p.joinDate, p.plan.Issues())
		}
		uitest.Contains(t, screen(t, hs), hs.C.T("importer.join_date_set", "2023-05-01"))
		hs.Keys("i")
		if r := top[*imported](t, hs); r.err != nil || r.res.Created != 2 {
			t.Fatalf("err %v result %+v", r.err, r.res)
		}
		ms, _ := hs.C.Store.Members()
		for _, m := range ms {
			if m.JoinDate.String() != "2023-05-01" {
				t.Errorf("%s joined %v", m.Name, m.JoinDate)
			}
		}
	})
}

// The date input with what is wrong with the date typed, the real cursor
// in the input.
func TestGoldenJoinDate(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, importStore(t), lang, w, h)
		loadFile(t, hs, "r.csv", "姓名,身份证号,性别,工作单位\n张三,350303199002033073,男,青山机械厂\n")
		hs.Keys("t")
		hs.Type("2023-02-30")
		hs.Keys("enter")
		cur := hs.P.Cursor()
		x := widget.Width(hs.C.T("importer.join_date_prompt"))
		if cur == nil || cur.Y != joinDateLine || cur.X != x+1+len("2023-02-30") {
			t.Errorf("cursor %+v", cur)
		}
		hs.RequireGolden()
	})
}

func TestJoinDateForBlankCellsKeepsTheFilesDates(t *testing.T) {
	hs := newPage(t, i18n.EN)
	p := loadFile(t, hs, "r.csv", "姓名,身份证号,性别,工作单位,入会时间\n张三,350303199002033073,男,青山机械厂,2019-03-08\n李四,110101199003078670,男,青山机械厂,\n")
	if p.plan.Stats.Problems != 1 || !p.plan.WantsJoinDate() {
		t.Fatalf("%+v", p.plan.Stats)
	}
	hs.Keys("t")
	hs.Type("2024/1/2")
	hs.Keys("enter")
	if p.plan.HasProblems() {
		t.Fatalf("%v", p.plan.Issues())
	}
	if a, b := p.plan.Items[0].Member.JoinDate.String(), p.plan.Items[1].Member.JoinDate.String(); a != "2019-03-08" || b != "2024-01-02" {
		t.Errorf("joined %s and %s", a, b)
	}
	// Esc leaves the date as it was; an empty input clears it
	hs.Keys("t")
	hs.Type("9")
	hs.Keys("esc")
	if top[*preview](t, hs) != p || p.joinDate.String() != "2024-01-02" {
		t.Errorf("date %v", p.joinDate)
	}
	hs.Keys("t", "ctrl+u", "enter")
	if p.joinDate != 0 || p.plan.Stats.Problems != 1 {
		t.Errorf("date %v, %+v", p.joinDate, p.plan.Stats)
	}
}

func TestNoJoinDateSettingWhenEveryRowHasOne(t *testing.T) {
	hs := newPage(t, i18n.ZH)
	loaded(t, hs)
	if hasKey(hs, "t") {
		t.Error("t is offered")
	}
	hs.Keys("t")
	top[*preview](t, hs)
	uitest.Lacks(t, screen(t, hs), hs.C.T("importer.join_date_none"))
}

// A click on a row of the preview selects that row, whose problems show
// under the table.
func TestClickSelectsThePreviewRow(t *testing.T) {
	hs := newPage(t, i18n.EN)
	p := loaded(t, hs)
	// the table's title line is previewTop; the second row is two lines below
	hs.Click(10, previewTop+2)
	if p.grid.Cursor() != 1 {
		t.Fatalf("cursor on row %d", p.grid.Cursor())
	}
	li := p.plan.Items[p.rows[1]]
	uitest.Contains(t, screen(t, hs), li.Issues[0].Localize(i18n.EN)[:30])
}

// enter opens the selected row in full: every problem and each column as
// read; esc goes back to the preview.
func TestGoldenRow(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, importStore(t), lang, w, h)
		p := loaded(t, hs)
		hs.Keys("down", "enter") // 李四, whose ID number Excel damaged
		r := top[*row](t, hs)
		if r.item.Row != 5 {
			t.Errorf("row %d opened", r.item.Row)
		}
		uitest.Contains(t, hs.Screen(), "1.10101E+17", r.item.Issues[0].Localize(lang)[:12])
		hs.RequireGolden()
		hs.Keys("esc")
		if top[*preview](t, hs) != p {
			t.Error("esc did not go back to the preview")
		}
	})
}

// Updating members from a second roster: the preview says field by field
// what each row changes (in the table, and under it for the selected row),
// a row that changes nothing says so, and the row's own screen lists every
// change with the member it updates.
func TestUpdatePreviewShowsWhatChanges(t *testing.T) {
	hs := newPage(t, i18n.EN)
	if err := hs.C.Store.CreateUnit("t", &model.Unit{Name: "红星纺织厂", Kind: 170}); err != nil {
		t.Fatal(err)
	}
	const head = "姓名,身份证号,性别,工作单位,入会时间,手机\n"
	const ls = "李四,110101199003078670,男,青山机械厂,2023-05-01,13900139000\n"
	loadFile(t, hs, "v1.csv", head+"张三,350303199002033073,男,青山机械厂,2023-05-01,13800138000\n"+ls)
	hs.Keys("i", "enter")
	top[*filechooser.Screen](t, hs)
	path := filepath.Join(t.TempDir(), "v2.csv")
	if err := os.WriteFile(path, []byte(head+"张三,350303199002033073,男,红星纺织厂,2023-05-01,13700137000\n"+ls), 0o600); err != nil {
		t.Fatal(err)
	}
	hs.Keys("ctrl+u")
	hs.Type(path)
	hs.Keys("enter", "d", "d") // existing records: update
	p := top[*preview](t, hs)
	if cs := p.plan.Items[0].Changes; len(cs) != 2 || len(p.plan.Items[1].Changes) != 0 {
		t.Fatalf("changes %+v and %+v", cs, p.plan.Items[1].Changes)
	}
	phone := hs.C.T("field.phone") + ": 13800138000 -> 13700137000"
	unit := hs.C.T("field.unit") + ": 青山机械厂 -> 红星纺织厂"
	uitest.Contains(t, flat(hs), squeeze("* "+phone[:12]), squeeze("Update: "+phone+"; "+unit), squeeze("= in the database, nothing"))

	hs.Keys("enter")
	top[*row](t, hs)
	ms, _ := hs.C.Store.Members()
	uitest.Contains(t, screen(t, hs), hs.C.T("importer.row_changes", 2), phone, unit,
		hs.C.T("importer.row_existing_member", "张三", ms[0].No), "350303199002033073")

	hs.Keys("esc", "i")
	if r := top[*imported](t, hs); r.err != nil || r.res.Updated != 1 || r.res.Unchanged != 1 {
		t.Fatalf("err %v result %+v", r.err, r.res)
	}
	if m, _ := hs.C.Store.Member(ms[0].ID); m.Phone != "13700137000" {
		t.Errorf("phone %q", m.Phone)
	}
}

// flat is the page without its line breaks and spaces, so that a text
// the screen wraps reads whole: compare it with squeezed texts.
func flat(hs *harness) string {
	return squeeze(strings.ReplaceAll(uitest.Screen(hs.P.View()), "\n", ""))
}

// squeeze drops the spaces of s.
func squeeze(s string) string { return strings.ReplaceAll(s, " ", "") }

// A click on the selected row opens it, as enter does.
func TestClickOnTheSelectedRowOpensIt(t *testing.T) {
	hs := newPage(t, i18n.ZH)
	loaded(t, hs)
	hs.Click(10, previewTop+2) // the second row
	top[*preview](t, hs)
	hs.Click(10, previewTop+2)
	if r := top[*row](t, hs); r.item.Row != 5 {
		t.Errorf("row %d opened", r.item.Row)
	}
}

// The selected row's problems under the table are separated as each
// language separates sentences.
func TestProblemsJoinedInTheUsersLanguage(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		sep  string
	}{{i18n.ZH, "；"}, {i18n.EN, "; "}} {
		hs := open(t, uitest.OpenStore(t, testNow), c.lang, 120, 40) // no units: a row with another problem has two
		p := loaded(t, hs)
		var is []roster.Issue
		for i, it := range p.plan.Items {
			if len(it.Issues) >= 2 {
				is = it.Issues
				p.grid.SetCursor(i)
				break
			}
		}
		if is == nil {
			t.Fatal("no row with two problems")
		}
		uitest.Contains(t, flat(hs), squeeze(is[0].Localize(c.lang)+c.sep+is[1].Localize(c.lang)))
	}
}

// A file that cannot be read says why in full, over as many lines as it
// takes: the messages about damaged files say what to do.
func TestLongFileErrorIsNotCut(t *testing.T) {
	hs := newPage(t, i18n.EN)
	path := filepath.Join(t.TempDir(), "r.csv")
	if err := os.WriteFile(path, []byte("姓名,身份证号\n张三,\"350303199002033073\n李四,110101199003078670\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	choosePath(t, hs, path)
	u := top[*unreadable](t, hs)
	msg := hs.C.Err(u.err)
	if len(msg) < 100 {
		t.Fatalf("the message is short enough for one line: %q", msg)
	}
	uitest.Contains(t, flat(hs), squeeze(plain(msg)))
}
