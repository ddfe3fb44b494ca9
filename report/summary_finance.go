package report

import (
	"slices"
	"strings"

	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
)

// The summary's 会费与经费: the dues (what was due and paid, month by
// month), then the books — income and spending by the lines of the
// statement (收入支出表, 工会02表), the period's difference, 工会经费 due,
// paid and behind, the budget's execution and the cash and bank balances —
// each over the days of the period and the same days of last year, from
// the entries as the books keep them (reversals netted in). Last year's
// books figures are given only when the books were kept in the program
// then: before the opening balances' date they say so.

// booksSpan is the books over the days from..to.
type booksSpan struct {
	from, to model.Date
	// stmt has the span's flows (Amount), the year-to-date flows to `to`
	// (YearToDate) and the budget lines of to's year.
	stmt        model.Statement
	budgetLines int
	balances    map[model.MoneyAccount]model.Money
	funds       fundsSums
	// flowsKept: the books were kept in the program over the whole span;
	// balanceKept: on its last day.
	flowsKept, balanceKept bool
}

// fundsSums are the 工会经费 records over a span.
type fundsSums struct {
	due, paid, received, outstanding model.Money
	behind                           int // units with a record past its due date and not paid in full
	byUnit                           map[uint64]*unitFunds
}

// unitFunds is one unit's 工会经费 over a span.
type unitFunds struct {
	name                             string
	due, paid, received, outstanding model.Money
	behind                           bool
}

func financeSection(c *summaryContext) (SummarySection, error) {
	s := c.s
	from, to := s.First.Month(), s.AsOf.Month()
	due, paid, byUnit, err := duesOf(c, from, to)
	if err != nil {
		return SummarySection{}, err
	}
	dueB, paidB, _, err := duesOf(c, from.Add(-12), to.Add(-12))
	if err != nil {
		return SummarySection{}, err
	}
	months, monthsB := c.T("summary.months", from.String(), to.String()), c.T("summary.months", from.Add(-12).String(), to.Add(-12).String())
	sec := SummarySection{Figures: []SummaryFigure{
		money("dues_due", due, dueB, c.T("summary.src_dues_due", months, monthsB)),
		money("dues_paid", paid, paidB, c.T("summary.src_dues_paid", months, monthsB)),
		rate("dues_rate", model.RateBP(paid, due), model.RateBP(paidB, dueB), c.T("summary.src_dues_rate")),
	}}
	start, err := booksStart(c.st)
	if err != nil {
		return SummarySection{}, err
	}
	funds, err := c.st.Funds()
	if err != nil {
		return SummarySection{}, err
	}
	now, err := c.booksSpan(s.First, s.AsOf, start, funds)
	if err != nil {
		return SummarySection{}, err
	}
	before, err := c.booksSpan(s.BeforeFirst, s.BeforeAsOf, start, funds)
	if err != nil {
		return SummarySection{}, err
	}
	sec.Figures = append(sec.Figures, c.flowFigures(&now, &before, start)...)
	sec.Figures = append(sec.Figures, c.fundsFigures(&now, &before)...)
	sec.Figures = append(sec.Figures, c.budgetFigures(&now, &before)...)
	sec.Figures = append(sec.Figures, c.balanceFigures(&now, &before, start)...)
	sec.Tables = append(sec.Tables, c.statementTable(&now, &before), c.fundsTable(&now), c.budgetTable(&now))
	t := SummaryTable{Title: c.T("summary.t_dues_by_unit", months),
		Header: []string{c.T("summary.c_unit"), c.T("summary.c_due"), c.T("summary.c_paid"), c.T("summary.c_rate")},
		Right:  []bool{false, true, true, true}, Total: true}
	for _, u := range byUnit {
		t.Rows = append(t.Rows, []string{c.unitName(u.UnitID), u.Due.Display(), u.Paid.Display(), rateText(u.Rate())})
	}
	t.Rows = append(t.Rows, []string{c.T("summary.total"), due.Display(), paid.Display(), rateText(model.RateBP(paid, due))})
	sec.Tables = append(sec.Tables, t)
	return sec, nil
}

