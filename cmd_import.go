package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/roster"
	"unionbook/scratch"
	"unionbook/storage"
)

// importMemoryLimit is the Go heap's soft limit during an import.
const importMemoryLimit = 440 << 20

// maxShownProblems bounds the problems printed; --report has them all.
const maxShownProblems = 50

// maxShownColumns bounds the ignored columns named.
const maxShownColumns = 20

// duplicateFlag validates --on-duplicate.
type duplicateFlag struct{ d *roster.Duplicate }

func (f duplicateFlag) String() string {
	if f.d == nil {
		return "error"
	}
	return [...]string{"error", "skip", "update"}[*f.d]
}

func (f duplicateFlag) Set(s string) error {
	d, ok := roster.ParseDuplicate(s)
	if !ok || strings.TrimSpace(s) == "" {
		return fmt.Errorf("bad value")
	}
	*f.d = d
	return nil
}

// importCommand imports a roster (members) or a list of units from .xlsx
// or .csv, all rows or none.
var importCommand = &command{
	name:    "import",
	summary: "cli.cmd.import",
	about:   "cli.cmd.import_about",
	args:    "cli.cmd.import_args",
	nargs:   [2]int{1, 2},
	require: []string{"db"},
	flags: func(fs *flag.FlagSet) func(*env, []string) error {
		db := fs.String("db", "", "cli.flag.db")
		sheet := fs.String("sheet", "", "cli.flag.sheet")
		unit := fs.String("unit", "", "cli.flag.unit")
		dryRun := fs.Bool("dry-run", false, "cli.flag.dry_run")
		dup := roster.DupError
		fs.Var(duplicateFlag{&dup}, "on-duplicate", "cli.flag.on_duplicate")
		skipInvalid := fs.Bool("skip-invalid", false, "cli.flag.skip_invalid")
		report := fs.String("report", "", "cli.flag.report")
		createUnits := fs.Bool("create-units", false, "cli.flag.create_units")
		exactUnits := fs.Bool("exact-units", false, "cli.flag.exact_units")
		joinDate := fs.String("join-date", "", "cli.flag.join_date")
		passFile := fs.String("passphrase-file", "", "export.flag_passphrase_file")
		identity := fs.String("identity", "", "verify.flag_identity")
		from := fs.String("from", "", "cli.flag.wage_from")
		return func(e *env, args []string) error {
			var kind roster.Kind
			switch strings.ToLower(args[0]) {
			case "members", "member":
				kind = roster.Members
			case "units", "unit":
				kind = roster.Units
			case "package":
				if len(args) < 2 {
					return usageErr(i18n.E("cli.missing_arg"))
				}
				return runImportPackage(e, args[1], *db, *passFile, *identity)
			case "wages", "wage":
				if len(args) < 2 {
					return usageErr(i18n.E("cli.missing_arg"))
				}
				return runImportWages(e, wagesRun{file: args[1], db: *db, sheet: *sheet, from: *from, dryRun: *dryRun, report: *report})
			default:
				return usageErr(i18n.E("import.bad_kind", args[0]))
			}
			if len(args) < 2 {
				return usageErr(i18n.E("cli.missing_arg"))
			}
			if kind == roster.Units && *unit != "" {
				return usageErr(i18n.E("cli.unexpected_arg", "--unit"))
			}
			if kind == roster.Units && *joinDate != "" {
				return usageErr(i18n.E("cli.unexpected_arg", "--join-date"))
			}
			var join model.Date
			if *joinDate != "" {
				d, err := model.ParseDate(*joinDate)
				if err != nil {
					return usageErr(i18n.E("import.bad_join_date", i18n.Text(err, e.lang)))
				}
				join = d
			}
			return runImport(e, importRun{
				kind: kind, file: args[1], db: *db, sheet: *sheet, unit: *unit, dryRun: *dryRun,
				dup: dup, skipInvalid: *skipInvalid, report: *report, createUnits: *createUnits,
				joinDate: join, exactUnits: *exactUnits,
			})
		}
	},
}

type importRun struct {
	kind                             roster.Kind
	file, db, sheet, unit, report    string
	dryRun, skipInvalid, createUnits bool
	exactUnits                       bool // --exact-units: no near matches of unit names
	dup                              roster.Duplicate
	joinDate                         model.Date // --join-date, 0 for none
}

