package report

import (
	"bytes"
	"os"
	"path/filepath"
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
	st, err := storage.Open(filepath.Join(t.TempDir(), "s.db"), storage.Options{Now: func() time.Time { return summaryNow }, NoDailyBackup: true})
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
	a := model.Unit{Name: "宏达机械厂工会", Kind: 170, Employees: 10, Women: 4, ContractSigned: 20240101, ContractExpires: 20251231, WorkersCongress: true}
	b := model.Unit{Name: "重庆村联合工会", Form: model.FormVillage, Employees: 5, OpenAffairs: true, ContractSigned: 20250801, ContractExpires: 20280731}
	must(t, st.CreateUnit("t", &a))
	must(t, st.CreateUnit("t", &b))
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
	_, err := st.ChangeStatus("t", ms[3].ID, model.StatusChange{Date: 20260310, To: model.StatusLeft, Reason: "个人要求"})
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
	return st
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
		"case_mediated":        {10000, 0}, // the one closed was mediated
	} {
		f, ok := s.Figure(key)
		if !ok || f.Now != want[0] || !f.HasBefore || f.Before != want[1] {
			t.Errorf("%s: %+v, want now %d, last year %d", key, f, want[0], want[1])
		}
	}
	for key, want := range map[string]int64{"units": 2, "joint_units": 1, "employees": 15, "workers_congress": 1, "open_affairs": 1, "membership_rate": 2000} {
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
}

// LibreOffice opens the document and reads its sentences and tables.
func TestSummaryOpensInLibreOffice(t *testing.T) {
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
	} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's text lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(text)
	}
}
