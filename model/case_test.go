package model

import (
	"strings"
	"testing"
	"time"

	"unionbook/i18n"
)

var caseToday = NewDate(2026, 11, 21)

// wageCase is a visit about unpaid wages for twelve workers: a member as
// their representative and one worker who is not a member.
func wageCase() Case {
	return Case{
		Received: NewDate(2026, 3, 2), Channel: ChannelVisit, Type: CaseWages,
		Workers:   []CaseWorker{{MemberID: 7}, {Name: " 王 小 二 ", Phone: "139 0591 2345", IDNumber: "35030319900203307３"}},
		Headcount: 12, UnitID: 3, Claimed: Yuan(86_400), Summary: "拖欠两个月工资",
	}
}

func TestCaseNormalizeCleansWorkersAndFillsHeadcount(t *testing.T) {
	c := wageCase()
	c.Headcount = 0
	c.Workers[0].Name = "should go" // a member's details are the roster's
	c.Normalize()
	if c.Headcount != 2 {
		t.Errorf("headcount not given: the named workers, got %d", c.Headcount)
	}
	if c.Workers[0].Name != "" {
		t.Errorf("a member worker keeps no name of its own: %+v", c.Workers[0])
	}
	w := c.Workers[1]
	if w.Name != "王小二" || w.Phone != "13905912345" || w.IDNumber != "350303199002033073" {
		t.Errorf("worker not cleaned: %+v", w)
	}
	if ps := ValidateCase(&c, caseToday); len(ps) != 0 {
		t.Errorf("a good case has problems: %v", ps)
	}
}

// Every rule of the case names its field, in both languages, with no raw key.
func TestValidateCaseNamesEveryField(t *testing.T) {
	for _, tc := range []struct {
		name, field, key string
		edit             func(c *Case)
	}{
		{"no date", "cs_received", "problem.required", func(c *Case) { c.Received = 0 }},
		{"impossible date", "cs_received", "date.impossible", func(c *Case) { c.Received = 20260231 }},
		{"future", "cs_received", "problem.future", func(c *Case) { c.Received = caseToday + 1 }},
		{"no channel", "cs_channel", "problem.required", func(c *Case) { c.Channel = 0 }},
		{"bad type", "cs_type", "problem.required", func(c *Case) { c.Type = 99 }},
		{"no worker", "cs_workers", "cases.no_worker", func(c *Case) { c.Workers = nil }},
		{"member twice", "cs_workers", "cases.worker_twice", func(c *Case) { c.Workers = append(c.Workers, CaseWorker{MemberID: 7}) }},
		{"nameless worker", "cs_workers", "cases.worker_bad", func(c *Case) { c.Workers[1].Name = "" }},
		{"bad phone", "cs_workers", "cases.worker_bad", func(c *Case) { c.Workers[1].Phone = "12345" }},
		{"bad ID", "cs_workers", "cases.worker_bad", func(c *Case) { c.Workers[1].IDNumber = "330502198807024471" }},
		{"headcount below named", "cs_headcount", "cases.headcount_below_workers", func(c *Case) { c.Headcount = 1 }},
		{"headcount zero", "cs_headcount", "cases.headcount_min", func(c *Case) { c.Headcount = -1 }},
		{"no unit", "cs_unit", "cases.unit_required", func(c *Case) { c.UnitID = 0 }},
		{"unit and employer", "cs_employer", "cases.unit_and_employer", func(c *Case) { c.Employer = "某某建筑劳务公司" }},
		{"negative claim", "cs_claimed", "problem.negative", func(c *Case) { c.Claimed = -1 }},
		{"long summary", "cs_summary", "problem.too_long", func(c *Case) { c.Summary = strings.Repeat("欠", CaseSummaryMax+1) }},
		{"step before case", "cs_steps", "cases.step_bad", func(c *Case) {
			c.Steps = []CaseStep{{Date: NewDate(2026, 3, 1), Kind: StepMediate}}
		}},
		{"outcome while open", "cs_outcome", "cases.outcome_while_open", func(c *Case) { c.Outcome = OutcomeMediated }},
		{"closed without outcome", "cs_outcome", "cases.outcome_required", func(c *Case) { c.Closed = NewDate(2026, 4, 1) }},
		{"closed before received", "cs_closed", "cases.closed_before_received", func(c *Case) {
			c.Closed, c.Outcome = NewDate(2026, 3, 1), OutcomeMediated
		}},
		{"closed before last step", "cs_closed", "cases.closed_before_step", func(c *Case) {
			c.Steps = []CaseStep{{Date: NewDate(2026, 3, 20), Kind: StepMediate}}
			c.Closed, c.Outcome = NewDate(2026, 3, 10), OutcomeMediated
		}},
		{"void without reason", "cs_void_reason", "problem.required", func(c *Case) { c.Void, c.Closed = true, caseToday }},
		{"negative recovered", "cs_recovered", "problem.negative", func(c *Case) { c.Recovered = -5 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := wageCase()
			tc.edit(&c)
			c.Normalize()
			ps := ValidateCase(&c, caseToday)
			if !ps.Has(tc.field, tc.key) {
				t.Fatalf("want %s on %s, got %v", tc.key, tc.field, ps)
			}
			for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
				for _, p := range ps {
					noRawKeys(t, p.Localize(l))
				}
			}
		})
	}
}

