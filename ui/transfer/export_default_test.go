package transfer

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// The period starts as the last whole quarter (testNow is 1 June 2025),
// shown selected: a period typed over it replaces it and is accepted, in
// Chinese as in English.
func TestExportPeriodDefaultIsReplacedByTyping(t *testing.T) {
	eachExport(t, func(t *testing.T, hs *harness) {
		hs.Keys("E")
		f := top[*exportForm](t, hs)
		if f.period.Value() != "2025-Q1" {
			t.Fatalf("the period starts as %q, want 2025-Q1", f.period.Value())
		}
		uitest.Contains(t, exportScreen(t, hs), "2025-Q1")
		hs.Type("2024-Q4")
		if got := f.period.Value(); got != "2024-Q4" {
			t.Fatalf("typing 2024-Q4 over the default gave %q", got)
		}
		if msg, _ := f.problem(exPeriod); msg != "" {
			t.Errorf("the typed period is refused: %s", msg)
		}
		uitest.Lacks(t, exportScreen(t, hs), plain(i18n.Text(i18n.E("export.bad_period", "2025-Q12024-Q4"), hs.C.Lang)))
		if j := f.job(); j.opts.Period.Text != "2024-Q4" {
			t.Errorf("the export would be of %q", j.opts.Period.Text)
		}
	})
}

// backspace or a cursor key first makes the default text to edit.
func TestExportPeriodDefaultEditedAfterBackspace(t *testing.T) {
	eachExport(t, func(t *testing.T, hs *harness) {
		hs.Keys("E")
		f := top[*exportForm](t, hs)
		hs.Keys("backspace")
		hs.Type("2")
		if got := f.period.Value(); got != "2025-Q2" {
			t.Errorf("backspace then 2 gave %q, want 2025-Q2", got)
		}
		hs.Keys("home")
		hs.Type("x")
		if got := f.period.Value(); got != "x2025-Q2" {
			t.Errorf("home then x gave %q", got)
		}
	})
}

func TestLastQuarter(t *testing.T) {
	for today, want := range map[string]string{
		"2026-01-05": "2025-Q4", "2026-03-31": "2025-Q4", "2026-04-01": "2026-Q1",
		"2026-11-21": "2026-Q3", "2026-12-31": "2026-Q3", "2025-06-01": "2025-Q1",
	} {
		d, err := model.ParseDate(today)
		if err != nil {
			t.Fatal(err)
		}
		if got := lastQuarter(d); got != want {
			t.Errorf("lastQuarter(%s) = %s, want %s", today, got, want)
		}
		if _, err := model.ParsePeriod(lastQuarter(d)); err != nil {
			t.Errorf("the default %s is no period: %v", lastQuarter(d), err)
		}
	}
}

// The menu's latest exports say, after each period, whether its package
// held that period's records or all of them.
func TestMenuRecentExportsSayTheirScope(t *testing.T) {
	eachExport(t, func(t *testing.T, hs *harness) {
		recordExports(t, hs)
		hs.Send(common.DataChangedMsg{Entity: model.EntityExport})
		out := exportScreen(t, hs)
		if !hasLine(out, "2025-H1  "+hs.C.T("period.scope_period")) || !hasLine(out, "2024  "+hs.C.T("period.scope_whole")) {
			t.Errorf("the latest exports do not say their records:\n%s", out)
		}
	})
}
