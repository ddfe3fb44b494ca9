package cases

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/form"
	"unionbook/ui/uitest"
)

// The new user's walk of the issue: a visit about unpaid wages for twelve
// workers, the mediation steps (one dated before the visit is refused),
// closing without an outcome refused, then closed as mediated with the
// amount recovered, and the figures.
func TestRecordAWageDisputeAsANewUser(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, _ := newHarness(t, lang, 100, 30, false)
		s := hs.C.Store
		hs.Keys("n")
		hs.fill(fReceived, "2026-11-16")
		hs.focus(fWorkers)
		hs.Keys("enter", "m")
		hs.Type("zs") // 张三 by pinyin initials
		hs.Keys("enter", "n")
		hs.Type("欧阳小明")
		hs.Keys("tab")
		hs.Type("139 0591 2345")
		hs.Keys("ctrl+s")
		if w, ok := hs.P.Top().(*workersScreen); !ok || len(w.workers) != 2 {
			t.Fatalf("two workers, the member and the other:\n%s", hs.Screen())
		}
		hs.Keys("ctrl+s")
		hs.fill(fHeadcount, "12")
		hs.focus(fUnit)
		hs.Keys("enter")
		hs.Type("hdjx") // 宏达机械
		hs.Keys("enter")
		hs.fill(fClaimed, "86,400")
		hs.fill(fSummary, "拖欠九、十月工资")
		hs.Keys("ctrl+s")
		d, ok := hs.P.Top().(*caseDetail)
		if !ok {
			t.Fatalf("saving opens the new case: %q\n%s", hs.Status.Text, hs.Screen())
		}
		uitest.Contains(t, hs.Screen(), "张三", "欧阳小明", "13905912345", "青山镇宏达机械制造有限公司工会", "86,400.00")
		id := d.id

		// a step before the visit is refused and writes nothing
		hs.Keys("a")
		hs.fill(fStepDate, "2026-11-15")
		hs.Keys("ctrl+s")
		if _, still := hs.P.Top().(*stepForm); !still {
			t.Fatalf("a step before the case was saved:\n%s", hs.Screen())
		}
		uitest.Contains(t, hs.Screen(), "2026-11-16")
		hs.fill(fStepDate, "2026-11-17")
		hs.fill(fStepNote, "到厂核实工资表")
		hs.Keys("ctrl+s")
		hs.Keys("a")
		hs.fill(fStepDate, "2026-11-18")
		hs.focus(fStepKind)
		if k, _ := hs.form().Choice(fStepKind); model.StepKind(k) != model.StepMediate {
			t.Errorf("the step after an investigation offers mediation, got %d", k)
		}
		hs.fill(fStepNote, "约谈厂方，同意月底前补发")
		hs.Keys("ctrl+s")
		if got, _ := s.Case(id); len(got.Steps) != 2 {
			t.Fatalf("two steps, got %+v", got.Steps)
		}

		// closing without an outcome is refused
		hs.Keys("c")
		hs.fill(fRecovered, "86400")
		hs.Keys("ctrl+s")
		if _, still := hs.P.Top().(*closeForm); !still {
			t.Fatalf("closed without an outcome:\n%s", hs.Screen())
		}
		if got, _ := s.Case(id); !got.Open() {
			t.Fatal("the refused closing wrote")
		}
		hs.focus(fOutcome)
		hs.Keys("space") // 调解成功, the first outcome
		hs.Keys("ctrl+s")
		got, _ := s.Case(id)
		if got.Open() || got.Outcome != model.OutcomeMediated || got.Recovered != model.Yuan(86_400) || got.Closed != 20261121 {
			t.Fatalf("closed %+v\n%s", got, hs.Screen())
		}
		uitest.Contains(t, hs.Status.Text, "86,400.00")

		// the figures of the year
		hs.Keys("esc", "f")
		out := hs.Screen()
		for _, want := range []string{
			lang.T("cases.fig_cases", "1", "12", "1"),
			lang.T("cases.fig_collective", 10, "1", "12"),
			lang.T("cases.fig_closed", "1", "1", "100.00%", "0"),
		} {
			uitest.Contains(t, out, want)
		}
	})
}

