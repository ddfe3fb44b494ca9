package model

import (
	"strings"
	"testing"

	"unionbook/i18n"
)

func TestCreditCodeStructure(t *testing.T) {
	cases := []struct{ in, err string }{
		{"91350100M000100Y43", ""},
		{"91110000802100433B", ""},
		{creditWithCheck("000000000000000000"[:17]), "credit.zeros"},
		{creditWithCheck("Z1350100M000100Y4"), "credit.chars"},
		{creditWithCheck("H1350100M000100Y4"), "credit.registrar"},
		{creditWithCheck("913501A0M000100Y4"), "credit.region"},    // a letter in the region part
		{creditWithCheck("91990100M000100Y4"), "credit.region"},    // no province 99
		{creditWithCheck("91350100M000100Y5"), "credit.org_check"}, // wrong GB 11714 check
		{creditWithCheck("913501000000000000"[:17]), "credit.zeros"},
		{creditWithCheck("81100000MC0000012"), ""}, // a union registered nationally (region 100000)
	}
	for _, c := range cases {
		if _, err := NormalizeCreditCode(c.in); errKey(err) != c.err {
			t.Errorf("%s: got %v, want %s", c.in, err, c.err)
		}
	}
	// the message names what is wrong, in both languages
	_, err := NormalizeCreditCode(creditWithCheck("913501A0M000100Y4"))
	if txt := i18n.Text(err, i18n.ZH); !strings.Contains(txt, "3501A0") {
		t.Errorf("zh: %s", txt)
	}
}

// creditWithCheck appends the GB 32100 check character to 17 characters
// (with the organisation-code check fixed unless the test breaks it).
func creditWithCheck(first17 string) string {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(creditAlphabet, first17[i]) * creditWeights[i]
	}
	c := 31 - sum%31
	if c == 31 {
		c = 0
	}
	return first17 + string(creditAlphabet[c])
}

func TestOrgCodeCheck(t *testing.T) {
	// GB 11714 examples embedded in valid credit codes
	for body, want := range map[string]byte{"M000100Y": '4', "80210043": '3', "MC000001": '2'} {
		if got := OrgCodeCheck(body); got != want {
			t.Errorf("%s: %c, want %c", body, got, want)
		}
	}
}

func orgUnit() Unit {
	u := validUnit()
	u.Normalize()
	return u
}

func TestUnitOrgValidation(t *testing.T) {
	today := Date(20260615)
	cases := []struct {
		name       string
		edit       func(u *Unit)
		field, key string
	}{
		{"region letters", func(u *Unit) { u.RegionCode = "3501A2" }, "region_code", "region.format"},
		{"region province", func(u *Unit) { u.RegionCode = "990102" }, "region_code", "region.province"},
		{"stat code", func(u *Unit) { u.StatCode = "统计-1" }, "stat_code", "org.stat_code"},
		{"union credit prefix", func(u *Unit) { u.UnionCredit = "91350100M000100Y43" }, "union_credit", "org.union_credit_prefix"},
		{"committee twice", func(u *Unit) {
			u.Committees = []Committee{{Kind: CommitteeWomen}, {Kind: CommitteeWomen}}
		}, "committees", "org.committee_twice"},
		{"committee in future", func(u *Unit) { u.Committees = []Committee{{Kind: CommitteeAudit, Formed: today + 1}} }, "committees", "org.committee_bad"},
		{"women delegates", func(u *Unit) { u.CongressDelegates, u.CongressWomen = 30, 31 }, "congress_women", "org.women_delegates"},
		{"delegates over employees", func(u *Unit) { u.CongressDelegates = 121 }, "congress_delegates", "org.more_than_employees"},
		{"congress without flag", func(u *Unit) { u.WorkersCongress, u.CongressDelegates = false, 10 }, "workers_congress", "org.congress_flag"},
		{"wage covered without agreement", func(u *Unit) { u.WageCovered = 50 }, "wage_signed", "problem.required"},
		{"wage expires first", func(u *Unit) { u.WageSigned, u.WageExpires = 20250101, 20241231 }, "wage_expires", "unit.expires_before_signed"},
		{"raise too large", func(u *Unit) { u.WageSigned, u.WageRaiseBP = 20250101, 6000 }, "wage_raise", "org.wage_raise"},
		{"women contract future", func(u *Unit) { u.WomenSigned = today + 1 }, "women_signed", "problem.future"},
		{"home without year", func(u *Unit) { u.HomeLevel = HomeCity }, "home_year", "problem.required"},
		{"home year", func(u *Unit) { u.HomeLevel, u.HomeYear = HomeCity, 2027 }, "home_year", "org.year_range"},
		{"staff negative", func(u *Unit) { u.StaffPart = -1 }, "staff_part", "problem.negative"},
		{"term", func(u *Unit) { u.TermYears = 11 }, "term_years", "org.term_years"},
		{"term of neither three nor five years", func(u *Unit) { u.TermYears = 9 }, "term_years", "org.term_years"},
		{"covered by a single union", func(u *Unit) { u.CoveredEmployers = 3 }, "covered_employers", "org.covered_single"},
		{"dissolved while active", func(u *Unit) { u.DissolvedOn = 20250101 }, "dissolved_on", "org.dissolved_active"},
	}
	for _, c := range cases {
		u := orgUnit()
		c.edit(&u)
		ps := u.Validate(today)
		if !ps.Has(c.field, c.key) || len(ps) != 1 {
			t.Errorf("%s: want only %s/%s, got %v", c.name, c.field, c.key, keysOf(ps))
		}
		for _, p := range ps {
			noRawKeys(t, p.Localize(i18n.ZH))
			noRawKeys(t, p.Localize(i18n.EN))
		}
	}
	full := orgUnit()
	full.RegionCode, full.StatCode, full.UnionCredit = "350102", "350102001", creditWithCheck("81350102MC0000012")
	full.Committees = []Committee{{Kind: CommitteeMediation, Formed: 20200101, Chair: "李四", Members: 5}, {Kind: CommitteeWomen}}
	full.CongressLast, full.CongressDelegates, full.CongressWomen = 20260301, 40, 15
	full.WageSigned, full.WageExpires, full.WageCovered, full.WageRaiseBP = 20260101, 20261231, 110, 350
	full.HomeLevel, full.HomeYear, full.Bookhouse = HomeProvince, 2023, true
	full.StaffFull, full.StaffPart, full.ElectedOn, full.TermYears = 1, 6, 20220601, 5
	full.Normalize()
	if ps := full.Validate(today); len(ps) != 0 {
		t.Errorf("full unit: %v", keysOf(ps))
	}
	if full.Committees[0].Kind != CommitteeWomen {
		t.Errorf("committees are kept in kind order: %+v", full.Committees)
	}
}

