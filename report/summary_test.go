package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"unionbook/demo"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/officetest"
	"unionbook/storage"
)

var summaryNow = time.Date(2026, 7, 15, 10, 0, 0, 0, time.Local)

func openStore(t *testing.T) *storage.Store {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "s.db"), storage.Options{Now: func() time.Time { return summaryNow }, NoDailyBackup: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// handStore is a township small enough to count by hand; the counts are
// written next to the test that checks them.
func handStore(t *testing.T) *storage.Store {
	st := openStore(t)
	must(t, st.SaveProfile("t", model.Profile{UnionName: "青山镇总工会", DuesRateBP: 50, Operator: "李秘书", DuesSince: 202401}))
	// The books start on 2025-01-01 with 1,000.00 cash and 20,000.00 in the bank.
	must(t, st.SetOpenings("t", []model.OpeningBalance{{Money: model.MoneyCash, Date: 20250101, Amount: model.Yuan(1000)},
		{Money: model.MoneyBank, Date: 20250101, Amount: model.Yuan(20000)}}))
	// 宏达: formed 2015, a women workers' committee since 2020 and an audit
	// committee since March 2026, a congress without delegates given, a
	// collective contract that expired at the end of 2025, a wage
	// agreement for 2026 without the employees it covers, a city model
	// workers' home (2024), two part-time staff, elected 2021-06-01 (its
	// five years are up). 重庆村: a village joint union formed 2025-11-01
	// without its statistical and region codes or the employers it
	// covers, a mediation committee, open affairs, a contract to 2028 for
	// its 5 employees, one full-time staff.
	a := model.Unit{Name: "宏达机械厂工会", Kind: 170, Employees: 10, Women: 4, ContractSigned: 20240101, ContractExpires: 20251231,
		ContractCovered: 10, WorkersCongress: true, StatCode: "350102001", RegionCode: "350102", FormedOn: 20150601,
		Committees: []model.Committee{{Kind: model.CommitteeWomen, Formed: 20200101}, {Kind: model.CommitteeAudit, Formed: 20260301}},
		WageSigned: 20260101, WageExpires: 20261231, HomeLevel: model.HomeCity, HomeYear: 2024, StaffPart: 2, ElectedOn: 20210601}
	b := model.Unit{Name: "重庆村联合工会", Form: model.FormVillage, Employees: 5, OpenAffairs: true, ContractSigned: 20250801, ContractExpires: 20280731,
		ContractCovered: 5, FormedOn: 20251101, Committees: []model.Committee{{Kind: model.CommitteeMediation, Formed: 20251201}},
		StaffFull: 1, ElectedOn: 20251101}
	must(t, st.CreateUnit("t", &a))
	must(t, st.CreateUnit("t", &b))
	// Employers without a union: 旺达 (30 employees, since March 2025,
	// visited in April 2026), 新光 (20, since June 2024, moved away on
	// 2026-02-01), 金桥 (12, since March 2026).
	wd := model.Employer{Name: "旺达食品厂", Employees: 30, Registered: 20250301}
	xg := model.Employer{Name: "新光电子厂", Employees: 20, Registered: 20240601}
	jq := model.Employer{Name: "金桥物流公司", Employees: 12, Registered: 20260301}
	for _, e := range []*model.Employer{&wd, &xg, &jq} {
		must(t, st.CreateEmployer("t", e))
	}
	_, err := st.VisitEmployer("t", wd.ID, model.OrganisingVisit{Date: 20260410, By: "李秘书", Outcome: "老板同意下月召开职工大会", Next: 20260510})
	must(t, err)
	_, err = st.EmployerGone("t", xg.ID, 20260201, "迁出本镇")
	must(t, err)
	ms := []model.Member{
		{Name: "张一", Gender: model.Female, IDNumber: "500154199804106120", UnitID: a.ID, JoinDate: 20200101},
		{Name: "王二", Gender: model.Male, IDNumber: "110101199003078670", UnitID: a.ID, JoinDate: 20250301},
		{Name: "李三", Gender: model.Female, IDNumber: "830000199201300022", UnitID: b.ID, JoinDate: 20260201, Migrant: true},
		{Name: "赵四", Gender: model.Male, IDNumber: "350303199002033073", UnitID: b.ID, JoinDate: 20190101},
		{Name: "钱五", Gender: model.Male, IDNumber: "430302199312194239", UnitID: a.ID, JoinDate: 20250901},
	}
	for i := range ms {
		must(t, st.CreateMember("t", &ms[i]))
	}
	_, err = st.ChangeStatus("t", ms[3].ID, model.StatusChange{Date: 20260310, To: model.StatusLeft, Reason: "个人要求"})
	must(t, err)
	_, err = st.ChangeStatus("t", ms[4].ID, model.StatusChange{Date: 20251201, To: model.StatusTransferred, Reason: "调动", ToUnion: "白水镇总工会"})
	must(t, err)
	f := model.HardshipFile{MemberID: ms[0].ID, Category: model.CategoryDeep, MainCause: model.CauseSeriousIllness,
		HouseholdSize: 3, YearlyIncome: model.Yuan(9000), AppliedDate: 20260105, Status: model.HardshipActive, ApprovedDate: 20260110}
	must(t, st.CreateHardshipFile("t", &f))
	give := model.AidRecord{FileID: f.ID, Type: model.AidWarmth, Date: 20260201, Cash: model.Yuan(500), Fund: model.FundOwn, Approver: "王主席"}
	_, err = st.RecordAid("t", &give)
	must(t, err)
	wrong := model.AidRecord{FileID: f.ID, Type: model.AidLiving, Date: 20260301, Cash: model.Yuan(300), Fund: model.FundOwn, Approver: "王主席"}
	_, err = st.RecordAid("t", &wrong)
	must(t, err)
	_, err = st.ReverseAid("t", wrong.ID, 20260305, "录错")
	must(t, err)
	// Two cases this half year (one collective, mediated), one last year.
	wages := model.Case{Received: 20260310, Channel: model.ChannelVisit, Type: model.CaseWages,
		Workers: []model.CaseWorker{{MemberID: ms[1].ID}}, Headcount: 12, UnitID: a.ID, Claimed: model.Yuan(86400), Summary: "拖欠工资"}
	_, err = st.CreateCase("t", &wages)
	must(t, err)
	_, err = st.CloseCase("t", wages.ID, model.CaseClosing{Date: 20260401, Outcome: model.OutcomeMediated, Recovered: model.Yuan(80000)})
	must(t, err)
	for _, c := range []model.Case{
		{Received: 20260502, Channel: model.ChannelCall, Type: model.CaseWages, Workers: []model.CaseWorker{{Name: "孙六"}}, Headcount: 1, UnitID: b.ID, Summary: "加班费"},
		{Received: 20250610, Channel: model.ChannelVisit, Type: model.CaseWages, Workers: []model.CaseWorker{{MemberID: ms[0].ID}}, Headcount: 1, UnitID: a.ID, Summary: "工资"},
	} {
		_, err = st.CreateCase("t", &c)
		must(t, err)
	}
	must(t, st.CreateEvent("t", &model.Event{Title: "职工运动会", Type: model.EventSports, Start: 20260401, Members: []uint64{ms[0].ID, ms[1].ID}, Others: 3}))
	must(t, st.CreateEvent("t", &model.Event{Title: "安全培训", Type: model.EventTraining, Start: 20250501, Members: []uint64{ms[0].ID}}))
	// Honours: 张一 a provincial model worker (2025); 宏达 a city 工人先锋号 (2026).
	must(t, st.CreateHonour("t", &model.Honour{MemberID: ms[0].ID, Title: model.HonourModelWorker, Level: model.LevelProvince, Year: 2025}))
	must(t, st.CreateHonour("t", &model.Honour{UnitID: a.ID, Title: model.HonourPioneer, Level: model.LevelCity, Year: 2026}))
	handBooks(t, st, a.ID, b.ID)
	return st
}

// handBooks writes the books of the hand-counted township (the aid above
// posted 500.00 送温暖 and a 300.00 aid reversed, both cash):
//
//	2025-03-10 401 dues +300.00 cash     2025-05-20 50102 sports −1,200.00 bank
//	2026-01-15 40301 +5,000.00 bank      2026-02-10 bank to cash 1,000.00
//	2026-03-10 401 dues +450.00 cash     2026-04-01 50102 sports −2,000.00 bank
//	2026-06-30 50602 −88.00 cash         2026-07-10 50501 −600.00 bank (after the half year)
//
// budgets 2026: 401 1,000.00, 50102 1,500.00, 50602 1,000.00; 2025: 50102 3,000.00.
// 工会经费 at 2%, 60% of it to this federation, to the bank:
//
//	宏达 2025-01..03 payroll 250,000.00: due 5,000.00, paid in full 2025-04-12 (3,000.00 to us)
//	宏达 2026-01..03 payroll 300,000.00: due 6,000.00, paid in full 2026-04-10 (3,600.00 to us)
//	重庆村 2026-01..03 payroll 100,000.00: due 2,000.00, paid 500.00 2026-05-01 (300.00 to us), behind
func handBooks(t *testing.T, st *storage.Store, a, b uint64) {
	t.Helper()
	entry := func(d model.Date, dir model.Direction, code string, yuan int64, m model.MoneyAccount) {
		e := model.LedgerEntry{Date: d, Direction: dir, Account: code, Amount: model.Yuan(yuan), Money: m, Memo: "手算"}
		must(t, st.AddLedgerEntry("t", &e))
	}
	entry(20250310, model.In, "401", 300, model.MoneyCash)
	entry(20250520, model.Out, "50102", 1200, model.MoneyBank)
	entry(20260115, model.In, "40301", 5000, model.MoneyBank)
	must(t, st.AddTransfer("t", &model.Transfer{Date: 20260210, From: model.MoneyBank, To: model.MoneyCash, Amount: model.Yuan(1000)}))
	entry(20260310, model.In, "401", 450, model.MoneyCash)
	entry(20260401, model.Out, "50102", 2000, model.MoneyBank)
	entry(20260630, model.Out, "50602", 88, model.MoneyCash)
	entry(20260710, model.Out, "50501", 600, model.MoneyBank)
	for _, bl := range []model.Budget{{Year: 2026, Account: "401", Amount: model.Yuan(1000)}, {Year: 2026, Account: "50102", Amount: model.Yuan(1500)},
		{Year: 2026, Account: "50602", Amount: model.Yuan(1000)}, {Year: 2025, Account: "50102", Amount: model.Yuan(3000)}} {
		_, err := st.SetBudget("t", &bl)
		must(t, err)
	}
	funds := func(unit uint64, from, to model.Month, payroll int64, paid int64, on model.Date) {
		f := model.UnitFunds{UnitID: unit, From: from, To: to, Payroll: model.Yuan(payroll), RateBP: 200}
		must(t, st.AddUnitFunds("t", &f))
		must(t, st.PayFunds("t", &model.FundsPayment{FundsID: f.ID, Date: on, Paid: model.Yuan(paid), ShareBP: 6000, Money: model.MoneyBank}))
	}
	funds(a, 202501, 202503, 250000, 5000, 20250412)
	funds(a, 202601, 202603, 300000, 6000, 20260410)
	funds(b, 202601, 202603, 100000, 500, 20260501)
}

func TestSummaryAgreesWithAHandCount(t *testing.T) {
	st := handStore(t)
	p, _ := model.ParsePeriod("2026-H1")
	s, err := BuildSummary(st, p, i18n.ZH, summaryNow)
	must(t, err)
	// On 2026-06-30: 张一, 王二, 李三 in the union (赵四 left in March);
	// on 2025-06-30: 张一, 王二, 赵四 (钱五 joined in September).
	for key, want := range map[string][2]int64{
		"members_in_union":     {3, 3},
		"women_members":        {2, 1},
		"migrant_members":      {1, 0},
		"joined":               {1, 1}, // 李三; 王二
		"left":                 {1, 0}, // 赵四 (钱五 left in December)
		"collective_contracts": {1, 1}, // 重庆村's (from 2025-08-01); 宏达's (expired 2025-12-31)
		"hardship_active":      {1, 0},
		"hardship_filed":       {1, 0},
		"aid_count":            {1, 0}, // the 300 was reversed
		"aid_value":            {50000, 0},
		"events":               {1, 1},
		"person_times":         {5, 1},
		"cases":                {2, 1},
		"case_workers":         {13, 1},
		"collective_cases":     {1, 0}, // twelve workers
		"case_recovered":       {8000000, 0},
		// The books (handBooks): income 450 + 3,600 + 300 + 5,000; last
		// year 300 + 3,000. Spending 2,000 + 500 (the aid, from the bank)
		// + 88, the July 600 outside the half year; last year 1,200.
		"income":     {935000, 330000},
		"line_401":   {45000, 30000},
		"line_402":   {390000, 300000},
		"line_403":   {500000, 0},
		"expense":    {258800, 120000},
		"line_501":   {200000, 120000},
		"line_504":   {50000, 0},
		"line_506":   {8800, 0},
		"net":        {676200, 210000},
		"funds_due":  {800000, 500000}, // 宏达 6,000 + 重庆村 2,000; 宏达 5,000
		"funds_paid": {650000, 500000},
		// 60% of what was paid: 3,600 + 300, the 402 line
		"funds_received":      {390000, 300000},
		"funds_behind":        {1, 0},      // 重庆村, due by 2026-04-15
		"funds_outstanding":   {150000, 0}, // 2,000 − 500
		"budget_expense":      {250000, 300000},
		"budget_expense_used": {8352, 4000}, // (2,000 + 88) / 2,500; 1,200 / 3,000
		"budget_over":         {1, 0},       // 50102: 2,000 against 1,500
		// cash 1,000 + 300 + 1,000 (from the bank) + 450 − 88
		"cash_balance": {266200, 130000},
		// bank 20,000 − 1,200 + 3,000 + 5,000 − 1,000 − 2,000 + 3,600 + 300 − 500
		"bank_balance":  {2720000, 2180000},
		"money_balance": {2986200, 2310000},
		// The organisation register on 2026-06-30 and 2025-06-30 (重庆村
		// formed 2025-11-01): 宏达 and 重庆村; 宏达 alone.
		"units":       {2, 1},
		"joint_units": {1, 0},
		// 建会率: the two against 旺达 and 金桥 (新光 moved away in
		// February); last year 宏达 against 旺达 and 新光.
		"employers_organised":   {2, 1},
		"employers_unorganised": {2, 2},
		"union_rate":            {5000, 3333},
		"unions_formed":         {0, 0},
		// 入会率: 3 of 15; last year 张一 and 王二 of 宏达's 10.
		"membership_rate": {2000, 2000},
		"member_honours":  {0, 1}, // 张一's of 2025
		"unit_honours":    {1, 0}, // 宏达's 工人先锋号 of 2026
		// committees on the day: 宏达's women's (2020) and audit (2026-03),
		// 重庆村's mediation (2025-12)
		"committee_women":      {1, 1},
		"committee_audit":      {1, 0},
		"committee_mediation":  {1, 0},
		"committee_law_watch":  {0, 0},
		"committee_protection": {0, 0},
		"wage_agreements":      {1, 0}, // 宏达's for 2026
		"women_contracts":      {0, 0},
		"model_homes":          {1, 1}, // 宏达's, named 2024
	} {
		f, ok := s.Figure(key)
		if !ok || f.Now != want[0] || !f.HasBefore || f.Before != want[1] {
			t.Errorf("%s: %+v, want now %d, last year %d", key, f, want[0], want[1])
		}
	}
	// The one case closed this half year was mediated; last year's was
	// still open on 2025-06-30: there is no rate of last year to compare
	// (it said 0.00%, and 'up 100 percentage points').
	if f, ok := s.Figure("case_mediated"); !ok || f.Now != 10000 || f.HasBefore {
		t.Errorf("mediation rate %+v", f)
	}
	// No income budget last year: this year's stands alone.
	if f, ok := s.Figure("budget_income"); !ok || f.Now != 100000 || f.HasBefore {
		t.Errorf("income budget %+v", f)
	}
	if f, _ := s.Figure("line_402"); Sentence(i18n.ZH, f) != "拨缴经费收入（402）3,900.00元，去年同期3,000.00元，增加900.00元，增长30.00%。" {
		t.Errorf("sentence %q", Sentence(i18n.ZH, f))
	}
	en, err := BuildSummary(st, p, i18n.EN, summaryNow)
	must(t, err)
	if f, _ := en.Figure("line_402"); Sentence(i18n.EN, f) != "Allocated union funds (402): 3,900.00 yuan; same period last year 3,000.00 yuan; up 900.00 yuan (30.00%)." {
		t.Errorf("sentence %q", Sentence(i18n.EN, f))
	}
	// What the register keeps only as it is now.
	for key, want := range map[string]int64{"employees": 15, "workers_congress": 1, "open_affairs": 1, "delegates": 0,
		"contract_covered": 5, "wage_covered": 0, "staff_full": 1, "staff_part": 2, "covered_employers": 1,
		"elections_due": 1, "model_workers": 1, "model_workers_hardship": 0, "congress_held": 0, "bookhouses": 0} {
		if f, _ := s.Figure(key); f.Now != want || f.HasBefore {
			t.Errorf("%s: %+v, want %d and no last year", key, f, want)
		}
	}
	var buf bytes.Buffer
	must(t, WriteSummaryDocx(&buf, s, i18n.ZH))
	if f, _ := s.Figure("members_in_union"); Sentence(i18n.ZH, f) != "期末会员3人，去年同期3人，与去年同期持平。" {
		t.Errorf("sentence %q", Sentence(i18n.ZH, f))
	}
	if f, _ := s.Figure("aid_value"); Sentence(i18n.EN, f) != "Aid value (cash and goods): 500.00 yuan; same period last year 0.00 yuan; up 500.00 yuan." {
		t.Errorf("sentence %q", Sentence(i18n.EN, f))
	}
	if f, _ := s.Figure("women_members"); Change(i18n.ZH, f) != "增加1人，增长100.00%" {
		t.Errorf("change %q", Change(i18n.ZH, f))
	}
}

// demoStore is the deterministic demo township as of 2026-07-15.
func demoStore(t *testing.T) *storage.Store {
	st := openStore(t)
	must(t, demo.Load(st, demo.Options{Seed: 5, Units: 6, Members: 300, Today: model.DateOf(summaryNow)}))
	return st
}

// The figures agree with what unionbook stats reports for the same day.
func TestSummaryAgreesWithStats(t *testing.T) {
	st := demoStore(t)
	p, _ := model.ParsePeriod("2026")
	s, err := BuildSummary(st, p, i18n.ZH, summaryNow) // up to today
	must(t, err)
	units, _ := st.Units()
	members, _ := st.Members()
	stats := model.RosterStats(units, members)
	if f, _ := s.Figure("members_in_union"); f.Now != int64(stats.MembersByStatus.Active+stats.MembersByStatus.Retained) {
		t.Errorf("members %d, stats %+v", f.Now, stats.MembersByStatus)
	}
	hs, err := st.HardshipStats(model.DateOf(summaryNow))
	must(t, err)
	for key, want := range map[string]int{
		"hardship_active": hs.ByStatus.Active, "hardship_deep": hs.ActiveByCategory.Deep,
		"hardship_relative": hs.ActiveByCategory.Relative, "hardship_sudden": hs.ActiveByCategory.Sudden,
		"hardship_filed": hs.FiledThisYear, "hardship_lifted": hs.LiftedThisYear,
		"aid_count": hs.Aid.Count, "aid_value": int(hs.Aid.Total),
	} {
		if f, _ := s.Figure(key); f.Now != int64(want) {
			t.Errorf("%s: %d, stats %d", key, f.Now, want)
		}
	}
	es, err := st.EventStats(2026)
	must(t, err)
	if f, _ := s.Figure("events"); f.Now != int64(es.Count) {
		t.Errorf("events %d, stats %d", f.Now, es.Count)
	}
	if f, _ := s.Figure("person_times"); f.Now != int64(es.PersonTimes) {
		t.Errorf("person-times %d, stats %d", f.Now, es.PersonTimes)
	}
	cs, err := st.CaseStats(2026)
	must(t, err)
	for key, want := range map[string]int64{"cases": int64(cs.Cases), "case_workers": int64(cs.Workers),
		"collective_cases": int64(cs.Collective), "case_claimed": int64(cs.Claimed), "case_recovered": int64(cs.Recovered),
		"case_mediated": int64(cs.MediatedRateBP), "legal_aid": int64(cs.LegalAid)} {
		if f, _ := s.Figure(key); f.Now != want {
			t.Errorf("%s: %d, stats %d", key, f.Now, want)
		}
	}
	// Dues of the year's months so far, as the dues by month say.
	byMonth, err := st.CollectionByMonth(2026)
	must(t, err)
	var due, paid model.Money
	for _, c := range byMonth {
		due += c.Due
		paid += c.Paid
	}
	if f, _ := s.Figure("dues_paid"); f.Now != int64(paid) {
		t.Errorf("dues paid %d, by month %d", f.Now, paid)
	}
	if f, _ := s.Figure("dues_due"); f.Now != int64(due) {
		t.Errorf("dues due %d, by month %d", f.Now, due)
	}
	// The books: the statement of January to July (no entry is dated after
	// today), the balances and stats' cash balance, the 工会经费 screen's
	// units behind.
	stmt, err := st.BooksStatement(202601, 202607)
	must(t, err)
	if f, _ := s.Figure("income"); f.Now != int64(stmt.In) || stmt.In == 0 {
		t.Errorf("income %d, statement %d", f.Now, stmt.In)
	}
	if f, _ := s.Figure("expense"); f.Now != int64(stmt.Out) || stmt.Out == 0 {
		t.Errorf("expense %d, statement %d", f.Now, stmt.Out)
	}
	lines := 0
	for _, r := range stmt.Rows {
		f, ok := s.Figure("line_" + r.Account.Code)
		switch {
		case r.Level != 0:
		case r.Amount == 0 && ok && f.Now != 0:
			t.Errorf("line %s: %d, statement nothing", r.Account.Code, f.Now)
		case r.Amount != 0 && (!ok || f.Now != int64(r.Amount)):
			t.Errorf("line %s: %+v, statement %d", r.Account.Code, f, r.Amount)
		case r.Amount != 0:
			lines++
		}
	}
	if lines < 3 {
		t.Errorf("only %d lines of the statement moved in the demo", lines)
	}
	_, dues, err := st.RosterAndDues(2026, model.DueThrough(model.DateOf(summaryNow)))
	must(t, err)
	if f, _ := s.Figure("money_balance"); f.Now != int64(dues.Balance) {
		t.Errorf("money held %d, stats' balance %d", f.Now, dues.Balance)
	}
	bs, err := st.BooksStatus()
	must(t, err)
	for key, m := range map[string]model.MoneyAccount{"cash_balance": model.MoneyCash, "bank_balance": model.MoneyBank} {
		if f, _ := s.Figure(key); f.Now != int64(bs.Balances[m]) {
			t.Errorf("%s %d, books %d", key, f.Now, bs.Balances[m])
		}
	}
	funds, err := st.Funds()
	must(t, err)
	behind := map[uint64]bool{}
	for _, r := range funds {
		if r.Behind(model.DateOf(summaryNow)) {
			behind[r.Funds.UnitID] = true
		}
	}
	if f, _ := s.Figure("funds_behind"); f.Now != int64(len(behind)) {
		t.Errorf("units behind %d, funds %d", f.Now, len(behind))
	}
	// The organisation register: the survey's items, the year's 建会率
	// and 入会率, the model workers, as stats --json has them today.
	os, err := st.OrgStats(model.DateOf(summaryNow))
	must(t, err)
	v, r := os.Survey, os.Rates[0]
	if r.Period != "2026" {
		t.Fatalf("stats' first rates are of %s", r.Period)
	}
	want := map[string]int{"units": v.Units, "joint_units": v.JointUnits, "employees": r.Employees,
		"employers_organised": r.EmployersOrganised, "employers_unorganised": r.EmployersUnorganised,
		"union_rate": r.UnionRateBP, "membership_rate": r.MembershipRateBP, "unions_formed": r.Formed,
		"workers_congress": v.WorkersCongress, "delegates": v.Delegates, "women_delegates": v.WomenDelegates,
		"open_affairs": v.OpenAffairs, "collective_contracts": v.Contracts, "contract_covered": v.ContractCovered,
		"wage_agreements": v.WageAgreements, "wage_covered": v.WageCovered, "women_contracts": v.WomenContracts,
		"model_homes": v.ModelHomes, "bookhouses": v.Bookhouses, "staff_full": v.StaffFull, "staff_part": v.StaffPart,
		"covered_employers": v.CoveredEmployers, "elections_due": v.ElectionsDue,
		"model_workers": os.Honours.ModelWorkers, "model_workers_hardship": os.Honours.InHardship}
	for code, n := range v.Committees {
		want["committee_"+code] = n
	}
	nonzero := 0
	for key, n := range want {
		f, ok := s.Figure(key)
		if !ok || f.Now != int64(n) {
			t.Errorf("%s: %+v, stats %d", key, f, n)
		}
		if n != 0 {
			nonzero++
		}
	}
	if nonzero < 20 {
		t.Errorf("only %d of the organisation figures are not zero in the demo", nonzero)
	}
}

// LibreOffice opens the document and reads its sentences and tables.
func TestSummaryOpensInLibreOffice(t *testing.T) {
	t.Parallel() // LibreOffice with a profile of its own
	officetest.Need(t)
	st := handStore(t)
	p, _ := model.ParsePeriod("2026-H1")
	path := filepath.Join(t.TempDir(), SummaryFileName("青山镇总工会", p, i18n.ZH))
	_, err := WriteSummaryFile(st, p, i18n.ZH, summaryNow, path)
	must(t, err)
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("written: %v %v", fi, err)
	}
	text := officetest.Convert(t, path, "txt:Text (encoded):UTF8", ".txt")
	for _, want := range []string{
		"青山镇总工会2026年上半年工作总结数据",
		"一、组织建设", "二、民主管理与维权", "三、劳动争议", "四、困难职工帮扶", "五、活动与竞赛", "六、会费与经费",
		"期末会员3人，去年同期3人，与去年同期持平。",
		"帮扶金额（现金加实物折价）500.00元，去年同期0.00元，增加500.00元。",
		"参与5人次，去年同期1人次，增加4人次，增长400.00%。",
		"会员名册：入会日期不晚于2026-06-30",
		"拨缴经费收入（402）3,900.00元，去年同期3,000.00元，增加900.00元，增长30.00%。",
		"逾期未缴清工会经费的单位1个，去年同期0个，增加1个。",
		"银行存款余额27,200.00元，去年同期21,800.00元，增加5,400.00元，增长24.77%。",
		"各单位工会经费（2026-01-01至2026-06-30）",
		"1,500.00（逾期）",
		"50102 文体活动支出（超预算）",
		"建会率50.00%，去年同期33.33%，提高16.67个百分点。",
		"建立劳动争议调解委员会的单位1个，去年同期0个，增加1个。",
		"未建会单位（2026-06-30）",
		"旺达食品厂",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's text lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(text)
	}
}

