package storage

import (
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// caseFixture: one unit and a member; today is 2024-06-15.
type caseFixture struct {
	u model.Unit
	m model.Member
}

func caseSetup(t *testing.T, s *Store) caseFixture {
	t.Helper()
	u := mustUnit(t, s, "宏达机械厂工会")
	return caseFixture{u: u, m: mustMember(t, s, "张三", "110101199003078670", u.ID)}
}

// twelveUnpaid is a visit about unpaid wages for twelve workers, the
// member speaking for them with a worker who is not a member.
func twelveUnpaid(fx caseFixture) *model.Case {
	return &model.Case{
		Received: 20240603, Channel: model.ChannelVisit, Type: model.CaseWages,
		Workers:   []model.CaseWorker{{MemberID: fx.m.ID}, {Name: "王小二", Phone: "13905912345", IDNumber: "350303199002033073"}},
		Headcount: 12, UnitID: fx.u.ID, Claimed: model.Yuan(86_400), Summary: "拖欠三、四月工资",
	}
}

func TestCaseFromVisitToMediation(t *testing.T) {
	s := openTest(t)
	fx := caseSetup(t, s)
	c := twelveUnpaid(fx)
	if _, err := s.CreateCase("李秘书", c); err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || c.Operator != "李秘书" || !c.Open() {
		t.Fatalf("stored %+v", c)
	}
	for _, st := range []model.CaseStep{
		{Date: 20240604, Kind: model.StepInvestigate, Who: "李秘书", Note: "到厂核实工资表"},
		{Date: 20240607, Kind: model.StepMediate, Who: "李秘书", Note: "厂方同意分两次补发"},
	} {
		if err := s.AddCaseStep("李秘书", c.ID, st); err != nil {
			t.Fatal(err)
		}
	}
	warn, err := s.CloseCase("李秘书", c.ID, model.CaseClosing{Date: 20240612, Outcome: model.OutcomeMediated, Recovered: model.Yuan(86_400)})
	if err != nil || len(warn) != 0 {
		t.Fatalf("close: %v, warnings %v", err, warn)
	}
	got, err := s.Case(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Open() || got.Outcome != model.OutcomeMediated || len(got.Steps) != 2 || got.Steps[1].Operator != "李秘书" {
		t.Fatalf("closed case %+v", got)
	}
	f, err := s.CaseFigures(20240101, 20241231)
	if err != nil {
		t.Fatal(err)
	}
	if f.Cases != 1 || f.Workers != 12 || f.Collective != 1 || f.CollectiveWorkers != 12 || f.Recovered != model.Yuan(86_400) || f.MediatedBP() != 10000 {
		t.Errorf("figures %+v", f)
	}
	rep, err := s.Check()
	if err != nil || !rep.OK() {
		t.Fatalf("check: %v %v", err, rep.Problems)
	}
	// every write has its audit entry, and none names the workers
	var n int
	for _, e := range auditAll(t, s) {
		if e.Entity != model.EntityCase {
			continue
		}
		n++
		text := e.Label
		for _, ch := range e.Changes {
			text += ch.Old + ch.New
		}
		for _, secret := range []string{"王小二", "13905912345", "350303199002033073", "拖欠", "核实", "补发"} {
			if strings.Contains(text, secret) {
				t.Errorf("audit entry %d (%s) holds %q", e.ID, e.Action, secret)
			}
		}
	}
	if n != 4 {
		t.Errorf("%d audit entries for the case, want 4 (create, two steps, close)", n)
	}
}

func TestCaseWritesRefusedWriteNothing(t *testing.T) {
	s := openTest(t)
	fx := caseSetup(t, s)
	c := twelveUnpaid(fx)
	if _, err := s.CreateCase("op", c); err != nil {
		t.Fatal(err)
	}
	err := unchanged(t, s, func() error {
		return s.AddCaseStep("op", c.ID, model.CaseStep{Date: 20240601, Kind: model.StepMediate})
	})
	if ps := problems(t, err); !ps.Has("cs_step_date", "cases.step_before_case") {
		t.Errorf("a step before the case: %v", ps)
	}
	err = unchanged(t, s, func() error {
		_, err := s.CloseCase("op", c.ID, model.CaseClosing{Date: 20240610})
		return err
	})
	if ps := problems(t, err); !ps.Has("cs_outcome", "cases.outcome_required") {
		t.Errorf("closing without an outcome: %v", ps)
	}
	err = unchanged(t, s, func() error {
		_, err := s.CloseCase("op", c.ID, model.CaseClosing{Outcome: model.OutcomeMediated})
		return err
	})
	if ps := problems(t, err); !ps.Has("cs_closed", "problem.required") {
		t.Errorf("closing without a date: %v", ps)
	}
	err = unchanged(t, s, func() error {
		bad := twelveUnpaid(fx)
		bad.Workers = append(bad.Workers, model.CaseWorker{MemberID: 999})
		bad.RiskCheckID = 77
		_, err := s.CreateCase("op", bad)
		return err
	})
	ps := problems(t, err)
	if !ps.Has("cs_workers", "cases.member_missing") || !ps.Has("cs_risk", "cases.risk_missing") {
		t.Errorf("missing member and risk check: %v", ps)
	}
	err = unchanged(t, s, func() error { return s.VoidCase("op", c.ID, "  ") })
	if ps := problems(t, err); !ps.Has("cs_void_reason", "problem.required") {
		t.Errorf("void without a reason: %v", ps)
	}
	err = unchanged(t, s, func() error { return s.DeleteMember("op", fx.m.ID) })
	if !isKey(err, "cases.member_in_use") {
		t.Errorf("a member of a case cannot be deleted: %v", err)
	}
	err = unchanged(t, s, func() error { return s.DeleteUnit("op", fx.u.ID) })
	if !isKey(err, "cases.unit_in_use") && !isKey(err, "unit.in_use") {
		t.Errorf("a unit of a case cannot be deleted: %v", err)
	}
}

func TestRecoveredAboveClaimWarnsAndSaves(t *testing.T) {
	s := openTest(t)
	fx := caseSetup(t, s)
	c := twelveUnpaid(fx)
	if _, err := s.CreateCase("op", c); err != nil {
		t.Fatal(err)
	}
	warn, err := s.CloseCase("op", c.ID, model.CaseClosing{Date: 20240610, Outcome: model.OutcomeMediated, Recovered: model.Yuan(90_000)})
	if err != nil {
		t.Fatal(err)
	}
	if len(warn) != 1 || warn[0].Field != "cs_recovered" {
		t.Errorf("want a warning, got %v", warn)
	}
	if got, _ := s.Case(c.ID); got.Recovered != model.Yuan(90_000) {
		t.Errorf("saved %v", got.Recovered)
	}
}

func TestCaseWithStepsIsVoidedNotDeleted(t *testing.T) {
	s := openTest(t)
	fx := caseSetup(t, s)
	fresh := twelveUnpaid(fx)
	if _, err := s.CreateCase("op", fresh); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCase("op", fresh.ID); err != nil {
		t.Fatalf("a case without steps may be deleted: %v", err)
	}
	c := twelveUnpaid(fx)
	if _, err := s.CreateCase("op", c); err != nil {
		t.Fatal(err)
	}
	if err := s.AddCaseStep("op", c.ID, model.CaseStep{Date: 20240604, Kind: model.StepInvestigate}); err != nil {
		t.Fatal(err)
	}
	err := unchanged(t, s, func() error { return s.DeleteCase("op", c.ID) })
	if ps := problems(t, err); !ps.Has("", "cases.delete_has_steps") {
		t.Errorf("delete with steps: %v", ps)
	}
	if err := s.VoidCase("op", c.ID, "与 3 号案件重复登记"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Case(c.ID)
	if !got.Void || got.Closed != 20240615 || got.VoidReason == "" {
		t.Errorf("voided %+v", got)
	}
	f, _ := s.CaseFigures(20240101, 20241231)
	if f.Cases != 0 {
		t.Errorf("a void case counts nowhere: %+v", f)
	}
	err = unchanged(t, s, func() error {
		return s.AddCaseStep("op", c.ID, model.CaseStep{Date: 20240615, Kind: model.StepFollowUp})
	})
	if ps := problems(t, err); !ps.Has("", "cases.closed_no_change") {
		t.Errorf("a step on a void case: %v", ps)
	}
	err = unchanged(t, s, func() error { return s.ReopenCase("op", c.ID, "误操作") })
	if ps := problems(t, err); !ps.Has("", "cases.is_void") {
		t.Errorf("reopening a void case: %v", ps)
	}
	if rep, _ := s.Check(); !rep.OK() {
		t.Fatalf("check: %v", rep.Problems)
	}
}

func TestReopenCaseToCorrectIt(t *testing.T) {
	s := openTest(t)
	fx := caseSetup(t, s)
	c := twelveUnpaid(fx)
	c.Closed, c.Outcome, c.Recovered = 20240610, model.OutcomePartial, model.Yuan(100)
	c.CloseNote = "厂方分两期支付，第二期于六月底前到账，职工电话确认"
	if _, err := s.CreateCase("op", c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateCase("op", c); err == nil {
		t.Fatal("a closed case cannot be edited")
	}
	if err := s.ReopenCase("op", c.ID, "追回金额录错"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Case(c.ID)
	if !got.Open() || got.Outcome != 0 || got.Recovered != 0 {
		t.Fatalf("reopened %+v", got)
	}
	// the closing note is kept for the next closing (the log has only
	// that there was one): reopening to correct an amount loses no text
	if got.CloseNote != c.CloseNote {
		t.Errorf("the closing note went with the reopening: %q", got.CloseNote)
	}
	got.Headcount = 15
	got.Steps = nil // the store keeps the stored steps whatever the form says
	if _, err := s.UpdateCase("op", &got); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CloseCase("op", c.ID, model.CaseClosing{Date: 20240611, Outcome: model.OutcomeMediated, Recovered: model.Yuan(86_400)}); err != nil {
		t.Fatal(err)
	}
	last := auditAll(t, s)
	var statuses int
	for _, e := range last {
		if e.Entity == model.EntityCase && (e.Action == model.ActionClose || e.Action == model.ActionReopen) {
			statuses++
		}
	}
	if statuses != 2 {
		t.Errorf("reopen and close are in the log: %d status entries", statuses)
	}
}

func TestRiskChecksAndTheCasesTheyFound(t *testing.T) {
	s := openTest(t)
	fx := caseSetup(t, s)
	r := &model.RiskCheck{Date: 20240520, UnitID: fx.u.ID, Inspector: "李秘书", Level: model.RiskHigh,
		Area: model.CaseWages, Findings: "两个月未发工资"}
	if err := s.CreateRiskCheck("op", r); err != nil {
		t.Fatal(err)
	}
	c := twelveUnpaid(fx)
	c.RiskCheckID = r.ID
	if _, err := s.CreateCase("op", c); err != nil {
		t.Fatal(err)
	}
	err := unchanged(t, s, func() error { return s.DeleteRiskCheck("op", r.ID) })
	if ps := problems(t, err); !ps.Has("", "cases.risk_in_use") {
		t.Errorf("a check a case names: %v", ps)
	}
	f, _ := s.CaseFigures(20240101, 20241231)
	if f.Risk.Checks != 1 || f.Risk.WithRisk != 1 || f.Risk.OpenUnits != 1 {
		t.Errorf("risk figures %+v", f.Risk)
	}
	r.Resolved, r.Resolution = 20240610, "已全部补发"
	if err := s.UpdateRiskCheck("op", r); err != nil {
		t.Fatal(err)
	}
	f, _ = s.CaseFigures(20240101, 20241231)
	if f.Risk.OpenUnits != 0 || f.Risk.Resolved != 1 {
		t.Errorf("after resolving: %+v", f.Risk)
	}
	if rep, _ := s.Check(); !rep.OK() {
		t.Fatalf("check: %v", rep.Problems)
	}
}

func TestCaseCollectiveThresholdSetting(t *testing.T) {
	s := openTest(t)
	fx := caseSetup(t, s)
	c := twelveUnpaid(fx)
	c.Headcount = 6
	if _, err := s.CreateCase("op", c); err != nil {
		t.Fatal(err)
	}
	f, _ := s.CaseFigures(20240101, 20241231)
	if f.Collective != 0 || f.CollectiveMin != 10 {
		t.Errorf("six workers under the default: %+v", f)
	}
	p, _, _ := s.Profile()
	p.UnionName, p.DuesRateBP, p.CaseCollectiveMin = "青山镇总工会", 50, 5
	if err := s.SaveProfile("op", p); err != nil {
		t.Fatal(err)
	}
	f, _ = s.CaseFigures(20240101, 20241231)
	if f.Collective != 1 || f.CollectiveMin != 5 {
		t.Errorf("six workers with five: %+v", f)
	}
	var logged bool
	for _, e := range auditAll(t, s) {
		if ch, ok := findChange(e.Changes, "case_collective_min"); ok && e.Entity == model.EntityProfile && ch.New == "5" {
			logged = true
		}
	}
	if !logged {
		t.Error("the setting's change is not in the log")
	}
	p.CaseCollectiveMin = 1
	err := unchanged(t, s, func() error { return s.SaveProfile("op", p) })
	if ps := problems(t, err); !ps.Has("case_collective_min", "cases.collective_min_range") {
		t.Errorf("a threshold of one: %v", ps)
	}
}

func TestCheckFindsCaseDamage(t *testing.T) {
	s := openTest(t)
	fx := caseSetup(t, s)
	c := twelveUnpaid(fx)
	if _, err := s.CreateCase("op", c); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, key string
		damage    func(tx *bbolt.Tx) error
	}{
		{"index entry gone", "check.index_missing", func(tx *bbolt.Tx) error {
			return tx.Bucket(idxCaseDate).Delete(caseDateKey(c.Received, c.ID))
		}},
		{"stale member index", "check.index_stale", func(tx *bbolt.Tx) error {
			return tx.Bucket(idxMemberCases).Put(pairKey(fx.m.ID, c.ID+9), empty)
		}},
		{"closed without outcome", "cases.check_invalid", func(tx *bbolt.Tx) error {
			bad := *c
			bad.Closed = 20240610
			data, err := encode(&bad)
			if err != nil {
				return err
			}
			return tx.Bucket(bucketCases).Put(itob(c.ID), data)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s2 := openTest(t)
			fx2 := caseSetup(t, s2)
			c2 := twelveUnpaid(fx2)
			if _, err := s2.CreateCase("op", c2); err != nil {
				t.Fatal(err)
			}
			if err := s2.db.Update(tc.damage); err != nil {
				t.Fatal(err)
			}
			rep, err := s2.Check()
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range rep.Problems {
				if p.Key == tc.key && p.Checker == "cases" {
					found = true
				}
			}
			if !found {
				t.Errorf("want %s, got %v", tc.key, rep.Problems)
			}
		})
	}
}
