package hardship

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/uitest"
)

// Golden screens at 80x24 and 120x40 in both languages.
// Regenerate with: go test ./ui/hardship -update

func TestGoldenHardshipList(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.RequireGolden()
	})
}

func TestGoldenHardshipDetail(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("enter")
		hs.RequireGolden()
	})
}

func TestGoldenHardshipAidPane(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("enter", "tab", "tab", "tab")
		hs.RequireGolden()
	})
}

func TestGoldenHardshipNewFileForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("n", "enter")
		hs.Type("zs")
		hs.Keys("enter")
		formOf(t, hs).FocusKey("hs_size")
		hs.Keys("ctrl+u")
		hs.Type("0")
		hs.Keys("tab")
		hs.Type("-100")
		hs.Keys("ctrl+s")
		hs.RequireGolden()
	})
}

// TestNewUserFilesAHousehold goes through the "done" in both
// languages: file a household from a member, add family members, see the
// suggested category, record a 金秋助学 grant and a 送温暖 visit, see both
// in the cash book, review the file, lift it out and find it in the lists.
func TestNewUserFilesAHousehold(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		t.Run(lang.Code(), func(t *testing.T) { newUserFlow(t, lang) })
	}
}

func newUserFlow(t *testing.T, lang i18n.Lang) {
	hs, fx := newHarness(t, lang, 120, 40, true)
	T := lang.T
	s := hs.C.Store
	// n: the file form, the member from the picker by pinyin initials.
	hs.Keys("n", "enter")
	hs.Type("zs")
	hs.Keys("enter")
	if v, _ := formOf(t, hs).Choice("member"); v != fx.zs.ID {
		t.Fatalf("member picked %d, want %d", v, fx.zs.ID)
	}
	// main cause: 重特大疾病 by its initials
	hs.Keys("tab", "tab", "enter")
	if lang == i18n.EN {
		hs.Type("serious")
	} else {
		hs.Type("ztdjb")
	}
	hs.Keys("enter")
	if v, _ := formOf(t, hs).Choice("hs_main_cause"); model.HardshipCause(v) != model.CauseSeriousIllness {
		t.Fatalf("main cause %d", v)
	}
	// household size 3, income 30,000, spending 12,000: 500.00 per head
	formOf(t, hs).FocusKey("hs_size")
	hs.Keys("ctrl+u")
	hs.Type("3")
	hs.Keys("tab")
	hs.Type("30000")
	hs.Keys("tab")
	hs.Type("12000")
	formOf(t, hs).FocusKey("hs_health") // past the exclusions and the worker's items
	hs.Type("尿毒症")
	out := hs.Screen()
	uitest.Contains(t, out, "500.00", "850.00", T("hardship.cat_deep"))
	hs.Keys("ctrl+s")
	files, _ := s.MemberHardshipFiles(fx.zs.ID)
	if len(files) != 1 || files[0].Status != model.HardshipApplied || files[0].PerCapita() != model.Yuan(500) {
		t.Fatalf("files %+v\n%s", files, hs.Screen())
	}
	id := files[0].ID
	uitest.Contains(t, hs.Screen(), T("hardship.created", id), "尿毒症")

	// A second open file for the same member is refused, nothing written.
	hs.Keys("esc", "n", "enter")
	hs.Type("zs")
	hs.Keys("enter", "tab", "tab", "enter", "enter")
	formOf(t, hs).FocusKey("hs_income")
	hs.Type("30000")
	hs.Keys("ctrl+s")
	if fs, _ := s.MemberHardshipFiles(fx.zs.ID); len(fs) != 1 {
		t.Fatalf("a second open file was written")
	}
	if !strings.Contains(hs.Status.Text, "张三") {
		t.Errorf("status %q", hs.Status.Text)
	}
	hs.Keys("esc", "y") // drop the refused form
	hs.Driver().Run(hs.P.ShowFile(id))

	// Household members: a student and a spouse.
	hs.Keys("h")
	hs.Type("张小明")
	hs.Keys("tab")
	hs.Type("子女")
	hs.Keys("tab", "tab", "tab", "tab")
	hs.Type("福建师范大学")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "张小明", "福建师范大学")
	hs.Keys("h")
	hs.Type("刘梅")
	hs.Keys("tab")
	hs.Type("配偶")
	hs.Keys("tab", "tab", "tab")
	hs.Type("-5")
	hs.Keys("ctrl+s")
	if f, _ := s.HardshipFile(id); len(f.Household) != 1 {
		t.Fatalf("a negative income was saved: %+v", f.Household)
	}
	hs.Keys("esc", "y")

	// Approve, then 金秋助学 for the student and a 送温暖 visit.
	hs.Keys("p", "ctrl+s")
	if f, _ := s.HardshipFile(id); f.Status != model.HardshipActive {
		t.Fatalf("not approved: %s", hs.Screen())
	}
	hs.Keys("a", "right", "right", "right", "tab", "tab")
	hs.Type("3000")
	formOf(t, hs).FocusKey("aid_approver")
	hs.Type("王主席")
	hs.Keys("tab")
	hs.Type("张小明")
	hs.Keys("tab", "right", "right", "right", "ctrl+s")
	uitest.Contains(t, hs.Screen(), T("aid.type_school"), "3,000.00")
	hs.Keys("a", "tab", "tab")
	hs.Type("500")
	hs.Keys("tab")
	hs.Type("米、油")
	hs.Keys("tab")
	hs.Type("150")
	formOf(t, hs).FocusKey("aid_approver")
	hs.Type("王主席")
	hs.Keys("ctrl+s")
	as, _ := s.FileAid(id)
	if len(as) != 2 {
		t.Fatalf("aid %+v\n%s", as, hs.Screen())
	}
	lines, _ := s.Ledger(storage.LedgerFilter{})
	var accounts []string
	for _, l := range lines {
		if l.Source.Kind == "aid" {
			accounts = append(accounts, l.Account+" "+l.Amount.String())
		}
	}
	if strings.Join(accounts, ",") != "50405 800.00,50404 3000.00,50405 500.00" {
		t.Errorf("cash book aid entries %v", accounts)
	}
	// Reverse the visit once; a second time is refused.
	hs.Keys("r", "tab")
	hs.Type("金额有误")
	hs.Keys("ctrl+s")
	hs.Keys("down", "r")
	if !strings.Contains(hs.Status.Text, as[1].Date.String()) || onForm(hs) {
		t.Errorf("second reversal status %q", hs.Status.Text)
	}
	if as, _ = s.FileAid(id); len(as) != 3 {
		t.Fatalf("after reversal: %d records", len(as))
	}

	// Review, then lift out.
	hs.Keys("v", "tab", "tab")
	hs.Type("收入增加")
	hs.Keys("ctrl+s")
	hs.Keys("l")
	formOf(t, hs).FocusKey("hs_approval")
	hs.Type("晋总工〔2026〕12号")
	hs.Keys("ctrl+s")
	f, _ := s.HardshipFile(id)
	if f.Status != model.HardshipLifted || len(f.Reviews) != 1 {
		t.Fatalf("file %+v\n%s", f, hs.Screen())
	}
	// In the lists: not among the open files, among the lifted ones.
	hs.Keys("esc")
	uitest.Lacks(t, hs.Screen(), "张三")
	hs.Keys("s", "s", "s", "s")
	uitest.Contains(t, hs.Screen(), T("hardship.view_lifted"), "张三")
	st, _ := s.HardshipStats(model.DateOf(uitest.FixedNow))
	if st.LiftedThisYear != 1 || st.ByStatus.Active != 1 || st.Aid.ByType["school"].Cash != model.Yuan(3000) {
		t.Errorf("stats %+v", st)
	}
}