// Before the books were kept in the program (their opening balances'
// date) the summary gives no last-year books figures, and says why; the
// half year's income is the 300.00 dues and the 3,000.00 of 工会经费.
func TestSummaryBooksBeforeTheirStart(t *testing.T) {
	st := handStore(t)
	p, _ := model.ParsePeriod("2025-H1")
	s, err := BuildSummary(st, p, i18n.ZH, summaryNow)
	must(t, err)
	for _, key := range []string{"income", "expense", "line_401", "cash_balance", "bank_balance"} {
		f, ok := s.Figure(key)
		if !ok || f.HasBefore || !strings.Contains(f.Source, "账簿自2025-01-01起在本程序记账") {
			t.Errorf("%s: %+v", key, f)
		}
	}
	if f, _ := s.Figure("income"); f.Now != 330000 || Sentence(i18n.ZH, f) != "经费收入3,300.00元（账簿没有去年同期的记录可比）。" {
		t.Errorf("income %+v: %q", f, Sentence(i18n.ZH, f))
	}
}

// Every table of units lists them in pinyin order, as every list, picker
// and report of units: 重庆村 (chóngqìng) before 宏达 (hóngdá), though 宏达
// was registered first and 宏 comes before 重 by character code.
func TestSummaryUnitTablesInPinyinOrder(t *testing.T) {
	st := handStore(t)
	p, _ := model.ParsePeriod("2026-H1")
	s, err := BuildSummary(st, p, i18n.ZH, summaryNow)
	must(t, err)
	tables := 0
	for _, sec := range s.Sections {
		for _, tb := range sec.Tables {
			at := map[string]int{}
			for i, r := range tb.Rows {
				at[r[0]] = i + 1
			}
			cq, hd := at["重庆村联合工会"], at["宏达机械厂工会"]
			if cq == 0 || hd == 0 {
				continue
			}
			tables++
			if cq > hd {
				t.Errorf("%s: 宏达 (row %d) before 重庆村 (row %d)", tb.Title, hd, cq)
			}
		}
	}
	if tables < 4 { // members, democracy, union funds and dues by unit
		t.Errorf("%d tables of units, want at least 4", tables)
	}
}

