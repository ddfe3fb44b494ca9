// Package demo makes a realistic, deterministic township union federation
// (青山镇总工会) for trying the program out and for benchmarks: grassroots
// units with valid credit codes and plausible headcounts, and members with
// valid, distinct resident ID numbers, phones, join dates and a consistent
// membership history. Generation is pure; Load writes the result into an
// empty store in one transaction.
package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// The default township has the size of the example in DOMAIN.md.
const (
	DefaultUnits   = 78
	DefaultMembers = 7520
	DefaultSeed    = 1
)

// Reference is the "today" of Generate, for tests and benchmarks: every
// date lies on or before it, so the same seed gives the same data whenever
// they run. It is the end of a union statistical year (1 Oct - 30 Sep). Load
// without Options.Today uses LastMonthEnd of the real date instead, so a
// demo loaded by a user looks current.
var Reference = model.NewDate(2026, time.September, 30)

// Town names the federation of the default seed; other seeds take their
// town from Towns, so several demo townships can be merged into one district.
const (
	Town        = "青山镇"
	HomeRegion  = "350111" // 福州市晋安区
	HigherUnion = "福州市晋安区总工会"
)

var cst = time.FixedZone("CST", 8*3600)

// Options configure Load.
type Options struct {
	Seed    uint64
	Units   int        // 0 means DefaultUnits
	Members int        // 0 means DefaultMembers
	Today   model.Date // 0 means the last day of the month before the real date
}

