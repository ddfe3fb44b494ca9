package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/roster"
	"unionbook/storage"
)

// booksCommand keeps the books from the command line: `unionbook books
// ACTION` with the action's flags. Every write goes through the store's
// checks; bad input prints its problems and writes nothing.
var booksCommand = &command{
	name:    "books",
	summary: "books.cmd",
	about:   "books.cmd_about",
	args:    "books.cmd_args",
	nargs:   [2]int{1, 1},
	require: []string{"db"},
	flags: func(fs *flag.FlagSet) func(*env, []string) error {
		f := &booksFlags{}
		fs.StringVar(&f.db, "db", "", "cli.flag.db")
		fs.StringVar(&f.money, "money", "", "books.flag_money")
		fs.StringVar(&f.from, "from", "", "books.flag_from")
		fs.StringVar(&f.to, "to", "", "books.flag_to")
		fs.StringVar(&f.date, "date", "", "books.flag_date")
		fs.StringVar(&f.amount, "amount", "", "books.flag_amount")
		fs.StringVar(&f.code, "code", "", "books.flag_code")
		fs.StringVar(&f.counterparty, "counterparty", "", "books.flag_counterparty")
		fs.StringVar(&f.memo, "memo", "", "books.flag_memo")
		fs.StringVar(&f.voucher, "voucher", "", "books.flag_voucher")
		fs.StringVar(&f.reason, "reason", "", "books.flag_reason")
		fs.StringVar(&f.period, "period", "", "books.flag_period")
		fs.IntVar(&f.year, "year", 0, "books.flag_year")
		fs.StringVar(&f.tick, "tick", "", "books.flag_tick")
		fs.StringVar(&f.untick, "untick", "", "books.flag_untick")
		fs.StringVar(&f.use, "use", "", "books.flag_use")
		fs.StringVar(&f.file, "file", "", "books.flag_file")
		fs.StringVar(&f.unit, "unit", "", "books.flag_unit")
		fs.StringVar(&f.payroll, "payroll", "", "books.flag_payroll")
		fs.StringVar(&f.rate, "rate", "", "books.flag_rate")
		fs.Uint64Var(&f.record, "record", 0, "books.flag_record")
		fs.StringVar(&f.share, "share", "", "books.flag_share")
		fs.StringVar(&f.received, "received", "", "books.flag_received")
		fs.StringVar(&f.kind, "kind", "", "books.flag_kind")
		fs.StringVar(&f.members, "members", "", "books.flag_members")
		fs.BoolVar(&f.allMembers, "all-members", false, "books.flag_all_members")
		fs.StringVar(&f.goods, "goods", "", "books.flag_goods")
		fs.StringVar(&f.occasion, "occasion", "", "books.flag_occasion")
		fs.BoolVar(&f.cash, "cash-gift", false, "books.flag_cash_gift")
		fs.StringVar(&f.caps, "cap", "", "books.flag_cap")
		fs.StringVar(&f.signs, "signatures", "", "books.flag_signatures")
		return func(e *env, args []string) error {
			act, ok := booksActions[args[0]]
			if !ok {
				return usageErr(i18n.E("books.unknown_action", args[0], booksActionNames()))
			}
			if err := requireDB(f.db); err != nil {
				return err
			}
			st, err := storage.Open(f.db, storage.Options{ReadOnly: !act.writes, NoSync: noSync})
			if err != nil {
				return err
			}
			defer st.Close()
			f.op = operatorName(st)
			return act.run(e, st, f)
		}
	},
}

type booksFlags struct {
	db, money, from, to, date, amount, code, counterparty, memo, voucher, reason, period string
	tick, untick, use, file, unit, payroll, rate, share, received, kind, members         string
	goods, occasion, caps, signs                                                         string
	year                                                                                 int
	record                                                                               uint64
	allMembers, cash                                                                     bool
	op                                                                                   string
}

type booksAction struct {
	writes bool
	run    func(e *env, st *storage.Store, f *booksFlags) error
}

