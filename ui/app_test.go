package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/keymap"
	"unionbook/ui/uitest"
)

// township is a small township written in Chinese, with names chosen to
// exercise polyphonic initials (单, 曾) and wide-character alignment.
var township = &fixture{name: "township", seed: seedTownship}

func seedTownship(s *storage.Store) error {
	if err := s.SaveProfile("李秘书", model.Profile{UnionName: "青山镇总工会", HigherUnion: "滨江区总工会", DuesRateBP: 50, Operator: "李秘书", DuesSince: 202601}); err != nil {
		return err
	}
	units := []*model.Unit{
		{Name: "青山镇宏达机械制造有限公司工会", Kind: 170, Employees: 320, Women: 120, MigrantWorkers: 150, Chair: "王建国", Phone: "0591-87654321", CreditCode: "91350100M000100Y43", WorkersCongress: true, OpenAffairs: true},
		{Name: "青山镇重庆村联合工会", Form: model.FormVillage, Employees: 80, Women: 30, Chair: "单志强"},
		{Name: "Qingshan Clinic Union", Kind: 400, Employees: 25, Women: 18},
	}
	for _, u := range units {
		if err := s.CreateUnit("李秘书", u); err != nil {
			return err
		}
	}
	members := []model.Member{
		{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", Phone: "13812345678", UnitID: units[0].ID, JoinDate: 20150301, Ethnicity: "汉族"},
		{Name: "单丽华", Gender: model.Female, IDNumber: "500154199804106120", Phone: "13912345678", UnitID: units[1].ID, JoinDate: 20200601},
		{Name: "曾志伟", Gender: model.Male, IDNumber: "430302199312194239", UnitID: units[0].ID, JoinDate: 20180915},
		{Name: "阿依古丽·买买提", Gender: model.Female, IDNumber: "830000199201300022", UnitID: units[2].ID, JoinDate: 20160101, Ethnicity: "维吾尔族"},
		{Name: "李四", Gender: model.Male, IDNumber: "350303199002033073", UnitID: units[1].ID, JoinDate: 20120808},
	}
	for i := range members {
		if err := s.CreateMember("李秘书", &members[i]); err != nil {
			return err
		}
	}
	return nil
}

// newApp is the app at w x h on the township (withData) or on a new,
// empty database.
func newApp(t *testing.T, lang i18n.Lang, w, h int, withData bool) *App {
	t.Helper()
	var s *storage.Store
	if withData {
		s = township.open(t)
	} else {
		s = uitest.OpenStore(t, uitest.FixedNow)
	}
	return appOn(t, s, lang, w, h)
}

// appOn is the app on s at w x h, its first commands run.
func appOn(t *testing.T, s *storage.Store, lang i18n.Lang, w, h int) *App {
	t.Helper()
	c := NewCommon(Options{Store: s, Lang: lang})
	c.Today = func() model.Date { return model.DateOf(uitest.FixedNow) }
	a := New(c)
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	drive(a).Run(a.Init())
	return a
}

// onMembers is an app with data, showing the Members tab.
func onMembers(t *testing.T, lang i18n.Lang, w, h int) *App {
	t.Helper()
	a := newApp(t, lang, w, h, true)
	keys(a, "2")
	return a
}

// drive delivers to the app as the program would (see uitest.Driver).
func drive(a *App) uitest.Driver {
	return uitest.Driver{Update: func(m tea.Msg) tea.Cmd {
		_, cmd := a.Update(m)
		return cmd
	}}
}

// send delivers messages and runs the commands they set off.
func send(a *App, msgs ...tea.Msg) { drive(a).Send(msgs...) }

// keys presses the keys named (see uitest.Key).
func keys(a *App, ks ...string) { drive(a).Keys(ks...) }

// typeText types one key per character.
func typeText(a *App, s string) { drive(a).Type(s) }

// screen renders the view without colours.
func screen(a *App) string { return uitest.Screen(a.View().Content) }

func requireGolden(t *testing.T, a *App, w, h int) {
	t.Helper()
	out := screen(a)
	uitest.CheckGeometry(t, out, w, h)
	// the database lives in a fresh temporary folder each run
	out = strings.ReplaceAll(out, a.c.Store.Path(), "<db>")
	golden.RequireEqual(t, []byte(out))
}

// tab returns the number key of the tab with the given catalogue title key,
// so tests keep working as tabs are added.
func tab(t *testing.T, a *App, titleKey string) tea.Msg {
	t.Helper()
	want := a.c.T(titleKey)
	for i, p := range a.pages {
		if p.Title() == want {
			return uitest.Key(keymap.TabKey(i))
		}
	}
	t.Fatalf("no tab %q", want)
	return nil
}
