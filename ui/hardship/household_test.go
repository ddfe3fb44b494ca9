package hardship

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// ambiguous are glyphs a CJK terminal draws two cells wide.
var ambiguous = []string{"“", "”", "…", "·", "─", "→", "✓", "✗", "–", "⚠"}

// addChild lists a second household member, 李小红, on 李四's file.
func addChild(t *testing.T, hs *uitest.PageHarness[*Page], fx fixture) {
	t.Helper()
	f, err := hs.C.Store.HardshipFile(fx.file.ID)
	if err != nil {
		t.Fatal(err)
	}
	f.Household = append(f.Household, model.HouseholdMember{Name: "李小红", Relation: "子女", SchoolOrWork: "青山镇中学"})
	if err := hs.C.Store.UpdateHardshipFile(op, &f); err != nil {
		t.Fatal(err)
	}
	refresh(hs)
}

// lastAudit is the newest audit entry.
func lastAudit(t *testing.T, hs *uitest.PageHarness[*Page]) model.AuditEntry {
	t.Helper()
	es, err := hs.C.Store.Audit(0, 1)
	if err != nil || len(es) == 0 {
		t.Fatal(err, len(es))
	}
	return es[0]
}

func changeOf(e model.AuditEntry, field string) (model.FieldChange, bool) {
	for _, c := range e.Changes {
		if c.Field == field {
			return c, true
		}
	}
	return model.FieldChange{}, false
}

// A household member is selected in the Household pane and edited with e in
// the form that adds one, filled; a bad ID number is shown next to its field
// and nothing is saved; a good edit is saved with its audit entry.
func TestEditHouseholdMember(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, fx := newHarness(t, lang, 120, 40, true)
		T := lang.T
		s := hs.C.Store
		addChild(t, hs, fx)
		hs.Keys("enter", "tab")
		out := hs.Screen()
		uitest.Contains(t, out, "王芳", "李小红", T("hardship.key_edit_member"), T("hardship.key_remove_member"))
		// the second member, then e: the form filled with it
		hs.Keys("down", "e")
		if _, ok := top[*householdForm](hs); !ok {
			t.Fatalf("no household form:\n%s", hs.Screen())
		}
		if formOf(t, hs).Value("name") != "李小红" || formOf(t, hs).Value("hs_relation") != "子女" || formOf(t, hs).Value("hs_school_work") != "青山镇中学" {
			t.Fatalf("form not filled: %q %q", formOf(t, hs).Value("name"), formOf(t, hs).Value("hs_school_work"))
		}
		uitest.Contains(t, hs.Screen(), T("hardship.household_edit_title", "李小红", "李四"))
		// a bad ID number: shown under the field, not saved
		before := lastAudit(t, hs).ID
		formOf(t, hs).FocusKey("id_number")
		hs.Type("11010120100901135")
		hs.Keys("ctrl+s")
		ps := formOf(t, hs).Problems().For("id_number")
		if len(ps) == 0 {
			t.Fatalf("no ID number problem:\n%s", hs.Screen())
		}
		uitest.Contains(t, hs.Screen(), ps[0].Message(lang))
		if lastAudit(t, hs).ID != before || !onForm(hs) {
			t.Fatal("a bad ID number was saved")
		}
		// a good one and a new school: saved, the household size kept
		hs.Keys("ctrl+u")
		hs.Type("110101201009011354")
		formOf(t, hs).FocusKey("hs_school_work")
		hs.Keys("ctrl+u")
		hs.Type("青山镇第二中学")
		hs.Keys("ctrl+s")
		f, _ := s.HardshipFile(fx.file.ID)
		if onForm(hs) || len(f.Household) != 2 || f.Household[1].IDNumber != "110101201009011354" ||
			f.Household[1].SchoolOrWork != "青山镇第二中学" || f.Household[0].Name != "王芳" || f.HouseholdSize != 3 {
			t.Fatalf("after edit %+v size %d\n%s", f.Household, f.HouseholdSize, hs.Screen())
		}
		if hs.Status.Text != T("hardship.household_saved", "李小红") || hs.Status.Error {
			t.Errorf("status %q", hs.Status.Text)
		}
		e := lastAudit(t, hs)
		if c, ok := changeOf(e, "hs_household"); e.Action != model.ActionUpdate || e.EntityID != fx.file.ID || !ok ||
			!strings.Contains(c.New, "青山镇第二中学") || strings.Contains(c.New, "110101201009011354") {
			t.Errorf("audit %+v", e)
		}
		// back on the Household pane with the member still selected
		if d := detailOf(t, hs); d.pane != paneHousehold || d.hhSel != 1 {
			t.Errorf("after save: pane %d sel %d", d.pane, d.hhSel)
		}
		uitest.Contains(t, hs.Screen(), "青山镇第二中学")
	})
}

