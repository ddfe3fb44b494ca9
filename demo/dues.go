package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"unionbook/model"
	"unionbook/storage"
)

// HistoryMonths is how many months of dues the demo records: two years,
// ending with the reference month.
const HistoryMonths = 24

// duesSince is the first month of the demo's dues history.
func duesSince(today model.Date) model.Month { return today.Month().Add(-(HistoryMonths - 1)) }

// wages gives every member a wage base (2,000–12,000 yuan for most, by the
// kind of unit) from the later of joining and the start of the history,
// and about a third of them a raise a year later. It draws from its own
// random stream, so the roster is the same with or without it.
func wages(seed uint64, units []model.Unit, members []model.Member, since model.Month) {
	r := rand.New(rand.NewPCG(seed, 0x77616765)) // "wage"
	kind := make(map[uint64]*model.Unit, len(units))
	for i := range units {
		kind[units[i].ID] = &units[i]
	}
	for i := range members {
		m := &members[i]
		u := kind[m.UnitID]
		lo, hi := 2500.0, 9000.0
		switch {
		case u == nil:
		case u.UnionType == model.UnionJoint:
			lo, hi = 2000, 5000
		case u.Kind == 400 || u.Kind == 500:
			lo, hi = 4500, 12000
		case u.Kind == 200 || u.Kind == 300:
			lo, hi = 3500, 11000
		}
		// Skewed towards the lower end, in whole yuan.
		base := lo + (hi-lo)*math.Pow(r.Float64(), 1.6)
		if r.IntN(100) < 2 { // a few managers and specialists
			base = hi + r.Float64()*8000
		}
		from := max(m.JoinDate.Month(), since)
		m.Wages = []model.WageBase{{From: from, Base: model.Yuan(int64(base))}}
		if r.IntN(3) == 0 {
			raise := since.Add(12 + r.IntN(3)) // the new year's wage round
			if raise > from {
				m.Wages = append(m.Wages, model.WageBase{From: raise, Base: model.Yuan(int64(base * (1.03 + 0.07*r.Float64())))})
			}
		}
	}
}

// plannedBatch is a unit's batch as planned: its lines kept without
// pointers until it is written (two years of them are held at once: 2.4
// million lines at 100,000 members, which the collector need not scan).
type plannedBatch struct {
	storage.DuesBatch // without Lines
	lines             []plannedLine
}

// plannedLine is what a member of a planned batch pays.
type plannedLine struct {
	member uint64
	amount model.Money
}

// written is the batch as RecordBatch takes it.
func (b *plannedBatch) written() storage.DuesBatch {
	w := b.DuesBatch
	w.Lines = make([]storage.BatchLine, len(b.lines))
	for i, l := range b.lines {
		w.Lines[i] = storage.BatchLine{MemberID: l.member, Amount: l.amount}
	}
	return w
}

// duesAction is one dated write of the dues history.
type duesAction struct {
	date   model.Date
	seq    int // order among actions of the same date
	batch  *plannedBatch
	pay    *model.DuesPayment
	ledger *model.LedgerEntry
	// Dues settings (written first), a self-collecting unit's report, a
	// reminder to a member in arrears.
	unitTerm   *unitTerm
	memberTerm *memberTerm
	report     *model.CollectionReport
	reminder   *model.Reminder
	// reverse, when set, reverses a payment written by an earlier action
	// (the line of a batch, or the action's own payment) and may pay again.
	reverse *reversal
}

type reversal struct {
	of     int  // seq of the action whose payment or ledger entry is reversed
	entry  bool // reverses a manual ledger entry and enters it again, corrected
	line   int  // the line of a batch
	reason string
	repay  model.Money // when above 0, the member pays the months again with this amount
	// repayAll: the member pays the reversed payment's months again with
	// its amount (a batch line handed over again by the member)
	repayAll bool
	method   model.PayMethod
}

type unitTerm struct {
	unit uint64
	t    model.UnitDuesTerm
}

type memberTerm struct {
	member uint64
	t      model.MemberDuesTerm
}