func TestSensitiveFieldsOnlyOnTheDetail(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 120, 40, true)
	uitest.Lacks(t, hs.Screen(), "高血压", "6228480012345678901")
	hs.Keys("enter")
	uitest.Contains(t, hs.Screen(), "高血压", "6228480012345678901")
	title, lines := MemberSection()(hs.C, &fx.ls, 120)
	joined := strings.Join(lines, "\n")
	if title == "" || !strings.Contains(joined, "相对困难") || strings.Contains(joined, "高血压") || strings.Contains(joined, "6228") {
		t.Errorf("member section %q %q", title, joined)
	}
	pub := fx.file.Public()
	if pub.Health != "" || pub.BankAccount != "" || fx.file.Health == "" {
		t.Errorf("Public %+v", pub)
	}
}

func TestOverviewSection(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 120, 40, true)
	sec := OverviewSection()
	r, err := sec.Compute(hs.C.Store, model.DateOf(uitest.FixedNow))
	if err != nil {
		t.Fatal(err)
	}
	var out string
	for _, g := range sec.Render(hs.C, r) {
		out += g.String() + "\n"
	}
	uitest.Contains(t, out, "在档困难职工", "相对 1", "脱困率", "送温暖 1,000.00")
}

func TestGoldenHardshipHouseholdRemove(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, fx := newHarness(t, lang, w, h, true)
		addChild(t, hs, fx)
		hs.Keys("enter", "tab", "down", "d")
		hs.RequireGolden()
	})
}

// The suggestion's reason is long: at 80 columns it wraps onto a second
// line instead of being cut.
func TestGoldenHardshipSuggestionWraps(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("n", "enter")
		hs.Type("zs")
		hs.Keys("enter")
		formOf(t, hs).FocusKey("hs_size")
		hs.Keys("ctrl+u")
		hs.Type("3")
		hs.Keys("tab", "ctrl+u")
		hs.Type("900")
		hs.Keys("tab")
		if lines := strings.Split(hs.Screen(), "\n"); w == 80 && (strings.HasSuffix(lines[1], "~") || strings.TrimSpace(lines[2]) == "") {
			t.Errorf("the suggestion is cut instead of wrapped:\n%s", hs.Screen())
		}
		hs.RequireGolden()
	})
}

// x clears the filters here as in every list; closing a file is c, as
// closing a case is.
func TestXClearsFiltersAndCClosesAFile(t *testing.T) {
	hs, _ := newHarness(t, i18n.EN, 100, 30, true)
	hs.Keys("s", "c")
	if hs.P.list.listView == viewOpen || hs.P.list.catFilter == 0 {
		t.Fatal("s and c did not filter the list")
	}
	hs.Keys("x")
	if hs.P.list.listView != viewOpen || hs.P.list.catFilter != 0 || len(hs.P.list.view) != 1 {
		t.Errorf("x left the list filtered:\n%s", hs.Screen())
	}
	if !strings.Contains(hs.Screen(), "! review overdue") {
		t.Errorf("the list does not explain the ! of an overdue review:\n%s", hs.Screen())
	}
	hs.Keys("enter", "c")
	if _, ok := top[*closeForm](hs); !ok {
		t.Errorf("c on a file's detail does not open the close form:\n%s", hs.Screen())
	}
}