// d asks, naming the person; n keeps the member, y removes it (the
// household size stays) with an audit entry.
func TestRemoveHouseholdMember(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, fx := newHarness(t, lang, 120, 40, true)
		T := lang.T
		s := hs.C.Store
		addChild(t, hs, fx)
		hs.Keys("enter", "tab", "down", "d")
		out := hs.Screen()
		uitest.Contains(t, out, T("hardship.household_confirm_remove", "李小红", "子女", fx.file.ID), T("key.confirm"), T("key.cancel"))
		before := lastAudit(t, hs).ID
		hs.Keys("n")
		if f, _ := s.HardshipFile(fx.file.ID); len(f.Household) != 2 || lastAudit(t, hs).ID != before {
			t.Fatal("n removed the member")
		}
		uitest.Lacks(t, hs.Screen(), T("hardship.household_confirm_remove", "李小红", "子女", fx.file.ID))
		hs.Keys("d", "esc")
		if _, ok := top[*detail](hs); !ok {
			t.Fatal("esc did not cancel the question")
		}
		hs.Keys("d", "y")
		f, _ := s.HardshipFile(fx.file.ID)
		if len(f.Household) != 1 || f.Household[0].Name != "王芳" || f.HouseholdSize != 3 {
			t.Fatalf("after remove %+v size %d", f.Household, f.HouseholdSize)
		}
		if hs.Status.Text != T("hardship.household_removed", "李小红", 3) || hs.Status.Error {
			t.Errorf("status %q", hs.Status.Text)
		}
		e := lastAudit(t, hs)
		if c, ok := changeOf(e, "hs_household"); !ok || e.EntityID != fx.file.ID || !strings.Contains(c.Old, "李小红") || strings.Contains(c.New, "李小红") {
			t.Errorf("audit %+v", e)
		}
		out = uitest.Screen(hs.P.View()) // the status line names the member
		uitest.Lacks(t, out, "李小红")
		uitest.Contains(t, out, "王芳")
		if d := detailOf(t, hs); d.hhSel != 0 {
			t.Errorf("selection %d after removing the last row", d.hhSel)
		}
		// the last member too: the pane says there is none, e edits the file
		hs.Keys("d", "y")
		if f, _ := s.HardshipFile(fx.file.ID); len(f.Household) != 0 {
			t.Fatal("the last member was not removed")
		}
		uitest.Contains(t, hs.Screen(), T("hardship.no_household"))
		uitest.Lacks(t, hs.Screen(), T("hardship.key_remove_member"))
		hs.Keys("e")
		if _, ok := top[*fileForm](hs); !ok {
			t.Errorf("e on an empty household pane: %T", hs.P.Top())
		}
	})
}

// A closed file's household is not changed: e and d are not offered and
// refuse; a lifted-out file in its follow-up is still corrected (as the
// store allows).
func TestHouseholdOfClosedAndLiftedFiles(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, fx := newHarness(t, lang, 120, 40, true)
		T := lang.T
		s := hs.C.Store
		if _, err := s.CloseHardshipFile(op, fx.file.ID, 20261120, "调离本地"); err != nil {
			t.Fatal(err)
		}
		refresh(hs)
		hs.Keys("s", "s", "s", "s", "s", "enter", "tab")
		out := hs.Screen()
		uitest.Contains(t, out, "王芳")
		uitest.Lacks(t, out, T("hardship.key_edit_member"), T("hardship.key_remove_member"))
		before := lastAudit(t, hs).ID
		hs.Keys("e")
		if onForm(hs) || hs.Status.Text != T("hardship.file_closed") || !hs.Status.Error {
			t.Errorf("e on a closed file: form %v status %q", onForm(hs), hs.Status.Text)
		}
		hs.Status.Text = ""
		hs.Keys("d")
		if _, ok := top[*detail](hs); !ok || hs.Status.Text != T("hardship.file_closed") {
			t.Errorf("d on a closed file: %T in front, status %q", hs.P.Top(), hs.Status.Text)
		}
		hs.Keys("y")
		if f, _ := s.HardshipFile(fx.file.ID); len(f.Household) != 1 || lastAudit(t, hs).ID != before {
			t.Error("a closed file's household changed")
		}
	})
	t.Run("lifted", func(t *testing.T) {
		hs, fx := newHarness(t, i18n.ZH, 120, 40, true)
		s := hs.C.Store
		if _, err := s.LiftHardshipFile(op, fx.file.ID, model.LiftOut{NoticeFrom: 20261109, NoticeTo: 20261113, Approval: "晋总工〔2026〕12号", Date: 20261116}); err != nil {
			t.Fatal(err)
		}
		refresh(hs)
		hs.Keys("s", "s", "s", "s", "enter", "tab")
		uitest.Contains(t, hs.Screen(), "王芳", i18n.ZH.T("hardship.key_edit_member"))
		hs.Keys("e")
		formOf(t, hs).FocusKey("hs_member_income")
		hs.Keys("ctrl+u")
		hs.Type("1500")
		hs.Keys("ctrl+s")
		if f, _ := s.HardshipFile(fx.file.ID); f.Household[0].MonthlyIncome != model.Yuan(1500) || f.Status != model.HardshipLifted {
			t.Errorf("lifted file: %+v\n%s", f.Household, hs.Screen())
		}
	})
}