// booksStart is the first day the books were kept in the program: the
// earliest opening balance's date (0 when none is set: an old database
// whose entries are its whole books).
func booksStart(st *storage.Store) (model.Date, error) {
	os, err := st.Openings()
	if err != nil {
		return 0, err
	}
	var start model.Date
	for _, o := range os {
		if start == 0 || o.Date < start {
			start = o.Date
		}
	}
	return start, nil
}

// booksSpan reads the books over from..to: the entries (once, from the
// first of to's year or from, whichever is earlier), the budget of to's
// year under that year's chart, the balances at the end of to and the
// 工会经费 records.
func (c *summaryContext) booksSpan(from, to, start model.Date, funds []storage.FundsRow) (booksSpan, error) {
	b := booksSpan{from: from, to: to, flowsKept: start == 0 || start <= from, balanceKept: start == 0 || start <= to}
	jan1 := model.Month(to.Year()*100 + 1).First()
	es, _, err := c.st.LedgerEntries(min(from, jan1), to)
	if err != nil {
		return b, err
	}
	period, ytd := model.Sums{}, model.Sums{}
	for i := range es {
		e := &es[i]
		if e.Date >= from {
			period.Add(e.Account, e.Direction, e.Amount)
		}
		if e.Date >= jan1 {
			ytd.Add(e.Account, e.Direction, e.Amount)
		}
	}
	chart, err := c.st.ChartOf(to.Year())
	if err != nil {
		return b, err
	}
	lines, err := c.st.Budgets(to.Year())
	if err != nil {
		return b, err
	}
	budgets := map[string]model.Money{}
	for _, l := range lines {
		budgets[l.Account] = l.Amount
	}
	b.budgetLines = len(lines)
	b.stmt = model.BuildStatement(chart, from.Month(), to.Month(), 0, period, nil, ytd, budgets)
	if b.balances, err = c.st.Balances(to); err != nil {
		return b, err
	}
	b.funds = sumFunds(funds, from, to)
	return b, nil
}

// sumFunds sums the 工会经费 records over from..to: what is due for the
// records whose period ends in the span's months, what was paid (and
// reached this federation) on the span's days net of reversals, and, on
// its last day, the records past their due date not paid in full.
func sumFunds(rows []storage.FundsRow, from, to model.Date) fundsSums {
	s := fundsSums{byUnit: map[uint64]*unitFunds{}}
	behind := map[uint64]bool{}
	for i := range rows {
		r := &rows[i]
		f := r.Funds
		u := s.byUnit[f.UnitID]
		if u == nil {
			u = &unitFunds{name: r.UnitName}
			s.byUnit[f.UnitID] = u
		}
		if f.To >= from.Month() && f.To <= to.Month() {
			s.due += f.Due
			u.due += f.Due
		}
		status := model.FundsStatus{Funds: f}
		for _, p := range r.Payments {
			if p.Date > to {
				continue
			}
			status.Paid += p.Paid
			if p.Date >= from {
				s.paid, s.received = s.paid+p.Paid, s.received+p.Received
				u.paid, u.received = u.paid+p.Paid, u.received+p.Received
			}
		}
		if status.Behind(to) {
			s.outstanding += status.Outstanding()
			u.outstanding += status.Outstanding()
			u.behind = true
			behind[f.UnitID] = true
		}
	}
	s.behind = len(behind)
	return s
}

// flowFigures are income and spending: the totals, each line of the
// statement that moved in either span, and the difference.
func (c *summaryContext) flowFigures(now, before *booksSpan, start model.Date) []SummaryFigure {
	span, spanB := c.span(now.from, now.to), c.span(before.from, before.to)
	if !before.flowsKept {
		spanB = c.T("summary.books_from", start.String())
	}
	flow := func(key, name string, n, b model.Money, src string) SummaryFigure {
		return SummaryFigure{Key: key, Name: name, Kind: Money, Now: int64(n), Before: int64(b), HasBefore: before.flowsKept, Source: src}
	}
	chart := c.T("summary.chart_of", now.stmt.Chart.Source)
	out := []SummaryFigure{flow("income", "", now.stmt.In, before.stmt.In, c.T("summary.src_books_income", span, spanB, chart))}
	lines := func(d model.Direction) {
		for _, r := range topLines(now, before, d) {
			out = append(out, flow("line_"+r.code, r.name(c), r.now, r.before,
				c.T("summary.src_books_line", r.code, span, spanB)))
		}
	}
	lines(model.In)
	out = append(out, flow("expense", "", now.stmt.Out, before.stmt.Out, c.T("summary.src_books_expense", span, spanB, chart)))
	lines(model.Out)
	return append(out, flow("net", "", now.stmt.In-now.stmt.Out, before.stmt.In-before.stmt.Out, c.T("summary.src_books_net")))
}