// settings plans how the demo's units handle and reckon their dues: most
// village joint unions collect a fixed 5 or 10 yuan a month (定额); about
// one enterprise union in six collects its own dues and reports them
// (自收自管), one in eight is kept on its behalf (代管); a few members are
// exempt or pay a fixed amount. It draws from its own random stream.
func settings(seed uint64, units []model.Unit, members []model.Member, since model.Month) ([]unitTerm, []memberTerm) {
	r := rand.New(rand.NewPCG(seed, 0x7465726d)) // "term"
	var uts []unitTerm
	for i := range units {
		u := &units[i]
		t := model.UnitDuesTerm{From: since, Handling: model.HandlingFederation, Scheme: model.SchemeWage}
		switch {
		case u.UnionType == model.UnionJoint:
			if r.IntN(4) == 0 {
				continue
			}
			t.Scheme, t.Fixed = model.SchemeFixed, model.Yuan(int64(5+5*r.IntN(2)))
			t.Note = "村级联合工会按月定额收取"
		case u.Kind.IsEnterprise():
			switch n := r.IntN(24); {
			case n < 4:
				t.Handling, t.Note = model.HandlingSelf, "单独建账，自收自管，按季报送收缴情况"
			case n < 7:
				t.Handling, t.Note = model.HandlingKept, "经费由镇总工会代管"
			default:
				continue
			}
		default:
			continue
		}
		uts = append(uts, unitTerm{unit: u.ID, t: t})
	}
	var mts []memberTerm
	reasons := []string{"长期病休，经基层工会研究免缴", "家庭特别困难，免缴会费"}
	for i := range members {
		m := &members[i]
		from := max(since, m.JoinDate.Month().Add(1))
		switch n := r.IntN(1000); {
		case n < 4:
			mts = append(mts, memberTerm{member: m.ID, t: model.MemberDuesTerm{From: from, Kind: model.MemberExempt, Reason: reasons[r.IntN(len(reasons))]}})
		case n < 8:
			mts = append(mts, memberTerm{member: m.ID, t: model.MemberDuesTerm{From: from, Kind: model.MemberFixed, Fixed: model.Yuan(3), Reason: "灵活就业，无固定工资"}})
		}
	}
	return uts, mts
}

// calcOf is the demo's dues reckoning with the planned settings.
func calcOf(rules model.DuesRules, uts []unitTerm, mts []memberTerm) *model.DuesCalc {
	c := &model.DuesCalc{Rules: rules, Units: map[uint64]*model.UnitDues{}, Members: map[uint64]*model.MemberDues{}}
	for _, x := range uts {
		c.Units[x.unit] = &model.UnitDues{UnitID: x.unit, Terms: []model.UnitDuesTerm{x.t}}
	}
	for _, x := range mts {
		c.Members[x.member] = &model.MemberDues{MemberID: x.member, Terms: []model.MemberDuesTerm{x.t}}
	}
	return c
}

var reversalReasons = []string{
	"金额录入错误，冲正后重新登记",
	"重复登记",
	"缴费月份登记错误",
	"代扣金额有误，冲正后由本人补缴",
}

