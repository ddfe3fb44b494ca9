package storage

import (
	"errors"
	"fmt"
	"testing"

	"github.com/fxamacker/cbor/v2"
	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

func TestProfile(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	if _, ok, err := s.Profile(); ok || err != nil {
		t.Fatalf("Profile() before save: ok=%v err=%v", ok, err)
	}
	bad := model.DefaultProfile()
	bad.DuesRateBP = 5000
	err := unchanged(t, s, func() error { return s.SaveProfile("x", bad) })
	if ps := problems(t, err); !ps.Has("union_name", "problem.required") || !ps.Has("dues_rate", "profile.dues_rate") {
		t.Errorf("problems %v", ps)
	}
	if empty, _ := s.IsEmpty(); !empty {
		t.Error("not empty after a refused profile")
	}

	p := model.DefaultProfile()
	p.UnionName = " 城关镇 总工会 "
	p.MinLiving = model.Yuan(800)
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Profile()
	if err != nil || !ok || got.UnionName != "城关镇总工会" || got.DuesRateBP != 50 || got.MinLiving != model.Yuan(800) {
		t.Errorf("Profile() = %+v, %v, %v", got, ok, err)
	}
	if empty, _ := s.IsEmpty(); empty {
		t.Error("IsEmpty after saving a profile")
	}
	got.DuesRateBP = 40
	if err := s.SaveProfile("李秘书", got); err != nil {
		t.Fatal(err)
	}
	es := auditAll(t, s)
	if len(es) != 2 || es[1].Action != model.ActionCreate || es[0].Action != model.ActionUpdate || es[0].Entity != "profile" {
		t.Fatalf("audit %+v", es)
	}
	if c, ok := findChange(es[0].Changes, "dues_rate"); !ok || c.Old != "0.50%" || c.New != "0.40%" {
		t.Errorf("dues_rate change %+v", es[0].Changes)
	}
	// Saving the same profile again writes nothing.
	if err := s.SaveProfile("李秘书", got); err != nil || len(auditAll(t, s)) != 2 {
		t.Errorf("unchanged profile: %v, %d entries", err, len(auditAll(t, s)))
	}
}

func TestIsEmpty(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	u := mustUnit(t, s, "红星机械厂")
	if empty, _ := s.IsEmpty(); empty {
		t.Error("IsEmpty with a unit")
	}
	s.DeleteUnit("x", u.ID)
	if empty, _ := s.IsEmpty(); !empty {
		t.Error("not empty after deleting the only unit (the audit log does not count)")
	}
}

func TestAuditPaging(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	for i := range 25 {
		mustUnit(t, s, fmt.Sprintf("单位%02d", i))
	}
	first, err := s.Audit(0, 10)
	if err != nil || len(first) != 10 || first[0].ID != 25 || first[9].ID != 16 {
		t.Fatalf("first page %d entries, %v", len(first), err)
	}
	if first[0].Label != "单位24" || first[0].Entity != "unit" || first[0].Action != model.ActionCreate {
		t.Errorf("newest entry %+v", first[0])
	}
	next, _ := s.Audit(first[9].ID, 10)
	if len(next) != 10 || next[0].ID != 15 || next[9].ID != 6 {
		t.Errorf("second page %v..%v", next[0].ID, next[len(next)-1].ID)
	}
	last, _ := s.Audit(next[9].ID, 10)
	if len(last) != 5 || last[4].ID != 1 {
		t.Errorf("last page %d entries", len(last))
	}
	if none, _ := s.Audit(1, 10); len(none) != 0 {
		t.Errorf("before the first entry: %d", len(none))
	}
	if all, _ := s.Audit(1000, 0); len(all) != 25 {
		t.Errorf("beforeID past the end, default limit: %d", len(all))
	}
	if c, ok := findChange(first[0].Changes, "unit_name"); !ok || c.New != "单位24" {
		t.Errorf("create entry changes %+v", first[0].Changes)
	}
}

func TestBulkAllOrNothing(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	mustUnit(t, s, "已有单位")

	// fn fails after some good writes: nothing stays.
	boom := errors.New("cancelled")
	err := unchanged(t, s, func() error {
		return s.Bulk("导入", func(b *Batch) error {
			u := testUnit("新单位")
			if err := b.CreateUnit(u); err != nil {
				return err
			}
			if err := b.CreateMember(testMember("张三", "110101199003078670", u.ID)); err != nil {
				return err
			}
			return boom
		})
	})
	if !errors.Is(err, boom) {
		t.Errorf("Bulk error %v", err)
	}

	// A validation problem inside the batch is the batch's error: the rows
	// before it are not kept.
	err = unchanged(t, s, func() error {
		return s.Bulk("导入", func(b *Batch) error {
			u := testUnit("新单位")
			if err := b.CreateUnit(u); err != nil {
				return err
			}
			if err := b.CreateMember(testMember("张三", "110101199003078670", u.ID)); err != nil {
				return err
			}
			return b.CreateMember(testMember("张三", "110101199003078670", u.ID)) // duplicate ID
		})
	})
	if ps := problems(t, err); !ps.Has("id_number", "member.duplicate_id") {
		t.Errorf("duplicate in batch: %v", ps)
	}
	// A batch that duplicates a unit already stored.
	err = unchanged(t, s, func() error {
		return s.Bulk("导入", func(b *Batch) error { return b.CreateUnit(testUnit("已有单位")) })
	})
	if ps := problems(t, err); !ps.Has("unit_name", "unit.duplicate_name") {
		t.Errorf("duplicate unit in batch: %v", ps)
	}

	// A good batch writes everything, with numbers, indexes and audit.
	var b1 *Batch
	var uid uint64
	err = s.Bulk("导入", func(b *Batch) error {
		b1 = b
		u := testUnit("新单位")
		if err := b.CreateUnit(u); err != nil {
			return err
		}
		uid = u.ID
		for _, id := range []string{"110101199003078670", "430302199312194239"} {
			if err := b.CreateMember(testMember("会员", id, u.ID)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members()
	if len(ms) != 2 || ms[0].No != "000001" || ms[1].No != "000002" {
		t.Errorf("members after bulk %+v", ms)
	}
	if ids, _ := s.MemberIDsOfUnit(uid); len(ids) != 2 {
		t.Errorf("unit index after bulk: %v", ids)
	}
	es := auditAll(t, s)
	if len(es) != 4 || es[0].Operator != "导入" || es[0].Entity != "member" || es[0].Label != "会员 (000002)" {
		t.Errorf("audit after bulk: %d entries, newest %+v", len(es), es[0])
	}
	if err := b1.CreateUnit(testUnit("迟到的单位")); err == nil {
		t.Error("a Batch used after Bulk returned still wrote")
	}
}

// TestDecodeToleratesUnknownFields: a record written by a later program
// with more fields still reads; an unknown record format is refused.
func TestDecodeToleratesUnknownFields(t *testing.T) {
	t.Parallel()
	type memberV2 struct {
		ID     uint64 `cbor:"1,keyasint"`
		No     string `cbor:"2,keyasint"`
		Name   string `cbor:"3,keyasint"`
		UnitID uint64 `cbor:"10,keyasint"`
		Future string `cbor:"99,keyasint"`
	}
	data, err := encode(memberV2{ID: 7, No: "000007", Name: "张三", UnitID: 2, Future: "新字段"})
	if err != nil {
		t.Fatal(err)
	}
	var m model.Member
	if err := decode(data, &m); err != nil || m.ID != 7 || m.Name != "张三" || m.UnitID != 2 {
		t.Errorf("decode with an unknown field: %+v, %v", m, err)
	}
	raw, _ := cbor.Marshal(memberV2{ID: 7})
	if err := decode(append([]byte{4}, raw...), &m); !errors.Is(err, i18n.E("err.record_format")) {
		t.Errorf("format 4 (unknown): %v", err)
	}
	// Format 1 (no checksum, before schema 6) still reads.
	if err := decode(append([]byte{1}, raw...), &m); err != nil || m.ID != 7 {
		t.Errorf("format 1: %+v %v", m, err)
	}
	if err := decode(nil, &m); err == nil {
		t.Error("empty record decoded")
	}

	// Through the store: a member record with an extra field is listed.
	s := openTest(t)
	u := mustUnit(t, s, "红星机械厂")
	mustMember(t, s, "张三", "110101199003078670", u.ID)
	s.db.Update(func(tx *bbolt.Tx) error {
		v, _ := encode(memberV2{ID: 1, No: "000001", Name: "张三", UnitID: u.ID, Future: "x"})
		return tx.Bucket(bucketMembers).Put(itob(1), v)
	})
	if ms, err := s.Members(); err != nil || len(ms) != 1 || ms[0].Name != "张三" {
		t.Errorf("Members() with a newer record: %+v, %v", ms, err)
	}
}

func TestKeysSortAsNumbers(t *testing.T) {
	t.Parallel()
	for _, pair := range [][2]uint64{{1, 2}, {255, 256}, {1 << 32, 1<<32 + 1}} {
		if string(itob(pair[0])) >= string(itob(pair[1])) {
			t.Errorf("key of %d does not sort before %d", pair[0], pair[1])
		}
		if btoi(itob(pair[0])) != pair[0] {
			t.Errorf("round trip of %d", pair[0])
		}
	}
}
