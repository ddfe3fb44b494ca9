package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"unionbook/model"
	"unionbook/storage"
)

// The demo's organisation register. Generation (organise, called once
// from GenerateAt) gives each unit its survey items — identifiers, the
// date its union was formed, committees, the workers' congress, wage
// agreements and women workers' special contracts, 职工之家 and 职工书屋,
// union staff, the committee's election (a few of them due for 换届), the
// employers a village joint union covers — and each member the ACFTU data
// items (employment, household registration, skill level, card). Load then
// (writeOrg) registers the township's unorganised employers with their
// follow-up visits, two of which formed their unions (one this year), one
// closed; turns the members' recorded honours into honour records, gives
// the unit teams their 工人先锋号 and 五一劳动奖状, and flags the hardship files
// of model workers (困难劳模). Everything comes from the seed, on streams of
// its own, so the rest of the demo is as it was.

// organise sets the units' survey items and the members' data items.
func organise(seed uint64, us []model.Unit, ms []model.Member, today model.Date) {
	r := rand.New(rand.NewPCG(seed, 0x6f7267616e)) // "organ"
	first := map[uint64]model.Date{}
	for i := range ms {
		m := &ms[i]
		if d, ok := first[m.UnitID]; !ok || m.JoinDate < d {
			first[m.UnitID] = m.JoinDate
		}
		memberItems(r, m, today)
	}
	for i := range us {
		unitItems(r, &us[i], i, first[us[i].ID], today)
	}
}

// memberItems: employment follows the status, the household registration
// the migrant flag, a skill level for some workers, a card for most.
func memberItems(r *rand.Rand, m *model.Member, today model.Date) {
	m.Employment = model.EmployedOnPost
	if m.Status == model.StatusRetained && len(m.History) > 0 {
		switch m.History[len(m.History)-1].ReasonCode {
		case model.ReasonRetired:
			m.Employment = model.EmployedRetired
		default:
			m.Employment = model.EmployedJobless
		}
	}
	if m.Status == model.StatusActive && r.IntN(100) < 2 {
		m.Employment = model.EmployedLaidOff // laid off, waiting for a post: still a member
	}
	switch {
	case m.Migrant:
		m.Hukou = model.HukouRural
	case r.IntN(100) < 30:
		m.Hukou = model.HukouResident
	default:
		m.Hukou = model.HukouUrban
	}
	if r.IntN(100) < 25 {
		m.Skill = model.SkillLevels[2+r.IntN(3)] // mostly 三 to 五级
		if r.IntN(10) == 0 {
			m.Skill = model.SkillLevels[r.IntN(2)]
		}
	}
	if m.Education == "本科" || m.Education == "硕士" || m.Education == "博士" {
		if r.IntN(2) == 0 {
			m.Title = model.TitleLevels[r.IntN(3)]
		}
	}
	if r.IntN(100) < 85 {
		m.CardNo = fmt.Sprintf("GH%s%04d", m.JoinDate.String()[:4], r.IntN(10000))
		m.CardIssued = min(addDays(m.JoinDate, 14+r.IntN(60)), today)
		if !m.Status.InUnion() && len(m.History) > 0 && m.Status != model.StatusDeceased {
			m.CardReturned = max(m.History[len(m.History)-1].Date, m.CardIssued)
		}
	}
	if r.IntN(100) < 6 && m.JoinDate > 20100101 {
		m.JoinKind, m.FromUnion = model.JoinTransfer, one(r, receivingUnions)
	}
}