// statementLine is one line of the statement in both spans.
type statementLine struct {
	code          string
	acct          model.Account
	level         int
	now, before   model.Money
	heading, used bool
}

// name is "会费收入（401）" / "Membership dues (401)".
func (l statementLine) name(c *summaryContext) string {
	name := l.acct.Name
	if c.english() && l.acct.NameEN != "" {
		name = l.acct.NameEN
	}
	return c.T("summary.account", name, l.code)
}

// statementLines are the lines of one side that moved in either span, in
// code order (a sub-account after its account).
func statementLines(now, before *booksSpan, d model.Direction) []statementLine {
	by := map[string]*statementLine{}
	var codes []string
	add := func(r model.StatementRow, isNow bool) {
		if r.Account.Direction != d {
			return
		}
		l := by[r.Account.Code]
		if l == nil {
			l = &statementLine{code: r.Account.Code, acct: r.Account, level: r.Level}
			by[r.Account.Code] = l
			codes = append(codes, r.Account.Code)
		}
		if isNow {
			l.now, l.acct, l.level = r.Amount, r.Account, r.Level
		} else {
			l.before = r.Amount
		}
		l.heading = l.heading || r.Heading
		l.used = l.used || r.Amount != 0
	}
	for _, r := range now.stmt.Rows {
		add(r, true)
	}
	for _, r := range before.stmt.Rows {
		add(r, false)
	}
	slices.Sort(codes)
	var out []statementLine
	for _, code := range codes {
		if l := by[code]; l.used {
			out = append(out, *l)
		}
	}
	return out
}

// topLines are the top-level lines of one side that moved in either span.
func topLines(now, before *booksSpan, d model.Direction) []statementLine {
	var out []statementLine
	for _, l := range statementLines(now, before, d) {
		if l.level == 0 {
			out = append(out, l)
		}
	}
	return out
}

func (c *summaryContext) fundsFigures(now, before *booksSpan) []SummaryFigure {
	months := c.T("summary.months", now.from.Month().String(), now.to.Month().String())
	monthsB := c.T("summary.months", before.from.Month().String(), before.to.Month().String())
	span, spanB := c.span(now.from, now.to), c.span(before.from, before.to)
	n, b := &now.funds, &before.funds
	return []SummaryFigure{
		money("funds_due", n.due, b.due, c.T("summary.src_funds_due", months, monthsB)),
		money("funds_paid", n.paid, b.paid, c.T("summary.src_funds_paid", span, spanB)),
		money("funds_received", n.received, b.received, c.T("summary.src_funds_received")),
		count("funds_behind", "summary.u_units", n.behind, b.behind, c.T("summary.src_funds_behind", now.to.String(), model.FundsDueDay, before.to.String())),
		money("funds_outstanding", n.outstanding, b.outstanding, c.T("summary.src_funds_outstanding")),
	}
}

// budgetExecution is a year's budget to a day, one side: the budget of
// the accounts with a budget line, what they took in or spent since 1
// January, and the spending lines past their budget.
type budgetExecution struct {
	in, out   budgetSide
	overLines int
}

type budgetSide struct{ budget, actual model.Money }

func (b budgetSide) rate() int64 { return int64(model.RateBP(b.actual, b.budget)) }

// execution measures the budget against the lines that have one (what has
// no budget line is outside the budget, not counted against it).
func execution(s *model.Statement) budgetExecution {
	var e budgetExecution
	for _, r := range s.Rows {
		if !r.HasBudget || r.Heading {
			continue
		}
		side := &e.in
		if r.Account.Direction == model.Out {
			side = &e.out
			if r.Over() {
				e.overLines++
			}
		}
		side.budget += r.Budget
		side.actual += r.YearToDate
	}
	return e
}