// ID numbers are masked in every list and whole only on the detail.
func TestIDNumbersMaskedInLists(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 120, 40, true)
	whole := "350303199002033073"
	hs.Keys("/")
	hs.Type("3503")
	if len(hs.list().view) != 1 || strings.Contains(hs.Screen(), whole) { // 欧阳小明's case
		t.Errorf("the list finds by part of the ID number and never shows it whole:\n%s", hs.Screen())
	}
	hs.Keys("esc")
	hs.open(fx.wages.ID)
	uitest.Contains(t, hs.Screen(), whole) // the detail shows it whole
	hs.Keys("esc")
	hs.open(fx.ins.ID)
	hs.Keys("e")
	hs.focus(fWorkers)
	hs.Keys("enter")
	uitest.Contains(t, hs.Screen(), "430302********4239")
	uitest.Lacks(t, hs.Screen(), "430302199312194239")
	hs.Keys("m")
	uitest.Lacks(t, hs.Screen(), "110101199003078670")
	uitest.Contains(t, hs.Screen(), "110101********8670")
}

// Chinese names and units keep the columns in place: every row's unit
// starts in the same cell.
func TestCasesListCJKAlignment(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, _ := newHarness(t, lang, 80, 24, true)
		lines := strings.Split(hs.Screen(), "\n")
		date := regexp.MustCompile(`^ 2026-\d\d-\d\d `)
		col := -1
		for _, l := range lines {
			if !date.MatchString(l) {
				continue
			}
			i := strings.Index(l, "青山")
			if i < 0 {
				t.Fatalf("no unit in %q", l)
			}
			at := ansi.StringWidth(l[:i])
			if col >= 0 && at != col {
				t.Errorf("unit starts at cell %d, not %d: %q", at, col, l)
			}
			col = at
		}
		if col < 0 {
			t.Fatal("no rows")
		}
	})
}

func TestCaseListFilters(t *testing.T) {
	hs, _ := newHarness(t, i18n.EN, 120, 40, true)
	count := func() int { return len(hs.list().view) }
	if count() != 3 {
		t.Fatalf("all cases: %d", count())
	}
	hs.Keys("s") // open
	if count() != 1 {
		t.Errorf("open: %d", count())
	}
	hs.Keys("s", "s") // void
	if count() != 1 || !hs.list().all[hs.list().view[0]].Void {
		t.Errorf("void: %d", count())
	}
	hs.Keys("x", "g") // collective
	if count() != 1 {
		t.Errorf("collective: %d", count())
	}
	hs.Keys("g") // individual
	if count() != 2 {
		t.Errorf("individual: %d", count())
	}
	hs.Keys("x", "t") // unpaid wages
	if count() != 1 {
		t.Errorf("type: %d", count())
	}
	hs.Keys("x", "c", "c") // calls
	if count() != 1 || hs.list().all[hs.list().view[0]].Channel != model.ChannelCall {
		t.Errorf("channel: %d", count())
	}
	hs.Keys("x", "p") // this year
	uitest.Contains(t, hs.Screen(), "year 2026")
	hs.Keys("p", "p", "p") // the month: November 2026
	if count() != 2 {
		t.Errorf("November: %d\n%s", count(), hs.Screen())
	}
	hs.Keys("[") // October
	if count() != 0 {
		t.Errorf("October: %d", count())
	}
	hs.Keys("x", "/")
	hs.Type("zl") // 赵六
	if count() != 1 {
		t.Errorf("search: %d", count())
	}
}

