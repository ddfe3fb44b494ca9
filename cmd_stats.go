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

// damageNote is stats' last word when a daily check found the database
// damaged and nothing has fixed it since: the figures are printed, then
// this note on standard error, and the exit status is 1 (a script must
// not take them for good ones).
func damageNote(db string) error {
	if at, n, failed := storage.CheckFailedOn(db); failed {
		return i18n.E("cli.stats_check_fails", at.Format("2006-01-02"), n)
	}
	return nil
}

// statsCommand prints the roster counts a secretary is asked for first.
var statsCommand = &command{
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
			s, err := openStore(*db, storage.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer s.Close()
			// The dues figures and the organisation's counts read one roster.
			defer s.HoldSharedReads()()
			units, err := s.Units()
			if err != nil {
				return err
			}
			// The roster is read once, for its counts and the dues.
			now := model.Today()
			members, dues, err := s.RosterAndDues(now.Year(), model.DueThrough(now))
			if err != nil {
				return err
			}
			st := model.RosterStats(units, members)
			st.Dues = duesStats(now.Year(), dues)
			if st.Hardship, err = s.HardshipStats(model.Today()); err != nil {
				return err
			}
			if st.Events, err = s.EventStats(model.Today().Year()); err != nil {
				return err
			}
			if st.Org, err = s.OrgStats(model.Today()); err != nil {
				return err
			}
			cases, err := s.CaseStats(model.Today().Year())
			if err != nil {
				return err
			}
			if *asJSON {
				enc := json.NewEncoder(e.stdout)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(statsWithCases{st, cases}); err != nil {
					return err
				}
				return damageNote(*db)
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
			writeDuesStats(e.stdout, e.lang, st.Dues, dues.ArrearsMonths)
			writeHardshipStats(e.stdout, e.lang, st.Hardship)
			writeEventStats(e.stdout, e.lang, st.Events)
			writeCaseStats(e.stdout, e.lang, cases)
			writeOrgStats(e.stdout, e.lang, st.Org)
			return damageNote(*db)
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

// duesStats are the dues figures of stats: the year's collection (the
// year of the clock), the members in arrears as of the current month and
// the cash balance.
func duesStats(year int, sum storage.DuesSummary) model.DuesStats {
	ds := model.DuesStats{Year: year, Months: []model.MonthDuesStats{}}
	for _, c := range sum.Months {
		ds.Due += c.Due
		ds.Paid += c.Paid
		ds.Months = append(ds.Months, model.MonthDuesStats{Month: c.Month.String(), Due: c.Due, Paid: c.Paid, RateBP: c.Rate(), ReportedPaid: c.ReportedPaid})
		ds.ReportedPaid += c.ReportedPaid
		ds.ReportedDue += c.ReportedDue
		ds.UnreportedUnitMonths += c.Unreported
		ds.Kept += c.Kept
	}
	ds.MembersNoBase = sum.NoBase
	ds.RateBP = model.RateBP(ds.Paid, ds.Due)
	ds.MembersInArrears = sum.InArrears
	ds.CashBalance = sum.Balance
	return ds
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
		{l.T("cli.stats_reported"), ds.ReportedPaid.Display()},
		{l.T("cli.stats_unreported"), strconv.Itoa(ds.UnreportedUnitMonths)},
		{l.T("cli.stats_kept"), ds.Kept.Display()},
		{l.T("cli.stats_arrears", arrearsMonths), strconv.Itoa(ds.MembersInArrears)},
		{l.T("cli.stats_no_base"), strconv.Itoa(ds.MembersNoBase)},
		{l.T("cli.stats_balance"), ds.CashBalance.Display()},
	}, "lr")
}

// writeEventStats prints the year's events and person-times (人次), in
// total and by type.
func writeEventStats(w io.Writer, l i18n.Lang, es model.EventStats) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("events.cli_title", es.Year))
	rows := [][]string{
		{"", l.T("events.cli_count"), l.T("events.cli_people")},
		{l.T("events.cli_total"), strconv.Itoa(es.Count), strconv.Itoa(es.PersonTimes)},
	}
	for _, t := range model.EventTypes {
		for _, ts := range es.ByType {
			if ts.Type == t.Code() && ts.Count > 0 {
				rows = append(rows, []string{"  " + l.T(t.Key()), strconv.Itoa(ts.Count), strconv.Itoa(ts.PersonTimes)})
			}
		}
	}
	columns(w, "  ", rows, "lrr")
}

// writeHardshipStats prints the hardship lines of the human-readable stats.
func writeHardshipStats(w io.Writer, l i18n.Lang, h model.HardshipStats) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("hardship.cli_title", h.Year))
	n := strconv.Itoa
	columns(w, "  ", [][]string{
		{l.T("hardship.st_active"), n(h.ByStatus.Active)},
		{"  " + l.T("hardship.cat_deep"), n(h.ActiveByCategory.Deep)},
		{"  " + l.T("hardship.cat_relative"), n(h.ActiveByCategory.Relative)},
		{"  " + l.T("hardship.cat_sudden"), n(h.ActiveByCategory.Sudden)},
		{l.T("hardship.st_applied"), n(h.ByStatus.Applied)},
		{l.T("hardship.ov_lifted", h.Year), n(h.LiftedThisYear)},
		{l.T("hardship.ov_rate"), fmt.Sprintf("%d.%02d%%", h.LiftRateBP/100, h.LiftRateBP%100)},
		{l.T("hardship.ov_overdue"), n(h.OverdueReviews)},
		{l.T("hardship.ov_aid", h.Year), h.Aid.Total.Display()},
	}, "lr")
}

// statsWithCases is the JSON of stats: model.Stats's keys and "cases", the
// year's case figures (model.CaseStats).
type statsWithCases struct {
	model.Stats
	Cases model.CaseStats `json:"cases"`
}

// writeCaseStats prints the year's case figures: cases, workers, units,
// collective disputes, amounts, the share resolved by mediation, by type,
// and the risk checks.
func writeCaseStats(w io.Writer, l i18n.Lang, cs model.CaseStats) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cases.cli_title", cs.Year))
	n := strconv.Itoa
	rows := [][]string{
		{l.T("cases.cli_cases"), n(cs.Cases)},
		{l.T("cases.cli_workers"), n(cs.Workers)},
		{l.T("cases.cli_units"), n(cs.Units)},
		{l.T("cases.cli_collective", cs.CollectiveMin), n(cs.Collective)},
		{l.T("cases.cli_collective_workers"), n(cs.CollectiveWorkers)},
		{l.T("cases.cli_claimed"), cs.Claimed.Display()},
		{l.T("cases.cli_recovered"), cs.Recovered.Display()},
		{l.T("cases.cli_closed"), n(cs.Closed)},
		{l.T("cases.cli_mediated"), fmt.Sprintf("%d (%d.%02d%%)", cs.Mediated, cs.MediatedRateBP/100, cs.MediatedRateBP%100)},
		{l.T("cases.cli_open"), n(cs.Open)},
	}
	for _, g := range cs.ByType {
		if g.Cases > 0 {
			rows = append(rows, []string{"  " + l.T("cases.type."+g.Code), n(g.Cases)})
		}
	}
	rows = append(rows,
		[]string{l.T("cases.cli_risk_checks"), n(cs.RiskChecks.Checks)},
		[]string{l.T("cases.cli_open_units"), n(cs.RiskChecks.OpenUnits)},
	)
	columns(w, "  ", rows, "lr")
}
