package events

import (
	"strconv"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
)

// roster is the members, read from the store when first needed (the
// chooser, participants' names) and kept until members, units or an
// import change: the tab's one cache, so that opening the chooser again
// on a large roster is instant.
type roster struct {
	c       *common.Common
	members []model.Member
	byID    map[uint64]int // member ID -> index into members
	loaded  bool
}

// forget drops the members after a change that may have touched them.
func (r *roster) forget(changed model.Entity) {
	switch changed {
	case model.EntityMember, model.EntityUnit, model.EntityImport, "":
		r.members, r.byID, r.loaded = nil, nil, false
	}
}

// all is every member, read if need be.
func (r *roster) all() ([]model.Member, error) {
	if r.loaded {
		return r.members, nil
	}
	ms, err := r.c.Store.Members()
	if err != nil {
		return nil, err
	}
	r.members, r.loaded = ms, true
	r.byID = make(map[uint64]int, len(ms))
	for i := range ms {
		r.byID[ms[i].ID] = i
	}
	return ms, nil
}

// member is member id; false when it is unknown or the roster unreadable.
func (r *roster) member(id uint64) (*model.Member, bool) {
	if _, err := r.all(); err != nil {
		return nil, false
	}
	i, ok := r.byID[id]
	if !ok {
		return nil, false
	}
	return &r.members[i], true
}

// names are the members' names in order, "#id" for one unknown.
func (r *roster) names(ids []uint64) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if m, ok := r.member(id); ok {
			out = append(out, m.Name)
		} else {
			out = append(out, "#"+strconv.FormatUint(id, 10))
		}
	}
	return out
}

// units are the units with their names by ID.
type units struct {
	list       []model.Unit
	byID       map[uint64]string
	federation string // the name of unit 0, the federation itself
}

func loadUnits(c *common.Common) (units, error) {
	us, err := c.Store.Units()
	search.SortUnits(us)
	u := units{list: us, byID: make(map[uint64]string, len(us)), federation: c.T("events.federation")}
	for _, x := range us {
		u.byID[x.ID] = x.Name
	}
	return u, err
}

// label names an organising unit; 0 is the federation itself.
func (u units) label(id uint64) string {
	if id == 0 {
		return u.federation
	}
	if n, ok := u.byID[id]; ok {
		return n
	}
	return "#" + strconv.FormatUint(id, 10)
}

// eventAccounts are the accounts an event may pay from: the sub-accounts of
// 501 (the union's own too) and 50205 送温暖费.
func eventAccounts(c *common.Common) ([]model.Account, error) {
	chart, err := c.Store.Chart()
	if err != nil {
		return nil, err
	}
	var out []model.Account
	for _, a := range chart {
		if model.EventAccountAllowed(a.Code) && model.IsSubAccount(a.Code) {
			out = append(out, a)
		}
	}
	return out, nil
}

// accountLabel names an account of the chart in the user's language.
func accountLabel(c *common.Common, code string) string {
	chart, err := c.Store.Chart()
	if err == nil {
		if a, ok := model.FindAccount(chart, code); ok {
			return a.Label(c.Lang == i18n.EN)
		}
	}
	return code
}
