package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/uitest"
)

// The keys every screen advertises, pressed one by one.
//
// For each tab and each of its modes (list, detail, forms, pickers,
// previews), in both languages, the walk reads the keys the footer
// (ShortHelp) and the help screen (FullHelp) advertise, presses each on a
// fresh app brought to that mode, and requires that something visible
// happened: the screen changed, a status message appeared, the app quit or
// asked to. Then it presses esc. After every step the screen must fit
// exactly in 80x24 and in 120x40.

// walkMode is a mode of a tab: the tab's title key and the keys that lead
// there from the tab as it first opens.
type walkMode struct {
	tab  string
	path []string
}

func (m walkMode) String() string {
	return strings.TrimPrefix(m.tab, "tab.") + "[" + strings.Join(m.path, ",") + "]"
}

var walkModes = []walkMode{
	{"tab.overview", nil},

	{"tab.members", nil},
	{"tab.members", []string{"/"}},
	{"tab.members", []string{"u"}},
	{"tab.members", []string{"enter"}},
	{"tab.members", []string{"enter", "d"}},
	{"tab.members", []string{"n"}},
	{"tab.members", []string{"e"}},
	{"tab.members", []string{"s"}},

	{"tab.dues", nil},
	{"tab.dues", []string{"/"}},
	{"tab.dues", []string{"enter"}},
	{"tab.dues", []string{"enter", "p"}},
	{"tab.dues", []string{"enter", "w"}},
	{"tab.dues", []string{"/", "zs", "enter"}}, // 张三, who has paid
	{"tab.dues", []string{"/", "zs", "enter", "r"}},
	{"tab.dues", []string{"c"}},
	{"tab.dues", []string{"b"}},
	{"tab.dues", []string{"t"}},
	{"tab.dues", []string{"enter", "e"}},
	{"tab.dues", []string{"enter", "f"}},
	{"tab.dues", []string{"c", "enter"}},
	{"tab.dues", []string{"c", "h"}},
	{"tab.dues", []string{"c", "h", "tab", "right", "right", "ctrl+s", "r"}}, // a unit set to collect its own first: r is for those
	{"tab.dues", []string{"c", "w"}},

	{"hardship.tab", nil},
	{"hardship.tab", []string{"/"}},
	{"hardship.tab", []string{"n"}},
	{"hardship.tab", []string{"enter"}},
	{"hardship.tab", []string{"enter", "tab"}},
	{"hardship.tab", []string{"enter", "a"}},
	{"hardship.tab", []string{"enter", "v"}},
	{"hardship.tab", []string{"enter", "h"}},
	{"hardship.tab", []string{"enter", "e"}},
	{"hardship.tab", []string{"enter", "c"}},

	{"events.tab", nil},
	{"events.tab", []string{"/"}},
	{"events.tab", []string{"n"}},
	{"events.tab", []string{"enter"}},
	{"events.tab", []string{"enter", "r"}},
	{"events.tab", []string{"enter", "d"}},
	{"events.tab", []string{"f"}},

	{"cases.tab", nil},
	{"cases.tab", []string{"/"}},
	{"cases.tab", []string{"n"}},
	{"cases.tab", []string{"f"}},
	{"cases.tab", []string{"r"}},
	{"cases.tab", []string{"r", "n"}},
	{"cases.tab", []string{"enter"}},
	{"cases.tab", []string{"enter", "a"}},
	{"cases.tab", []string{"enter", "c"}},

	{"cashbook.tab", nil},
	{"cashbook.tab", []string{"/"}},
	{"cashbook.tab", []string{"u"}},
	{"cashbook.tab", []string{"n"}},
	{"cashbook.tab", []string{"enter"}},
	{"cashbook.tab", []string{"enter", "r"}},
	{"cashbook.tab", []string{"S"}},
	// the books' menu and each of its screens
	{"cashbook.tab", []string{"b"}},
	{"cashbook.tab", []string{"b", "enter"}},                                                         // opening balances
	{"cashbook.tab", []string{"b", "down", "enter"}},                                                 // 存现/取现
	{"cashbook.tab", []string{"b", "down", "down", "enter"}},                                         // reconciliation
	{"cashbook.tab", []string{"b", "down", "down", "down", "enter"}},                                 // closing
	{"cashbook.tab", []string{"b", "down", "down", "down", "down", "enter"}},                         // budget
	{"cashbook.tab", []string{"b", "down", "down", "down", "down", "down", "enter"}},                 // consolation
	{"cashbook.tab", []string{"b", "down", "down", "down", "down", "down", "down", "enter"}},         // 工会经费
	{"cashbook.tab", []string{"b", "down", "down", "down", "down", "down", "down", "down", "enter"}}, // printing

	{"tab.units", nil},
	{"tab.units", []string{"/"}},
	{"tab.units", []string{"enter"}},
	{"tab.units", []string{"enter", "d"}},
	{"tab.units", []string{"n"}},
	{"tab.units", []string{"e"}},

	{"importer.tab", nil},
	{"importer.tab", []string{"i"}},
	{"importer.tab", []string{"E"}},
	{"importer.tab", []string{"h"}},
	{"importer.tab", []string{"r"}},
	{"importer.tab", []string{"r", "enter"}},
	{"importer.tab", []string{"r", "down", "down", "enter"}},
	{"importer.tab", []string{"r", "down", "enter", "ctrl+s"}},

	{"tab.settings", nil},
	{"tab.settings", []string{"p"}},
	{"tab.settings", []string{"d"}},
	{"tab.settings", []string{"h"}},
	{"tab.settings", []string{"g"}},
	{"tab.settings", []string{"c"}},
	{"tab.settings", []string{"c", "n"}},
	{"tab.settings", []string{"l"}},
	{"tab.settings", []string{"l", "enter"}},
	{"tab.settings", []string{"l", "d"}},
	{"tab.settings", []string{"o"}},
	{"tab.settings", []string{"k"}},
}