// unitItems sets one unit's survey items; i is its position, formed the
// day its first member joined (or earlier).
func unitItems(r *rand.Rand, u *model.Unit, i int, formed, today model.Date) {
	region := HomeRegion
	if len(u.CreditCode) == 18 {
		region = u.CreditCode[2:8]
	}
	u.RegionCode = region
	u.StatCode = region + fmt.Sprintf("%04d", i+1)
	u.UnionCredit = newCreditCode(r, "81", region)
	if formed == 0 || formed > today {
		formed = addDays(today, -365*(3+r.IntN(15)))
	}
	u.FormedOn = addDays(formed, -r.IntN(120))
	years := max(1, today.Year()-u.FormedOn.Year())
	since := func(least int) model.Date { // a day after the union was formed, not after today
		return min(today, addDays(u.FormedOn, least+r.IntN(max(1, 365*years-least))))
	}
	big := u.Employees >= 100
	add := func(k model.CommitteeKind, p float64) {
		if r.Float64() < p {
			c := model.Committee{Kind: k, Formed: since(30), Members: 3 + r.IntN(5)}
			if r.IntN(2) == 0 {
				c.Chair = u.Chair
			}
			u.Committees = append(u.Committees, c)
		}
	}
	switch {
	case u.Form.Joint():
		u.CoveredEmployers = 3 + r.IntN(13)
		add(model.CommitteeWomen, 0.8)
		add(model.CommitteeAudit, 0.9)
		add(model.CommitteeMediation, 0.5)
	default:
		add(model.CommitteeWomen, map[bool]float64{true: 0.9, false: 0.4}[u.Women >= 25])
		add(model.CommitteeAudit, map[bool]float64{true: 0.95, false: 0.6}[big])
		add(model.CommitteeLawWatch, map[bool]float64{true: 0.6, false: 0.2}[big])
		add(model.CommitteeMediation, map[bool]float64{true: 0.8, false: 0.3}[big])
		if u.Kind.IsEnterprise() {
			add(model.CommitteeProtection, map[bool]float64{true: 0.7, false: 0.25}[big])
		}
	}
	if u.WorkersCongress {
		d := max(15, min(u.Employees, u.Employees*(5+r.IntN(6))/100))
		if !big {
			d = min(u.Employees, 10+r.IntN(10))
		}
		u.CongressDelegates = d
		if u.Employees > 0 {
			u.CongressWomen = d * u.Women / u.Employees
		}
		u.CongressLast = max(u.FormedOn, addDays(model.NewDate(today.Year(), 1, 10), r.IntN(80)))
		if u.CongressLast > today {
			u.CongressLast = addDays(u.CongressLast, -365)
		}
		u.CongressLast = max(u.CongressLast, u.FormedOn)
	}
	if u.ContractSigned != 0 {
		u.ContractCovered = u.Employees * (85 + r.IntN(16)) / 100
	}
	if (u.Kind.IsEnterprise() || u.Form.Joint()) && r.Float64() < map[bool]float64{true: 0.75, false: 0.3}[u.ContractSigned != 0] {
		y := today.Year()
		if r.IntN(4) == 0 {
			y-- // last year's agreement, expired: due for renewal
		}
		u.WageSigned = max(u.FormedOn, addDays(model.NewDate(y, 1, 5), r.IntN(60)))
		if u.WageSigned > today {
			u.WageSigned = today
		}
		u.WageExpires = model.NewDate(u.WageSigned.Year(), 12, 31)
		u.WageCovered = u.Employees * (80 + r.IntN(21)) / 100
		u.WageRaiseBP = 250 + 50*r.IntN(8)
	}
	if _, ok := u.Committee(model.CommitteeWomen); ok && r.IntN(10) < 6 {
		// signed with the collective contract where there is one, else
		// within the last three years and a half (some due for renewal)
		u.WomenSigned, u.WomenExpires = u.ContractSigned, u.ContractExpires
		if u.WomenSigned == 0 {
			u.WomenSigned = max(since(60), addDays(today, -(30+r.IntN(3*365+150))))
			u.WomenExpires = addDays(u.WomenSigned, 3*365)
		}
	}
	switch x := r.IntN(100); {
	case x < 2 && big:
		u.HomeLevel = model.HomeProvince
	case x < 7:
		u.HomeLevel = model.HomeCity
	case x < 18:
		u.HomeLevel = model.HomeCounty
	}
	if u.HomeLevel != model.HomeNone {
		u.HomeYear = min(today.Year(), max(u.FormedOn.Year()+1, 2012+r.IntN(13)))
	}
	u.Bookhouse = r.IntN(100) < map[bool]int{true: 45, false: 12}[big]
	if u.Employees >= 500 {
		u.StaffFull = 1 + r.IntN(2)
	}
	u.StaffPart = min(u.Employees, 3+r.IntN(7))
	// The committee is elected every five years since the union was
	// formed; about one in ten is late.
	e := u.FormedOn
	for e.AddYears(5) <= today {
		e = e.AddYears(5)
	}
	if r.IntN(10) == 0 && e.AddYears(-1) > u.FormedOn {
		e = e.AddYears(-1) // the term ends within a year, or ended
	}
	u.ElectedOn = e
}

