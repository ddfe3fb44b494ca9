package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

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

// duesAction is one dated write of the dues history.
type duesAction struct {
	date   model.Date
	seq    int // order among actions of the same date
	batch  *storage.DuesBatch
	pay    *model.DuesPayment
	ledger *model.LedgerEntry
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
	method model.PayMethod
}

var reversalReasons = []string{
	"金额录入错误，冲正后重新登记",
	"重复登记",
	"缴费月份登记错误",
	"代扣金额有误，冲正后由本人补缴",
}

// history plans the dues and cash book of the demo: monthly payroll
// batches from most units, quarterly payments by the members of village
// joint unions, some members who stop paying (about 8% end up six or more
// months in arrears), a few reversals, and the union's other income and
// spending. members[i].ID must be the stored IDs.
func history(seed uint64, p *model.Profile, units []model.Unit, members []model.Member, today model.Date) []duesAction {
	r := rand.New(rand.NewPCG(seed, 0x64756573)) // "dues"
	rules := p.DuesRules()
	since, last := p.DuesSince, today.Month()
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
		return m.Owes(mo, rules) && rules.Monthly(m.BaseFor(mo)) > 0
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
	nReversals := 4 + len(members)/1500
	for ui := range units {
		u := &units[ui]
		ms := byUnit[u.ID]
		if len(ms) == 0 {
			continue
		}
		if u.UnionType != model.UnionJoint {
			// A payroll batch for each month, handed over in the next.
			method := model.PayPayroll
			if r.IntN(10) == 0 {
				method = model.PayBank
			}
			payDay := 8 + r.IntN(10)
			for mo := since; mo <= last; mo = mo.Add(1) {
				var lines []storage.BatchLine
				for _, m := range ms {
					if pays(m, mo) && r.IntN(1000) >= 8 {
						amt := rules.Monthly(m.BaseFor(mo))
						lines = append(lines, storage.BatchLine{MemberID: m.ID, Amount: amt, Expected: amt})
					}
				}
				if len(lines) == 0 {
					continue
				}
				b := &storage.DuesBatch{UnitID: u.ID, Month: mo, Date: day(mo.Add(1), payDay, payDay+3), Method: method,
					Lines: lines, OneReceipt: p.BatchOneReceipt}
				i := add(duesAction{date: b.Date, batch: b})
				if i >= 0 && r.IntN(len(units)*HistoryMonths) < nReversals/2 {
					line := r.IntN(len(lines))
					add(duesAction{date: min(today, b.Date+3), reverse: &reversal{of: i, line: line, reason: reversalReasons[3],
						repay: lines[line].Amount, method: model.PayCash}})
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
			for q := since.Add(-((since.MonthOfYear() - 1) % 3)); q <= last; q = q.Add(3) {
				var from model.Month
				flush := func(to model.Month) {
					if from == 0 {
						return
					}
					amt := model.Expected(m, rules, from, to)
					pay := &model.DuesPayment{MemberID: m.ID, From: from, To: to, Amount: amt, Method: method}
					d := day(max(q, from), 3, 25)
					pay.Date = d
					i := add(duesAction{date: d, pay: pay})
					if i >= 0 && r.IntN(len(members)) < nReversals {
						wrong := *pay
						wrong.Amount = amt + model.Yuan(int64(1+r.IntN(20)))
						acts[i].pay = &wrong
						add(duesAction{date: min(today, d+2), reverse: &reversal{of: i, reason: reversalReasons[r.IntN(3)], repay: amt, method: method}})
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

// step writes the next action through the batch and says how many records
// it wrote, for the caller's measure of a transaction's size.
func (h *historyWriter) step(b *storage.Batch) (int, error) {
	a := &h.acts[h.next]
	h.next++
	defer func() { a.batch, a.pay, a.ledger = nil, nil, nil }()
	switch {
	case a.batch != nil:
		ps, err := b.RecordBatch(*a.batch)
		if err != nil {
			return 0, fmt.Errorf("demo batch unit %d %s: %w", a.batch.UnitID, a.batch.Month, err)
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
		if rv.repay > 0 {
			p := model.DuesPayment{MemberID: orig.MemberID, From: orig.From, To: orig.To, Amount: rv.repay, Date: a.date, Method: rv.method}
			if err := b.RecordPayment(&p); err != nil {
				return 0, fmt.Errorf("demo repayment member %d: %w", p.MemberID, err)
			}
			return 2, nil
		}
		return 1, nil
	}
	return 0, nil
}