// A worker's problem inside the case names the worker, the field and the
// field's own message.
func TestCaseWorkerProblemQuotesTheField(t *testing.T) {
	c := wageCase()
	c.Workers[1].Phone = "12345"
	c.Normalize()
	ps := ValidateCase(&c, caseToday)
	got := ps.For("cs_workers")
	if len(got) != 1 {
		t.Fatalf("want one worker problem, got %v", ps)
	}
	zh := got[0].Localize(i18n.ZH)
	if !strings.Contains(zh, "第 2 位当事职工的联系电话") || !strings.Contains(zh, "电话") {
		t.Errorf("zh: %q", zh)
	}
	if en := got[0].Localize(i18n.EN); !strings.Contains(en, "worker 2, Phone:") {
		t.Errorf("en: %q", en)
	}
}

func TestValidateCaseStep(t *testing.T) {
	c := wageCase()
	ok := CaseStep{Date: NewDate(2026, 3, 5), Kind: StepMediate, Who: "李秘书"}
	if ps := ValidateCaseStep(&ok, &c, caseToday); len(ps) != 0 {
		t.Fatalf("a good step: %v", ps)
	}
	for _, tc := range []struct {
		step       CaseStep
		field, key string
	}{
		{CaseStep{Date: NewDate(2026, 3, 1), Kind: StepMediate}, "cs_step_date", "cases.step_before_case"},
		{CaseStep{Kind: StepMediate}, "cs_step_date", "problem.required"},
		{CaseStep{Date: caseToday + 1, Kind: StepMediate}, "cs_step_date", "problem.future"},
		{CaseStep{Date: NewDate(2026, 3, 5)}, "cs_step_kind", "problem.required"},
		{CaseStep{Date: NewDate(2026, 3, 5), Kind: StepMediate, Note: strings.Repeat("x", CaseNoteMax+1)}, "cs_step_note", "problem.too_long"},
	} {
		if ps := ValidateCaseStep(&tc.step, &c, caseToday); !ps.Has(tc.field, tc.key) {
			t.Errorf("%+v: want %s on %s, got %v", tc.step, tc.key, tc.field, ps)
		}
	}
	closed := c
	closed.Closed = NewDate(2026, 4, 1)
	late := CaseStep{Date: NewDate(2026, 4, 2), Kind: StepFollowUp}
	if ps := ValidateCaseStep(&late, &closed, caseToday); !ps.Has("cs_step_date", "cases.step_after_close") {
		t.Errorf("a step after closing: %v", ps)
	}
}

// Recovering more than the amount in dispute warns but is no problem.
func TestRecoveredAboveClaimOnlyWarns(t *testing.T) {
	c := wageCase()
	CaseClosing{Date: NewDate(2026, 4, 1), Outcome: OutcomeMediated, Recovered: Yuan(90_000)}.Apply(&c)
	c.Normalize()
	if ps := ValidateCase(&c, caseToday); len(ps) != 0 {
		t.Fatalf("over the claim is allowed: %v", ps)
	}
	w := CaseWarnings(&c)
	if len(w) != 1 || w[0].Field != "cs_recovered" {
		t.Fatalf("want a warning on the amount recovered, got %v", w)
	}
	if s := w[0].Localize(i18n.ZH); !strings.Contains(s, "90,000.00") || !strings.Contains(s, "86,400.00") {
		t.Errorf("the warning quotes both amounts: %q", s)
	}
	c.Recovered = Yuan(80_000)
	if w := CaseWarnings(&c); len(w) != 0 {
		t.Errorf("under the claim: no warning, got %v", w)
	}
}

func TestCollectiveFollowsTheSetting(t *testing.T) {
	c := wageCase() // twelve workers
	var p Profile
	if !c.Collective(p.CaseRules()) {
		t.Error("12 workers are collective under the law's ten")
	}
	c.Headcount = 6
	if c.Collective(p.CaseRules()) {
		t.Error("6 workers are not collective under the default")
	}
	p.CaseCollectiveMin = 5
	if !c.Collective(p.CaseRules()) {
		t.Error("6 workers are collective when the setting says five")
	}
	p.CaseCollectiveMin = 1
	if ps := p.validateCases(); !ps.Has("case_collective_min", "cases.collective_min_range") {
		t.Errorf("a threshold of 1 is refused: %v", ps)
	}
}