var booksActions = map[string]booksAction{
	"status":      {false, booksStatus},
	"opening":     {true, booksOpening},
	"entry":       {true, booksEntry},
	"transfer":    {true, booksTransfer},
	"reverse":     {true, booksReverse},
	"close":       {true, booksClose},
	"budget":      {true, booksBudget},
	"reconcile":   {true, booksReconcile},
	"chart":       {true, booksChart},
	"funds":       {true, booksFunds},
	"pay-funds":   {true, booksPayFunds},
	"consolation": {true, booksConsolation},
	"settings":    {true, booksSettings},
}

func booksActionNames() string {
	var names []string
	for n := range booksActions {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, "|")
}

// ---- parsing flags

// moneyDateAmount reads --money, --date and --amount, which most of the
// books' writing actions take together.
func (f *booksFlags) moneyDateAmount() (model.MoneyAccount, model.Date, model.Money, error) {
	m, err := f.moneyAccount("--money", f.money)
	if err != nil {
		return 0, 0, 0, err
	}
	d, err := parseDateFlag(f.date)
	if err != nil {
		return 0, 0, 0, err
	}
	amt, err := parseMoneyFlag("--amount", f.amount)
	return m, d, amt, err
}

func (f *booksFlags) moneyAccount(flag, v string) (model.MoneyAccount, error) {
	m, ok := model.ParseMoneyAccount(v)
	if !ok {
		return 0, usageErr(i18n.E("books.bad_money", flag, v))
	}
	return m, nil
}

func parseDateFlag(v string) (model.Date, error) {
	if v == "" {
		return 0, usageErr(i18n.E("cli.missing_flag", "--date"))
	}
	return model.ParseDate(v)
}

func parseMoneyFlag(flag, v string) (model.Money, error) {
	if v == "" {
		return 0, usageErr(i18n.E("cli.missing_flag", flag))
	}
	return model.ParseMoney(v)
}

// parsePercent reads "2", "2%" or "60.5%" as basis points.
func parsePercent(flag, v string) (int, error) {
	m, err := model.ParseMoney(strings.TrimSuffix(strings.TrimSpace(v), "%"))
	if err != nil || m < 0 || m > 10000 {
		return 0, usageErr(i18n.E("cli.flag_bad_value", v, flag))
	}
	return int(m), nil // a percentage with two decimals is basis points
}

// ---- actions

func booksStatus(e *env, st *storage.Store, _ *booksFlags) error {
	s, err := st.BooksStatus()
	if err != nil {
		return err
	}
	l := e.lang
	w := e.stdout
	fmt.Fprintln(w, l.T("books.status_chart", s.Chart.StandardName(l), s.Chart.Source))
	var rows [][]string
	for _, m := range model.MoneyAccounts() {
		opening := l.T("books.status_no_opening")
		if o, ok := s.Openings[m]; ok {
			opening = l.T("books.status_opening", o.Amount.Display(), o.Date.String())
		}
		rows = append(rows, []string{m.Code() + " " + l.T(m.Key()), s.Balances[m].Display(), opening})
	}
	columns(w, "  ", rows, "lrl")
	closed := l.T("books.status_nothing_closed")
	if s.ClosedMonth != 0 {
		closed = l.T("books.status_closed", s.ClosedMonth.String())
	}
	fmt.Fprintln(w, closed)
	if len(s.Openings) == 0 {
		fmt.Fprintln(w, l.T("books.status_set_openings"))
	}
	rows2, err := st.Funds()
	if err != nil {
		return err
	}
	today := model.Today()
	units := map[string]bool{}
	var owed model.Money
	for _, r := range rows2 {
		if r.Behind(today) {
			units[r.UnitName] = true
			owed += r.Outstanding()
		}
	}
	if len(units) > 0 {
		fmt.Fprintln(w, l.T("books.funds_behind", len(units), owed.Display()))
	}
	return nil
}

func booksOpening(e *env, st *storage.Store, f *booksFlags) error {
	m, d, amt, err := f.moneyDateAmount()
	if err != nil {
		return err
	}
	o := model.OpeningBalance{Money: m, Date: d, Amount: amt, Memo: f.memo}
	if err := st.SetOpening(f.op, &o); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.lang.T("books.opening_set", e.lang.T(m.Key()), o.Date.String(), o.Amount.Display()))
	return nil
}