// history plans the dues and cash book of the demo: the dues settings,
// monthly or quarterly payroll batches from most units, quarterly payments
// by the members of village joint unions (a few of them short), quarterly
// reports from the units that collect their own, some members who stop
// paying (about 8% end up six or more months in arrears) and reminders to
// half of them, a few reversals, and the union's other income and
// spending. members[i].ID must be the stored IDs.
func history(seed uint64, p *model.Profile, units []model.Unit, members []model.Member, today model.Date) []duesAction {
	r := rand.New(rand.NewPCG(seed, 0x64756573)) // "dues"
	rules := p.DuesRules()
	since, last := p.DuesSince, today.Month()
	uts, mts := settings(seed, units, members, since)
	calc := calcOf(rules, uts, mts)
	byUnit := make(map[uint64][]*model.Member)
	for i := range members {
		byUnit[members[i].UnitID] = append(byUnit[members[i].UnitID], &members[i])
	}
	// Members who stop paying from some month on, and the odd month
	// someone misses.
	stop := make(map[uint64]model.Month)
	for i := range members {
		if r.IntN(1000) < 95 {
			stop[members[i].ID] = since.Add(2 + r.IntN(max(1, HistoryMonths-9)))
		}
	}
	pays := func(m *model.Member, mo model.Month) bool {
		if s, ok := stop[m.ID]; ok && mo >= s {
			return false
		}
		amt, st := calc.For(m).Month(mo)
		return st == model.OweDue && amt > 0
	}
	// paysOwn: a member of a unit that collects its own dues paid it month.
	paysOwn := func(m *model.Member, mo model.Month) bool {
		if s, ok := stop[m.ID]; ok && mo >= s {
			return false
		}
		amt, st := calc.For(m).Month(mo)
		return st == model.OweSelf && amt > 0
	}
	owed := func(m *model.Member, from, to model.Month) model.Money {
		return model.RestOf(calc.For(m), model.PaidView{}, from, to)
	}
	day := func(mo model.Month, lo, hi int) model.Date {
		return model.Date(int(mo)*100 + lo + r.IntN(hi-lo+1))
	}
	var acts []duesAction
	add := func(a duesAction) int {
		if a.date > today {
			return -1
		}
		a.seq = len(acts)
		acts = append(acts, a)
		return len(acts) - 1
	}
	for i := range uts {
		add(duesAction{date: 1, unitTerm: &uts[i]})
	}
	for i := range mts {
		add(duesAction{date: 1, memberTerm: &mts[i]})
	}
	// Reminders to half of those who stop paying, three months on.
	for i := range members {
		m := &members[i]
		if s, ok := stop[m.ID]; ok && r.IntN(2) == 0 && pays(m, s.Add(-1)) {
			how := model.ReminderHows[r.IntN(3)]
			add(duesAction{date: day(s.Add(3), 5, 25), reminder: &model.Reminder{MemberID: m.ID, How: how, Note: "提醒按时缴纳会费"}})
		}
	}
	nReversals := 4 + len(members)/1500
	quarterOf := func(mo model.Month) model.Month { return mo.Add(-((mo.MonthOfYear() - 1) % 3)) }
	for ui := range units {
		u := &units[ui]
		ms := byUnit[u.ID]
		if len(ms) == 0 {
			continue
		}
		if calc.Units[u.ID].TermFor(since).Handling == model.HandlingSelf {
			// The unit collects its own dues and reports each quarter.
			for q := quarterOf(since); q.Add(2) <= last; q = q.Add(3) {
				from := max(q, since)
				rep := &model.CollectionReport{UnitID: u.ID, From: from, To: q.Add(2), Date: day(q.Add(3), 3, 15)}
				for _, m := range ms {
					if r.IntN(100) < 4 {
						continue
					}
					for mo := from; mo <= rep.To; mo = mo.Add(1) {
						if paysOwn(m, mo) {
							rep.Paid += calc.For(m).Monthly(mo)
						}
					}
					if paysOwn(m, rep.To) {
						rep.Members++
					}
				}
				if rep.Paid > 0 {
					add(duesAction{date: rep.Date, report: rep})
				}
			}
			continue
		}
		if u.UnionType != model.UnionJoint {
			// A payroll batch for each month, handed over in the next; a
			// quarter of the units hand over each quarter.
			method := model.PayPayroll
			if r.IntN(10) == 0 {
				method = model.PayBank
			}
			payDay := 8 + r.IntN(10)
			span := 1
			if r.IntN(4) == 0 {
				span = 3
			}
			start := since
			if span == 3 {
				start = quarterOf(since)
			}
			for mo := start; mo <= last; mo = mo.Add(span) {
				from, to := max(mo, since), min(mo.Add(span-1), last)
				var lines []plannedLine
				for _, m := range ms {
					if r.IntN(1000) < 8 {
						continue
					}
					// The months owed from the first on, until the member stops.
					var amt model.Money
					for x := from; x <= to; x = x.Add(1) {
						if !pays(m, x) {
							if amt > 0 {
								break
							}
							continue
						}
						amt += calc.For(m).Monthly(x)
					}
					if amt > 0 {
						lines = append(lines, plannedLine{m.ID, amt})
					}
				}
				if len(lines) == 0 {
					continue
				}
				b := &plannedBatch{DuesBatch: storage.DuesBatch{UnitID: u.ID, From: from, To: to, Date: day(to.Add(1), payDay, payDay+3),
					Method: method, OneReceipt: p.BatchOneReceipt}, lines: lines}
				i := add(duesAction{date: b.Date, batch: b})
				if i >= 0 && r.IntN(len(units)*HistoryMonths) < nReversals/2 {
					add(duesAction{date: min(today, b.Date+3), reverse: &reversal{of: i, line: r.IntN(len(lines)), reason: reversalReasons[3],
						repayAll: true, method: model.PayCash}})
				}
			}
			continue
		}
		// Members of a village joint union pay in person each quarter for
		// the quarter's months they owe.
		for _, m := range ms {
			method := model.PayCash
			if r.IntN(10) < 4 {
				method = model.PayMobile
			}
			for q := quarterOf(since); q <= last; q = q.Add(3) {
				var from model.Month
				flush := func(to model.Month) {
					if from == 0 {
						return
					}
					amt := owed(m, from, to)
					pay := &model.DuesPayment{MemberID: m.ID, From: from, To: to, Amount: amt, Method: method}
					d := day(max(q, from), 3, 25)
					pay.Date = d
					// Short by up to half the last month: that month
					// stays owed with the rest.
					short := calc.For(m).Monthly(to) / 2
					i := add(duesAction{date: d, pay: pay})
					switch {
					case i >= 0 && r.IntN(len(members)) < nReversals && short > 0:
						wrong := *pay
						wrong.Amount = amt - short
						acts[i].pay = &wrong
						add(duesAction{date: min(today, d+2), reverse: &reversal{of: i, reason: reversalReasons[r.IntN(3)], repay: amt, method: method}})
					case i >= 0 && r.IntN(100) == 0 && short > 0:
						pay.Amount = amt - short
					}
					from = 0
				}
				for mo := q; mo <= min(q.Add(2), last); mo = mo.Add(1) {
					if mo >= since && pays(m, mo) {
						if from == 0 {
							from = mo
						}
						continue
					}
					flush(mo.Add(-1))
				}
				flush(min(q.Add(2), last))
			}
		}
	}
	offset := len(acts)
	plan := ledgerPlan(r, p, len(members), since, today)
	for j := range plan {
		plan[j].seq = offset + j
		if rv := plan[j].reverse; rv != nil {
			rv.of = offset + rv.of
		}
	}
	acts = append(acts, plan...)
	slices.SortStableFunc(acts, func(a, b duesAction) int {
		if a.date != b.date {
			return int(a.date - b.date)
		}
		return a.seq - b.seq
	})
	return acts
}

