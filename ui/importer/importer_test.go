package importer

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/keymap"
	"unionbook/ui/styles"
)

// Golden screens at 80x24 in both languages. Regenerate with:
// go test ./ui/importer -update

var testNow = time.Date(2025, 6, 1, 9, 0, 0, 0, time.Local)

func newPage(t *testing.T, lang i18n.Lang) *Page {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "t.db"), storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	u := model.Unit{Name: "青山机械厂", Kind: 170}
	if err := st.CreateUnit("t", &u); err != nil {
		t.Fatal(err)
	}
	c := &common.Common{Store: st, Lang: lang, Styles: styles.Default(), Keys: keymap.New(lang),
		Today: func() model.Date { return model.DateOf(testNow) }, Operator: "测试", Width: 80, Height: 24}
	p := New(c)
	p.SetSize(80, 24)
	return p
}

// send delivers messages and runs the commands they return, to the end.
func send(p *Page, msgs ...tea.Msg) {
	for _, m := range msgs {
		_, cmd := p.Update(m)
		run(p, cmd)
	}
}

func run(p *Page, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			run(p, c)
		}
	case common.StatusMsg, common.DataChangedMsg:
	default:
		_, next := p.Update(msg)
		run(p, next)
	}
}

func press(s string) tea.Msg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func typeText(p *Page, s string) {
	for _, r := range s {
		send(p, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func screen(t *testing.T, p *Page) string {
	t.Helper()
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.NoTTY}
	if _, err := w.WriteString(p.View()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	lines := strings.Split(out, "\n")
	if len(lines) != 24 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, l := range lines {
		if w := ansiWidth(l); w != 80 {
			t.Errorf("line %d is %d cells wide: %q", i, w, l)
		}
	}
	return out
}

func each(t *testing.T, fn func(t *testing.T, p *Page)) {
	for _, l := range []struct {
		name string
		lang i18n.Lang
	}{{"zh", i18n.ZH}, {"en", i18n.EN}} {
		t.Run(l.name, func(t *testing.T) { fn(t, newPage(t, l.lang)) })
	}
}

// loaded is the page after typing a partial path, completing it with tab
// and reading the file.
func loaded(t *testing.T, p *Page) {
	send(p, press("i"))
	typeText(p, "testdata/files/ro")
	send(p, press("tab"))
	if got := p.path.Value(); got != "testdata/files/roster.csv" {
		t.Fatalf("completed to %q", got)
	}
	send(p, press("enter"))
	if p.state != statePreview {
		t.Fatalf("state %d, err %v", p.state, p.err)
	}
}

func TestGoldenFile(t *testing.T) {
	each(t, func(t *testing.T, p *Page) {
		send(p, press("i"))
		typeText(p, "testdata/files/")
		send(p, press("tab"))
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
		send(p, press("p"))
		if len(p.rows) != 4 {
			t.Errorf("%d rows shown", len(p.rows))
		}
		golden.RequireEqual(t, []byte(screen(t, p)))
	})
}

func TestGoldenMapping(t *testing.T) {
	each(t, func(t *testing.T, p *Page) {
		loaded(t, p)
		send(p, press("m"), press("right"), press("right"), press("right"), press("space"))
		golden.RequireEqual(t, []byte(screen(t, p)))
		send(p, press("esc"))
		// 性别 now maps to the next field: the column's cells are read as it
		if p.state != statePreview || p.plan.Header.Fields[3] == "gender" {
			t.Errorf("mapping not applied: %v", p.plan.Header.Fields)
		}
	})
}

func TestImportSkippingProblemsThenDone(t *testing.T) {
	each(t, func(t *testing.T, p *Page) {
		loaded(t, p)
		send(p, press("i")) // refused: problems
		if p.state != statePreview {
			t.Fatalf("imported with problems")
		}
		send(p, press("s"), press("i"))
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
	send(p, press("s"))
	_, cmd := p.Update(press("i"))
	// cancel before the first progress message is taken
	p.Update(press("esc"))
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
