package overview

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
)

// Figures are what the overview shows.
type Figures struct {
	Year       int
	Members    model.Stats
	Months     []storage.Collection // the twelve months of Year
	Due, Paid  model.Money
	InArrears  int
	ArrearsMin int
	// Of Paid, what units collecting their own dues reported; their
	// unit-months not reported; members left out of the arrears for want
	// of a wage base.
	Reported   model.Money
	Unreported int
	NoBase     int
	Balance    model.Money
	Extra      []any // one result per section
}

// loadedMsg carries the figures of the load numbered seq.
type loadedMsg struct {
	seq int
	f   Figures
	err error
}

// loadFigures is the command that computes the figures and the sections'
// results as of today.
func loadFigures(seq int, s *storage.Store, today model.Date, sections []common.OverviewSection) tea.Cmd {
	return func() tea.Msg {
		// The figures, the sections (the organisation line counts the same
		// roster) and the Dues tab's load beside this one share one read.
		defer s.HoldSharedReads()()
		f, err := compute(s, today)
		for _, sec := range sections {
			if err != nil {
				break
			}
			var r any
			r, err = sec.Compute(s, today)
			f.Extra = append(f.Extra, r)
		}
		return loadedMsg{seq: seq, f: f, err: err}
	}
}

func compute(s *storage.Store, today model.Date) (Figures, error) {
	f := Figures{Year: today.Year()}
	units, err := s.Units()
	if err != nil {
		return f, err
	}
	// One read for the roster counts, the months and the arrears, shared
	// with the Dues tab's load running beside this one.
	members, sum, err := s.RosterAndDuesShared(f.Year, model.DueThrough(today))
	if err != nil {
		return f, err
	}
	f.Members = model.RosterStats(units, members)
	f.Months = sum.Months
	for _, m := range f.Months {
		f.Due += m.Due
		f.Paid += m.Paid
		f.Reported += m.ReportedPaid
		f.Unreported += m.Unreported
	}
	f.ArrearsMin, f.InArrears, f.NoBase = sum.ArrearsMonths, sum.InArrears, sum.NoBase
	f.Balance = sum.Balance
	return f, nil
}

func rateText(paid, due model.Money) string {
	if due <= 0 {
		return "-"
	}
	bp := model.RateBP(paid, due)
	return fmt.Sprintf("%d.%02d%%", bp/100, bp%100)
}