// A case with steps is closed as entered by mistake, with a reason, and
// then counts nowhere; a case without steps may be deleted.
func TestVoidAndDelete(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 100, 30, true)
	s := hs.C.Store
	hs.open(fx.ins.ID)
	hs.Keys("a")
	hs.Keys("ctrl+s") // a step: investigation today
	hs.Keys("d")
	uitest.Contains(t, hs.Status.Text, "不能删除")
	hs.Keys("v", "ctrl+s")
	if _, still := hs.P.Top().(*form.Screen); !still {
		t.Fatal("a void without a reason was accepted")
	}
	hs.Type("当事人打错电话")
	hs.Keys("ctrl+s")
	if got, _ := s.Case(fx.ins.ID); !got.Void {
		t.Fatalf("not void: %+v", got)
	}
	f, _ := s.CaseFigures(20260101, 20261231)
	if f.Cases != 1 {
		t.Errorf("void cases count nowhere: %d", f.Cases)
	}
	hs.Keys("esc", "n")
	hs.focus(fWorkers)
	hs.Keys("enter", "n")
	hs.Type("测试")
	hs.Keys("ctrl+s", "ctrl+s")
	hs.fill(fEmployer, "某公司")
	hs.Keys("ctrl+s")
	d, ok := hs.P.Top().(*caseDetail)
	if !ok {
		t.Fatalf("not saved: %s", hs.Status.Text)
	}
	id := d.id
	hs.Keys("d", "n")
	if _, err := s.Case(id); err != nil {
		t.Fatal("n keeps the case")
	}
	hs.Keys("d", "y")
	if _, err := s.Case(id); err == nil {
		t.Fatal("y deletes a case without steps")
	}
	if hs.P.Depth() != 1 {
		t.Errorf("back to the list after deleting")
	}
}

// esc on a changed form asks before the changes are dropped.
func TestEscAsksBeforeDroppingAForm(t *testing.T) {
	hs, _ := newHarness(t, i18n.EN, 100, 30, true)
	hs.Keys("n")
	hs.fill(fSummary, "x")
	hs.Keys("esc")
	if !hs.P.Confirming() {
		t.Fatal("no question")
	}
	hs.Keys("y")
	if hs.P.Depth() != 1 {
		t.Fatal("y drops the form")
	}
}

// A risk check found, then resolved; the list names the units with open risks.
func TestRiskCheckResolved(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 100, 30, true)
	hs.Keys("r")
	uitest.Contains(t, hs.Screen(), "隐患未整改单位 1 家")
	r := hs.P.Top().(*riskList)
	for i, idx := range r.view {
		if r.all[idx].ID == fx.high.ID {
			r.table.SetCursor(i)
		}
	}
	hs.Keys("enter")
	hs.fill(fRkResolved, "2026-04-01")
	hs.fill(fRkResolution, "已补发工资并建立工资台账")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "目前没有未整改的隐患")
	hs.Keys("d", "y") // the check a case names cannot go
	uitest.Contains(t, hs.Status.Text, "不能删除")
}

// The overview's section says this year's figures.
func TestOverviewSection(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	sec := OverviewSection()
	res, err := sec.Compute(hs.C.Store, hs.C.Today())
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, g := range sec.Render(hs.C, res) {
		lines = append(lines, g.String())
	}
	text := uitest.Screen(strings.Join(lines, "\n"))
	uitest.Contains(t, text, "2026 年维权案件 2", "涉及职工 13", "集体争议(10人+) 1", "调解成功率 100.00%", "办理中 1")
}

// Before any case is closed there is no rate of mediation to give: the
// overview and the figures say "-", as the dues rate does, not 0.00%.
func TestNoMediationRateBeforeAnyCaseIsClosed(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, false)
	sec := OverviewSection()
	res, err := sec.Compute(hs.C.Store, hs.C.Today())
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, g := range sec.Render(hs.C, res) {
		lines = append(lines, g.String())
	}
	text := uitest.Screen(strings.Join(lines, "\n"))
	uitest.Contains(t, text, "调解成功率 -")
	uitest.Lacks(t, text, "0.00%")
	hs.Keys("f")
	uitest.Contains(t, hs.Screen(), "已办结 0 件，调解成功 0 件（-）")
}