func runImport(e *env, r importRun) error {
	l := e.lang
	if e.getenv("GOMEMLIMIT") == "" {
		// A 100,000-row roster peaks near 480 MB unchecked; a soft limit
		// keeps it under 450 MB for a few per cent more time in the GC.
		debug.SetMemoryLimit(importMemoryLimit)
	}
	// the file first: a missing or unreadable file is named before the
	// database is opened (or created); a large workbook's parts unzip into
	// the database's private scratch folder (in memory if it cannot be made)
	tmpDir := ""
	sess, err := scratch.Begin(r.db)
	if err == nil {
		defer sess.Close()
		tmpDir = sess.Dir()
	}
	src, err := roster.OpenFile(r.file, r.sheet, tmpDir)
	if err != nil {
		return err
	}
	st, err := openStore(r.db, storage.Options{})
	if err != nil {
		src.Close()
		return err
	}
	defer st.Close()
	// the sheet's rows are checked while the next ones are read
	plan, err := src.Prepare(e.ctx, st, roster.Options{
		Kind: r.kind, Unit: r.unit, OnDuplicate: r.dup, CreateUnits: r.createUnits, Today: model.Today(),
		JoinDate: r.joinDate, ExactUnits: r.exactUnits,
	})
	if err != nil {
		return err
	}
	t := plan.Table
	out := e.stdout
	if plan.Header.Index >= 0 {
		if t.Format == roster.XLSX {
			fmt.Fprintln(out, l.T("import.source_xlsx", filepath.Base(r.file), t.Sheet, plan.Header.Row))
		} else {
			fmt.Fprintln(out, l.T("import.source_csv", filepath.Base(r.file), t.Encoding, commaName(t.Comma), plan.Header.Row))
		}
	}
	if names, more := plan.Header.UnknownNames(maxShownColumns); len(names) > 0 {
		list := strings.Join(names, ", ")
		if more > 0 {
			list += " " + l.T("import.more_columns", more)
		}
		fmt.Fprintln(out, l.T("import.ignored_columns", list))
	}
	if plan.Ignored > 0 {
		fmt.Fprintln(out, l.T("import.ignored_rows_why", plan.Ignored, plan.IgnoredText(l)))
	}
	writeUnitMatches(out, plan, l)
	if plan.NoJoinDate > 0 && r.joinDate != 0 {
		fmt.Fprintln(out, l.T("import.join_date_used", plan.NoJoinDate, r.joinDate.String()))
	}
	if len(plan.NewUnits) > 0 {
		var names []string
		for _, u := range plan.NewUnits {
			names = append(names, u.Name)
		}
		fmt.Fprintln(out, l.T("import.unknown_units", len(names), strings.Join(names, "、")))
		if !r.createUnits {
			fmt.Fprintln(out, l.T("import.unknown_units_hint"))
		}
	}
	issues := plan.Issues()
	for i, is := range issues {
		if i == maxShownProblems {
			fmt.Fprintln(out, l.T("import.more_problems", len(issues)-i))
			break
		}
		fmt.Fprintln(out, is.Localize(l))
	}
	writeUpdates(out, plan, l)
	if plan.NoJoinDate > 0 && r.joinDate == 0 {
		fmt.Fprintln(out, l.T("import.join_date_hint", plan.NoJoinDate))
	}
	if r.report != "" {
		if err := roster.WriteReport(r.report, plan, l, sess); err != nil {
			return err
		}
		fmt.Fprintln(out, l.T("import.report_written", r.report))
	}
	kindName := l.T("import.kind_members")
	if r.kind == roster.Units {
		kindName = l.T("import.kind_units")
	}
	s := plan.Stats
	summary := func(outcome string) {
		fmt.Fprintln(out, l.T("import.summary", kindName, s.Read, s.Valid, s.Problems, s.New, s.Duplicates, outcome))
	}
	switch {
	case len(plan.FileIssues) > 0:
		summary(l.T("import.outcome_nothing"))
		return i18n.E("import.file_problem")
	case s.Problems > 0 && !r.skipInvalid:
		summary(l.T("import.outcome_nothing"))
		return i18n.E("import.has_problems", s.Problems)
	case r.dryRun:
		summary(l.T("import.outcome_dry_run"))
		return nil
	}
	res, err := plan.Commit(e.ctx, st, operatorName(st), nil)
	if res.Backup != "" {
		fmt.Fprintln(out, l.T("import.backup_taken", res.Backup))
	}
	if err != nil {
		summary(l.T("import.outcome_nothing"))
		return err
	}
	summary(l.T("import.outcome_wrote", res.Created, res.Updated, res.Unchanged, res.UnitsCreated))
	if s.Problems > 0 {
		fmt.Fprintln(out, l.T("importer.left_out", s.Problems))
	}
	return nil
}

// writeUnitMatches lists the unit names taken as registered units of near
// names, and how to refuse them.
func writeUnitMatches(out io.Writer, plan *roster.Plan, l i18n.Lang) {
	if len(plan.UnitMatches) == 0 {
		return
	}
	fmt.Fprintln(out, l.T("import.unit_matches", len(plan.UnitMatches)))
	for _, m := range plan.UnitMatches {
		if m.Refused {
			fmt.Fprintln(out, "  "+l.T("import.unit_match_refused", m.Written, m.Unit, m.Rows))
			continue
		}
		fmt.Fprintln(out, "  "+l.T("import.unit_match", m.Written, m.Unit, l.T(m.Why), m.Rows))
	}
	fmt.Fprintln(out, l.T("import.unit_matches_hint"))
}

// writeUpdates previews, field by field, what the rows that update stored
// members change (--on-duplicate update).
func writeUpdates(out io.Writer, plan *roster.Plan, l i18n.Lang) {
	n := 0
	for i := range plan.Items {
		if it := &plan.Items[i]; it.Action == roster.Update && len(it.Changes) > 0 {
			n++
		}
	}
	if n == 0 {
		return
	}
	fmt.Fprintln(out, l.T("import.updates", n))
	shown := 0
	for i := range plan.Items {
		it := &plan.Items[i]
		if it.Action != roster.Update || len(it.Changes) == 0 {
			continue
		}
		if shown == maxShownProblems {
			fmt.Fprintln(out, "  "+l.T("import.more_updates", n-shown))
			break
		}
		shown++
		who := it.Member.Name
		if it.Member.No != "" {
			who += " (" + it.Member.No + ")"
		}
		fmt.Fprintln(out, "  "+l.T("import.at_row", it.Row, who+"  "+roster.ChangesText(it.Changes, l)))
	}
}

// operatorName is the profile's operator, for the audit log.
func operatorName(st *storage.Store) string {
	if p, ok, err := st.Profile(); err == nil && ok && p.Operator != "" {
		return p.Operator
	}
	return "import"
}

func commaName(c rune) string {
	switch c {
	case '\t':
		return "Tab"
	case ';':
		return ";"
	}
	return ","
}
