package units

import (
	"slices"
	"strings"

	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
)

// book is the Units tab's data, shared by its screens: every unit in
// pinyin order with its search key, and the member count of each.
type book struct {
	c      *common.Common
	all    []*unitRow
	counts map[uint64]int
	err    error // the last load's, shown over the list
}

type unitRow struct {
	u       model.Unit
	key     search.Key
	sortKey string
}

func newBook(c *common.Common) *book {
	b := &book{c: c}
	b.reload()
	return b
}

// reload reads the units and their member counts again.
func (b *book) reload() {
	us, err := b.c.Store.Units()
	if err != nil {
		b.err = err
		return
	}
	counts, err := b.c.Store.UnitMemberCounts()
	if err != nil {
		b.err = err
		return
	}
	b.err = nil
	b.counts = counts
	b.all = make([]*unitRow, len(us))
	for i, u := range us {
		b.all[i] = &unitRow{u: u, key: search.NewKey(u.Name, "", u.Phone, u.CreditCode), sortKey: search.OrgSortKey(u.Name)}
	}
	slices.SortStableFunc(b.all, func(a, b *unitRow) int { return strings.Compare(a.sortKey, b.sortKey) })
}

// unit is the unit with that ID.
func (b *book) unit(id uint64) (model.Unit, bool) {
	for _, r := range b.all {
		if r.u.ID == id {
			return r.u, true
		}
	}
	return model.Unit{}, false
}
