// Package cases is the Cases tab (维权): labour disputes, workers' calls and
// visits and legal aid (劳动争议调解, 来信来访, 法律援助), and the labour-relations
// risk checks (劳动关系隐患排查). Its screens, each its own type on the tab's
// stack: the list of cases with search and filters (list.go), a case's
// detail (detail.go), the forms for a case, its workers, a step, its
// closing and a reason (caseform.go, workers.go, stepform.go, closeform.go),
// the risk checks and their form (risks.go, riskform.go) and the figures of
// any period (figures.go). It also gives the Overview a section.
package cases

import (
	"strconv"

	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// Page is the Cases tab: a stack whose root is the list of cases.
type Page struct {
	stack.Tab
}

// New builds the tab on c with the list of cases at its root.
func New(c *common.Common) *Page {
	l := newList(c)
	p := &Page{Tab: stack.NewTab(c, c.T("cases.tab"), l)}
	l.st = p.Stack
	return p
}

// names are what the screens show for the IDs a case holds: unit names and
// the members who are workers of cases. Read from the store when a screen
// (re)loads, never kept across writes.
type names struct {
	units   map[uint64]string
	unitIDs []uint64 // in pinyin order, for pickers
	members map[uint64]model.Member
}

// loadNames reads the units and the members named by cs.
func loadNames(c *common.Common, cs ...model.Case) (names, error) {
	n := names{units: map[uint64]string{}, members: map[uint64]model.Member{}}
	units, err := c.Store.Units()
	if err != nil {
		return n, err
	}
	search.SortUnits(units)
	for _, u := range units {
		n.units[u.ID] = u.Name
		n.unitIDs = append(n.unitIDs, u.ID)
	}
	var ids []uint64
	for i := range cs {
		ids = append(ids, cs[i].MemberIDs()...)
	}
	if len(ids) > 0 {
		if n.members, err = c.Store.MembersByID(ids); err != nil {
			return n, err
		}
	}
	return n, nil
}

// unit names a case's or a check's unit: the register's, or the employer typed.
func (n names) unit(id uint64, employer string) string {
	if id == 0 {
		return employer
	}
	if s, ok := n.units[id]; ok {
		return s
	}
	return "#" + strconv.FormatUint(id, 10)
}

// worker is a worker's name, phone and ID number, a member's from the roster.
func (n names) worker(w model.CaseWorker) (name, no, phone, id string) {
	if w.MemberID == 0 {
		return w.Name, "", w.Phone, w.IDNumber
	}
	m, ok := n.members[w.MemberID]
	if !ok {
		return "#" + strconv.FormatUint(w.MemberID, 10), "", "", ""
	}
	return m.Name, m.No, m.Phone, m.IDNumber
}

// workersLabel is "张三" or "张三 等 12 人" (the headcount when more).
func workersLabel(c *common.Common, n names, cs *model.Case) string {
	if len(cs.Workers) == 0 {
		return c.T("cases.no_workers")
	}
	name, _, _, _ := n.worker(cs.Workers[0])
	if cs.Headcount > 1 {
		return c.T("cases.workers_more", name, cs.Headcount)
	}
	return name
}

// statusLabel is the case's state: open, its outcome, or void.
func statusLabel(c *common.Common, cs *model.Case) string {
	switch {
	case cs.Void:
		return c.T("cases.st_void")
	case cs.Open():
		return c.T("cases.st_open")
	}
	return c.T(cs.Outcome.Key())
}

// isOurs reports a data change the tab's screens show.
func isOurs(e model.Entity) bool {
	switch e {
	case model.EntityCase, model.EntityRiskCheck, model.EntityUnit, model.EntityMember, model.EntityProfile:
		return true
	}
	return false
}