// The aid form warns of the yearly cap as the user types: the type, the
// amount and the date count with the file's aid of that year; the warning
// is not a problem, so the form saves.
func TestAidCapWarningAsYouType(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, fx := newHarness(t, lang, 120, 40, true)
		T := lang.T
		s := hs.C.Store
		// 相对困难 with 低保 850: living aid up to 8 x 850 = 6,800 a year;
		// 5,000 given already this year
		earlier := model.AidRecord{FileID: fx.file.ID, Type: model.AidLiving, Date: 20260301, Cash: model.Yuan(5000), Fund: model.FundOwn, Approver: "王主席"}
		if _, err := s.RecordAid(op, &earlier); err != nil {
			t.Fatal(err)
		}
		refresh(hs)
		capText := "6,800.00"
		hs.Keys("enter", "a", "right") // 生活救助
		if v, _ := formOf(t, hs).Choice("aid_type"); model.AidType(v) != model.AidLiving {
			t.Fatalf("type %d", v)
		}
		formOf(t, hs).FocusKey("aid_cash")
		hs.Type("1500")
		uitest.Lacks(t, hs.Screen(), capText) // 6,500: under the cap
		hs.Type("0")                          // 15,000
		out := hs.Screen()
		uitest.Contains(t, out, capText, "20,000.00", T("aid.type_living"))
		hs.Keys("backspace", "backspace") // 150
		uitest.Lacks(t, hs.Screen(), capText)
		hs.Keys("ctrl+u")
		hs.Type("2000") // 7,000
		uitest.Contains(t, hs.Screen(), capText, "7,000.00")
		// another year: last year's living aid is none
		formOf(t, hs).FocusKey("date")
		hs.Keys("ctrl+u")
		hs.Type("2025-12-01")
		uitest.Lacks(t, hs.Screen(), capText)
		hs.Keys("ctrl+u")
		hs.Type("2026-11-20")
		uitest.Contains(t, hs.Screen(), capText)
		// another type: medical aid has no cap by default
		formOf(t, hs).FocusKey("aid_type")
		hs.Keys("right")
		uitest.Lacks(t, hs.Screen(), capText)
		hs.Keys("left")
		uitest.Contains(t, hs.Screen(), capText)
		// a warning, not a problem: the form saves, the footer repeats it
		formOf(t, hs).FocusKey("aid_approver")
		hs.Type("王主席")
		if n := len(formOf(t, hs).Problems()); n != 0 {
			t.Fatalf("problems %v", formOf(t, hs).Problems())
		}
		hs.Keys("ctrl+s")
		as, _ := s.FileAid(fx.file.ID)
		if onForm(hs) || len(as) != 3 || as[2].Cash != model.Yuan(2000) {
			t.Fatalf("not saved: %d records\n%s", len(as), hs.Screen())
		}
		if !strings.Contains(hs.Status.Text, capText) {
			t.Errorf("status %q", hs.Status.Text)
		}
	})
}

// The new screens fit 80x24 and 120x40 in both languages, without
// ambiguous-width glyphs: the household pane with its question, the
// member form filled, the aid form with its warning.
func TestHouseholdAndAidCapScreensFit(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, fx := newHarness(t, lang, w, h, true)
		hs.StrictHeight = true
		addChild(t, hs, fx)
		check := func(step string, want ...string) {
			t.Helper()
			out := hs.Screen()
			uitest.CheckGeometry(t, out, w, h-2)
			uitest.CheckGlyphs(t, out, ambiguous...)
			for _, s := range want {
				if !strings.Contains(out, s) {
					t.Errorf("%s: screen lacks %q:\n%s", step, s, out)
				}
			}
		}
		hs.Keys("enter", "tab", "down")
		check("household pane", "李小红")
		hs.Keys("d")
		check("question", "李小红")
		hs.Keys("n", "e")
		check("member form", "青山镇中学")
		hs.Keys("esc", "a", "right")
		formOf(t, hs).FocusKey("aid_cash")
		hs.Type("9000")
		check("aid form", "6,800.00")
		// on the smallest screen the warning still shows under a form
		// whose focus is at its end
		formOf(t, hs).FocusKey("notes")
		check("aid form at its end", "6,800.00")
	})
}
