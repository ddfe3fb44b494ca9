package ui

import (
	"crypto/sha256"
	"os"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/keymap"
	"unionbook/ui/uitest"
)

// A read-only session (unionbook --read-only): every tab opens, no key
// that would write is offered, each one pressed says why in the status
// line and changes nothing, and the file is not changed by a byte.

// readOnlyApp is the app on a copy of walked opened read-only, and the
// copy's path.
func readOnlyApp(t *testing.T, lang i18n.Lang, w, h int) (*App, string) {
	t.Helper()
	s := walked.open(t)
	path := s.Path()
	s.Close()
	ro, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	c := NewCommon(Options{Store: ro, Lang: lang, ReadOnly: true, Opened: "walked.db"})
	c.Today = func() model.Date { return model.DateOf(uitest.FixedNow) }
	a := New(c)
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	drive(a).Run(a.Init())
	return a, path
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// body is the screen without its footer (status and hints).
func body(a *App) string {
	lines := strings.Split(screen(a), "\n")
	return strings.Join(lines[:len(lines)-2], "\n")
}

func TestReadOnlyRefusesEveryWritingKey(t *testing.T) {
	t.Parallel()
	const w, h = 120, 40
	for _, l := range uitest.Langs {
		t.Run(l.Name, func(t *testing.T) {
			t.Parallel()
			ro, path := readOnlyApp(t, l.Lang, w, h)
			before := fileSum(t, path)
			km := keymap.New(l.Lang)
			km.SetReadOnly(l.Lang) // to tell, in a normal app, which keys write
			refused := 0
			for _, m := range walkModes {
				// the same mode in a normal app, to know what it offers
				twin := walkApp(t, l.Lang, w, h)
				send(twin, tab(t, twin, m.tab))
				roTab := tab(t, ro, m.tab)
				send(ro, uitest.Key("esc"), uitest.Key("esc"), uitest.Key("esc"), roTab)
				reachable := true
				for _, k := range m.path {
					p := twin.page()
					kp, _ := uitest.Key(k).(tea.KeyPressMsg)
					if _, writes := km.Blocked(kp, append([][]key.Binding{p.ShortHelp()}, p.FullHelp()...)...); writes && !p.Capturing() {
						reachable = false // a form or a question: not in a read-only session
						break
					}
					keys(twin, k)
					keys(ro, k)
				}
				if !reachable {
					continue
				}
				// Nothing offered writes.
				lines := strings.Split(screen(ro), "\n")
				hints := lines[len(lines)-1]
				for _, b := range ro.page().ShortHelp() {
					if km.Writes(b) && strings.Contains(hints, b.Help().Key+" "+b.Help().Desc) {
						t.Errorf("%s: the footer offers %s %s", m, b.Help().Key, b.Help().Desc)
					}
				}
				help := ""
				if !ro.page().Capturing() { // in a form (a file to save a notice to) ? is typed
					keys(ro, "?")
					help = screen(ro)
					keys(ro, "esc")
				}
				// Every key that writes in the normal app is refused here,
				// says why and leaves the screen as it was.
				tp := twin.page()
				for _, g := range append([][]key.Binding{tp.ShortHelp()}, tp.FullHelp()...) {
					for _, b := range g {
						if !km.Writes(b) || tp.Capturing() {
							continue
						}
						if strings.Contains(help, b.Help().Key+" "+b.Help().Desc) {
							t.Errorf("%s: the help offers %s %s", m, b.Help().Key, b.Help().Desc)
						}
						was := body(ro)
						keys(ro, b.Keys()[0])
						want := ro.c.T("readonly.refused", b.Help().Desc)
						if got := ro.footer.Status().Text; got != want {
							t.Errorf("%s: %s %s: status %q, want %q", m, b.Keys()[0], b.Help().Desc, got, want)
						}
						if body(ro) != was {
							t.Errorf("%s: %s changed the screen:\n%s", m, b.Keys()[0], screen(ro))
						}
						refused++
					}
				}
			}
			if refused < 30 {
				t.Errorf("only %d writing keys were tried", refused)
			}
			if fileSum(t, path) != before {
				t.Error("the read-only session changed the database file")
			}
		})
	}
}

// The store refuses writes too, saying it is read-only.
func TestReadOnlyStoreSaysWhy(t *testing.T) {
	t.Parallel()
	ro, path := readOnlyApp(t, i18n.ZH, 80, 24)
	p, _, _ := ro.c.Store.Profile()
	p.Operator = "someone"
	err := ro.c.Store.SaveProfile("x", p)
	if err == nil || !strings.Contains(i18n.Text(err, i18n.ZH), "只读") || !strings.Contains(i18n.Text(err, i18n.ZH), path) {
		t.Errorf("write to a read-only store: %v", err)
	}
}

func TestGoldenReadOnlyMembers(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a, _ := readOnlyApp(t, lang, w, h)
		keys(a, "2")
		keys(a, "n") // refused: the status line says why
		requireGolden(t, a, w, h)
	})
}