// accountOffice is where the demo books office costs: 50602 商品和服务支出
// of the 2021 chart.
const accountOffice = "50602"

// ledgerPlan is the union's other income and spending, in proportion to
// its size: funds allocated back by the district, subsidies, office costs,
// training, sports, publicity, festival consolation, subsidies to the
// grassroots unions, and one entry reversed and entered again.
func ledgerPlan(r *rand.Rand, p *model.Profile, members int, since model.Month, today model.Date) []duesAction {
	f := float64(members) / DefaultMembers
	yuan := func(lo, hi float64) model.Money {
		return model.Money(math.Round((lo + (hi-lo)*r.Float64()) * f * 100))
	}
	var acts []duesAction
	chart := model.DefaultChart() // a new database keeps the 2021 chart
	entry := func(mo model.Month, dayN int, account string, amt model.Money, who, memo string) {
		if amt <= 0 {
			return
		}
		a, _ := chart.Find(account)
		d := model.Date(int(mo)*100 + dayN)
		if d > today {
			return
		}
		acts = append(acts, duesAction{date: d, ledger: &model.LedgerEntry{
			Date: d, Direction: a.Direction, Account: account, Amount: amt, Counterparty: who, Memo: memo}})
	}
	for mo := since; mo <= today.Month(); mo = mo.Add(1) {
		m := mo.MonthOfYear()
		entry(mo, 26, accountOffice, yuan(6000, 12000), "青山镇总工会办公室", "办公用品、水电及通讯费")
		entry(mo, 20, "50502", yuan(3000, 8000), "", "基层工会业务培训及会议")
		if m%3 == 1 {
			entry(mo, 15, model.AccountAllocated, yuan(160000, 200000), HigherUnion, fmt.Sprintf("%d年第%d季度拨缴经费返还", mo.Year(), (m+2)/3))
			entry(mo, 18, "50101", yuan(20000, 40000), "青山镇职工学校", "职工技能培训")
		}
		if m%2 == 0 {
			entry(mo, 12, "50103", yuan(5000, 15000), "青山印务有限公司", "宣传栏及宣传资料")
		}
		switch m {
		case 1:
			entry(mo, 8, "40302", yuan(50000, 70000), HigherUnion, "元旦春节送温暖专项补助")
			entry(mo, 16, "50405", yuan(200000, 300000), "", "元旦春节送温暖慰问")
		case 3:
			entry(mo, 10, "40301", yuan(100000, 140000), HigherUnion, "上年经费回拨补助")
		case 4:
			entry(mo, 28, "50102", yuan(150000, 250000), "青山镇文化体育中心", "五一职工运动会")
		case 9:
			entry(mo, 10, "50405", yuan(80000, 120000), "", "中秋节困难职工慰问")
		case 10:
			entry(mo, 22, "50102", yuan(100000, 200000), "青山镇文化体育中心", "国庆职工文艺汇演")
		case 12:
			entry(mo, 20, "50801", yuan(350000, 450000), "各基层工会", "补助基层工会活动经费")
		}
	}
	// One office bill entered with the wrong amount, reversed and entered again.
	if len(acts) > 0 {
		i := slices.IndexFunc(acts, func(a duesAction) bool { return a.ledger.Account == accountOffice })
		if i >= 0 {
			acts = append(acts, duesAction{date: acts[i].date, reverse: &reversal{of: i, entry: true, reason: "金额录入错误"}})
		}
	}
	return acts
}

