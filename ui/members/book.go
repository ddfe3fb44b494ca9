package members

import (
	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/form"
)

// book is the Members tab's data, shared by its screens: the roster in
// memory with its order and filters, and the units by name. The page keeps
// it current after writes anywhere in the program.
type book struct {
	c      *common.Common
	r      *roster
	units  []model.Unit
	unitBy map[uint64]string
	err    error // the last load's, shown over the list
}

// newBook loads the roster and the units from the store.
func newBook(c *common.Common) *book {
	b := &book{c: c}
	ms, err := c.Store.Members()
	if err != nil {
		b.err = err
	}
	b.r = newRoster(ms)
	b.loadUnits()
	return b
}

func (b *book) loadUnits() {
	us, err := b.c.Store.Units()
	if err != nil {
		b.err = err
		return
	}
	search.SortUnits(us)
	b.units = us
	b.unitBy = make(map[uint64]string, len(us))
	for _, u := range us {
		b.unitBy[u.ID] = u.Name
	}
	b.r.setUnits(b.unitBy)
}

// member is the member with that ID as the roster holds it.
func (b *book) member(id uint64) (model.Member, bool) {
	x, ok := b.r.byID[id]
	if !ok {
		return model.Member{}, false
	}
	return x.m, true
}

// unitOptions are the units for a picker, in pinyin order.
func (b *book) unitOptions() []form.Option {
	opts := make([]form.Option, 0, len(b.units))
	for _, u := range b.units {
		opts = append(opts, form.Option{Label: u.Name, Value: u.ID})
	}
	return opts
}

// refresh brings the roster up to date after a write: a unit's name, one
// member changed (here or in another tab, a wage base), or many at once
// (an import, ID 0), which reloads the whole roster.
func (b *book) refresh(m common.DataChangedMsg) {
	switch m.Entity {
	case model.EntityUnit:
		b.loadUnits()
		if m.ID == 0 { // units imported: their members may have come too
			b.reload()
		}
	case model.EntityMember:
		if m.ID == 0 {
			b.reload()
			break
		}
		if x, err := b.c.Store.Member(m.ID); err == nil {
			b.r.put(x)
		}
	}
}

// reload reads the whole roster again, keeping the filters and the order.
func (b *book) reload() {
	ms, err := b.c.Store.Members()
	if err != nil {
		b.err = err
		return
	}
	old := b.r
	b.r = newRoster(ms)
	b.r.setUnits(b.unitBy)
	b.r.unitFilter, b.r.statusFilter = old.unitFilter, old.statusFilter
	b.r.setSort(old.sortCol, old.sortDesc)
	b.r.setQuery(old.query)
}
