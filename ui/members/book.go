package members

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
)

// book is the Members tab's data, shared by its screens: the roster in
// memory with its order and filters, and the units by name. The roster is
// read in the background (load), so the first screen does not wait for
// it; until it comes the list says so, and its filters, sort and search
// wait in an empty roster. The page keeps it current after writes
// anywhere in the program.
type book struct {
	c       *common.Common
	r       *roster
	units   []model.Unit
	unitBy  map[uint64]string
	loading bool  // a load is under way
	stale   bool  // the members changed while it was: load again
	seq     int   // of the load under way
	err     error // the last load's, shown over the list
}

// rosterMsg is a roster read in the background by the load numbered seq.
type rosterMsg struct {
	seq int
	r   *roster
	err error
}

// newBook reads the units; the roster comes with load.
func newBook(c *common.Common) *book {
	b := &book{c: c, r: newRoster(nil)}
	b.loadUnits()
	return b
}

// load reads the roster in the background: the members' lines and their
// search keys.
func (b *book) load() tea.Cmd {
	b.seq++
	b.loading, b.stale = true, false
	store, seq := b.c.Store, b.seq
	return func() tea.Msg {
		ms, err := store.MemberLines()
		if err != nil {
			return rosterMsg{seq: seq, err: err}
		}
		return rosterMsg{seq: seq, r: newRoster(ms)}
	}
}

// loaded takes in a roster read by load, with the filters, order and
// search of the one it replaces; it loads again when the members changed
// meanwhile.
func (b *book) loaded(m rosterMsg) tea.Cmd {
	if m.seq != b.seq {
		return nil
	}
	b.loading = false
	if m.err != nil {
		b.err = m.err
		return nil
	}
	b.err = nil
	old := b.r
	b.r = m.r
	b.r.setUnits(b.unitBy)
	b.r.unitFilter, b.r.statusFilter = old.unitFilter, old.statusFilter
	b.r.setSort(old.sortCol, old.sortDesc)
	b.r.setQuery(old.query)
	if b.stale {
		return b.load()
	}
	return nil
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

// member reads the member with that ID, whole, from the store.
func (b *book) member(id uint64) (model.Member, error) { return b.c.Store.Member(id) }

// unitOptions are the units for a picker, in pinyin order.
func (b *book) unitOptions() []form.Option {
	opts := make([]form.Option, 0, len(b.units))
	for _, u := range b.units {
		opts = append(opts, form.Option{Label: u.Name, Value: u.ID})
	}
	return opts
}

// put shows a member just saved in the roster.
func (b *book) put(m *model.Member) {
	b.r.put(storage.LineOf(m))
	if b.loading {
		b.stale = true
	}
}

// remove takes a member just deleted out of the roster.
func (b *book) remove(id uint64) {
	b.r.remove(id)
	if b.loading {
		b.stale = true
	}
}

// refresh brings the roster up to date after a write: a unit's name, one
// member changed (here or in another tab, a wage base), or many at once
// (an import, ID 0), which reads the whole roster again.
func (b *book) refresh(m common.DataChangedMsg) tea.Cmd {
	switch m.Entity {
	case model.EntityUnit:
		b.loadUnits()
		if m.ID == 0 { // units imported: their members may have come too
			return b.load()
		}
	case model.EntityMember:
		if m.ID == 0 {
			return b.load()
		}
		if x, err := b.c.Store.Member(m.ID); err == nil {
			b.put(&x)
		}
	}
	return nil
}