func booksEntry(e *env, st *storage.Store, f *booksFlags) error {
	m, d, amt, err := f.moneyDateAmount()
	if err != nil {
		return err
	}
	chart, err := st.ChartOf(d.Year())
	if err != nil {
		return err
	}
	a, ok := chart.Find(model.Clean(f.code))
	if !ok {
		return model.Problems{{Field: "account", Key: "account.unknown", Args: []any{f.code}}}
	}
	le := model.LedgerEntry{Date: d, Direction: a.Direction, Account: a.Code, Amount: amt, Money: m, Counterparty: f.counterparty, Memo: f.memo}
	if err := st.AddLedgerEntry(f.op, &le); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.lang.T("books.entry_added", le.VoucherNo, le.Date.String(), a.Label(e.lang == i18n.EN), le.Amount.Display(), e.lang.T(m.Key())))
	warn, err := st.BudgetWarning(le.Date, le.Account)
	if err != nil {
		return err
	}
	printWarnings(e, warn)
	return moneyWarning(e, st, le.Money, le.Date)
}

// moneyWarning prints the warning when a posting left money account m
// below zero at the end of a day from date on.
func moneyWarning(e *env, st *storage.Store, m model.MoneyAccount, date model.Date) error {
	warn, err := st.MoneyWarning(m, date)
	if err != nil {
		return err
	}
	printWarnings(e, warn)
	return nil
}

func printWarnings(e *env, ws model.Warnings) {
	for _, w := range ws {
		fmt.Fprintln(e.stderr, e.lang.T("books.warning", w.Message(e.lang)))
	}
}

func booksTransfer(e *env, st *storage.Store, f *booksFlags) error {
	from, err := f.moneyAccount("--from", f.from)
	if err != nil {
		return err
	}
	to, err := f.moneyAccount("--to", f.to)
	if err != nil {
		return err
	}
	d, err := parseDateFlag(f.date)
	if err != nil {
		return err
	}
	amt, err := parseMoneyFlag("--amount", f.amount)
	if err != nil {
		return err
	}
	t := model.Transfer{Date: d, From: from, To: to, Amount: amt, Memo: f.memo}
	if err := st.AddTransfer(f.op, &t); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.lang.T("books.transfer_added", t.VoucherNo, t.Date.String(), e.lang.T(t.Key()), t.Amount.Display()))
	return moneyWarning(e, st, t.From, t.Date)
}

func booksReverse(e *env, st *storage.Store, f *booksFlags) error {
	if f.voucher == "" {
		return usageErr(i18n.E("cli.missing_flag", "--voucher"))
	}
	d, err := parseDateFlag(f.date)
	if err != nil {
		return err
	}
	ref, ok, err := st.FindVoucher(model.Clean(f.voucher))
	if err != nil {
		return err
	}
	if !ok {
		return i18n.E("books.no_voucher", f.voucher)
	}
	var no string
	if ref.Transfer {
		rev, err := st.ReverseTransfer(f.op, ref.ID, d, f.reason)
		if err != nil {
			return err
		}
		no = rev.VoucherNo
	} else {
		rev, err := st.ReverseEntry(f.op, ref.ID, d, f.reason)
		if err != nil {
			return err
		}
		no = rev.VoucherNo
	}
	fmt.Fprintln(e.stdout, e.lang.T("books.reversed", f.voucher, no))
	return nil
}

func booksClose(e *env, st *storage.Store, f *booksFlags) error {
	if f.period == "" {
		return usageErr(i18n.E("cli.missing_flag", "--period"))
	}
	p, err := model.ParsePeriod(f.period)
	if err != nil {
		return err
	}
	year := p.From.MonthOfYear() == 1 && p.To.MonthOfYear() == 12 && p.From.Year() == p.To.Year()
	if !year && p.From != p.To {
		return usageErr(i18n.E("books.close_period", f.period))
	}
	out, err := st.ClosePeriod(f.op, p.To, year)
	if err != nil {
		return err
	}
	for _, c := range out {
		fmt.Fprintln(e.stdout, e.lang.T("books.closed", c.Label(), c.Entries+c.Transfers,
			c.Balance(model.MoneyCash).Display(), c.Balance(model.MoneyBank).Display()))
	}
	return nil
}