// Load fills an empty store with a generated township and two years of
// dues and cash book (see history). A store that already holds data is
// refused with the demo.not_empty error and left untouched.
//
// The default township (about 125,000 payments) is written in one
// transaction. A larger one is written in transactions of about txRecords
// records each (more beyond txScale members), because one transaction
// holds everything it writes in memory until it commits (2.4 million payments took 1.7 GB): the first
// marks the database as loading the demo, the last (with the later
// features' generators) removes the mark. Should the load be interrupted
// in between, the database holds whole records but only part of the demo:
// the check reports it, and the next Load empties it and starts again.
func Load(s *storage.Store, opts Options) error {
	if opts.Units <= 0 {
		opts.Units = DefaultUnits
	}
	if opts.Members < 0 {
		opts.Members = 0
	} else if opts.Members == 0 {
		opts.Members = DefaultMembers
	}
	if opts.Today == 0 {
		opts.Today = LastMonthEnd(model.Today())
	}
	if name, err := s.InterruptedLoad(); err != nil {
		return err
	} else if name == loadName {
		if err := s.ResetInterruptedLoad(loadName); err != nil {
			return err
		}
	}
	empty, err := s.IsEmpty()
	if err != nil {
		return err
	}
	if !empty {
		return i18n.E("demo.not_empty")
	}
	p, units, members := GenerateAt(opts.Seed, opts.Units, opts.Members, opts.Today)
	s.HoldMembers() // each transaction pays the same members again
	defer s.ReleaseMembers()
	perTx := txRecords * max(1, len(members)/txScale)
	ids := make([]uint64, len(units))
	next := 0 // the next member to write
	var hist *historyWriter
	first, done := true, false
	for ; !done; first = false {
		err := s.Bulk(p.Operator, func(b *storage.Batch) error {
			records := 0
			if first {
				if err := b.MarkLoading(loadName); err != nil {
					return err
				}
				if err := b.MarkDemo(); err != nil { // the header says 演示数据
					return err
				}
				// The profile first: the dues rules apply to the payments below.
				if err := b.SaveProfile(p); err != nil {
					return fmt.Errorf("demo profile: %w", err)
				}
				for i := range units {
					u := units[i]
					u.ID = 0
					if err := b.CreateUnit(&u); err != nil {
						return fmt.Errorf("demo unit %d %s: %w", i+1, u.Name, err)
					}
					ids[i] = u.ID
				}
			}
			for ; next < len(members) && records < perTx; next++ {
				m := members[next]
				m.UnitID = ids[m.UnitID-1]
				if err := b.CreateMember(&m); err != nil {
					return fmt.Errorf("demo member %d %s: %w", next+1, m.Name, err)
				}
				members[next].ID, members[next].UnitID = m.ID, m.UnitID
				records += memberRecords
			}
			if next < len(members) {
				return nil
			}
			if hist == nil {
				for i := range units {
					units[i].ID = ids[i]
				}
				hist = newHistoryWriter(history(opts.Seed, &p, units, members, opts.Today))
				hist.start = duesSince(opts.Today).First()
			}
			for !hist.done() && records < perTx {
				n, err := hist.step(b)
				if err != nil {
					return err
				}
				records += n
			}
			if !hist.done() {
				return nil
			}
			// the later features' records are written as today
			if err := b.SetClock(time.Time{}); err != nil {
				return err
			}
			for _, x := range generators {
				if err := x.write(b, World{Seed: opts.Seed, Profile: p, Units: units, Members: members, Today: opts.Today}); err != nil {
					return fmt.Errorf("demo %s: %w", x.name, err)
				}
			}
			done = true
			return b.DoneLoading()
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// loadName marks a database while Load runs in several transactions.
const loadName = "demo"

// txRecords is the size of one of Load's transactions, in payments (a
// batch counts its lines): about 150 MB of memory until it commits. The
// default township (7,520 members and 120,000 payments) fits in one; the
// 100,000-member one takes ten and peaks at about 500 MB instead of 1.7 GB.
var txRecords = 200_000

// txScale is the township size beyond which a transaction grows with it:
// each of Load's transactions touches most pages of the trees kept by
// member (a month's batches reach every unit), so a fixed size made the
// load quadratic. At 300,000 members, 600,000 records a transaction took
// 52 s against 57 s at 200,000, with the same peak memory; at 100,000,
// 400,000 took longer than 200,000 (docs/benchmarks.md).
const txScale = 100_000

// memberRecords is what a member weighs against a payment: the record,
// its indexes and its audit entry.
const memberRecords = 4

// World is the generated township that later features add their records to.
type World struct {
	Seed    uint64
	Profile model.Profile
	Units   []model.Unit   // with their stored IDs
	Members []model.Member // with their stored IDs and unit IDs
	Today   model.Date
}

type extra struct {
	name  string
	write func(b *storage.Batch, w World) error
}

// generators are the later features' demo data, each in its own file of
// this package, written in this order in Load's last transaction, after
// the units, the members and their dues. A generator must be
// deterministic for a given World; a new feature adds its line here. The
// books come last: closing a year freezes what the others posted to it.
var generators = []extra{
	{"cases", writeCases},       // cases.go
	{"events", writeEvents},     // events.go
	{"hardship", writeHardship}, // hardship.go
	{"organisation", writeOrg},  // org.go
	{"books", writeBooks},       // books.go
}

// Generate makes a township with units grassroots units (about 22% of them
// village joint unions) and members members, dated on or before Reference.
// The same arguments always give the same result. Units carry IDs 1..n (their
// position) and members' UnitID refers to those; member IDs and numbers are
// left for the store to assign. Without units there are no members.
func Generate(seed uint64, units, members int) (model.Profile, []model.Unit, []model.Member) {
	return GenerateAt(seed, units, members, Reference)
}

// GenerateAt is Generate with another reference date.
func GenerateAt(seed uint64, units, members int, today model.Date) (model.Profile, []model.Unit, []model.Member) {
	g := &gen{
		town:  TownFor(seed),
		r:     rand.New(rand.NewPCG(seed, 0x756e696f6e626f6f)),
		today: toTime(today),
		ids:   make(map[string]struct{}, max(members, 0)),
		names: map[string]bool{},
		codes: map[string]bool{},
	}
	p := g.profile()
	p.DuesSince = duesSince(today)
	specs := g.units(max(units, 0))
	g.allocate(specs, max(members, 0))
	us := make([]model.Unit, len(specs))
	ms := make([]model.Member, 0, max(members, 0))
	for i, sp := range specs {
		first := len(ms)
		for j := 0; j < sp.members; j++ {
			ms = append(ms, g.member(sp, uint64(i+1), p.Operator))
		}
		us[i] = g.finishUnit(sp, ms[first:])
		us[i].ID = uint64(i + 1)
	}
	wages(seed, us, ms, p.DuesSince)
	organise(seed, us, ms, today) // demo/org.go
	return p, us, ms
}

type gen struct {
	town  string
	r     *rand.Rand
	today time.Time
	ids   map[string]struct{}
	names map[string]bool
	codes map[string]bool
}

func toTime(d model.Date) time.Time {
	return time.Date(d.Year(), time.Month(d.MonthOfYear()), d.Day(), 0, 0, 0, 0, time.UTC)
}

func fromTime(t time.Time) model.Date { return model.NewDate(t.Date()) }

// between is a uniformly random day in [a, b] (a when b is earlier).
func (g *gen) between(a, b time.Time) time.Time {
	days := int(b.Sub(a).Hours() / 24)
	if days <= 0 {
		return a
	}
	return a.AddDate(0, 0, g.r.IntN(days+1))
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) profile() model.Profile {
	return model.Profile{
		UnionName:   g.town + "总工会",
		Code:        newCreditCode(g.r, "81", HomeRegion),
		HigherUnion: HigherUnion,
		DuesRateBP:  50,
		MinLiving:   model.Yuan(850),
		Operator:    one(g.r, operatorCandidates),
		// Dues: the usual 10-yuan unit and the charter's six months; the
		// enterprises hand over payroll deductions with one receipt.
		DuesTruncUnit:   model.Yuan(10),
		ArrearsMonths:   6,
		BatchOneReceipt: true,
	}
}

// unitSpec is a unit being generated, with what its members depend on.
type unitSpec struct {
	u          model.Unit
	target     float64 // intended employees; members are allocated in proportion
	rate       float64 // share of employees who are members
	womenShare float64
	migrants   float64 // share of members who are migrant workers
	jobs       []string
	members    int
}

func (sp *unitSpec) minEmployees() int {
	if sp.u.UnionType == model.UnionJoint {
		return 50
	}
	return 20
}

func (g *gen) unique(name string) bool {
	if g.names[name] {
		return false
	}
	g.names[name] = true
	return true
}

func (g *gen) code(prefix string) string {
	for {
		c := newCreditCode(g.r, prefix, HomeRegion)
		if !g.codes[c] {
			g.codes[c] = true
			return c
		}
	}
}

func (g *gen) address() string {
	if g.chance(0.3) {
		return g.town + "工业园区" + strconv.Itoa(1+g.r.IntN(60)) + "号"
	}
	return g.town + one(g.r, roads) + strconv.Itoa(1+g.r.IntN(300)) + "号"
}

// units lays out the township: about 78% single grassroots unions
// (mostly private firms, some state-owned and collective ones, firms with
// Hong Kong/Taiwan or foreign capital, schools, the health centre and the
// township government) and 22% village joint unions.
func (g *gen) units(n int) []*unitSpec {
	villages := int(math.Round(float64(n) * 17 / 78))
	singles := n - villages
	share := func(k float64) int { return int(math.Round(float64(singles) * k / 61)) }
	var specs []*unitSpec
	inst := institutions[:min(len(institutions), share(5))]
	state := stateFirms[:min(len(stateFirms), share(4))]
	for _, in := range append(append([]institution{}, inst...), state...) {
		if len(specs) == singles {
			break
		}
		specs = append(specs, g.institution(in))
	}
	kinds := make([]model.UnitKind, 0, singles)
	for range share(4) {
		kinds = append(kinds, 200)
	}
	for range share(3) {
		kinds = append(kinds, 300)
	}
	for len(specs)+len(kinds) < singles {
		kinds = append(kinds, 170)
	}
	for _, k := range kinds[:max(0, singles-len(specs))] {
		specs = append(specs, g.enterprise(k))
	}
	for i := 0; i < villages; i++ {
		specs = append(specs, g.village(i))
	}
	g.r.Shuffle(len(specs), func(i, j int) { specs[i], specs[j] = specs[j], specs[i] })
	return specs
}

func (g *gen) institution(in institution) *unitSpec {
	g.unique(in.name + "工会")
	prefix := "12"
	if in.kind == 500 {
		prefix = "11"
	} else if in.kind < 400 {
		prefix = "91"
	}
	sp := &unitSpec{
		u: model.Unit{
			Name: in.name + "工会", CreditCode: g.code(prefix), Kind: model.UnitKind(in.kind),
			UnionType: model.UnionSingle, Address: g.address(),
		},
		target:     float64(in.min + g.r.IntN(in.max-in.min+1)),
		rate:       0.92 + 0.08*g.r.Float64(),
		womenShare: 0.35 + 0.35*g.r.Float64(),
		migrants:   0.02,
		jobs:       in.jobs,
	}
	if in.kind < 400 {
		sp.rate = 0.80 + 0.15*g.r.Float64()
		sp.migrants = 0.15 + 0.2*g.r.Float64()
		sp.womenShare = 0.2 + 0.3*g.r.Float64()
	}
	return sp
}

// enterpriseSize draws a headcount between 20 and 1,500, most firms small.
func (g *gen) enterpriseSize() float64 {
	u := g.r.Float64()
	return 20 * math.Pow(75, math.Pow(u, 4.5))
}

func (g *gen) enterprise(kind model.UnitKind) *unitSpec {
	ind := industries[g.r.IntN(len(industries))]
	var name string
	for try := 0; ; try++ {
		prefix := g.town
		switch x := g.r.IntN(10); {
		case x < 2:
			prefix = "福州"
		case x < 3:
			prefix = "福建"
		}
		trade := one(g.r, tradeNames)
		if try >= 20 { // the simple names are running out
			trade += one(g.r, tradeNames)
		}
		name = prefix + trade + ind.name + companyForms.pick(g.r) + "工会"
		if g.unique(name) {
			break
		}
	}
	size := g.enterpriseSize()
	if kind == 200 || kind == 300 {
		size = math.Min(1500, size*1.5+40)
	}
	return &unitSpec{
		u: model.Unit{
			Name: name, CreditCode: g.code("91"), Kind: kind,
			UnionType: model.UnionSingle, Address: g.address(),
		},
		target:     size,
		rate:       0.72 + 0.25*g.r.Float64(),
		womenShare: math.Min(0.9, math.Max(0.08, ind.womenShare+0.03+0.2*(g.r.Float64()-0.5))),
		migrants:   0.2 + 0.4*g.r.Float64(),
		jobs:       ind.typicalJobs,
	}
}

var numerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

func (g *gen) village(i int) *unitSpec {
	var v string
	if i < len(villageNames) {
		v = villageNames[(i*7)%len(villageNames)]
	}
	for try := 0; v == "" || !g.unique(g.town+v+"村联合工会"); try++ {
		v = one(g.r, villageNames)
		if try >= 10 { // 东岭一村, 东岭二村 …
			v += numerals[g.r.IntN(len(numerals))]
		}
		if try >= 1000 {
			v += strconv.Itoa(try)
		}
	}
	return &unitSpec{
		u: model.Unit{
			Name: g.town + v + "村联合工会", CreditCode: g.code("54"),
			Form: model.FormVillage, UnionType: model.UnionJoint, Address: g.town + v + "村村民委员会",
		},
		target:     50 + 250*math.Pow(g.r.Float64(), 2),
		rate:       0.55 + 0.3*g.r.Float64(),
		womenShare: 0.4 + 0.2*g.r.Float64(),
		migrants:   0.25 + 0.3*g.r.Float64(),
		jobs:       villageJobs,
	}
}

// allocate shares members among units in proportion to their intended
// headcounts (largest remainder). When there are enough members, each unit
// first gets what its smallest plausible headcount implies, so that no unit
// ends up with a handful of members among many employees.
func (g *gen) allocate(specs []*unitSpec, members int) {
	if len(specs) == 0 {
		return
	}
	base := make([]int, len(specs))
	weight := make([]float64, len(specs))
	sumBase := 0
	for i, sp := range specs {
		base[i] = int(float64(sp.minEmployees()) * sp.rate)
		weight[i] = math.Max(0.5, sp.target-float64(sp.minEmployees())) * sp.rate
		sumBase += base[i]
	}
	if sumBase > members {
		for i, sp := range specs {
			base[i] = 0
			if members >= len(specs) {
				base[i] = 1
			}
			weight[i] = sp.target * sp.rate
		}
	}
	total, given := 0.0, 0
	for i := range specs {
		total += weight[i]
		given += base[i]
	}
	rest := members - given
	rems := make([]float64, len(specs))
	for i, sp := range specs {
		exact := float64(rest) * weight[i] / total
		sp.members = base[i] + int(exact)
		given += int(exact)
		rems[i] = exact - math.Floor(exact)
	}
	// The largest remainders get one more (ties: the earlier unit).
	for ; given < members; given++ {
		best := 0
		for j := range rems {
			if rems[j] > rems[best] {
				best = j
			}
		}
		specs[best].members++
		rems[best] = -1
	}
}

// finishUnit sets the headcounts from the unit's members, and the chair,
// phone, collective contract and democratic-management flags.
func (g *gen) finishUnit(sp *unitSpec, members []model.Member) model.Unit {
	u := sp.u
	women, migrants := 0, 0
	for i := range members {
		if members[i].Gender == model.Female {
			women++
		}
		if members[i].Migrant {
			migrants++
		}
	}
	// Employees follow from members and the membership rate, within the
	// unit's plausible range unless there are more members than that.
	u.Employees = int(math.Ceil(float64(len(members)) / sp.rate))
	u.Employees = max(sp.minEmployees(), len(members), min(u.Employees, max(1500, len(members))))
	others := u.Employees - len(members)
	u.Women = min(u.Employees, women+int(math.Round(float64(others)*sp.womenShare)))
	u.MigrantWorkers = min(u.Employees, migrants+int(math.Round(float64(others)*sp.migrants*1.2)))

	// The chair is usually one of the unit's own active members over 30.
	u.Chair = ""
	for try := 0; try < 20 && len(members) > 0 && u.Chair == ""; try++ {
		m := &members[g.r.IntN(len(members))]
		if m.Status == model.StatusActive && m.Birth.YearsUntil(fromTime(g.today)) >= 30 {
			u.Chair = m.Name
		}
	}
	if u.Chair == "" {
		u.Chair = personName(g.r, g.chance(0.4), true, "汉族")
	}
	if u.UnionType == model.UnionJoint || g.chance(0.4) {
		u.Phone = mobile(g.r)
	} else {
		u.Phone = landline(g.r)
	}

	big := u.Employees >= 100
	switch {
	case u.Kind.IsEnterprise():
		p := 0.3
		if u.Employees >= 25 {
			p = 0.7
		}
		if g.chance(p) {
			g.contract(&u)
		}
		u.WorkersCongress = g.chance(map[bool]float64{true: 0.9, false: 0.45}[big])
		u.OpenAffairs = g.chance(map[bool]float64{true: 0.92, false: 0.5}[big])
	case u.UnionType == model.UnionJoint:
		if g.chance(0.4) { // regional collective contract (区域性集体合同)
			g.contract(&u)
		}
		u.WorkersCongress = g.chance(0.3)
		u.OpenAffairs = g.chance(0.6)
	default: // public institutions and the township government
		u.WorkersCongress = g.chance(0.9)
		u.OpenAffairs = g.chance(0.9)
	}
	return u
}

// contract signs a three-year collective contract some time in the last four
// years, so that some have expired and await renewal.
func (g *gen) contract(u *model.Unit) {
	signed := g.today.AddDate(0, 0, -(30 + g.r.IntN(1430)))
	u.ContractSigned = fromTime(signed)
	u.ContractExpires = fromTime(signed.AddDate(3, 0, -1))
}

// member makes one member of the unit.
func (g *gen) member(sp *unitSpec, unitID uint64, operator string) model.Member {
	r := g.r
	female := g.chance(sp.womenShare)
	gender := model.Male
	if female {
		gender = model.Female
	}
	migrant := g.chance(sp.migrants)
	var reg region
	switch x := r.Float64(); {
	case migrant && x < 0.25, !migrant && x < 0.85:
		reg = localAreas.pick(r)
	case migrant && x < 0.40, !migrant && x < 0.95:
		reg = fujianAreas.pick(r)
	default:
		reg = otherAreas.pick(r)
	}
	eth := reg.ethnicity.pick(r)

	// Age 18–62 at the reference date, peaked around 40; migrant workers
	// younger.
	var age int
	if migrant {
		age = 18 + int(40*(r.Float64()+r.Float64())/2)
	} else {
		age = 18 + int(45*(r.Float64()+r.Float64())/2)
	}
	age = min(age, 62)
	// Born between (today − age − 1 years, today − age years].
	hi := g.today.AddDate(-age, 0, 0)
	birth := g.between(g.today.AddDate(-age-1, 0, 1), hi)
	birthDate := fromTime(birth)

	id := g.idNumber(reg.code, birthDate, female)

	m := model.Member{
		Name:      personName(r, female, reg.fujian, eth),
		Gender:    gender,
		Ethnicity: eth,
		DocType:   model.DocResidentID,
		IDNumber:  id,
		Birth:     birthDate,
		UnitID:    unitID,
		Job:       one(r, sp.jobs),
		Migrant:   migrant,
		Status:    model.StatusActive,
	}
	if r.IntN(100) < 8 {
		m.Job = one(r, officeJobs)
		if sp.u.UnionType == model.UnionJoint || !sp.u.Kind.IsEnterprise() {
			m.Job = one(r, sp.jobs)
		}
	}
	if r.IntN(100) < 98 {
		m.Phone = mobile(r)
	}
	m.Education = g.education(sp, age, migrant)
	m.Political = g.political(sp, age)
	if r.IntN(1000) < 15 {
		m.Honours = honours.pick(r)
	}

	// Joined after turning 18, since 1995, a month or more ago, more of
	// them recently (membership drives among migrant workers).
	start := birth.AddDate(18, 0, 0)
	if floor := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC); start.Before(floor) {
		start = floor
	}
	end := g.today.AddDate(0, 0, -30)
	join := start
	if end.After(start) {
		days := end.Sub(start).Hours() / 24
		join = start.AddDate(0, 0, int(days*math.Pow(r.Float64(), 0.6)))
	}
	m.JoinDate = fromTime(join)

	g.history(&m, age, female, birth, join, reg, operator)
	return m
}

// idNumber makes a distinct resident ID number: region, birth date, a
// sequence whose last digit is odd for men and even for women, check.
func (g *gen) idNumber(region string, birth model.Date, female bool) string {
	for {
		seq := 1 + 2*g.r.IntN(500) // 001–999, odd
		if female {
			seq = 2 + 2*g.r.IntN(499) // 002–998, even
		}
		id := residentID(region + strconv.Itoa(int(birth)) + fmt.Sprintf("%03d", seq))
		if _, dup := g.ids[id]; !dup {
			g.ids[id] = struct{}{}
			return id
		}
	}
}

var (
	eduEnterprise = newWeighted[string]("小学", 6, "初中", 30, "高中/中专", 32, "大专", 18, "本科", 12, "硕士", 2)
	eduOlder      = newWeighted[string]("小学", 18, "初中", 40, "高中/中专", 28, "大专", 9, "本科", 5)
	eduPublic     = newWeighted[string]("高中/中专", 4, "大专", 22, "本科", 60, "硕士", 13, "博士", 1)
	eduVillage    = newWeighted[string]("小学", 20, "初中", 42, "高中/中专", 26, "大专", 8, "本科", 4)
)

func (g *gen) education(sp *unitSpec, age int, migrant bool) string {
	switch {
	case sp.u.Kind == 400 || sp.u.Kind == 500:
		return eduPublic.pick(g.r)
	case sp.u.UnionType == model.UnionJoint:
		return eduVillage.pick(g.r)
	case age >= 48 || (migrant && g.chance(0.3)):
		return eduOlder.pick(g.r)
	}
	return eduEnterprise.pick(g.r)
}

func (g *gen) political(sp *unitSpec, age int) string {
	party := 0.06
	switch sp.u.Kind {
	case 500:
		party = 0.6
	case 400:
		party = 0.3
	case 110, 120:
		party = 0.18
	}
	x := g.r.Float64()
	switch {
	case x < party:
		return "中共党员"
	case x < party+0.005:
		return "中共预备党员"
	case sp.u.Kind == 400 && x < party+0.03:
		return "民主党派"
	case age <= 28 && x < party+0.4:
		return "共青团员"
	}
	return "群众"
}

// history gives some members a membership change: retired members keep
// their membership (保留会籍), some moved on (转出), left, were expelled or
// died. Each change is dated after joining and carries a reason.
func (g *gen) history(m *model.Member, age int, female bool, birth, join time.Time, reg region, operator string) {
	r := g.r
	if !g.today.After(join.AddDate(0, 0, 1)) {
		return
	}
	retireAge := 60
	if female {
		retireAge = 50
	}
	var c model.StatusChange
	var when time.Time
	x := r.Float64()
	switch {
	case age >= retireAge && x < 0.45:
		c = model.StatusChange{To: model.StatusRetained, ReasonCode: model.ReasonRetired, Reason: one(r, retireReasons)}
		when = birth.AddDate(retireAge, 0, 0)
	case x < 0.015:
		c = model.StatusChange{To: model.StatusRetained, ReasonCode: model.ReasonJobless, Reason: one(r, unemployedReasons)}
	case x < 0.055:
		c = model.StatusChange{To: model.StatusTransferred, ReasonCode: model.ReasonEmployment, Reason: one(r, transferReasons), ToUnion: one(r, receivingUnions)}
		if !reg.fujian && r.IntN(3) == 0 {
			c.Reason = transferReasons[2]
			c.ToUnion = reg.homeUnions
		}
	case x < 0.07:
		c = model.StatusChange{To: model.StatusLeft, ReasonCode: model.ReasonOwnRequest, Reason: one(r, leftReasons)}
	case x < 0.072:
		c = model.StatusChange{To: model.StatusExpelled, ReasonCode: model.ReasonCrime, Reason: one(r, expelledReasons)}
	case x < 0.075 || (age >= 50 && x < 0.09):
		c = model.StatusChange{To: model.StatusDeceased, Reason: one(r, deceasedReasons)}
	default:
		return
	}
	first := join.AddDate(0, 0, 1)
	if when.IsZero() || !when.After(join) || when.After(g.today) {
		when = g.between(first, g.today)
	}
	c.Date = fromTime(when)
	if c.To == model.StatusExpelled { // the charter's ground, reported a week later
		c.Ground = "人民法院刑事判决（" + c.Date.String() + "前生效）"
		c.ReportedOn = min(c.Date.AddDays(7), fromTime(g.today))
	}
	c.From = model.StatusActive
	c.Operator = operator
	c.At = time.Date(when.Year(), when.Month(), when.Day(), 9+r.IntN(8), r.IntN(60), 0, 0, cst)
	m.History = []model.StatusChange{c}
	m.Status = c.To
}

// Towns are the demo federations' towns, by seed.
var Towns = []string{"青山镇", "白沙镇", "红星街道", "石门镇", "河口镇", "桃源街道", "东湖镇", "金山街道"}

// TownFor is the town of a seed: the default seed's is Town.
func TownFor(seed uint64) string {
	if seed == DefaultSeed || seed == 0 {
		return Town
	}
	return Towns[seed%uint64(len(Towns))]
}

// LastMonthEnd is the "today" of a demo loaded on day d: the last day of the
// month before, so the demo's books run up to the last month whose dues are
// due and look current whenever it is loaded. The same seed on the same day
// gives the same township.
func LastMonthEnd(d model.Date) model.Date { return d.Month().Add(-1).Last() }
