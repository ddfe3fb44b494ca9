package storage

import (
	"go.etcd.io/bbolt"

	"unionbook/model"
)

// DuesSummary is what a summary of the union (unionbook stats) says of
// dues: the months of a year, the members in arrears and the cash balance.
type DuesSummary struct {
	Months        []Collection // the twelve months of the year, as CollectionByMonth
	ArrearsMonths int          // the profile's threshold (6 when unset)
	InArrears     int          // members with at least ArrearsMonths consecutive unpaid months
	NoBase        int          // members left out of the arrears: no wage base
	Balance       model.Money
}

// RosterAndDues reads the roster and the dues summary of year, with
// arrears as of asOf, in one read transaction that decodes the roster
// once: Members, CollectionByMonth and Arrears would each decode all of it
// (100,000 members three times). The roster returned is shared with other
// readers of the same state (see duesShared): read it, never change it.
func (s *Store) RosterAndDues(year int, asOf model.Month) ([]model.Member, DuesSummary, error) {
	return s.rosterAndDues(year, asOf, false)
}

// RosterAndDuesShared is RosterAndDues for a screen whose load runs beside
// the Dues tab's (the Overview): the arrears are listed for every run
// length once, for both (see duesShared).
func (s *Store) RosterAndDuesShared(year int, asOf model.Month) ([]model.Member, DuesSummary, error) {
	return s.rosterAndDues(year, asOf, true)
}

func (s *Store) rosterAndDues(year int, asOf model.Month, share bool) ([]model.Member, DuesSummary, error) {
	var ms []model.Member
	var sum DuesSummary
	current := model.DateOf(s.now()).Month()
	err := s.db.View(func(tx *bbolt.Tx) error {
		d, err := s.dues(tx)
		if err != nil {
			return err
		}
		ms = d.roster
		first := model.Month(year*100 + 1)
		g, err := d.grid(tx, first, first.Add(11), current)
		if err != nil {
			return err
		}
		sum.Months = g.byMonth()
		p, err := profileOrDefault(tx)
		if err != nil {
			return err
		}
		sum.ArrearsMonths = arrearsMonths(&p)
		ar, err := d.arrearsList(tx, asOf, sum.ArrearsMonths, share)
		if err != nil {
			return err
		}
		sum.InArrears, sum.NoBase = len(ar.Arrears), ar.NoBase
		sum.Balance, err = balanceBefore(tx, model.Month(1<<31-1))
		return err
	})
	if err != nil {
		return nil, DuesSummary{}, err
	}
	return ms, sum, nil
}