func TestUnionFormDecidesTheType(t *testing.T) {
	u := Unit{Name: "青山村联合工会", Form: FormVillage}
	u.Normalize()
	if u.UnionType != UnionJoint {
		t.Errorf("a village joint union is joint: %+v", u)
	}
	old := Unit{Name: "某联合工会", UnionType: UnionJoint}
	old.Normalize()
	if old.Form != FormOtherJoint {
		t.Errorf("an old joint union keeps its meaning: %v", old.Form)
	}
}

func TestElectionDue(t *testing.T) {
	r := OrgRules{TermYears: 5, ElectionWarnDays: 90}
	u := Unit{ElectedOn: 20210801}
	if end := u.TermEnds(r); end != 20260801 {
		t.Fatalf("term ends %s", end)
	}
	for d, want := range map[Date]bool{20260502: false, 20260503: true, 20260801: true, 20270101: true} {
		if got := u.ElectionDue(d, r); got != want {
			t.Errorf("due on %s: %v", d, got)
		}
	}
	u.TermYears = 3
	if !u.ElectionDue(20240801, r) {
		t.Errorf("a unit's own term counts")
	}
	if (&Unit{}).ElectionDue(20260101, r) {
		t.Errorf("no election date: not due")
	}
}

func TestMemberDataItems(t *testing.T) {
	today := Date(20260615)
	m := validMember()
	m.Hukou = HukouRural
	m.Normalize()
	if !m.Migrant {
		t.Errorf("a rural registration makes a migrant worker")
	}
	m.Hukou = HukouUrban
	m.Normalize()
	if m.Migrant {
		t.Errorf("an urban registration is no migrant worker")
	}
	m.Hukou, m.Migrant = HukouResident, true
	m.Normalize()
	if !m.Migrant {
		t.Errorf("a unified registration does not tell: the flag stays")
	}
	bad := validMember()
	bad.JoinKind, bad.CardIssued, bad.CardReturned = JoinTransfer, 20200101, 20190101
	ps := bad.Validate(today)
	for _, want := range [][2]string{{"from_union", "problem.required"}, {"card_no", "problem.required"}, {"card_returned", "member.card_returned_early"}} {
		if !ps.Has(want[0], want[1]) {
			t.Errorf("missing %v in %v", want, keysOf(ps))
		}
	}
}

