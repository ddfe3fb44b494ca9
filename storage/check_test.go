package storage

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

func TestCheckCleanDatabase(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fillSmall(t, s, 4)
	r, err := s.Check()
	if err != nil || !r.OK() {
		t.Fatalf("check of a clean database: %v %v", err, r.Problems)
	}
	counts := map[string]int{}
	for _, c := range r.Counts {
		counts[c.Name] = c.N
	}
	if counts["members"] != 4 || counts["units"] != 1 || counts["audit"] != 5 {
		t.Errorf("counts %v", counts)
	}
}

// TestCheckFindsEachProblem breaks the database behind the store's back,
// one invariant at a time.
func TestCheckFindsEachProblem(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, key string
		spoil     func(tx *bbolt.Tx, m model.Member, u model.Unit) error
	}{
		{"member number index missing", "check.index_missing", func(tx *bbolt.Tx, m model.Member, _ model.Unit) error {
			return tx.Bucket(idxMemberNo).Delete([]byte(m.No))
		}},
		{"stale ID-number index entry", "check.index_stale", func(tx *bbolt.Tx, _ model.Member, _ model.Unit) error {
			return tx.Bucket(idxMemberIDNumber).Put([]byte("110101199001011234"), itob(999))
		}},
		{"index points to another member", "check.index_wrong", func(tx *bbolt.Tx, m model.Member, _ model.Unit) error {
			return tx.Bucket(idxMemberNo).Put([]byte(m.No), itob(m.ID+1))
		}},
		{"unit members index missing", "check.index_missing", func(tx *bbolt.Tx, m model.Member, u model.Unit) error {
			return tx.Bucket(idxUnitMembers).Delete(pairKey(u.ID, m.ID))
		}},
		{"stale unit members entry", "check.index_stale", func(tx *bbolt.Tx, m model.Member, u model.Unit) error {
			return tx.Bucket(idxUnitMembers).Put(pairKey(u.ID+5, m.ID), empty)
		}},
		{"unit name index missing", "check.index_missing", func(tx *bbolt.Tx, _ model.Member, u model.Unit) error {
			return tx.Bucket(idxUnitName).Delete(unitNameKey(u.Name))
		}},
		{"undecodable member", "check.undecodable", func(tx *bbolt.Tx, m model.Member, _ model.Unit) error {
			return tx.Bucket(bucketMembers).Put(itob(m.ID), []byte{1, 0xff, 0xff})
		}},
		{"record under the wrong key", "check.key_mismatch", func(tx *bbolt.Tx, m model.Member, _ model.Unit) error {
			m.ID = 777
			data, _ := encode(&m)
			return tx.Bucket(bucketMembers).Put(itob(m.ID-776), data) // over member 1
		}},
		{"member of a missing unit", "check.dangling", func(tx *bbolt.Tx, m model.Member, u model.Unit) error {
			return tx.Bucket(bucketUnits).Delete(itob(u.ID))
		}},
		{"sequence below the highest key", "check.sequence", func(tx *bbolt.Tx, _ model.Member, _ model.Unit) error {
			return tx.Bucket(bucketAudit).SetSequence(1)
		}},
		{"undecodable audit entry", "check.undecodable", func(tx *bbolt.Tx, _ model.Member, _ model.Unit) error {
			return tx.Bucket(bucketAudit).Put(itob(2), []byte{9})
		}},
		{"missing bucket", "check.missing_bucket", func(tx *bbolt.Tx, _ model.Member, _ model.Unit) error {
			return tx.DeleteBucket(idxUnitCredit)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openTest(t)
			u := mustUnit(t, s, "检查测试公司工会")
			m := mustMember(t, s, "张三", residentID("110101", model.NewDate(1990, 3, 7), 11), u.ID)
			mustMember(t, s, "李四", residentID("110101", model.NewDate(1991, 3, 7), 13), u.ID)
			if err := s.db.Update(func(tx *bbolt.Tx) error { return c.spoil(tx, m, u) }); err != nil {
				t.Fatal(err)
			}
			r, err := s.Check()
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range r.Problems {
				if p.Key == c.key {
					found = true
				}
				for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
					if txt := p.Localize(l); strings.Contains(txt, "%!") || strings.Contains(txt, "check.") {
						t.Errorf("%s text: %q", l.Code(), txt)
					}
				}
			}
			if !found {
				t.Errorf("problems %v, want one %s", r.Problems, c.key)
			}
		})
	}
}

func TestAuditQueryFilters(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fillSmall(t, s, 3)
	es, next, err := s.AuditQuery(AuditFilter{Entity: "member"}, 0, 2)
	if err != nil || len(es) != 2 || next == 0 {
		t.Fatalf("first page: %d entries, next %d, %v", len(es), next, err)
	}
	more, next2, _ := s.AuditQuery(AuditFilter{Entity: "member"}, next, 2)
	if len(more) != 1 || next2 != 0 || more[0].ID >= es[1].ID {
		t.Fatalf("second page: %v next %d", more, next2)
	}
	if es, _, _ := s.AuditQuery(AuditFilter{Action: model.ActionCreate, Entity: "unit"}, 0, 10); len(es) != 1 {
		t.Errorf("unit creations: %d", len(es))
	}
	day := model.DateOf(testNow)
	if es, _, _ := s.AuditQuery(AuditFilter{From: day + 1}, 0, 10); len(es) != 0 {
		t.Errorf("entries after today: %d", len(es))
	}
	if es, _, _ := s.AuditQuery(AuditFilter{From: day, To: day}, 0, 10); len(es) != 4 {
		t.Errorf("entries of today: %d", len(es))
	}
	n := 0
	s.ForEachAudit(AuditFilter{}, func(model.AuditEntry) error { n++; return nil })
	if n != 4 {
		t.Errorf("ForEachAudit saw %d", n)
	}
}

// A date window over the audit log, read by ForEachAudit (the district
// package's audit sheet) and AuditQuery (the Audit screen's filter), holds
// exactly the entries of those local days, around midnight too: the
// entries outside are passed over by their time alone.
func TestAuditDateWindowByTimeAlone(t *testing.T) {
	t.Parallel()
	clock := time.Date(2026, 3, 30, 22, 0, 0, 0, time.Local)
	s, err := Open(dbPath(t), Options{Now: func() time.Time { return clock }, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	u := mustUnit(t, s, "甲公司工会")
	for i := range 12 { // every five and a half hours: 30 March to 2 April
		clock = clock.Add(330 * time.Minute)
		mustMember(t, s, fmt.Sprintf("张%d", i), residentID("350102", 19900101, 10+2*i), u.ID)
	}
	var all []model.AuditEntry
	s.ForEachAudit(AuditFilter{}, func(e model.AuditEntry) error { all = append(all, e); return nil })
	for _, f := range []AuditFilter{{From: 20260331, To: 20260331}, {From: 20260401}, {To: 20260331}, {From: 20260402, To: 20260402}} {
		var want []uint64
		for i := range all {
			if f.match(&all[i]) {
				want = append(want, all[i].ID)
			}
		}
		var got []uint64
		if err := s.ForEachAudit(f, func(e model.AuditEntry) error { got = append(got, e.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		es, _, err := s.AuditQuery(f, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		var newest []uint64
		for i := len(es) - 1; i >= 0; i-- {
			newest = append(newest, es[i].ID)
		}
		if len(want) == 0 || len(want) == len(all) || !slices.Equal(got, want) || !slices.Equal(newest, want) {
			t.Errorf("%+v: ForEachAudit %v, AuditQuery %v, want %v of %d", f, got, newest, want, len(all))
		}
	}
}
