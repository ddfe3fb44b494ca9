package hardship

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// esc on a form with changes asks before dropping them: n keeps the form
// with what was typed, y drops it and writes nothing. An unchanged form
// goes at once.
func TestEscOnAChangedFileFormAsks(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, fx := newHarness(t, lang, 120, 40, true)
		T := lang.T
		hs.Keys("enter", "e")
		if _, ok := top[*fileForm](hs); !ok {
			t.Fatalf("e opens the file form, got %T", hs.P.Top())
		}
		hs.Keys("esc")
		if _, ok := top[*detail](hs); !ok {
			t.Fatalf("esc on an unchanged form goes back to the detail, got %T", hs.P.Top())
		}
		hs.Keys("e")
		formOf(t, hs).FocusKey("hs_income")
		hs.Keys("ctrl+u")
		hs.Type("60000")
		hs.Keys("esc")
		uitest.Contains(t, hs.Screen(), T("stack.discard_confirm"), T("key.keep_editing"))
		if !hs.P.Confirming() || !hs.P.Capturing() {
			t.Fatal("the question does not have the keyboard")
		}
		hs.Keys("n")
		if formOf(t, hs).Value("hs_income") != "60000" || hs.P.Confirming() {
			t.Fatalf("n did not keep the form as typed:\n%s", hs.Screen())
		}
		uitest.Lacks(t, hs.Screen(), T("stack.discard_confirm"))
		hs.Keys("esc", "y")
		if _, ok := top[*detail](hs); !ok {
			t.Fatalf("y drops the form, got %T", hs.P.Top())
		}
		if f, _ := hs.C.Store.HardshipFile(fx.file.ID); f.YearlyIncome != fx.file.YearlyIncome {
			t.Errorf("a dropped form was saved: %s", f.YearlyIncome)
		}
		// the 26-field form for a new file asks too, and so does q
		hs.Keys("esc", "n")
		hs.Type("x") // opens the member picker
		hs.Keys("esc")
		formOf(t, hs).FocusKey("hs_income")
		hs.Type("1000")
		if !hs.P.Dirty() {
			t.Fatal("the new-file form does not report its changes (q would not ask)")
		}
		hs.Keys("esc")
		if !hs.P.Confirming() {
			t.Fatal("esc dropped a changed new-file form without asking")
		}
	})
}

// A saved form goes back to the detail, which shows the saved values, and
// the list under it is current when the user goes back to it.
func TestSavedFormPopsToARefreshedDetailAndList(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, fx := newHarness(t, lang, 120, 40, true)
		uitest.Contains(t, hs.Screen(), "1,200.00") // 43,200 a year for 3
		hs.Keys("enter", "e")
		formOf(t, hs).FocusKey("hs_income")
		hs.Keys("ctrl+u")
		hs.Type("36000")
		hs.Keys("ctrl+s")
		if hs.P.Depth() != 2 {
			t.Fatalf("depth %d after saving, want the list and the detail", hs.P.Depth())
		}
		d := detailOf(t, hs)
		if d.d.f.YearlyIncome != model.Yuan(36000) {
			t.Fatalf("the detail shows the old file: %s", d.d.f.YearlyIncome)
		}
		if hs.Status.Text != lang.T("hardship.saved", fx.file.ID) || len(hs.Changed) != 1 || hs.Changed[0].Entity != model.EntityHardship {
			t.Errorf("status %q, broadcasts %v", hs.Status.Text, hs.Changed)
		}
		uitest.Contains(t, hs.Screen(), "36,000.00", "1,000.00")
		hs.Keys("esc")
		out := hs.Screen()
		uitest.Contains(t, out, "1,000.00")
		uitest.Lacks(t, out, "1,200.00")
	})
}

// Another tab's write reaches the list under an open detail, and the
// detail itself.
func TestChangeFromAnotherTabRefreshesUnderTheDetail(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 120, 40, true)
	s := hs.C.Store
	hs.Keys("enter")
	f := model.HardshipFile{MemberID: fx.zs.ID, Status: model.HardshipApplied, Category: model.CategoryDeep,
		MainCause: model.CauseSeriousIllness, HouseholdSize: 2, YearlyIncome: model.Yuan(9600), AppliedDate: 20261101}
	if err := s.CreateHardshipFile(op, &f); err != nil {
		t.Fatal(err)
	}
	ls, _ := s.HardshipFile(fx.file.ID)
	ls.Notes = "已走访"
	if err := s.UpdateHardshipFile(op, &ls); err != nil {
		t.Fatal(err)
	}
	hs.Send(common.DataChangedMsg{Entity: model.EntityImport})
	if hs.P.Depth() != 2 {
		t.Fatalf("a change elsewhere moved the user: depth %d", hs.P.Depth())
	}
	uitest.Contains(t, hs.Screen(), "已走访")
	hs.Keys("esc")
	uitest.Contains(t, hs.Screen(), "张三", "李四")
}

// A click selects the row under the pointer; a second click opens it.
func TestClickOpensTheRowUnderThePointer(t *testing.T) {
	hs, fx := newHarness(t, i18n.EN, 120, 40, true)
	f := model.HardshipFile{MemberID: fx.zs.ID, Status: model.HardshipApplied, Category: model.CategoryDeep,
		MainCause: model.CauseSeriousIllness, HouseholdSize: 2, YearlyIncome: model.Yuan(9600), AppliedDate: 20261101}
	if err := hs.C.Store.CreateHardshipFile(op, &f); err != nil {
		t.Fatal(err)
	}
	refresh(hs)
	// page lines: the filter line, the search line, the titles, then 张三
	// (the newest) and 李四
	click := tea.MouseClickMsg{X: 10, Y: listHeaderLines + 2, Button: tea.MouseLeft}
	hs.Send(click, click)
	if d := detailOf(t, hs); d.id != fx.file.ID {
		t.Errorf("opened file %d, want 李四's %d", d.id, fx.file.ID)
	}
}