// longUnit is a unit name far wider than any column, to test truncation.
const longUnit = "青山镇经济开发区东南片区宏达精密机械制造与装备维修服务有限责任公司联合工会委员会"

// walked is the township of app_test.go with dues (as seedDues), a unit
// with a very long name and a member in it, 李四's hardship file with aid,
// an event and a cash-book entry, so that every tab has a detail to open.
var walked = &fixture{name: "walked", seed: seedWalk}

func seedWalk(s *storage.Store) error {
	if err := seedTownship(s); err != nil {
		return err
	}
	var first error
	must := func(err error) {
		if first == nil {
			first = err
		}
	}
	p, _, err := s.Profile()
	must(err)
	p.MinLiving = model.Yuan(850)
	must(s.SaveProfile(uitest.Operator, p))
	u := &model.Unit{Name: longUnit, Kind: 170, Employees: 40}
	must(s.CreateUnit(uitest.Operator, u))
	long := model.Member{Name: "欧阳建国·阿不都热合曼", Gender: model.Male, IDNumber: "440308199901101512", UnitID: u.ID, JoinDate: 20190101}
	must(s.CreateMember(uitest.Operator, &long))
	ms, err := s.Members()
	if err != nil || first != nil {
		return errors.Join(first, err)
	}
	zs, ls := ms[0], ms[4]
	_, err = s.SetWageBase(uitest.Operator, zs.ID, model.WageBase{From: 202601, Base: 308500})
	must(err)
	// a second member with a wage base and no payment: the first in arrears
	// (members without a base owe nothing known and are not listed)
	_, err = s.SetWageBase(uitest.Operator, ms[1].ID, model.WageBase{From: 202601, Base: 420000})
	must(err)
	pay := model.DuesPayment{MemberID: zs.ID, From: 202601, To: 202602, Amount: 3080, Method: model.PayCash, Date: 20260305}
	must(s.RecordPayment(uitest.Operator, &pay))
	f := model.HardshipFile{MemberID: ls.ID, Status: model.HardshipActive, Category: model.CategoryRelative,
		MainCause: model.CauseLaidOff, HouseholdSize: 3, YearlyIncome: model.Yuan(43200), Health: "高血压",
		BankName: "中国农业银行", BankAccount: "6228480012345678901", AppliedDate: 20250310,
		Household: []model.HouseholdMember{{Name: "王芳", Relation: "配偶", MonthlyIncome: model.Yuan(1200), SchoolOrWork: "灵活就业"}}}
	must(s.CreateHardshipFile(uitest.Operator, &f))
	f2 := model.HardshipFile{MemberID: ms[2].ID, Status: model.HardshipApplied, Category: model.CategoryRelative,
		MainCause: model.CauseLaidOff, HouseholdSize: 2, YearlyIncome: model.Yuan(12000), AppliedDate: 20261101}
	must(s.CreateHardshipFile(uitest.Operator, &f2))
	_, err = s.RecordAid(uitest.Operator, &model.AidRecord{FileID: f.ID, Type: model.AidWarmth, Date: 20260120,
		Cash: model.Yuan(800), Fund: model.FundHigher, Approver: "王主席"})
	must(err)
	must(s.CreateEvent(uitest.Operator, &model.Event{Title: "2026年职工篮球赛", Type: model.EventSports, Start: 20261110,
		Place: "镇文体中心篮球场", UnitID: u.ID, Members: []uint64{zs.ID, ls.ID, long.ID}, Others: 6}))
	must(s.CreateEvent(uitest.Operator, &model.Event{Title: "消防安全培训", Type: model.EventTraining, Start: 20261105,
		Place: "中心小学礼堂", Members: []uint64{zs.ID}, Others: 25}))
	for _, e := range []model.LedgerEntry{
		{Date: 20261112, Direction: model.Out, Account: "50405", Amount: model.Yuan(2000), Counterparty: "困难职工李四", Memo: "重阳节慰问"},
		{Date: 20261115, Direction: model.In, Account: "40302", Amount: model.Yuan(5000), Counterparty: "滨江区总工会", Memo: "帮扶补助下拨"},
		{Date: 20261116, Direction: model.Out, Account: "50602", Amount: 26800, Counterparty: longUnit, Memo: "办公用品"},
	} {
		must(s.AddLedgerEntry(uitest.Operator, &e))
	}
	return first
}