// budgetFigures are the budget's execution in the year of the period's
// last day, to that day, each side only when that year budgets it.
func (c *summaryContext) budgetFigures(now, before *booksSpan) []SummaryFigure {
	n, b := execution(&now.stmt), execution(&before.stmt)
	year, yearB := now.to.Year(), before.to.Year()
	src := func(key string) string {
		return c.T(key, year, now.to.String(), yearB, before.to.String())
	}
	var out []SummaryFigure
	side := func(ns, bs budgetSide, budgetKey, rateKey string) {
		if ns.budget == 0 {
			return
		}
		has := bs.budget > 0
		out = append(out,
			SummaryFigure{Key: budgetKey, Kind: Money, Now: int64(ns.budget), Before: int64(bs.budget), HasBefore: has, Source: src("summary.src_" + budgetKey)},
			SummaryFigure{Key: rateKey, Kind: Rate, Now: ns.rate(), Before: bs.rate(), HasBefore: has, Source: src("summary.src_" + rateKey)})
	}
	side(n.in, b.in, "budget_income", "budget_income_done")
	side(n.out, b.out, "budget_expense", "budget_expense_used")
	if n.out.budget > 0 {
		out = append(out, SummaryFigure{Key: "budget_over", Kind: Count, Unit: "summary.u_lines", Now: int64(n.overLines),
			Before: int64(b.overLines), HasBefore: b.out.budget > 0, Source: src("summary.src_budget_over")})
	}
	return out
}

func (c *summaryContext) balanceFigures(now, before *booksSpan, start model.Date) []SummaryFigure {
	on, onB := now.to.String(), before.to.String()
	if !before.balanceKept {
		onB = c.T("summary.books_from", start.String())
	}
	bal := func(key string, n, b model.Money, src string) SummaryFigure {
		return SummaryFigure{Key: key, Kind: Money, Now: int64(n), Before: int64(b), HasBefore: before.balanceKept, Source: src}
	}
	cash, bank := now.balances[model.MoneyCash], now.balances[model.MoneyBank]
	cashB, bankB := before.balances[model.MoneyCash], before.balances[model.MoneyBank]
	return []SummaryFigure{
		bal("cash_balance", cash, cashB, c.T("summary.src_cash_balance", on, onB)),
		bal("bank_balance", bank, bankB, c.T("summary.src_bank_balance", on, onB)),
		bal("money_balance", cash+bank, cashB+bankB, c.T("summary.src_money_balance")),
	}
}

// statementTable is the statement's lines in both spans: 收入合计 and the
// income lines, 支出合计 and the spending lines, the difference.
func (c *summaryContext) statementTable(now, before *booksSpan) SummaryTable {
	t := SummaryTable{Title: c.T("summary.t_statement", c.span(now.from, now.to)),
		Header: []string{c.T("summary.c_line"), c.T("summary.c_now"), c.T("summary.c_before"), c.T("summary.c_change")},
		Right:  []bool{false, true, true, true}, Total: true}
	row := func(label string, n, b model.Money, bold bool) {
		if bold {
			t.Bold = append(t.Bold, len(t.Rows))
		}
		bt, ch := c.T("summary.no_record"), ""
		if before.flowsKept {
			bt, ch = b.Display(), (n - b).Display()
		}
		t.Rows = append(t.Rows, []string{label, n.Display(), bt, ch})
	}
	english := c.english()
	side := func(total string, n, b model.Money, d model.Direction) {
		row(c.T(total), n, b, true)
		for _, l := range statementLines(now, before, d) {
			row(strings.Repeat("    ", l.level+1)+l.acct.Label(english), l.now, l.before, false)
		}
	}
	side("summary.income_total", now.stmt.In, before.stmt.In, model.In)
	side("summary.expense_total", now.stmt.Out, before.stmt.Out, model.Out)
	row(c.T("summary.f_net"), now.stmt.In-now.stmt.Out, before.stmt.In-before.stmt.Out, true)
	return t
}