// Unorganised employers of the township: trade, business and size.
var (
	employerTrades = []string{"餐饮管理", "物流", "电子商务", "超市", "汽车维修", "家政服务", "快递", "装饰工程", "农业开发", "茶叶", "酒店", "建材贸易"}
	visitOutcomes  = []string{
		"向负责人宣讲工会法，同意研究", "负责人外出，留下建会资料", "职工有入会意愿，负责人尚在犹豫",
		"同意筹建工会，推荐筹备组人选", "已召开职工座谈会，准备会员大会",
	}
	closeReasons = []string{"企业已注销", "迁往外县经营"}
)

func writeOrg(b *storage.Batch, w World) error {
	if w.Today == 0 || len(w.Units) == 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(w.Seed, 0x6f7267)) // "org"
	today := w.Today
	visitors := []string{w.Profile.Operator, "王主席", "陈副主席"}
	town := strings.TrimSuffix(w.Profile.UnionName, "总工会")
	n := max(6, len(w.Units)/4)
	used := map[string]bool{}
	var ids []uint64
	for i := 0; i < n; i++ {
		name := ""
		for try := 0; name == "" || used[name]; try++ {
			name = town + one(r, tradeNames) + one(r, employerTrades) + "有限公司"
			if try > 20 {
				name = town + one(r, tradeNames) + strconv.Itoa(try) + one(r, employerTrades) + "有限公司"
			}
		}
		used[name] = true
		emp := 8 + r.IntN(90)
		e := model.Employer{
			Name: name, CreditCode: newCreditCode(r, "91", HomeRegion), Kind: 170, Employees: emp,
			Women: emp * (20 + r.IntN(50)) / 100, Migrant: emp * r.IntN(60) / 100,
			Contact: personName(r, r.IntN(3) == 0, true, "汉族"), Phone: mobile(r),
			Address:  town + one(r, roads) + strconv.Itoa(1+r.IntN(300)) + "号",
			Industry: "", Registered: addDays(today, -(30 + r.IntN(700))),
		}
		if err := b.CreateEmployer(&e); err != nil {
			return fmt.Errorf("employer %s: %w", e.Name, err)
		}
		ids = append(ids, e.ID)
		// most are visited, once to three times
		visits := r.IntN(4)
		d := e.Registered
		for v := 0; v < visits; v++ {
			d = addDays(d, 20+r.IntN(90))
			if d > today {
				break
			}
			next := model.Date(0)
			if r.IntN(3) > 0 {
				next = addDays(d, 30+r.IntN(60))
			}
			visit := model.OrganisingVisit{Date: d, By: one(r, visitors), Outcome: visitOutcomes[min(v+r.IntN(3), len(visitOutcomes)-1)], Next: next}
			if _, err := b.VisitEmployer(e.ID, visit); err != nil {
				return fmt.Errorf("visit %s: %w", e.Name, err)
			}
		}
	}
	// Two formed their unions — one last year, one this year — and one
	// closed down.
	for k, id := range ids[:min(3, len(ids))] {
		stored, err := b.Employer(id)
		if err != nil {
			return err
		}
		e := &stored
		// the visits end with the union or the closing: neither is dated
		// before the last of them
		after := e.Registered
		if v, ok := e.LastVisit(); ok {
			after = addDays(v.Date, 14)
		}
		switch k {
		case 0, 1:
			formed := addDays(model.NewDate(today.Year()-1+k, 1, 1), r.IntN(150))
			formed = min(max(formed, addDays(e.Registered, 30), after), today)
			u := model.UnitFromEmployer(e, formed)
			u.Chair = personName(r, r.IntN(2) == 0, true, "汉族")
			u.RegionCode, u.ElectedOn = HomeRegion, formed
			u.Committees = []model.Committee{{Kind: model.CommitteeWomen, Formed: formed}, {Kind: model.CommitteeAudit, Formed: formed}}
			u.StaffPart = 3
			if _, err := b.EmployerFormed(id, &u); err != nil {
				return fmt.Errorf("%s forms its union: %w", e.Name, err)
			}
		case 2:
			if _, err := b.EmployerGone(id, min(today, max(addDays(e.Registered, 200), after)), one(r, closeReasons)); err != nil {
				return err
			}
		}
	}
	return honoursFromRecords(b, r, w)
}

