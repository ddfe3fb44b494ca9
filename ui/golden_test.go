package ui

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// Golden screens at 80x24 and 120x40, in both languages, with Chinese data.
// Regenerate with: go test ./ui -update

func TestGoldenMembersList(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := onMembers(t, lang, w, h)
		requireGolden(t, a, w, h)
	})
}

func TestGoldenMembersSearchPinyin(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := onMembers(t, lang, w, h)
		keys(a, "/")
		typeText(a, "zs")
		requireGolden(t, a, w, h)
	})
}

func TestGoldenMemberFormWithErrors(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := onMembers(t, lang, w, h)
		keys(a, "n")
		typeText(a, "王五")
		keys(a, "tab", "tab", "tab")
		typeText(a, "440308199901101513") // wrong check character
		keys(a, "ctrl+s")
		requireGolden(t, a, w, h)
	})
}

func TestGoldenMemberDetail(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := onMembers(t, lang, w, h)
		keys(a, "enter")
		requireGolden(t, a, w, h)
	})
}

func TestGoldenUnitsList(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := newApp(t, lang, w, h, true)
		send(a, tab(t, a, "tab.units"))
		requireGolden(t, a, w, h)
	})
}

func TestGoldenSetup(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := newApp(t, lang, w, h, false)
		requireGolden(t, a, w, h)
	})
}

func TestGoldenHelp(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := onMembers(t, lang, w, h)
		keys(a, "?")
		requireGolden(t, a, w, h)
	})
}

// seedDues gives 张三 a wage base and two paid months, so the dues screens
// and the overview have figures to show.
func seedDues(t *testing.T, a *App) {
	t.Helper()
	s := a.c.Store
	ms, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	zs := ms[0]
	if _, err := s.SetWageBase("李秘书", zs.ID, model.WageBase{From: 202601, Base: 308500}); err != nil {
		t.Fatal(err)
	}
	pay := model.DuesPayment{MemberID: zs.ID, From: 202601, To: 202602, Amount: 3080, Method: model.PayCash, Date: 20260305}
	if err := s.RecordPayment("李秘书", &pay); err != nil {
		t.Fatal(err)
	}
	send(a, common.DataChangedMsg{Entity: model.EntityPayment})
}

func TestGoldenOverview(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := newApp(t, lang, w, h, true)
		seedDues(t, a)
		requireGolden(t, a, w, h)
	})
}

func TestGoldenDuesArrears(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := newApp(t, lang, w, h, true)
		seedDues(t, a)
		send(a, tab(t, a, "tab.dues"))
		requireGolden(t, a, w, h)
	})
}

func TestGoldenMemberDues(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := onMembers(t, lang, w, h)
		seedDues(t, a)
		keys(a, "enter", "f")
		requireGolden(t, a, w, h)
	})
}

func TestGoldenPaymentForm(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := onMembers(t, lang, w, h)
		seedDues(t, a)
		keys(a, "enter", "f", "p")
		requireGolden(t, a, w, h)
	})
}

func TestGoldenSettings(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := newApp(t, lang, w, h, true)
		send(a, tab(t, a, "tab.settings"))
		requireGolden(t, a, w, h)
	})
}