func TestStatusChangeReasons(t *testing.T) {
	today := Date(20260615)
	m := validMember()
	change := func(c StatusChange) Problems { c.Date = 20260101; return m.ValidateChange(c, today) }
	// laid off, waiting for a post: stays a member
	ps := change(StatusChange{To: StatusRetained, ReasonCode: ReasonLaidOff})
	if !ps.Has("reason_code", "member.laid_off_stays") {
		t.Errorf("laid-off retained: %v", keysOf(ps))
	}
	if txt := ps.Localize(i18n.ZH); !strings.Contains(txt, "第 5 条") {
		t.Errorf("the message cites the rule: %s", txt)
	}
	// a code that does not fit the status
	if ps := change(StatusChange{To: StatusLeft, ReasonCode: ReasonCrime}); !ps.Has("reason_code", "member.reason_not_for") {
		t.Errorf("crime for leaving: %v", keysOf(ps))
	}
	// expulsion asks for the ground and the report
	ps = change(StatusChange{To: StatusExpelled})
	if !ps.Has("ground", "member.ground_required") || !ps.Has("reported_on", "member.report_required") {
		t.Errorf("expulsion without ground: %v", keysOf(ps))
	}
	ok := StatusChange{To: StatusExpelled, Ground: "2025年12月 某某区人民法院刑事判决", ReportedOn: 20260105}
	if ps := change(ok); len(ps) != 0 {
		t.Errorf("expulsion with ground: %v", keysOf(ps))
	}
	m.Apply(StatusChange{Date: 20260101, To: StatusExpelled, Ground: ok.Ground, ReportedOn: ok.ReportedOn})
	if h := m.History[len(m.History)-1]; h.ReasonCode != ReasonCrime || h.ChangeType() != 5 {
		t.Errorf("expulsion recorded as %+v", h)
	}
	// other needs a note; a code alone is a reason
	m = validMember()
	if ps := change(StatusChange{To: StatusLeft, ReasonCode: ReasonOther}); !ps.Has("reason", "problem.required") {
		t.Errorf("other without note: %v", keysOf(ps))
	}
	if ps := change(StatusChange{To: StatusLeft, ReasonCode: ReasonOwnRequest}); len(ps) != 0 {
		t.Errorf("a coded reason is enough: %v", keysOf(ps))
	}
	c := StatusChange{To: StatusLeft, ReasonCode: ReasonOwnRequest, Reason: "本人书面申请"}
	if got := c.ReasonText(i18n.ZH); got != "个人要求退会：本人书面申请" {
		t.Errorf("reason text %q", got)
	}
}

func TestEmployerLifecycle(t *testing.T) {
	today := Date(20260615)
	e := Employer{Name: " 青山 食品厂 ", Employees: 45, Women: 20, Registered: 20260110}
	e.Normalize()
	if ps := e.Validate(today); len(ps) != 0 {
		t.Fatalf("valid employer: %v", keysOf(ps))
	}
	if e.Name != "青山食品厂" || e.Status != EmployerUnorganised {
		t.Errorf("normalized: %+v", e)
	}
	bad := Employer{Employees: 10, Women: 11, Registered: today + 1, CreditCode: "9135"}
	ps := bad.Validate(today)
	for _, want := range [][2]string{{"employer_name", "problem.required"}, {"women", "org.more_than_employees"},
		{"registered", "problem.future"}, {"credit_code", "credit.length"}} {
		if !ps.Has(want[0], want[1]) {
			t.Errorf("missing %v in %v", want, keysOf(ps))
		}
	}
	v := OrganisingVisit{Date: 20260105, By: "", Outcome: "", Next: 20260101}
	ps = ValidateVisit(&e, &v, today)
	for _, want := range [][2]string{{"date", "employer.before_registered"}, {"visit_by", "problem.required"},
		{"visit_outcome", "problem.required"}, {"visit_next", "employer.next_before_visit"}} {
		if !ps.Has(want[0], want[1]) {
			t.Errorf("visit: missing %v in %v", want, keysOf(ps))
		}
	}
	if !e.Unorganised(20260301) || e.Unorganised(20260101) {
		t.Errorf("unorganised from its registration")
	}
	e.Status, e.FormedOn = EmployerFormed, 20260401
	if !e.Unorganised(20260331) || e.Unorganised(20260401) {
		t.Errorf("organised from its union's formation")
	}
	if ps := ValidateFormed(&e, 20260501, today); !ps.Has("", "employer.closed") {
		t.Errorf("formed twice: %v", keysOf(ps))
	}
	u := UnitFromEmployer(&e, 20260401)
	if u.Name != "青山食品厂工会" || u.FormedOn != 20260401 || u.Employees != 45 || u.Form != FormSingle {
		t.Errorf("unit from employer: %+v", u)
	}
}

