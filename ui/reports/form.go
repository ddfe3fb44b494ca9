package reports

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/report"
	"unionbook/ui/filechooser"
	"unionbook/ui/form"
)

// Field keys of a report's form (labels "field.<key>").
const (
	fPeriod  = "report_period"
	fYear    = "report_year"
	fAccount = "report_account"
)

// newForm asks what a report is written for: a period (and the money
// account of a journal) or a survey year. ctrl+s goes on to the checks of
// a report that has them, otherwise to where to save it.
func newForm(e *env, r report.Report) *form.Screen {
	c := e.c
	var fields []*form.Field
	if r.For == report.ForYear {
		fields = append(fields, form.TextField(fYear, true, c.T("reports.hint_year")))
	} else {
		fields = append(fields, form.TextField(fPeriod, true, c.T("reports.hint_period")))
	}
	if r.Money {
		var opts []form.Option
		for _, m := range model.MoneyAccounts() {
			opts = append(opts, form.Option{Label: c.T(m.Key()), Value: uint64(m)})
		}
		fields = append(fields, form.ChoiceField(fAccount, true, opts))
	}
	f := form.New(c, fields...)
	today := c.Today()
	if r.For == report.ForYear {
		f.SetDefault(fYear, strconv.Itoa(lastSurveyYear(today)))
	} else {
		f.SetDefault(fPeriod, defaultPeriod(r, today))
	}
	if r.Money {
		f.SetChoice(fAccount, uint64(model.MoneyCash))
	}
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, ps := e.read(r, f); return ps }
	f.Revalidate()
	sc := form.NewScreen(c, e.st, title(c, r), f, func() tea.Cmd {
		o, ps := e.read(r, f)
		if len(ps) > 0 {
			return nil
		}
		f.MarkClean() // what was typed stays; going back asks nothing
		if r.Check != nil {
			return e.st.Push(newChecks(e, r, o))
		}
		return e.chooseFile(r, o, 0)
	})
	return sc.WithIntro(about(c, r)).WithSubmit("reports.key_next")
}

// read turns the form into the report's options, or its problems.
func (e *env) read(r report.Report, f *form.Form) (report.Options, model.Problems) {
	o := e.options()
	today := e.c.Today()
	if r.For == report.ForYear {
		v := strings.TrimSpace(f.Value(fYear))
		y, err := strconv.Atoi(v)
		switch {
		case v == "":
			return o, model.Problems{{Field: fYear, Key: "problem.required"}}
		case err != nil || y < 2000 || y > 2100:
			return o, model.Problems{{Field: fYear, Key: "survey.bad_year", Args: []any{v}}}
		case model.Date((y-1)*10000+1001) > today:
			return o, model.Problems{{Field: fYear, Key: "survey.year_future", Args: []any{y}}}
		}
		o.Year = y
	} else {
		v := strings.TrimSpace(f.Value(fPeriod))
		if v == "" {
			return o, model.Problems{{Field: fPeriod, Key: "problem.required"}}
		}
		p, err := model.ParsePeriod(v)
		if err != nil {
			return o, model.Problems{form.ProblemOf(fPeriod, err)}
		}
		if p.First() > today {
			return o, model.Problems{{Field: fPeriod, Key: "summary.period_future", Args: []any{p.Label(e.c.Lang)}}}
		}
		o.Period = p
	}
	if r.Money {
		m, _ := f.Choice(fAccount)
		o.Money = model.MoneyAccount(m)
	}
	return o, nil
}

// chooseFile opens the file chooser on the Desktop with the report's file
// name; once she has chosen, the report is written. failed is the number
// of checks that failed, for the line that says where it went.
func (e *env) chooseFile(r report.Report, o report.Options, failed int) tea.Cmd {
	c := e.c
	fo := filechooser.Options{
		Title: c.T("reports.choose_title", titleOf(c, r, o)),
		Mode:  filechooser.Save,
		Exts:  []string{r.Ext},
		Name:  report.FileName(r.Name, o),
		FS:    Files,
	}
	return e.st.Push(filechooser.New(c, e.st, fo, func(path string) tea.Cmd {
		return e.st.Push(newWriting(e, r, o, path, failed))
	}))
}

// lastSurveyYear is the survey year that ended last: the year of the last
// 30 September passed (the district asks for it in the autumn).
func lastSurveyYear(today model.Date) int {
	if today.Month().MonthOfYear() >= 10 {
		return today.Year()
	}
	return today.Year() - 1
}

// defaultPeriod is this month for the books' reports (as the Cash book's
// print form has it) and this half year for the summary.
func defaultPeriod(r report.Report, today model.Date) string {
	if r.Name != "summary" {
		return today.Month().String()
	}
	if today.Month().MonthOfYear() <= 6 {
		return strconv.Itoa(today.Year()) + "-H1"
	}
	return strconv.Itoa(today.Year()) + "-H2"
}
