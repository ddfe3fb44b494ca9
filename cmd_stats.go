package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// statsCommand prints the roster counts a secretary is asked for first.
var statsCommand = &command{
	order:   20,
	name:    "stats",
	summary: "cli.cmd.stats",
	about:   "cli.cmd.stats_about",
	require: []string{"db"},
	flags: func(fset *flag.FlagSet) func(*env, []string) error {
		db := fset.String("db", "", "cli.flag.db")
		asJSON := fset.Bool("json", false, "cli.flag.json")
		return func(e *env, _ []string) error {
			// A read-only open cannot create the file; say plainly that
			// it is missing rather than bbolt's "no such file".
			if _, err := os.Stat(*db); errors.Is(err, fs.ErrNotExist) {
				return i18n.E("cli.db_missing", *db)
			}
			s, err := storage.Open(*db, storage.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer s.Close()
			units, err := s.Units()
			if err != nil {
				return err
			}
			members, err := s.Members()
			if err != nil {
				return err
			}
			st := model.RosterStats(units, members)
			if st.Dues, err = duesStats(s); err != nil {
				return err
			}
			if *asJSON {
				enc := json.NewEncoder(e.stdout)
				enc.SetEscapeHTML(false)
				return enc.Encode(st)
			}
			p, ok, err := s.Profile()
			if err != nil {
				return err
			}
			name := e.lang.T("app.untitled")
			if ok && p.UnionName != "" {
				name = p.UnionName
			}
			writeStats(e.stdout, e.lang, name, st)
			n, err := s.ArrearsMonths()
			if err != nil {
				return err
			}
			writeDuesStats(e.stdout, e.lang, st.Dues, n)
			return nil
		}
	},
}

// writeStats prints the counts as aligned text.
func writeStats(w io.Writer, l i18n.Lang, union string, st model.Stats) {
	n := strconv.Itoa
	pct := func(k int) string {
		if st.Members == 0 {
			return ""
		}
		return strconv.FormatFloat(100*float64(k)/float64(st.Members), 'f', 1, 64) + "%"
	}
	fmt.Fprintln(w, union)
	fmt.Fprintln(w)
	rows := [][]string{
		{l.T("cli.stats_units"), n(st.Units), ""},
		{l.T("cli.stats_members"), n(st.Members), ""},
		{l.T("cli.stats_by_status")},
	}
	for _, s := range model.Statuses {
		k := st.MembersByStatus.Of(s)
		rows = append(rows, []string{"  " + l.T(s.Key()), n(k), pct(k)})
	}
	rows = append(rows,
		[]string{l.T("cli.stats_by_gender")},
		[]string{"  " + l.T("gender.male"), n(st.MembersByGender.Male), pct(st.MembersByGender.Male)},
		[]string{"  " + l.T("gender.female"), n(st.MembersByGender.Female), pct(st.MembersByGender.Female)},
		[]string{l.T("cli.stats_migrant"), n(st.MigrantMembers), pct(st.MigrantMembers)},
	)
	columns(w, "", rows, "lrr")
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.stats_top_units", len(st.TopUnits)))
	if len(st.TopUnits) == 0 {
		fmt.Fprintln(w, "  "+l.T("cli.stats_none"))
		return
	}
	rows = rows[:0]
	for i, u := range st.TopUnits {
		rows = append(rows, []string{n(i+1) + ".", u.Name, n(u.Members)})
	}
	columns(w, "  ", rows, "rlr")
}

// duesStats are the current year's dues figures (the year of the store's
// clock), the members in arrears as of the current month and the cash
// balance.
func duesStats(s *storage.Store) (model.DuesStats, error) {
	now := model.Today()
	ds := model.DuesStats{Year: now.Year(), Months: []model.MonthDuesStats{}}
	cs, err := s.CollectionByMonth(ds.Year)
	if err != nil {
		return ds, err
	}
	for _, c := range cs {
		ds.Due += c.Due
		ds.Paid += c.Paid
		ds.Months = append(ds.Months, model.MonthDuesStats{Month: c.Month.String(), Due: c.Due, Paid: c.Paid, RateBP: c.Rate()})
	}
	ds.RateBP = model.RateBP(ds.Paid, ds.Due)
	n, err := s.ArrearsMonths()
	if err != nil {
		return ds, err
	}
	arrears, err := s.Arrears(now.Month(), n)
	if err != nil {
		return ds, err
	}
	ds.MembersInArrears = len(arrears)
	ds.CashBalance, err = s.Balance()
	return ds, err
}

// writeDuesStats prints the dues lines of the human-readable stats.
func writeDuesStats(w io.Writer, l i18n.Lang, ds model.DuesStats, arrearsMonths int) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.stats_dues", ds.Year))
	rate := fmt.Sprintf("%d.%02d%%", ds.RateBP/100, ds.RateBP%100)
	columns(w, "  ", [][]string{
		{l.T("cli.stats_due"), ds.Due.Display()},
		{l.T("cli.stats_paid"), ds.Paid.Display()},
		{l.T("cli.stats_rate"), rate},
		{l.T("cli.stats_arrears", arrearsMonths), strconv.Itoa(ds.MembersInArrears)},
		{l.T("cli.stats_balance"), ds.CashBalance.Display()},
	}, "lr")
}

func init() { register(statsCommand) }