// walkApp is the app on a copy of books (walked with what the books' and
// the cases' screens show: 工会经费, a bank entry, a budget line, a case),
// so that every mode of the walk has something to act on.
func walkApp(t *testing.T, lang i18n.Lang, w, h int) *App {
	t.Helper()
	return appOn(t, books.open(t), lang, w, h)
}

// state is what the user sees: the screen with its colours, the cursor
// and the status line.
func state(a *App) string {
	v := a.View()
	cur := "-"
	if v.Cursor != nil {
		cur = fmt.Sprint(v.Cursor.X, v.Cursor.Y)
	}
	return v.Content + "\x00" + cur + "\x00" + a.footer.Status().Text
}

// press sends key k as the program would and reports whether the app quit.
func press(a *App, k string) (quit bool) {
	var run func(tea.Cmd)
	run = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch m := cmd().(type) {
		case nil:
		case tea.QuitMsg:
			quit = true
		case tea.BatchMsg:
			for _, c := range m {
				run(c)
			}
		default:
			_, c := a.Update(m)
			run(c)
		}
	}
	_, cmd := a.Update(uitest.Key(k))
	run(cmd)
	return quit
}

// checkSizes checks the screen at the app's size and at the other size of
// uitest.Sizes, then goes back. A problem already reported in this test
// (seen) is not reported again.
func checkSizes(t *testing.T, a *App, step string, seen map[string]bool) {
	t.Helper()
	w, h := a.c.Width, a.c.Height
	for _, s := range uitest.Sizes {
		a.Update(tea.WindowSizeMsg{Width: s.W, Height: s.H})
		out := screen(a)
		// the names of the seed hold a middle dot: the user's data, not a
		// glyph the screens draw
		out = strings.NewReplacer("丽·", "丽.", "国·", "国.").Replace(out)
		var f fakeTB
		uitest.CheckGeometry(&f, out, s.W, s.H)
		uitest.CheckGlyphs(&f, out, ambiguous...)
		for _, e := range f.errors {
			if k := fmt.Sprint(s, e); !seen[k] {
				seen[k] = true
				t.Errorf("after %s at %dx%d: %s\n%s", step, s.W, s.H, e, out)
			}
		}
	}
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
}

// ambiguous are glyphs a CJK terminal may draw two cells wide.
var ambiguous = []string{"“", "”", "‘", "’", "…", "·", "─", "│", "①", "→", "←", "↑", "↓", "•", "█", "░", "✓", "×", "※", "★", "☆", "○", "●", "■", "□", "▲", "▼", "△", "▽"}

