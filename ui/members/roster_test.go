package members

import (
	"slices"
	"testing"

	"unionbook/model"
	"unionbook/storage"
)

func sample() []storage.MemberLine {
	return []storage.MemberLine{
		{ID: 1, No: "000010", Name: "赵六", UnitID: 1, Status: model.StatusActive, JoinDate: 20200101},
		{ID: 2, No: "000002", Name: "阿明", UnitID: 2, Status: model.StatusRetained, JoinDate: 20100101},
		{ID: 3, No: "000003", Name: "张三", UnitID: 1, Status: model.StatusLeft, JoinDate: 20150101},
		{ID: 4, No: "000004", Name: "曾志伟", UnitID: 2, Status: model.StatusActive, JoinDate: 20180101},
	}
}

func names(r *roster) []string {
	var out []string
	for j := range r.shown() {
		out = append(out, r.shownRow(j).Name)
	}
	return out
}

func TestRosterSortsByNumberThenByPinyinName(t *testing.T) {
	r := newRoster(sample())
	if got := names(r); !slices.Equal(got, []string{"阿明", "张三", "曾志伟", "赵六"}) {
		t.Errorf("by number: %v", got)
	}
	r.setSort(colName, false)
	// 曾 is read zēng as a surname: after 张 (zhang)? z-e < z-h, so 曾 first.
	if got := names(r); !slices.Equal(got, []string{"阿明", "曾志伟", "张三", "赵六"}) {
		t.Errorf("by name: %v", got)
	}
	r.setSort(colJoined, true)
	if got := names(r); got[0] != "赵六" || got[3] != "阿明" {
		t.Errorf("by join date, newest first: %v", got)
	}
}

func TestRosterFilters(t *testing.T) {
	r := newRoster(sample())
	r.unitFilter = 1
	r.refilter()
	if got := names(r); !slices.Equal(got, []string{"张三", "赵六"}) {
		t.Errorf("unit 1: %v", got)
	}
	r.statusFilter = statusFilterInUnion
	r.refilter()
	if got := names(r); !slices.Equal(got, []string{"赵六"}) {
		t.Errorf("unit 1 in union: %v", got)
	}
	r.unitFilter, r.statusFilter = 0, int(model.StatusRetained)
	r.refilter()
	if got := names(r); !slices.Equal(got, []string{"阿明"}) {
		t.Errorf("retained: %v", got)
	}
}

// Narrowing a query filters the rows already shown; it must give exactly
// what a fresh scan gives.
func TestNarrowingEqualsFreshSearch(t *testing.T) {
	r := newRoster(sample())
	for _, q := range []string{"z", "zs", "zsa", "0", "00000", "000004"} {
		r.setQuery(q)
		narrowed := names(r)
		fresh := newRoster(sample())
		fresh.query = q
		fresh.refilter()
		if !slices.Equal(narrowed, names(fresh)) {
			t.Errorf("query %q: narrowed %v, fresh %v", q, narrowed, names(fresh))
		}
	}
}

func TestPutAndRemoveKeepOrder(t *testing.T) {
	r := newRoster(sample())
	r.put(storage.MemberLine{ID: 5, No: "000001", Name: "新人", UnitID: 1, Status: model.StatusActive})
	if got := names(r); got[0] != "新人" || len(got) != 5 {
		t.Errorf("after put: %v", got)
	}
	m := sample()[0]
	m.No = "000000"
	r.put(m) // renumbered: moves to the top, no duplicate row
	if got := names(r); got[0] != "赵六" || len(got) != 5 {
		t.Errorf("after update: %v", got)
	}
	r.remove(5)
	if got := names(r); slices.Contains(got, "新人") || len(got) != 4 {
		t.Errorf("after remove: %v", got)
	}
	if r.indexOf(3) < 0 || r.indexOf(5) >= 0 {
		t.Error("indexOf wrong after remove")
	}
}

func TestStatusTargetsFollowTheRules(t *testing.T) {
	if got := statusTargets(model.StatusDeceased); len(got) != 0 {
		t.Errorf("deceased can become %v", got)
	}
	if got := statusTargets(model.StatusLeft); !slices.Equal(got, []model.Status{model.StatusActive}) {
		t.Errorf("left can become %v", got)
	}
}
