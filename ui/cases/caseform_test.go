package cases

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/picker"
	"unionbook/ui/uitest"
)

// A case names the visit that found its dispute: the chooser offers the
// visits that found a risk, not those that found none.
func TestCaseFormOffersVisitsThatFoundARisk(t *testing.T) {
	hs, fx := newHarness(t, i18n.EN, 100, 30, true)
	quiet := model.RiskCheck{Date: 20260601, UnitID: fx.u2.ID, Inspector: op, Level: model.RiskNone}
	if err := hs.C.Store.CreateRiskCheck(op, &quiet); err != nil {
		t.Fatal(err)
	}
	hs.Keys("n")
	hs.focus(fRisk)
	hs.Keys("enter")
	out := hs.Screen()
	uitest.Contains(t, out, "2026-03-05", "2026-04-10")
	uitest.Lacks(t, out, "2026-06-01")
}

// A worker typed in after a refused attempt: the footer says the worker is
// noted and what comes next, not the refusal any longer.
func TestWorkerNotedReplacesTheRefusal(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, false)
	hs.Keys("n")
	hs.focus(fWorkers)
	hs.Keys("enter", "n")
	hs.Type("王建国")
	hs.Keys("tab")
	hs.Type("1381234567") // ten digits
	hs.Keys("ctrl+s")
	if _, still := hs.P.Top().(*workerForm); !still {
		t.Fatal("a wrong phone was taken")
	}
	hs.Keys("ctrl+u")
	hs.Type("13812345678")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Status.Text, "已记下当事职工 王建国")
}

// Typing on the unit field opens its chooser with what was typed in the
// search, as on every other form; typing on the workers field (the
// headcount, say, before tabbing on) opens nothing, since the workers'
// screen takes letters and digits as commands (d removes, 2 changes tab).
func TestTypingOnTheCaseFormsChoosers(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, false)
	hs.Keys("n")
	hs.focus(fUnit)
	hs.Type("zx")
	if _, ok := hs.P.Top().(*picker.Screen); !ok {
		t.Fatalf("typing on the unit field opened no chooser:\n%s", hs.Screen())
	}
	out := hs.Screen()
	uitest.Contains(t, out, "zx", "青山镇中心小学工会")
	uitest.Lacks(t, out, "宏达机械")
	hs.Keys("enter")
	if unit, _ := hs.form().Choice(fUnit); unit == 0 {
		t.Fatal("no unit chosen")
	}

	hs.focus(fWorkers)
	hs.Type("12")
	if _, ok := hs.P.Top().(*caseForm); !ok {
		t.Fatalf("typing on the workers field left the form:\n%s", hs.Screen())
	}
	hs.Keys("enter")
	if _, ok := hs.P.Top().(*workersScreen); !ok {
		t.Fatalf("enter on the workers field opens their screen:\n%s", hs.Screen())
	}
}
