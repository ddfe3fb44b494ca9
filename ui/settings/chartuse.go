package settings

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// Field keys of the chart form (labels "field.<key>", the store's fields).
const (
	fChartStandard = "chart_standard"
	fChartYear     = "chart_year"
)

// newChartUseForm puts a published chart in force from a year: the 2021
// chart (the default) or the 2010 one (财会〔2009〕7号), for a union that
// keeps its books on it. The years before keep their chart; the store
// refuses a closed year and a chart without an account the year's entries
// or budget use. (A chart of the union's own comes from a sheet: books
// chart --file.)
func newChartUseForm(c *common.Common, st *stack.Stack) *form.Screen {
	f := form.New(c,
		form.ChoiceField(fChartStandard, true, []form.Option{
			{Label: c.T("settings.chart_2021"), Value: 2021},
			{Label: c.T("settings.chart_2010"), Value: 2010},
		}),
		form.TextField(fChartYear, true, c.T("settings.hint_chart_year")),
	)
	year := c.Today().Year()
	if status, err := c.Store.BooksStatus(); err == nil && status.ClosedMonth != 0 && status.ClosedMonth.Year() >= year {
		year = status.ClosedMonth.Year() + 1 // the first year that is not closed
	}
	f.SetValue(fChartYear, strconv.Itoa(year))
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, _, ps := readChartUse(f); return ps }
	f.Revalidate()
	return form.NewScreen(c, st, c.T("settings.chart_use_title"), f, func() tea.Cmd {
		std, from, _ := readChartUse(f)
		if err := c.Store.UseStandardChart(c.OperatorName(), std, from); err != nil {
			return f.SaveError(err, map[string]string{"chart": fChartStandard, "chart_standard": fChartStandard, "chart_year": fChartYear})
		}
		st.Pop()
		return tea.Batch(common.SetStatus(c.T("books.chart_in_force", std, from), false), common.Changed(model.EntityProfile, 0))
	}).WithIntro(c.T("settings.chart_use_intro"))
}

// readChartUse reads the chart chosen and its first year.
func readChartUse(f *form.Form) (std string, year int, ps model.Problems) {
	std = model.Chart2021
	if v, _ := f.Choice(fChartStandard); v == 2010 {
		std = model.Chart2010
	}
	v := strings.TrimSpace(f.Value(fChartYear))
	y, err := strconv.Atoi(v)
	switch {
	case v == "":
		ps = append(ps, model.Problem{Field: fChartYear, Key: "problem.required"})
	case err != nil || y < 2000 || y > 2100:
		ps = append(ps, model.Problem{Field: fChartYear, Key: "settings.chart_year_bad", Args: []any{v}})
	}
	return std, y, ps
}
