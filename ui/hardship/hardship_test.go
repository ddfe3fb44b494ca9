package hardship

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// Golden screens at 80x24 and 120x40 in both languages.
// Regenerate with: go test ./ui/hardship -update

func TestGoldenHardshipList(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.requireGolden()
	})
}

func TestGoldenHardshipDetail(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.keys("enter")
		hs.requireGolden()
	})
}

func TestGoldenHardshipAidPane(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.keys("enter", "tab", "tab", "tab")
		hs.requireGolden()
	})
}

func TestGoldenHardshipNewFileForm(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.keys("n", "enter")
		hs.typeText("zs")
		hs.keys("enter")
		hs.p.form.FocusKey("hs_size")
		hs.keys("ctrl+u")
		hs.typeText("0")
		hs.keys("tab")
		hs.typeText("-100")
		hs.keys("ctrl+s")
		hs.requireGolden()
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
	s := hs.c.Store
	// n: the file form, the member from the picker by pinyin initials.
	hs.keys("n", "enter")
	hs.typeText("zs")
	hs.keys("enter")
	if v, _ := hs.p.form.Choice("member"); v != fx.zs.ID {
		t.Fatalf("member picked %d, want %d", v, fx.zs.ID)
	}
	// main cause: 重特大疾病 by its initials
	hs.keys("tab", "tab", "enter")
	if lang == i18n.EN {
		hs.typeText("serious")
	} else {
		hs.typeText("ztdjb")
	}
	hs.keys("enter")
	if v, _ := hs.p.form.Choice("hs_main_cause"); model.HardshipCause(v) != model.CauseSeriousIllness {
		t.Fatalf("main cause %d", v)
	}
	// household size 3, income 30,000, spending 12,000: 500.00 per head
	hs.p.form.FocusKey("hs_size")
	hs.keys("ctrl+u")
	hs.typeText("3")
	hs.keys("tab")
	hs.typeText("30000")
	hs.keys("tab")
	hs.typeText("12000")
	hs.keys("tab")
	hs.typeText("尿毒症")
	out := hs.screen()
	contains(t, out, "500.00", "850.00", T("hardship.cat_deep"))
	hs.keys("ctrl+s")
	files, _ := s.MemberHardshipFiles(fx.zs.ID)
	if len(files) != 1 || files[0].Status != model.HardshipApplied || files[0].PerCapita() != model.Yuan(500) {
		t.Fatalf("files %+v\n%s", files, hs.screen())
	}
	id := files[0].ID
	contains(t, hs.screen(), T("hardship.created", id), "尿毒症")

	// A second open file for the same member is refused, nothing written.
	hs.keys("esc", "n", "enter")
	hs.typeText("zs")
	hs.keys("enter", "tab", "tab", "enter", "enter")
	hs.p.form.FocusKey("hs_income")
	hs.typeText("30000")
	hs.keys("ctrl+s")
	if fs, _ := s.MemberHardshipFiles(fx.zs.ID); len(fs) != 1 {
		t.Fatalf("a second open file was written")
	}
	if !strings.Contains(hs.status.Text, "张三") {
		t.Errorf("status %q", hs.status.Text)
	}
	hs.keys("esc")
	hs.p.openDetail(id)

	// Household members: a student and a spouse.
	hs.keys("h")
	hs.typeText("张小明")
	hs.keys("tab")
	hs.typeText("子女")
	hs.keys("tab", "tab", "tab", "tab")
	hs.typeText("福建师范大学")
	hs.keys("ctrl+s")
	contains(t, hs.screen(), "张小明", "福建师范大学")
	hs.keys("h")
	hs.typeText("刘梅")
	hs.keys("tab")
	hs.typeText("配偶")
	hs.keys("tab", "tab", "tab")
	hs.typeText("-5")
	hs.keys("ctrl+s")
	if f, _ := s.HardshipFile(id); len(f.Household) != 1 {
		t.Fatalf("a negative income was saved: %+v", f.Household)
	}
	hs.keys("esc")

	// Approve, then 金秋助学 for the student and a 送温暖 visit.
	hs.keys("p", "ctrl+s")
	if f, _ := s.HardshipFile(id); f.Status != model.HardshipActive {
		t.Fatalf("not approved: %s", hs.screen())
	}
	hs.keys("a", "right", "right", "right", "tab", "tab")
	hs.typeText("3000")
	hs.p.form.FocusKey("aid_approver")
	hs.typeText("王主席")
	hs.keys("tab")
	hs.typeText("张小明")
	hs.keys("tab", "right", "right", "right", "ctrl+s")
	contains(t, hs.screen(), T("aid.type_school"), "3,000.00")
	hs.keys("a", "tab", "tab")
	hs.typeText("500")
	hs.keys("tab")
	hs.typeText("米、油")
	hs.keys("tab")
	hs.typeText("150")
	hs.p.form.FocusKey("aid_approver")
	hs.typeText("王主席")
	hs.keys("ctrl+s")
	as, _ := s.FileAid(id)
	if len(as) != 2 {
		t.Fatalf("aid %+v\n%s", as, hs.screen())
	}
	lines, _ := s.Ledger(storage.LedgerFilter{})
	var accounts []string
	for _, l := range lines {
		if l.Source.Kind == "aid" {
			accounts = append(accounts, l.Account+" "+l.Amount.String())
		}
	}
	if strings.Join(accounts, ",") != "50205 800.00,50204 3000.00,50205 500.00" {
		t.Errorf("cash book aid entries %v", accounts)
	}
	// Reverse the visit once; a second time is refused.
	hs.keys("r", "tab")
	hs.typeText("金额有误")
	hs.keys("ctrl+s")
	hs.keys("down", "r")
	if !strings.Contains(hs.status.Text, as[1].Date.String()) || hs.p.form != nil {
		t.Errorf("second reversal status %q", hs.status.Text)
	}
	if as, _ = s.FileAid(id); len(as) != 3 {
		t.Fatalf("after reversal: %d records", len(as))
	}

	// Review, then lift out.
	hs.keys("v", "tab", "tab")
	hs.typeText("收入增加")
	hs.keys("ctrl+s")
	hs.keys("l")
	hs.p.form.FocusKey("hs_approval")
	hs.typeText("晋总工〔2026〕12号")
	hs.keys("ctrl+s")
	f, _ := s.HardshipFile(id)
	if f.Status != model.HardshipLifted || len(f.Reviews) != 1 {
		t.Fatalf("file %+v\n%s", f, hs.screen())
	}
	// In the lists: not among the open files, among the lifted ones.
	hs.keys("esc")
	lacks(t, hs.screen(), "张三")
	hs.keys("s", "s", "s", "s")
	contains(t, hs.screen(), T("hardship.view_lifted"), "张三")
	st, _ := s.HardshipStats(model.DateOf(testNow))
	if st.LiftedThisYear != 1 || st.ByStatus.Active != 1 || st.Aid.ByType["school"].Cash != model.Yuan(3000) {
		t.Errorf("stats %+v", st)
	}
}

func TestSensitiveFieldsOnlyOnTheDetail(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 120, 40, true)
	lacks(t, hs.screen(), "高血压", "6228480012345678901")
	hs.keys("enter")
	contains(t, hs.screen(), "高血压", "6228480012345678901")
	title, lines := MemberSection()(hs.c, &fx.ls, 120)
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
	r, err := sec.Compute(hs.c.Store, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	out := strings.Join(sec.Render(hs.c, r, 120), "\n")
	contains(t, out, "在档困难职工", "相对 1", "脱困率", "送温暖 1,000.00")
}