func booksBudget(e *env, st *storage.Store, f *booksFlags) error {
	if f.year == 0 {
		return usageErr(i18n.E("cli.missing_flag", "--year"))
	}
	if f.code != "" {
		amt, err := parseMoneyFlag("--amount", f.amount)
		if err != nil {
			return err
		}
		b := model.Budget{Year: f.year, Account: f.code, Amount: amt, Memo: f.memo}
		warn, err := st.SetBudget(f.op, &b)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.lang.T("books.budget_set", b.Year, b.Account, amt.Display()))
		printWarnings(e, warn)
	}
	st2, err := st.BooksStatement(model.Month(f.year*100+1), model.Month(f.year*100+12))
	if err != nil {
		return err
	}
	var rows [][]string
	for _, r := range st2.Rows {
		if !r.HasBudget {
			continue
		}
		flag := ""
		if r.Over() {
			flag = e.lang.T("report.over_budget")
		}
		rows = append(rows, []string{strings.Repeat("  ", r.Level) + r.Account.Label(e.lang == i18n.EN), r.Budget.Display(), r.YearToDate.Display(), r.Remaining().Display(), flag})
	}
	if len(rows) == 0 {
		fmt.Fprintln(e.stdout, e.lang.T("report.no_budget", f.year))
		return nil
	}
	rows = append([][]string{{e.lang.T("report.c_account"), e.lang.T("report.c_budget"), e.lang.T("report.c_actual"), e.lang.T("report.c_remaining"), ""}}, rows...)
	columns(e.stdout, "  ", rows, "lrrrl")
	return nil
}

func booksReconcile(e *env, st *storage.Store, f *booksFlags) error {
	d, err := parseDateFlag(f.date)
	if err != nil {
		return err
	}
	if f.amount != "" {
		bal, err := model.ParseMoney(f.amount)
		if err != nil {
			return err
		}
		if err := st.SetBankStatement(f.op, d, bal); err != nil {
			return err
		}
	}
	for _, x := range []struct {
		list string
		on   bool
	}{{f.tick, true}, {f.untick, false}} {
		if x.list == "" {
			continue
		}
		var refs []storage.BankRef
		if x.list == "all" {
			r, err := st.Reconcile(d)
			if err != nil {
				return err
			}
			for _, l := range r.Outstanding {
				refs = append(refs, l.Ref())
			}
		} else {
			for _, no := range strings.Split(x.list, ",") {
				ref, ok, err := st.FindVoucher(model.Clean(no))
				if err != nil {
					return err
				}
				if !ok {
					return i18n.E("books.no_voucher", no)
				}
				refs = append(refs, ref)
			}
		}
		if len(refs) > 0 {
			if err := st.TickBank(f.op, d, refs, x.on); err != nil {
				return err
			}
		}
	}
	r, err := st.Reconcile(d)
	if err != nil {
		return err
	}
	writeReconciliation(e.stdout, e.lang, &r)
	return nil
}

func writeReconciliation(w io.Writer, l i18n.Lang, r *storage.Reconciliation) {
	// Without a statement there is no difference to speak of (against
	// nothing it would be the whole cleared balance).
	stmt, diff := l.T("books.rec_no_statement"), "-"
	if r.HasStatement {
		stmt, diff = r.Statement.Display()+"  ("+r.LastStatement.String()+")", r.Difference().Display()
	}
	columns(w, "  ", [][]string{
		{l.T("books.rec_statement"), stmt},
		{l.T("books.rec_book"), r.Book.Display()},
		{l.T("books.rec_cleared"), r.Cleared.Display()},
		{l.T("books.rec_outstanding"), l.T("books.rec_outstanding_sum", len(r.Outstanding), r.OutstandingIn.Display(), r.OutstandingOut.Display())},
		{l.T("books.rec_difference"), diff},
	}, "lr")
	var lines [][]string
	for _, o := range r.Outstanding {
		lines = append(lines, []string{o.Date.String(), o.VoucherNo, (o.In - o.Out).Display(), o.SummaryText(l.T)})
	}
	columns(w, "    ", lines, "llrl")
}