func TestValidateRiskCheck(t *testing.T) {
	good := RiskCheck{Date: NewDate(2026, 5, 6), UnitID: 3, Inspector: "李秘书", Level: RiskMedium,
		Area: CaseWages, Findings: "工资推迟发放半个月"}
	good.Normalize()
	if ps := ValidateRiskCheck(&good, caseToday); len(ps) != 0 {
		t.Fatalf("a good check: %v", ps)
	}
	if !good.OpenRisk() {
		t.Error("a medium risk without resolution is open")
	}
	for _, tc := range []struct {
		field, key string
		edit       func(r *RiskCheck)
	}{
		{"rk_date", "problem.future", func(r *RiskCheck) { r.Date = caseToday + 1 }},
		{"rk_unit", "cases.unit_required", func(r *RiskCheck) { r.UnitID = 0 }},
		{"rk_inspector", "problem.required", func(r *RiskCheck) { r.Inspector = "" }},
		{"rk_level", "problem.required", func(r *RiskCheck) { r.Level = 0 }},
		{"rk_area", "problem.not_in_list", func(r *RiskCheck) { r.Area = 42 }},
		{"rk_findings", "cases.findings_required", func(r *RiskCheck) { r.Findings = "" }},
		{"rk_resolved", "cases.resolved_before_visit", func(r *RiskCheck) { r.Resolved = NewDate(2026, 5, 1) }},
		{"rk_resolved", "cases.resolved_no_risk", func(r *RiskCheck) { r.Level, r.Resolved = RiskNone, NewDate(2026, 6, 1) }},
		{"rk_resolved", "problem.required", func(r *RiskCheck) { r.Resolution = "已补发" }},
	} {
		r := good
		tc.edit(&r)
		if ps := ValidateRiskCheck(&r, caseToday); !ps.Has(tc.field, tc.key) {
			t.Errorf("want %s on %s, got %v", tc.key, tc.field, ps)
		}
	}
	good.Resolved = NewDate(2026, 6, 1)
	if good.OpenRisk() {
		t.Error("a resolved risk is not open")
	}
}

