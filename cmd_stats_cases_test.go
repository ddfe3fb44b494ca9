package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"unionbook/model"
	"unionbook/storage"
)

// stats --json's "cases" against a hand count of four cases and two risk
// checks of this year: what a work summary would cite.
func TestStatsCasesAgreeWithAHandCount(t *testing.T) {
	db := tempDB(t)
	s, err := storage.Open(db, storage.Options{NoDailyBackup: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveProfile("op", model.Profile{UnionName: "青山镇总工会", DuesRateBP: 50, CaseCollectiveMin: 5}); err != nil {
		t.Fatal(err)
	}
	u := model.Unit{Name: "宏达机械厂工会", Kind: 170, Employees: 80}
	if err := s.CreateUnit("op", &u); err != nil {
		t.Fatal(err)
	}
	day := model.NewDate(time.Now().Year(), 1, 1) // never in the future
	worker := []model.CaseWorker{{Name: "王小二"}}
	for _, c := range []model.Case{
		// 12 workers, collective, mediated: 80,000 of 86,400 recovered
		{Type: model.CaseWages, Channel: model.ChannelVisit, Headcount: 12, UnitID: u.ID, Claimed: model.Yuan(86_400),
			Outcome: model.OutcomeMediated, Recovered: model.Yuan(80_000), Closed: day},
		// 5 workers, collective under the setting of five, to arbitration
		{Type: model.CaseDismissal, Channel: model.ChannelCall, Headcount: 5, Employer: "某劳务公司", Claimed: model.Yuan(40_000),
			Outcome: model.OutcomeArbitration, Closed: day},
		// one worker, open
		{Type: model.CaseWages, Channel: model.ChannelCall, Headcount: 1, UnitID: u.ID, Claimed: model.Yuan(3_000)},
		// entered by mistake: counts nowhere
		{Type: model.CaseWages, Channel: model.ChannelVisit, Headcount: 30, UnitID: u.ID, Void: true, Closed: day, VoidReason: "重复"},
	} {
		c.Received, c.Workers = day, worker
		if _, err := s.CreateCase("op", &c); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range []model.RiskCheck{
		{Date: day, UnitID: u.ID, Inspector: "op", Level: model.RiskHigh, Findings: "欠薪"},
		{Date: day, Employer: "某劳务公司", Inspector: "op", Level: model.RiskNone},
	} {
		if err := s.CreateRiskCheck("op", &r); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	var v struct{ Cases model.CaseStats }
	if err := json.Unmarshal([]byte(runZH("stats", "--json", "--db", db).expect(t, 0).stdout), &v); err != nil {
		t.Fatal(err)
	}
	c := v.Cases
	if c.Year != day.Year() || c.CollectiveMin != 5 || c.Cases != 3 || c.Workers != 18 || c.Units != 2 ||
		c.Collective != 2 || c.CollectiveWorkers != 17 || c.Claimed != model.Yuan(129_400) || c.Recovered != model.Yuan(80_000) ||
		c.Closed != 2 || c.Open != 1 || c.Mediated != 1 || c.MediatedRateBP != 5000 {
		t.Errorf("cases %+v", c)
	}
	if w := c.ByType[0]; w.Code != "wages" || w.Name != "欠薪" || w.Cases != 2 || w.Workers != 13 {
		t.Errorf("wages %+v", w)
	}
	if call := c.ByChannel[1]; call.Code != "call" || call.Cases != 2 || call.Claimed != model.Yuan(43_000) {
		t.Errorf("calls %+v", call)
	}
	if m := c.ByMonth[0]; m.Code != day.Month().String() || m.Cases != 3 {
		t.Errorf("January %+v", m)
	}
	if r := c.RiskChecks; r.Checks != 2 || r.Units != 2 || r.WithRisk != 1 || r.OpenUnits != 1 {
		t.Errorf("risk checks %+v", r)
	}
	text := runZH("stats", "--db", db).expect(t, 0).stdout
	for _, want := range []string{"年维权案件", "集体争议（5人以上）", "129,400.00", "1 (50.00%)"} {
		if !strings.Contains(text, want) {
			t.Errorf("stats lacks %q:\n%s", want, text)
		}
	}
}