// historyWriter writes the planned actions in order, across as many
// transactions as the caller gives it batches. Of what it wrote it keeps
// only what a later reversal needs: the payments of the actions a reversal
// names and the manual entries; an action's plan is dropped once written.
type historyWriter struct {
	acts    []duesAction
	start   model.Date // the day the dues settings are written: the history's first
	day     model.Date // the day of the action last written, and how many of that day
	ofDay   int
	next    int
	needed  map[int]bool                // seqs of actions a reversal names
	pays    map[int][]model.DuesPayment // by seq: the needed actions' payments
	entries map[int]model.LedgerEntry   // by seq: the needed manual entries
}

func newHistoryWriter(acts []duesAction) *historyWriter {
	h := &historyWriter{acts: acts, needed: map[int]bool{}, pays: map[int][]model.DuesPayment{}, entries: map[int]model.LedgerEntry{}}
	for i := range acts {
		if rv := acts[i].reverse; rv != nil {
			h.needed[rv.of] = true
		}
	}
	return h
}

func (h *historyWriter) done() bool { return h.next >= len(h.acts) }

// clock is when the secretary wrote the next action: on its day, from
// nine in the morning, a minute after the day's action before (the dues
// settings on the history's first day), until ten at night. Its audit
// entry says so, so that a period's package and the Audit screen find it
// in its period, in the order it was written.
func (h *historyWriter) clock(a *duesAction) time.Time {
	d := a.date
	if d <= 1 {
		d = h.start
	}
	if d != h.day {
		h.day, h.ofDay = d, 0
	}
	h.ofDay++
	return time.Date(d.Year(), time.Month(d.MonthOfYear()), d.Day(), 9, 0, 0, 0, time.Local).Add(time.Duration(min(h.ofDay-1, 13*60-1)) * time.Minute)
}

