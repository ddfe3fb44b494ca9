package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// Golden screens at 80x24 in both languages. Regenerate with:
// go test ./ui/importer -update

var testNow = time.Date(2025, 6, 1, 9, 0, 0, 0, time.Local)

func newPage(t *testing.T, lang i18n.Lang) *Page {
	t.Helper()
	st := uitest.OpenStore(t, testNow)
	u := model.Unit{Name: "青山机械厂", Kind: 170}
	if err := st.CreateUnit("t", &u); err != nil {
		t.Fatal(err)
	}
	return sized(New(newCommon(st, lang)))
}

// newCommon is the page's Common at 80x24, writing as 测试.
func newCommon(st *storage.Store, lang i18n.Lang) *common.Common {
	c := uitest.NewCommon(st, lang, testNow)
	c.Operator, c.Width, c.Height = "测试", 80, 24
	return c
}

func sized(p *Page) *Page {
	p.SetSize(80, 24)
	return p
}

// drive delivers to the page, runs the commands it returns to the end and
// drops the status lines and data changes meant for the app.
func drive(p *Page) uitest.Driver {
	return uitest.Driver{
		Update: func(m tea.Msg) tea.Cmd {
			cmd := p.Update(m)
			return cmd
		},
		Observe: func(m tea.Msg) bool {
			switch m.(type) {
			case common.StatusMsg, common.DataChangedMsg:
				return false
			}
			return true
		},
	}
}

// press presses the keys named (see uitest.Key).
func press(p *Page, ks ...string) { drive(p).Keys(ks...) }

// typeText types s one key per character.
func typeText(p *Page, s string) { drive(p).Type(s) }

// screen is the page without colours, every line filled to 80 cells.
func screen(t *testing.T, p *Page) string {
	t.Helper()
	out := uitest.Screen(p.View())
	uitest.CheckFullGeometry(t, out, 80, 24)
	// a CJK terminal may draw these two cells wide
	uitest.CheckGlyphs(t, out, "✓", "✗", "–", "…", "·", "→")
	return out
}

func each(t *testing.T, fn func(t *testing.T, p *Page)) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) { fn(t, newPage(t, lang)) })
}

// loaded is the page after typing a partial path, completing it with tab
// and reading the file.
func loaded(t *testing.T, p *Page) {
	press(p, "i")
	typeText(p, "testdata/files/ro")
	press(p, "tab")
	if got := p.path.Value(); got != "testdata/files/roster.csv" {
		t.Fatalf("completed to %q", got)
	}
	press(p, "enter")
	if p.state != statePreview {
		t.Fatalf("state %d, err %v", p.state, p.err)
	}
}

func TestGoldenFile(t *testing.T) {
	each(t, func(t *testing.T, p *Page) {
		press(p, "i")
		typeText(p, "testdata/files/")
		press(p, "tab")
		golden.RequireEqual(t, []byte(screen(t, p)))
	})
}

func TestGoldenPreview(t *testing.T) {
	each(t, func(t *testing.T, p *Page) {
		loaded(t, p)
		if p.plan.Header.Row != 3 || p.plan.Stats.Problems != 4 {
			t.Errorf("header %d stats %+v", p.plan.Header.Row, p.plan.Stats)
		}
		golden.RequireEqual(t, []byte(screen(t, p)))
	})
}

func TestGoldenPreviewProblemsOnly(t *testing.T) {
	each(t, func(t *testing.T, p *Page) {
		loaded(t, p)
		press(p, "p")
		if len(p.rows) != 4 {
			t.Errorf("%d rows shown", len(p.rows))
		}
		golden.RequireEqual(t, []byte(screen(t, p)))
	})
}

func TestGoldenMapping(t *testing.T) {
	each(t, func(t *testing.T, p *Page) {
		loaded(t, p)
		press(p, "m", "right", "right", "right", "space")
		golden.RequireEqual(t, []byte(screen(t, p)))
		press(p, "esc")
		// 性别 now maps to the next field: the column's cells are read as it
		if p.state != statePreview || p.plan.Header.Fields[3] == "gender" {
			t.Errorf("mapping not applied: %v", p.plan.Header.Fields)
		}
	})
}

func TestImportSkippingProblemsThenDone(t *testing.T) {
	each(t, func(t *testing.T, p *Page) {
		loaded(t, p)
		press(p, "i") // refused: problems
		if p.state != statePreview {
			t.Fatalf("imported with problems")
		}
		press(p, "s", "i")
		if p.state != stateDone || p.err != nil || p.result.Created != 2 {
			t.Fatalf("state %d err %v result %+v", p.state, p.err, p.result)
		}
		ms, _ := p.c.Store.Members()
		if len(ms) != 2 {
			t.Errorf("%d members", len(ms))
		}
		if out := screen(t, p); !strings.Contains(out, "2") || p.result.Backup == "" {
			t.Error(out)
		}
	})
}

func TestCancelWritesNothing(t *testing.T) {
	p := newPage(t, i18n.ZH)
	loaded(t, p)
	press(p, "s")
	cmd := p.Update(uitest.Key("i"))
	// cancel before the first progress message is taken
	p.Update(uitest.Key("esc"))
	for msg := cmd(); ; msg = p.listen()() {
		p.Update(msg)
		if _, ok := msg.(doneMsg); ok {
			break
		}
	}
	if p.state != stateDone {
		t.Fatalf("state %d", p.state)
	}
	ms, _ := p.c.Store.Members()
	if p.err == nil {
		// the import may win the race on a fast machine; then it wrote all
		if len(ms) != 2 {
			t.Fatalf("%d members", len(ms))
		}
		return
	}
	if len(ms) != 0 {
		t.Fatalf("cancelled import wrote %d members", len(ms))
	}
}