// fakeTB collects what a check reports.
type fakeTB struct {
	testing.TB
	errors []string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

// advertised are the keys a binding's help names ("up/k", "[ ]", "1-9")
// with the keys it answers to.
func advertised(b key.Binding) []string {
	var out []string
	add := func(k string) {
		if k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	h := b.Help().Key
	if h == "1-9" || h == "1-9,0" { // the tab keys: one check (ten tabs since the Cases tab joined)
		return []string{h}
	}
	for _, k := range strings.FieldsFunc(h, func(r rune) bool { return r == ' ' || r == '/' && len(h) > 1 }) {
		add(k)
	}
	for _, k := range b.Keys() {
		add(k)
	}
	return out
}

// modeKeys are the keys advertised in the app's current mode, each with
// where it was seen.
func modeKeys(a *App) map[string]string {
	out := map[string]string{}
	p := a.page()
	for _, b := range p.ShortHelp() {
		if b.Enabled() {
			for _, k := range advertised(b) {
				out[k] = "footer: " + b.Help().Key + " " + b.Help().Desc
			}
		}
	}
	for _, g := range p.FullHelp() {
		for _, b := range g {
			if !b.Enabled() {
				continue
			}
			for _, k := range advertised(b) {
				if _, ok := out[k]; !ok {
					out[k] = "help: " + b.Help().Key + " " + b.Help().Desc
				}
			}
		}
	}
	return out
}

// before are keys that undo nothing visible from where a mode opens (up on
// the first row, home at the top, the previous field of the first one):
// they are pressed after the key given here.
var before = map[string]string{
	"up": "down", "k": "j", "pgup": "pgdown", "home": "end", "g": "G",
	"shift+tab": "tab", "left": "right", "h": "l",
	// a list that opens on its last row (the cash book's newest entry)
	"down": "up", "j": "k", "pgdown": "pgup", "end": "home", "G": "g",
	// next year or month from the latest one
	"]": "[",
	// clear filters or show all months with none set: set one first
	"tab.members x": "t", "cashbook.tab x": "t", "events.tab x": "t", "events.tab a": "[",
	"hardship.tab x": "s",
	// the file chooser opens on a folder: a row chosen first
	"importer.tab enter": "down", "importer.tab ctrl+s": "down",
}

// reach builds an app of lang at w x h showing mode m.
func reach(t *testing.T, lang i18n.Lang, w, h int, m walkMode) *App {
	t.Helper()
	a := walkApp(t, lang, w, h)
	send(a, tab(t, a, m.tab))
	keys(a, m.path...)
	return a
}

func TestAdvertisedKeysWork(t *testing.T) {
	t.Parallel()
	const w, h = 80, 24
	for _, l := range uitest.Langs {
		for _, m := range walkModes {
			t.Run(l.Name+"/"+m.String(), func(t *testing.T) {
				t.Parallel()
				a := reach(t, l.Lang, w, h, m)
				seen := map[string]bool{}
				checkSizes(t, a, "opening", seen)
				ks := modeKeys(a)
				names := make([]string, 0, len(ks))
				for k := range ks {
					names = append(names, k)
				}
				slices.Sort(names)
				var dead []string
				for _, k := range names {
					if msg := checkKey(t, l.Lang, w, h, m, k, ks[k], seen); msg != "" {
						dead = append(dead, msg)
					}
				}
				if len(dead) > 0 {
					t.Errorf("advertised keys that fail:\n\t%s", strings.Join(dead, "\n\t"))
				}
			})
		}
	}
}

// checkKey presses k in mode m and tells what is wrong if nothing visible
// happened.
func checkKey(t *testing.T, lang i18n.Lang, w, h int, m walkMode, k, where string, seen map[string]bool) string {
	t.Helper()
	a := reach(t, lang, w, h, m)
	capturing := a.page().Capturing()
	step := fmt.Sprintf("%q (%s)", k, where)
	switch k {
	case "q", "ctrl+c":
		if capturing && k == "q" {
			return step + " is advertised while typing, where it types a q"
		}
		if quit := press(a, k); !quit && !a.confirmQuit {
			return step + " neither quit nor asked"
		}
		return ""
	case "?":
		if press(a, k); !a.showHelp {
			return step + " did not show the help"
		}
		checkSizes(t, a, step, seen)
		return ""
	case "1-9", "1-9,0":
		if capturing {
			return step + " is advertised while typing, where digits are typed"
		}
		was := a.active
		press(a, map[bool]string{true: "2", false: "1"}[was == 0])
		if a.active == was {
			return step + " did not switch tabs"
		}
		checkSizes(t, a, step, seen)
		return ""
	}
	was := state(a)
	press(a, k)
	if state(a) == was {
		pre, ok := before[m.tab+" "+k]
		if !ok {
			pre, ok = before[k]
		}
		if ok {
			a = reach(t, lang, w, h, m)
			press(a, pre)
			was = state(a)
			press(a, k)
		}
	}
	if state(a) == was {
		return step + " does nothing visible"
	}
	checkSizes(t, a, step, seen)
	press(a, "esc")
	checkSizes(t, a, step+" then esc", seen)
	return ""
}

// Every mode of the walk is reached, not left on its first screen by a
// path that does nothing.
func TestWalkModesAreDistinct(t *testing.T) {
	t.Parallel()
	seen := map[string]string{}
	for _, m := range walkModes {
		a := reach(t, i18n.EN, 80, 24, m)
		s := state(a)
		if prev, ok := seen[s]; ok {
			t.Errorf("%s shows the same screen as %s", m, prev)
		}
		seen[s] = m.String()
	}
}

// esc in an audit-log entry goes back to the log, not out of it.
func TestEscLeavesAnAuditEntryForTheLog(t *testing.T) {
	t.Parallel()
	a := walkApp(t, i18n.EN, 80, 24)
	send(a, tab(t, a, "tab.settings"))
	keys(a, "l")
	list := screen(a)
	keys(a, "enter", "esc")
	if got := screen(a); got != list {
		t.Errorf("esc from an entry did not go back to the log:\n%s", got)
	}
}
