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
	"unionbook/ui/common"
	"unionbook/ui/keymap"
	"unionbook/ui/uitest"
)

// A read-only session (unionbook --read-only): every tab opens, no key
// that would write is offered, each one pressed says why in the status
// line and changes nothing, and the file is not changed by a byte.

// readOnlyApp is the app on a copy of books (see walkApp) opened
// read-only, and the copy's path.
func readOnlyApp(t *testing.T, lang i18n.Lang, w, h int) (*App, string) {
	t.Helper()
	s := books.open(t)
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
			refusedText := strings.SplitN(ro.c.T("readonly.refused", "\x00"), "\x00", 2)[0]
			storeRefusal := strings.SplitN(ro.c.T("err.read_only", "\x00"), "\x00", 2)[0]
			refused, tried := 0, 0
			refusedHelp := map[string]bool{}
			for _, m := range walkModes {
				// the same mode in a normal app, to know what it offers
				twin := walkApp(t, l.Lang, w, h)
				send(twin, tab(t, twin, m.tab))
				roTab := tab(t, ro, m.tab)
				send(ro, uitest.Key("esc"), uitest.Key("esc"), uitest.Key("esc"), roTab)
				ro.footer.SetStatus(common.StatusMsg{})
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
					// a screen that only writes, refused on the way (the
					// books menu's forms)
					if strings.HasPrefix(ro.footer.Status().Text, refusedText) {
						reachable = false
						break
					}
				}
				// Every key the normal app offers here has been decided on:
				// it writes or it does not (ui/keymap/readonly.go).
				tp := twin.page()
				for _, g := range append([][]key.Binding{tp.ShortHelp()}, tp.FullHelp()...) {
					for _, b := range g {
						if !keymap.Classified(l.Lang, b.Help().Desc) {
							t.Errorf("%s: %s %q is in neither list of ui/keymap/readonly.go: does it write?", m, b.Help().Key, b.Help().Desc)
						}
					}
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
				help := "" // a screen that takes typing has no help key: ? is typed
				if !ro.page().Capturing() {
					keys(ro, "?")
					help = screen(ro)
					keys(ro, "esc")
				}
				// Every key that writes in the normal app is refused here,
				// says why and leaves the screen as it was.
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
						refusedHelp[b.Help().Desc] = true
					}
				}
				// Every key of the tab's own that is said not to write is
				// pressed, on a read-only app of its own brought to this
				// mode: none may reach the store with a write (the store
				// would refuse it, saying it is read-only), none may change
				// its file. A key that writes on its own, listed as
				// reading, fails here.
				probe, probePath := readOnlyApp(t, l.Lang, w, h)
				probeSum := fileSum(t, probePath)
				send(probe, tab(t, probe, m.tab))
				keys(probe, m.path...)
				for _, b := range probe.page().ShortHelp() {
					if km.Writes(b) || probe.page().Capturing() || isShared(probe, b) {
						continue
					}
					keys(probe, b.Keys()[0])
					tried++
					if st := probe.footer.Status().Text; strings.Contains(st, storeRefusal) {
						t.Errorf("%s: %s %s tried to write: %q", m, b.Keys()[0], b.Help().Desc, st)
					}
				}
				if fileSum(t, probePath) != probeSum {
					t.Errorf("%s: the keys that read changed the database file", m)
				}
			}
			if refused < 100 || tried < 40 {
				t.Errorf("only %d writing keys were refused and %d reading keys tried", refused, tried)
			}
			// The books' and the cases' writing keys among them.
			for _, h := range []string{"books_ui.key_tick", "books_ui.key_tick_all", "books_ui.key_statement_balance",
				"books_ui.key_pay", "books_ui.key_set_budget", "settings.key_openings", "settings.key_books",
				"cases.key_step", "cases.key_close", "cases.key_void"} {
				if !refusedHelp[l.Lang.T(h)] {
					t.Errorf("%s (%q) was never refused", h, l.Lang.T(h))
				}
			}
			if fileSum(t, path) != before {
				t.Error("the read-only session changed the database file")
			}
		})
	}
}

// isShared reports a key of the app's own key map (quit, help, the tabs,
// moving, searching …): pressed, it would leave the mode, not test it.
func isShared(a *App, b key.Binding) bool {
	k := a.c.Keys
	for _, s := range []key.Binding{k.Quit, k.ForceQuit, k.Help, k.Back, k.Tabs, k.Search, k.Open, k.Export,
		k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.NextField, k.PrevField, k.Cancel, k.Confirm} {
		if s.Help() == b.Help() {
			return true
		}
	}
	return false
}

// The books' menu opens its screens that show (the budget), and refuses
// those that only write (the opening balances), saying why.
func TestReadOnlyBooksMenu(t *testing.T) {
	t.Parallel()
	ro, path := readOnlyApp(t, i18n.ZH, 100, 30)
	before := fileSum(t, path)
	send(ro, tab(t, ro, "cashbook.tab"))
	keys(ro, "b", "enter") // 期初余额
	if want := ro.c.T("readonly.refused", ro.c.T("books_ui.menu_openings")); ro.footer.Status().Text != want {
		t.Errorf("status %q, want %q", ro.footer.Status().Text, want)
	}
	if !strings.Contains(screen(ro), ro.c.T("books_ui.menu_budget")) {
		t.Errorf("the menu left:\n%s", screen(ro))
	}
	keys(ro, "down", "down", "down", "down", "enter") // 预算, the cursor still on 期初余额
	if !strings.Contains(screen(ro), ro.c.T("books_ui.budget_title", "2026")) {
		t.Errorf("the budget did not open:\n%s", screen(ro))
	}
	if fileSum(t, path) != before {
		t.Error("the file changed")
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
