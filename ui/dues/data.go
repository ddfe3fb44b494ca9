package dues

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
	"unionbook/ui/common"
)

// data is what the tab's screens share, read from the store: the dues
// settings, unit names, and the arrears and collection by unit, which are
// computed in the background (Load). The page refreshes it before the
// screens see a data change or a result.
type data struct {
	c      *common.Common
	k      keys
	prof   model.Profile // ArrearsMonths set (6 when unset)
	rules  model.DuesRules
	unitBy map[uint64]string

	arr        arrearsData
	year       int                  // of collection
	collection []storage.Collection // by unit, sorted by unit name
	loading    bool                 // Load has not answered yet
	err        error
	lastDir    string // where a document was last saved in this session
	seq        int    // numbers the background reads, to know their answers
}

// arrearsData is the members in arrears with what the list shows beside
// them: their names, last reminders, and whether those in a long run took
// part in an event in its months.
type arrearsData struct {
	list      []storage.Arrear // everyone with a month owing
	noBase    int              // members left out: months without a wage base
	names     storage.MemberNames
	reminded  map[uint64]model.Reminder
	tookPart  map[uint64]bool
	unitNotes map[uint64]model.Reminder // units reminded as a whole
}

func newData(c *common.Common) *data {
	d := &data{c: c, k: newKeys(c), year: c.Today().Year(), loading: true}
	d.reload()
	return d
}

// reload reads the settings and the unit names.
func (d *data) reload() {
	d.err = nil
	prof, _, err := d.c.Store.Profile()
	if err != nil {
		d.err = err
		return
	}
	if prof.ArrearsMonths <= 0 {
		prof.ArrearsMonths = 6
	}
	d.prof = prof
	if d.rules, err = d.c.Store.DuesRules(); err != nil {
		d.err = err
		return
	}
	units, err := d.c.Store.Units()
	if err != nil {
		d.err = err
		return
	}
	d.unitBy = make(map[uint64]string, len(units))
	for _, u := range units {
		d.unitBy[u.ID] = u.Name
	}
}

// loadedMsg carries the arrears and this year's collection by unit,
// computed in the background: on 100,000 members they take a few hundred
// milliseconds, which the first screen must not wait for.
type loadedMsg struct {
	arr        arrearsData
	year       int
	collection []storage.Collection
	err        error
}

// Load computes the arrears list and the collection by unit in a command.
func (d *data) Load() tea.Cmd {
	store, asOf, least, year := d.c.Store, model.DueThrough(d.c.Today()), d.prof.ArrearsMonths, d.c.Today().Year()
	from, to := d.period(year)
	return func() tea.Msg {
		// The Overview's load runs beside this one: one roster between them.
		defer store.HoldSharedReads()()
		msg := loadedMsg{year: year}
		msg.arr, msg.err = loadArrears(store, asOf, least)
		if msg.err != nil {
			return msg
		}
		msg.collection, msg.err = store.CollectionByUnit(from, to)
		return msg
	}
}

func loadArrears(store *storage.Store, asOf model.Month, least int) (arrearsData, error) {
	var a arrearsData
	l, err := store.ArrearsList(asOf, 1)
	if err != nil {
		return a, err
	}
	a.list, a.noBase = l.Arrears, l.NoBase
	ids := make([]uint64, len(a.list))
	spans := map[uint64]storage.Span{}
	for i, x := range a.list {
		ids[i] = x.MemberID
		if x.Consecutive >= least {
			spans[x.MemberID] = storage.Span{From: x.RunFrom, To: x.RunTo}
		}
	}
	if a.names, err = store.MemberNamesByID(ids); err != nil {
		return a, err
	}
	if a.reminded, a.unitNotes, err = store.LastReminders(); err != nil {
		return a, err
	}
	a.tookPart, err = store.TookPart(spans)
	return a, err
}

// loaded takes in what Load computed.
func (d *data) loaded(m loadedMsg) {
	d.loading = false
	if m.err != nil {
		d.err = m.err
		return
	}
	d.arr = m.arr
	d.year, d.collection = m.year, d.sortUnits(m.collection)
}

// period is the months of year's collection: up to this month.
func (d *data) period(year int) (from, to model.Month) {
	from = model.Month(year*100 + 1)
	to = model.Month(year*100 + 12)
	if today := d.c.Today().Month(); today < to {
		to = today
	}
	return from, to
}

// collectionOf is the collection by unit of year: the one loaded, or read
// now for another year.
func (d *data) collectionOf(year int) ([]storage.Collection, error) {
	if year == d.year && !d.loading {
		return d.collection, nil
	}
	col, err := d.c.Store.CollectionByUnit(d.period(year))
	return d.sortUnits(col), err
}

// sortUnits puts the units in pinyin order, as every list of units.
func (d *data) sortUnits(col []storage.Collection) []storage.Collection {
	ids := make([]uint64, len(col))
	at := make(map[uint64]storage.Collection, len(col))
	for i, c := range col {
		ids[i], at[c.UnitID] = c.UnitID, c
	}
	search.SortUnitIDs(ids, func(id uint64) string { return d.unitBy[id] })
	for i, id := range ids {
		col[i] = at[id]
	}
	return col
}

// unitName is a unit's name, or "-" for none.
func (d *data) unitName(id uint64) string {
	if n, ok := d.unitBy[id]; ok {
		return n
	}
	return "-"
}

// wageRule says what the wage base is and what dues are of it, at the rate
// in force this month.
func (d *data) wageRule() string {
	r := d.rules.In(d.c.Today().Month())
	if r.TruncUnit <= 1 {
		return d.c.T("dues.wage_rule_nocut", model.Money(r.RateBP).String())
	}
	return d.c.T("dues.wage_rule_rate", model.Money(r.RateBP).String(), r.TruncUnit.String())
}