// The figures of the first half of 2026 against a count by hand of the
// fixture below.
func TestSumCasesAgreesWithAHandCount(t *testing.T) {
	d := func(m, day int) Date { return NewDate(2026, time.Month(m), day) }
	cases := []Case{
		// 1: January, 12 workers at unit 3, unpaid wages, mediated with 80,000 of 86,400
		{Received: d(1, 10), Channel: ChannelVisit, Type: CaseWages, Headcount: 12, UnitID: 3, Claimed: Yuan(86_400),
			Closed: d(2, 1), Outcome: OutcomeMediated, Recovered: Yuan(80_000)},
		// 2: January, one worker at an employer without a union, by phone, insurance, still open
		{Received: d(1, 20), Channel: ChannelCall, Type: CaseInsurance, Headcount: 1, Employer: "某劳务公司", Claimed: Yuan(3_000)},
		// 3: March, 5 workers at unit 3 again, dismissal, referred to legal aid, then to arbitration
		{Received: d(3, 3), Channel: ChannelVisit, Type: CaseDismissal, Headcount: 5, UnitID: 3, Claimed: Yuan(40_000),
			Steps:  []CaseStep{{Date: d(3, 4), Kind: StepLegalAid}},
			Closed: d(4, 1), Outcome: OutcomeArbitration},
		// 4: June, 10 workers at unit 8, online, wages, mediated, 20,000 recovered of 20,000
		{Received: d(6, 30), Channel: ChannelOnline, Type: CaseWages, Headcount: 10, UnitID: 8, Claimed: Yuan(20_000),
			Closed: d(7, 2), Outcome: OutcomeMediated, Recovered: Yuan(20_000)},
		// entered by mistake: counts nowhere
		{Received: d(2, 2), Channel: ChannelVisit, Type: CaseWages, Headcount: 30, UnitID: 9, Claimed: Yuan(1_000_000),
			Void: true, Closed: d(2, 3), VoidReason: "重复登记"},
		// July: outside the period
		{Received: d(7, 1), Channel: ChannelLetter, Type: CaseInjury, Headcount: 1, UnitID: 8},
	}
	checks := []RiskCheck{
		{Date: d(2, 1), UnitID: 3, Level: RiskHigh, Resolved: d(3, 1)},
		{Date: d(5, 1), UnitID: 8, Level: RiskLow},
		{Date: d(5, 2), Employer: "某劳务公司", Level: RiskNone},
		{Date: d(8, 1), UnitID: 9, Level: RiskMedium}, // after the period, but open today
	}
	f := SumCases(cases, checks, checks, d(1, 1), d(6, 30), CaseRules{CollectiveMin: 10})
	want := CaseFigures{
		Cases: 4, Workers: 12 + 1 + 5 + 10, Units: 3, // unit 3, the employer, unit 8
		Collective: 2, CollectiveWorkers: 22, // 12 and 10 (5 is below ten)
		Claimed: Yuan(86_400 + 3_000 + 40_000 + 20_000), Recovered: Yuan(100_000),
		Closed: 3, Open: 1, Mediated: 2, LegalAid: 1,
	}
	got := f
	got.ByType, got.ByChannel, got.ByOutcome, got.ByMonth, got.Risk, got.From, got.To, got.CollectiveMin = nil, nil, nil, nil, RiskFigures{}, 0, 0, 0
	if got.Cases != want.Cases || got.Workers != want.Workers || got.Units != want.Units ||
		got.Collective != want.Collective || got.CollectiveWorkers != want.CollectiveWorkers ||
		got.Claimed != want.Claimed || got.Recovered != want.Recovered || got.Closed != want.Closed ||
		got.Open != want.Open || got.Mediated != want.Mediated || got.LegalAid != want.LegalAid {
		t.Fatalf("figures\n got %+v\nwant %+v", got, want)
	}
	if bp := f.MediatedBP(); bp != 6667 { // 2 of 3 closed: 66.666…% rounds to 66.67%
		t.Errorf("mediated share %d bp, want 6667", bp)
	}
	wages := f.ByType[0]
	if wages.Type != CaseWages || wages.Cases != 2 || wages.Workers != 22 || wages.Claimed != Yuan(106_400) || wages.Collective != 2 {
		t.Errorf("wages: %+v", wages)
	}
	if len(f.ByType) != len(CaseTypes) || len(f.ByChannel) != len(CaseChannels) {
		t.Errorf("every type and channel is listed: %d types, %d channels", len(f.ByType), len(f.ByChannel))
	}
	if v := f.ByChannel[0]; v.Channel != ChannelVisit || v.Cases != 2 || v.Workers != 17 {
		t.Errorf("visits: %+v", v)
	}
	if len(f.ByMonth) != 6 {
		t.Fatalf("six months, got %d", len(f.ByMonth))
	}
	months := []int{2, 0, 1, 0, 0, 1}
	for i, g := range f.ByMonth {
		if g.Month != Month(202601+i) || g.Cases != months[i] {
			t.Errorf("month %d: %+v", i+1, g)
		}
	}
	if med := f.ByOutcome[0]; med.Outcome != OutcomeMediated || med.Cases != 2 || med.Recovered != Yuan(100_000) {
		t.Errorf("mediated: %+v", med)
	}
	r := f.Risk
	if r.Checks != 3 || r.Units != 3 || r.WithRisk != 2 || r.Resolved != 1 || r.OpenUnits != 2 {
		t.Errorf("risk checks: %+v", r)
	}
	if r.ByLevel[0].Checks != 1 || r.ByLevel[1].Checks != 1 || r.ByLevel[3].Checks != 1 {
		t.Errorf("by level: %+v", r.ByLevel)
	}
	// five or more: case 3 becomes collective too
	f5 := SumCases(cases, nil, nil, d(1, 1), d(6, 30), CaseRules{CollectiveMin: 5})
	if f5.Collective != 3 || f5.CollectiveWorkers != 27 || f5.CollectiveMin != 5 {
		t.Errorf("with five: %d cases, %d workers", f5.Collective, f5.CollectiveWorkers)
	}
}

func TestCaseChangesKeepSensitiveValuesOut(t *testing.T) {
	old := wageCase()
	new := old
	new.Workers = []CaseWorker{{Name: "赵六", Phone: "13800000000", IDNumber: "110101199003078670"}}
	new.Summary = "新的诉求"
	new.Claimed = Yuan(1)
	cs := CaseChanges(&old, &new)
	text := ""
	for _, c := range cs {
		text += c.Field + "=" + c.Old + ">" + c.New + ";"
	}
	for _, secret := range []string{"赵六", "13800000000", "110101199003078670", "新的诉求", "王小二", "拖欠"} {
		if strings.Contains(text, secret) {
			t.Errorf("the audit changes hold %q: %s", secret, text)
		}
	}
	if !strings.Contains(text, "cs_workers=***>***") || !strings.Contains(text, "cs_claimed=86400.00>1.00") {
		t.Errorf("changes: %s", text)
	}
}