// The tables write amounts as the sentences do, grouped by thousands
// (50,700.00): the aid, dues, union funds, budget and statement tables
// wrote 50700.00 beside the disputes table's 413,800.00.
func TestSummaryTablesGroupAmounts(t *testing.T) {
	st := demoStore(t)
	p, _ := model.ParsePeriod("2026")
	s, err := BuildSummary(st, p, i18n.ZH, summaryNow)
	must(t, err)
	ungrouped := regexp.MustCompile(`^-?\d{4,}\.\d\d`)
	for _, sec := range s.Sections {
		for _, tb := range sec.Tables {
			for _, r := range tb.Rows {
				for _, v := range r {
					if ungrouped.MatchString(v) {
						t.Errorf("%s: %q is not grouped (row %v)", tb.Title, v, r)
						break
					}
				}
			}
		}
	}
}

// A database loaded from a district package (a read-only look at one, or
// import package) holds no cases: packages carry their figures only. The
// summary says so for 劳动争议 instead of counting none (it wrote 受理劳动
// 争议和来信来访0件 for a township with 67).
func TestSummaryFromAPackageSaysItHasNoCases(t *testing.T) {
	st := openStore(t)
	if _, err := st.RestoreRecordsChecked(func(rs *storage.Restorer) error {
		return rs.MarkFromPackage("青山镇总工会 2026-H1")
	}); err != nil {
		t.Fatal(err)
	}
	p, _ := model.ParsePeriod("2026-H1")
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		s, err := BuildSummary(st, p, l, summaryNow)
		must(t, err)
		if f, ok := s.Figure("cases"); ok {
			t.Errorf("%s: a package's cases counted: %+v", l.Code(), f)
		}
		found := false
		for _, sec := range s.Sections {
			if sec.Key == "disputes" {
				found = strings.Contains(sec.Missing, "青山镇总工会 2026-H1") && len(sec.Figures) == 0
			}
		}
		if !found {
			t.Errorf("%s: the disputes section does not say the package has no cases: %+v", l.Code(), s.Sections)
		}
	}
}