// honoursFromRecords turns each member's recorded honour into an honour
// record (title, level and awarding body read from the text), gives the
// units of 工人先锋号 members that team honour, some large units a 五一劳动奖状,
// and flags the open hardship files of model workers.
func honoursFromRecords(b *storage.Batch, r *rand.Rand, w World) error {
	today := w.Today
	pioneers := map[uint64]bool{}
	models := map[uint64]model.ModelWorkerLevel{}
	for i := range w.Members {
		m := &w.Members[i]
		if m.Honours == "" {
			continue
		}
		if m.Honours == "工人先锋号成员" {
			pioneers[m.UnitID] = true
			continue
		}
		h := honourOf(m.Honours, w.Profile.UnionName)
		h.MemberID = m.ID
		h.Year = min(today.Year(), m.JoinDate.Year()+1+r.IntN(max(1, today.Year()-m.JoinDate.Year())))
		if err := b.CreateHonour(&h); err != nil {
			return fmt.Errorf("honour of %s: %w", m.Name, err)
		}
		if l := model.ModelWorkerLevelOf([]model.Honour{h}); l != model.ModelNone && (models[m.ID] == model.ModelNone || l < models[m.ID]) {
			models[m.ID] = l
		}
	}
	unitIDs := make([]uint64, 0, len(pioneers))
	for id := range pioneers {
		unitIDs = append(unitIDs, id)
	}
	slices.Sort(unitIDs)
	for _, id := range unitIDs {
		h := model.Honour{UnitID: id, Title: model.HonourPioneer, Level: model.LevelCity, Year: today.Year() - r.IntN(4), Body: "福州市总工会"}
		if err := b.CreateHonour(&h); err != nil {
			return err
		}
	}
	for i := range w.Units {
		u := &w.Units[i]
		if u.Employees >= 300 && r.IntN(4) == 0 {
			h := model.Honour{UnitID: u.ID, Title: model.HonourMayDayAward, Level: model.LevelCity, Year: today.Year() - 1 - r.IntN(5), Body: "福州市总工会"}
			if err := b.CreateHonour(&h); err != nil {
				return err
			}
		}
	}
	// 困难劳模: a model worker's open hardship file says so
	memberIDs := make([]uint64, 0, len(models))
	for id := range models {
		memberIDs = append(memberIDs, id)
	}
	slices.Sort(memberIDs)
	for _, id := range memberIDs {
		f, ok, err := b.OpenHardshipFile(id)
		if err != nil {
			return err
		}
		if ok {
			f.ModelWorker = models[id]
			if err := b.UpdateHardshipFile(&f); err != nil {
				return err
			}
		}
	}
	return nil
}

// honourOf reads the demo's honour texts ("福州市劳动模范") into an honour.
func honourOf(text, union string) model.Honour {
	h := model.Honour{Title: model.HonourOther, Name: text, Level: model.LevelLocal, Body: union}
	switch {
	case strings.HasSuffix(text, "劳动模范"):
		h.Title, h.Name = model.HonourModelWorker, ""
	case strings.HasSuffix(text, "五一劳动奖章"):
		h.Title, h.Name = model.HonourMayDayMedal, ""
	}
	switch {
	case strings.HasPrefix(text, "福建省"):
		h.Level, h.Body = model.LevelProvince, map[bool]string{true: "福建省人民政府", false: "福建省总工会"}[h.Title == model.HonourModelWorker]
	case strings.HasPrefix(text, "福州市"):
		h.Level, h.Body = model.LevelCity, map[bool]string{true: "福州市人民政府", false: "福州市总工会"}[h.Title == model.HonourModelWorker]
	case strings.HasPrefix(text, "晋安区"):
		h.Level, h.Body = model.LevelCounty, "晋安区人民政府"
	}
	return h
}