// fundsTable is each unit's 工会经费 over the period, and what is behind
// on its last day.
func (c *summaryContext) fundsTable(now *booksSpan) SummaryTable {
	f := &now.funds
	t := SummaryTable{Title: c.T("summary.t_funds_by_unit", c.span(now.from, now.to)),
		Header: []string{c.T("summary.c_unit"), c.T("summary.c_funds_due"), c.T("summary.c_paid"), c.T("summary.c_received"),
			c.T("summary.c_outstanding", now.to.String())},
		Right: []bool{false, true, true, true, true}, Total: true}
	ids := make([]uint64, 0, len(f.byUnit))
	for id := range f.byUnit {
		ids = append(ids, id)
	}
	search.SortUnitIDs(ids, func(id uint64) string { return f.byUnit[id].name })
	for _, id := range ids {
		u := f.byUnit[id]
		if u.due == 0 && u.paid == 0 && u.outstanding == 0 {
			continue
		}
		out := u.outstanding.Display()
		if u.behind {
			out = c.T("summary.behind", out)
		}
		t.Rows = append(t.Rows, []string{u.name, u.due.Display(), u.paid.Display(), u.received.Display(), out})
	}
	t.Rows = append(t.Rows, []string{c.T("summary.total"), f.due.Display(), f.paid.Display(), f.received.Display(), f.outstanding.Display()})
	return t
}

// budgetTable is the budget's execution line by line (as the statement's
// second sheet shows it), to the period's last day.
func (c *summaryContext) budgetTable(now *booksSpan) SummaryTable {
	st := &now.stmt
	t := SummaryTable{Title: c.T("summary.t_budget", now.to.Year(), now.to.String()),
		Header: []string{c.T("summary.c_line"), c.T("summary.c_budget"), c.T("summary.c_actual"), c.T("summary.c_remaining"), c.T("summary.c_used")},
		Right:  []bool{false, true, true, true, true}}
	if now.budgetLines == 0 {
		t.Rows = append(t.Rows, []string{c.T("report.no_budget", now.to.Year()), "", "", "", ""})
		return t
	}
	english := c.english()
	for _, r := range st.Rows {
		if !r.HasBudget {
			continue
		}
		if r.Level == 0 {
			t.Bold = append(t.Bold, len(t.Rows))
		}
		label := strings.Repeat("    ", r.Level) + r.Account.Label(english)
		if r.Over() {
			label += c.T("summary.over_budget")
		}
		t.Rows = append(t.Rows, []string{label, r.Budget.Display(), r.YearToDate.Display(), r.Remaining().Display(), rateText(model.RateBP(r.YearToDate, r.Budget))})
	}
	e := execution(st)
	for _, x := range []struct {
		key  string
		side budgetSide
	}{{"summary.budgeted_income", e.in}, {"summary.budgeted_expense", e.out}} {
		if x.side.budget == 0 {
			continue
		}
		t.Bold = append(t.Bold, len(t.Rows))
		t.Rows = append(t.Rows, []string{c.T(x.key), x.side.budget.Display(), x.side.actual.Display(), (x.side.budget - x.side.actual).Display(), rateText(int(x.side.rate()))})
	}
	return t
}

// duesOf sums what was due and paid in the months from..to, by unit.
func duesOf(c *summaryContext, from, to model.Month) (due, paid model.Money, byUnit []storageCollection, err error) {
	cs, err := c.st.CollectionByUnit(from, to)
	if err != nil {
		return 0, 0, nil, err
	}
	per := map[uint64]*storageCollection{}
	var order []uint64
	for _, x := range cs {
		due += x.Due
		paid += x.Paid
		p := per[x.UnitID]
		if p == nil {
			p = &storageCollection{UnitID: x.UnitID}
			per[x.UnitID] = p
			order = append(order, x.UnitID)
		}
		p.Due += x.Due
		p.Paid += x.Paid
	}
	search.SortUnitIDs(order, c.unitName)
	for _, id := range order {
		byUnit = append(byUnit, *per[id])
	}
	return due, paid, byUnit, nil
}

// storageCollection is a unit's dues over the months summed.
type storageCollection struct {
	UnitID    uint64
	Due, Paid model.Money
}

// Rate is paid over due in basis points.
func (x storageCollection) Rate() int { return model.RateBP(x.Paid, x.Due) }