func TestHonours(t *testing.T) {
	today := Date(20260615)
	h := Honour{MemberID: 1, Title: HonourMayDayAward, Level: LevelProvince, Year: 2024}
	if ps := h.Validate(today); !ps.Has("honour_title", "honour.not_for_member") {
		t.Errorf("a unit's certificate for a member: %v", keysOf(ps))
	}
	h = Honour{UnitID: 1, Title: HonourModelWorker, Level: LevelCity, Year: 2024}
	if ps := h.Validate(today); !ps.Has("honour_title", "honour.not_for_unit") {
		t.Errorf("model worker for a unit: %v", keysOf(ps))
	}
	h = Honour{MemberID: 1, UnitID: 2, Title: HonourOther, Level: 9, Year: 2030}
	ps := h.Validate(today)
	for _, want := range [][2]string{{"holder", "honour.two_holders"}, {"honour_name", "problem.required"},
		{"honour_level", "problem.required"}, {"honour_year", "org.year_range"}} {
		if !ps.Has(want[0], want[1]) {
			t.Errorf("missing %v in %v", want, keysOf(ps))
		}
	}
	hs := []Honour{{Title: HonourMayDayMedal, Level: LevelNational}, {Title: HonourModelWorker, Level: LevelCounty},
		{Title: HonourAdvanced, Level: LevelProvince}}
	if got := ModelWorkerLevelOf(hs); got != ModelProvince {
		t.Errorf("model worker level %v", got)
	}
	if got := ModelWorkerLevelOf(hs[:1]); got != ModelNone {
		t.Errorf("a medal alone is no model worker: %v", got)
	}
}

// 建会率 and 入会率 of a period, and the survey totals, against a hand count.
func TestRatesAndSurveyAgainstAHandCount(t *testing.T) {
	units := []Unit{
		{ID: 1, Kind: 170, Form: FormSingle, Employees: 100, FormedOn: 20200101, WorkersCongress: true, CongressDelegates: 20, CongressWomen: 8,
			WageSigned: 20260101, WageCovered: 90, Committees: []Committee{{Kind: CommitteeWomen}, {Kind: CommitteeMediation, Formed: 20260701}}},
		{ID: 2, Form: FormVillage, CoveredEmployers: 6, Employees: 50, ElectedOn: 20210701},
		{ID: 3, Kind: 170, Form: FormSingle, Employees: 30, FormedOn: 20260401, FromEmployer: 1}, // formed in H1 from employer 1
		{ID: 4, Kind: 170, Form: FormSingle, Employees: 40, Status: UnitDissolved, DissolvedOn: 20260201},
	}
	employers := []Employer{
		{ID: 1, Registered: 20250101, Status: EmployerFormed, FormedOn: 20260401, UnitID: 3},
		{ID: 2, Registered: 20250601, Status: EmployerFollowing},
		{ID: 3, Registered: 20260701, Status: EmployerUnorganised}, // after H1
		{ID: 4, Registered: 20250101, Status: EmployerGone, GoneOn: 20260301},
	}
	members := []Member{
		{UnitID: 1, JoinDate: 20200101, Status: StatusActive, Gender: Female},
		{UnitID: 1, JoinDate: 20200101, Status: StatusActive, Gender: Male, Migrant: true},
		{UnitID: 1, JoinDate: 20260701, Status: StatusActive}, // after H1
		{UnitID: 2, JoinDate: 20210101, Status: StatusRetained},
		{UnitID: 3, JoinDate: 20260401, Status: StatusActive},
		{UnitID: 4, JoinDate: 20200101, Status: StatusActive}, // dissolved unit
	}
	p, _ := ParsePeriod("2026-H1")
	r := Rates(p, units, employers, members)
	// organised on 06-30: units 1, 2 (6 employers), 3 → 8 employers; unorganised: employer 2 → 1
	// members: 2 (unit 1) + 1 (unit 2, retained) + 1 (unit 3) = 4; employees 100+50+30 = 180
	want := OrgRates{Period: "2026-H1", AsOf: "2026-06-30", EmployersOrganised: 8, EmployersUnorganised: 1,
		UnionRateBP: 8889, Employees: 180, Members: 4, MembershipRateBP: 222, Formed: 1}
	if r != want {
		t.Errorf("rates:\n got %+v\nwant %+v", r, want)
	}
	rows := Survey(units, MemberCounts(members, p.Last()), p.Last(), OrgRules{TermYears: 5, ElectionWarnDays: 90})
	tot := Total(rows)
	if tot.Units != 3 || tot.JointUnits != 1 || tot.Members != 4 || tot.WomenMembers != 1 || tot.MigrantMembers != 1 ||
		tot.Committees["women"] != 1 || tot.Committees["mediation"] != 0 || tot.WorkersCongress != 1 || tot.Delegates != 20 ||
		tot.WomenDelegates != 8 || tot.WageAgreements != 1 || tot.WageCovered != 90 || tot.CoveredEmployers != 6 ||
		tot.CoveredMembers != 1 || tot.ElectionsDue != 1 {
		t.Errorf("survey totals: %+v", tot)
	}
	if sy := SurveyYear(2026); sy.First() != 20251001 || sy.Last() != 20260930 {
		t.Errorf("survey year %s..%s", sy.First(), sy.Last())
	}
}