// loadFile reads a roster written to a temporary file.
func loadFile(t *testing.T, p *Page, name, content string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	press(p, "i")
	typeText(p, path)
	press(p, "enter")
	if p.state != statePreview {
		t.Fatalf("state %d, err %v", p.state, p.err)
	}
}

func TestJoinDateForARosterWithoutTheColumn(t *testing.T) {
	each(t, func(t *testing.T, p *Page) {
		loadFile(t, p, "无入会时间.csv", "姓名,身份证号,性别,工作单位\n张三,350303199002033073,男,青山机械厂\n李四,110101199003078670,男,青山机械厂\n")
		if len(p.plan.FileIssues) != 1 || p.plan.FileIssues[0].P.Key != "import.missing_join_date" {
			t.Fatalf("file issues %v", p.plan.FileIssues)
		}
		out := screen(t, p)
		if !strings.Contains(out, p.c.T("importer.join_date_none")) || strings.Contains(out, "--join-date") {
			t.Errorf("screen:\n%s", out)
		}
		if !slices.ContainsFunc(p.ShortHelp(), func(b key.Binding) bool { return slices.Contains(b.Keys(), "t") }) {
			t.Error("the key is not in the help")
		}
		press(p, "t")
		if p.state != stateJoinDate || !p.Capturing() {
			t.Fatalf("state %d", p.state)
		}
		// a date that does not exist, then one after today: refused
		typeText(p, "2023-02-30")
		press(p, "enter")
		if p.state != stateJoinDate || p.joinErr == "" || !strings.Contains(screen(t, p), "2023-02-30") {
			t.Fatalf("state %d, err %q", p.state, p.joinErr)
		}
		p.joinInput.SetValue("2099-01-01")
		press(p, "enter")
		if p.state != stateJoinDate || p.joinErr == "" {
			t.Fatalf("future date taken: state %d", p.state)
		}
		// any form ParseDate reads
		p.joinInput.SetValue("")
		typeText(p, "2023年5月1日")
		press(p, "enter")
		if p.state != statePreview || p.joinDate.String() != "2023-05-01" || p.plan.HasProblems() || p.plan.Stats.New != 2 {
			t.Fatalf("state %d, date %v, issues %v", p.state, p.joinDate, p.plan.Issues())
		}
		if out := screen(t, p); !strings.Contains(out, p.c.T("importer.join_date_set", "2023-05-01")) {
			t.Errorf("screen:\n%s", out)
		}
		press(p, "i")
		if p.state != stateDone || p.err != nil || p.result.Created != 2 {
			t.Fatalf("state %d err %v result %+v", p.state, p.err, p.result)
		}
		ms, _ := p.c.Store.Members()
		for _, m := range ms {
			if m.JoinDate.String() != "2023-05-01" {
				t.Errorf("%s joined %v", m.Name, m.JoinDate)
			}
		}
	})
}

func TestJoinDateForBlankCellsKeepsTheFilesDates(t *testing.T) {
	p := newPage(t, i18n.EN)
	loadFile(t, p, "r.csv", "姓名,身份证号,性别,工作单位,入会时间\n张三,350303199002033073,男,青山机械厂,2019-03-08\n李四,110101199003078670,男,青山机械厂,\n")
	if p.plan.Stats.Problems != 1 || !p.plan.WantsJoinDate() {
		t.Fatalf("%+v", p.plan.Stats)
	}
	press(p, "t")
	typeText(p, "2024/1/2")
	press(p, "enter")
	if p.plan.HasProblems() {
		t.Fatalf("%v", p.plan.Issues())
	}
	if a, b := p.plan.Items[0].Member.JoinDate.String(), p.plan.Items[1].Member.JoinDate.String(); a != "2019-03-08" || b != "2024-01-02" {
		t.Errorf("joined %s and %s", a, b)
	}
	// Esc leaves the date as it was; an empty input clears it
	press(p, "t")
	typeText(p, "9")
	press(p, "esc")
	if p.state != statePreview || p.joinDate.String() != "2024-01-02" {
		t.Errorf("state %d, date %v", p.state, p.joinDate)
	}
	press(p, "t")
	p.joinInput.SetValue("")
	press(p, "enter")
	if p.joinDate != 0 || p.plan.Stats.Problems != 1 {
		t.Errorf("date %v, %+v", p.joinDate, p.plan.Stats)
	}
}

func TestNoJoinDateSettingWhenEveryRowHasOne(t *testing.T) {
	p := newPage(t, i18n.ZH)
	loaded(t, p)
	press(p, "t")
	if p.state != statePreview || strings.Contains(screen(t, p), p.c.T("importer.join_date_none")) {
		t.Errorf("state %d", p.state)
	}
}

// tab on an empty path lists what the working folder holds; it used to
// cut the path before its start and crash.
func TestCompleteAnEmptyPath(t *testing.T) {
	p := newPage(t, i18n.EN)
	press(p, "i", "tab")
	if got := p.path.Value(); got != "testdata"+string(filepath.Separator) {
		t.Errorf("completed to %q", got)
	}
}

// tab after a lone ~ or a quoted folder does not crash either.
func TestCompleteOddPaths(t *testing.T) {
	for _, typed := range []string{"~", "~" + string(filepath.Separator), `"testdata` + string(filepath.Separator), " "} {
		p := newPage(t, i18n.EN)
		press(p, "i")
		typeText(p, typed)
		press(p, "tab")
		screen(t, p)
	}
}