// step writes the next action through the batch and says how many records
// it wrote, for the caller's measure of a transaction's size.
func (h *historyWriter) step(b *storage.Batch) (int, error) {
	a := &h.acts[h.next]
	h.next++
	if err := b.SetClock(h.clock(a)); err != nil {
		return 0, err
	}
	defer func() { a.batch, a.pay, a.ledger, a.report, a.reminder = nil, nil, nil, nil, nil }()
	switch {
	case a.batch != nil:
		ps, err := b.RecordBatch(a.batch.written())
		if err != nil {
			return 0, fmt.Errorf("demo batch unit %d %s: %w", a.batch.UnitID, a.batch.From, err)
		}
		if h.needed[a.seq] {
			h.pays[a.seq] = ps
		}
		return len(ps), nil
	case a.pay != nil:
		p := *a.pay
		if err := b.RecordPayment(&p); err != nil {
			return 0, fmt.Errorf("demo payment member %d %s: %w", p.MemberID, p.From, err)
		}
		if h.needed[a.seq] {
			h.pays[a.seq] = []model.DuesPayment{p}
		}
		return 1, nil
	case a.unitTerm != nil:
		return 1, b.SetUnitDuesTerm(a.unitTerm.unit, a.unitTerm.t)
	case a.memberTerm != nil:
		return 1, b.SetMemberDuesTerm(a.memberTerm.member, a.memberTerm.t)
	case a.report != nil:
		if err := b.AddCollectionReport(a.report); err != nil {
			return 0, fmt.Errorf("demo report unit %d %s: %w", a.report.UnitID, a.report.From, err)
		}
		return 1, nil
	case a.reminder != nil:
		x := *a.reminder
		x.Date = a.date
		return 1, b.AddReminder(&x)
	case a.ledger != nil:
		e := *a.ledger
		if err := b.AddLedgerEntry(&e); err != nil {
			return 0, fmt.Errorf("demo ledger %s %s: %w", e.Date, e.Account, err)
		}
		if h.needed[a.seq] {
			h.entries[a.seq] = e
		}
		return 1, nil
	case a.reverse != nil && a.reverse.entry:
		orig := h.entries[a.reverse.of]
		if orig.ID == 0 {
			return 0, nil
		}
		if _, err := b.ReverseLedgerEntry(orig.ID, a.date, a.reverse.reason); err != nil {
			return 0, fmt.Errorf("demo reversal of entry %d: %w", orig.ID, err)
		}
		again := model.LedgerEntry{Date: a.date, Direction: orig.Direction, Account: orig.Account,
			Amount: orig.Amount * 9 / 10, Counterparty: orig.Counterparty, Memo: orig.Memo}
		if err := b.AddLedgerEntry(&again); err != nil {
			return 0, fmt.Errorf("demo ledger re-entry: %w", err)
		}
		return 2, nil
	case a.reverse != nil:
		rv := a.reverse
		ps := h.pays[rv.of]
		if rv.line >= len(ps) {
			return 0, nil
		}
		orig := ps[rv.line]
		if _, err := b.ReversePayment(orig.ID, a.date, rv.reason); err != nil {
			return 0, fmt.Errorf("demo reversal of payment %d: %w", orig.ID, err)
		}
		repay := rv.repay
		if rv.repayAll {
			repay = orig.Amount
		}
		if repay > 0 {
			p := model.DuesPayment{MemberID: orig.MemberID, From: orig.From, To: orig.To, Amount: repay, Date: a.date, Method: rv.method}
			if err := b.RecordPayment(&p); err != nil {
				return 0, fmt.Errorf("demo repayment member %d: %w", p.MemberID, err)
			}
			return 2, nil
		}
		return 1, nil
	}
	return 0, nil
}