func booksChart(e *env, st *storage.Store, f *booksFlags) error {
	switch {
	case f.use != "":
		if err := st.UseStandardChart(f.op, f.use, f.year); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.lang.T("books.chart_in_force", f.use, f.year))
		return nil
	case f.file != "":
		t, err := roster.ReadFile(f.file, "")
		if err != nil {
			return err
		}
		rows := make([][]string, len(t.Rows))
		nums := make([]int, len(t.Rows))
		for i, r := range t.Rows {
			rows[i], nums[i] = r.Cells, r.Num
		}
		c, err := model.ParseChartSheet(rows, nums)
		if err != nil {
			return err
		}
		c.FromYear = f.year
		c.Source = e.lang.T("chart.source_file", filepath.Base(f.file))
		if err := st.SetChart(f.op, c); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.lang.T("books.chart_imported", len(c.Accounts), f.year))
		return nil
	}
	year := f.year
	if year == 0 {
		year = model.Today().Year()
	}
	c, err := st.ChartOf(year)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.lang.T("books.status_chart", c.StandardName(e.lang), c.Source))
	var rows [][]string
	for _, a := range c.Accounts {
		rows = append(rows, []string{strings.Repeat("  ", c.Level(a.Code)) + a.Code, a.Name, e.lang.T(a.Direction.Key()), a.NameEN})
	}
	columns(e.stdout, "  ", rows, "llll")
	return nil
}

func booksFunds(e *env, st *storage.Store, f *booksFlags) error {
	if f.unit != "" {
		u, ok, err := st.UnitByName(f.unit)
		if err != nil {
			return err
		}
		if !ok {
			return i18n.E("books.no_unit", f.unit)
		}
		from, err := model.ParseMonth(f.from)
		if err != nil {
			return err
		}
		to := from
		if f.to != "" {
			if to, err = model.ParseMonth(f.to); err != nil {
				return err
			}
		}
		payroll, err := parseMoneyFlag("--payroll", f.payroll)
		if err != nil {
			return err
		}
		uf := model.UnitFunds{UnitID: u.ID, From: from, To: to, Payroll: payroll, Memo: f.memo}
		if f.rate != "" {
			if uf.RateBP, err = parsePercent("--rate", f.rate); err != nil {
				return err
			}
		}
		if err := st.AddUnitFunds(f.op, &uf); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.lang.T("books.funds_added", uf.ID, u.Name, fundsPeriodText(uf), uf.Due.Display()))
	}
	rows, err := st.Funds()
	if err != nil {
		return err
	}
	today := model.Today()
	out := [][]string{{"#", e.lang.T("books.c_unit"), e.lang.T("books.c_period"), e.lang.T("books.c_due"), e.lang.T("books.c_paid"), e.lang.T("books.c_received"), e.lang.T("books.c_last_paid"), ""}}
	for _, r := range rows {
		flag := ""
		if r.Behind(today) {
			flag = e.lang.T("books.behind")
		}
		last := ""
		if r.LastPaid != 0 {
			last = r.LastPaid.String()
		}
		out = append(out, []string{strconv.FormatUint(r.Funds.ID, 10), r.UnitName, fundsPeriodText(r.Funds), r.Funds.Due.Display(), r.Paid.Display(), r.Received.Display(), last, flag})
	}
	columns(e.stdout, "  ", out, "lllrrrll")
	return nil
}

func fundsPeriodText(f model.UnitFunds) string {
	if f.From == f.To {
		return f.From.String()
	}
	return f.From.String() + ".." + f.To.String()
}

func booksPayFunds(e *env, st *storage.Store, f *booksFlags) error {
	m, d, paid, err := f.moneyDateAmount()
	if err != nil {
		return err
	}
	p := model.FundsPayment{FundsID: f.record, Date: d, Paid: paid, Money: m}
	if f.share != "" {
		if p.ShareBP, err = parsePercent("--share", f.share); err != nil {
			return err
		}
	}
	if f.received != "" {
		if p.Received, err = model.ParseMoney(f.received); err != nil {
			return err
		}
	}
	var before model.FundsStatus // the record as it stood, for the overpayment warning
	if rows, err := st.Funds(); err == nil {
		for _, r := range rows {
			if r.Funds.ID == p.FundsID {
				before = r.FundsStatus
			}
		}
	}
	if err := st.PayFunds(f.op, &p); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.lang.T("books.funds_paid", p.Paid.Display(), p.Received.Display(), e.lang.T(m.Key())))
	if before.Funds.ID != 0 {
		printWarnings(e, before.OverpaidBy(p.Paid))
	}
	return nil
}

func booksConsolation(e *env, st *storage.Store, f *booksFlags) error {
	kind, ok := model.ParseConsolKind(f.kind)
	if !ok {
		return usageErr(i18n.E("books.bad_kind", f.kind))
	}
	m, d, per, err := f.moneyDateAmount()
	if err != nil {
		return err
	}
	ids, err := consolMembers(st, f)
	if err != nil {
		return err
	}
	c := model.Consolation{Kind: kind, Date: d, Members: ids, PerMember: per, Goods: f.goods, Occasion: f.occasion,
		Money: m, Counterparty: f.counterparty, Form: model.ConsolGoods}
	if f.cash {
		c.Form = model.ConsolCash
	}
	warn, err := st.AddConsolation(f.op, &c)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.lang.T("books.consolation_added", e.lang.T(kind.Key()), len(c.Members), c.Total().Display(), c.Account))
	printWarnings(e, warn)
	return moneyWarning(e, st, c.Money, c.Date)
}

// consolMembers is who a consolation goes to: --members (member numbers),
// --unit (its members in the union) or --all-members.
func consolMembers(st *storage.Store, f *booksFlags) ([]uint64, error) {
	var ids []uint64
	switch {
	case f.members != "":
		for _, no := range strings.Split(f.members, ",") {
			m, ok, err := st.MemberByNo(model.Clean(no))
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, i18n.E("books.no_member", no)
			}
			ids = append(ids, m.ID)
		}
	case f.unit != "" || f.allMembers:
		ms, err := st.Members()
		if err != nil {
			return nil, err
		}
		var unit uint64
		if f.unit != "" {
			u, ok, err := st.UnitByName(f.unit)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, i18n.E("books.no_unit", f.unit)
			}
			unit = u.ID
		}
		for _, m := range ms {
			if m.Status == model.StatusActive && (unit == 0 || m.UnitID == unit) {
				ids = append(ids, m.ID)
			}
		}
	}
	return ids, nil
}

func booksSettings(e *env, st *storage.Store, f *booksFlags) error {
	p, _, err := st.Profile()
	if err != nil {
		return err
	}
	s := &p.Books
	if f.money != "" {
		if s.DefaultMoney, err = f.moneyAccount("--money", f.money); err != nil {
			return err
		}
	}
	if f.rate != "" {
		if s.FundsRateBP, err = parsePercent("--rate", f.rate); err != nil {
			return err
		}
	}
	if f.share != "" {
		if s.FundsShareBP, err = parsePercent("--share", f.share); err != nil {
			return err
		}
	}
	if f.caps != "" {
		for _, part := range strings.Split(f.caps, ",") {
			k, v, _ := strings.Cut(part, "=")
			kind, ok := model.ParseConsolKind(k)
			if !ok {
				return usageErr(i18n.E("books.bad_kind", k))
			}
			amt, err := model.ParseMoney(v)
			if err != nil {
				return err
			}
			s.Caps = slices.DeleteFunc(s.Caps, func(c model.ConsolCap) bool { return c.Kind == kind })
			if amt > 0 {
				s.Caps = append(s.Caps, model.ConsolCap{Kind: kind, Cap: amt})
			}
		}
	}
	if f.signs != "" {
		names := strings.Split(f.signs, ",")
		for len(names) < 4 {
			names = append(names, "")
		}
		s.Signatures = model.SignatureLine{Chair: names[0], Finance: names[1], Reviewer: names[2], Preparer: names[3]}
	}
	if err := st.SaveProfile(f.op, p); err != nil {
		return err
	}
	var caps []string
	for _, c := range s.Caps {
		caps = append(caps, e.lang.T(c.Kind.Key())+" "+c.Cap.Display())
	}
	fmt.Fprintln(e.stdout, e.lang.T("books.settings", e.lang.T(s.Money().Key()), rateText(s.FundsRate()), rateText(s.ShareOf(0)), strings.Join(caps, ", ")))
	return nil
}

// rateText shows basis points as a percentage: 200 is "2.00%".
func rateText(bp int) string { return fmt.Sprintf("%d.%02d%%", bp/100, bp%100) }
