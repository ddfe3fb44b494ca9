package storage

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// A database as main wrote it before the migration "dense records"
// (payments and audit entries as their model structs' CBOR with RFC 3339
// times, dues_member with 8-byte payment IDs, schema one below) opens with
// every record reading as before, in the dense forms, the file copied
// without its free pages, a backup made first and the check content.
func TestDenseMigrationFromMain(t *testing.T) {
	t.Parallel()
	f := newDuesFixture(t)
	f.history(t)
	path := f.s.Path()
	payments, audit, dues := map[uint64]model.DuesPayment{}, map[uint64]model.AuditEntry{}, map[uint64]memberDues{}
	err := f.s.db.Update(func(tx *bbolt.Tx) error {
		// Back to main's forms.
		if err := forEach(tx, bucketPayments, func(p *model.DuesPayment) error {
			payments[p.ID] = *p
			b, err := encMode.Marshal(p)
			if err != nil {
				return err
			}
			return tx.Bucket(bucketPayments).Put(itob(p.ID), withChecksum(b))
		}); err != nil {
			return err
		}
		if err := forEach(tx, bucketAudit, func(e *model.AuditEntry) error {
			audit[e.ID] = *e
			b, err := encMode.Marshal(e)
			if err != nil {
				return err
			}
			return tx.Bucket(bucketAudit).Put(itob(e.ID), withChecksum(b))
		}); err != nil {
			return err
		}
		dm := tx.Bucket(bucketDuesMember)
		var keys [][]byte
		dm.ForEach(func(k, v []byte) error { keys = append(keys, k); return nil })
		for _, k := range keys {
			d := decodeMemberDues(dm.Get(k))
			dues[btoi(k)] = d
			old := append(binary.BigEndian.AppendUint32(nil, uint32(d.first)), byte(len(d.bits)>>8), byte(len(d.bits)))
			old = append(old, d.bits...)
			for _, id := range d.ids {
				old = binary.BigEndian.AppendUint64(old, id)
			}
			if err := dm.Put(k, old); err != nil {
				return err
			}
		}
		return putSchemaVersion(tx, migrationVersion(migrationDense)-1)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(payments) < 6 || len(audit) < 20 || len(dues) < 3 {
		t.Fatalf("%d payments, %d audit entries, %d members with dues: too few to tell", len(payments), len(audit), len(dues))
	}
	f.s.Close()

	s := openAt(t, path)
	f.s = s
	check := func(s *Store) {
		t.Helper()
		err := s.db.View(func(tx *bbolt.Tx) error {
			if densePending(tx) || schemaVersion(tx) != SchemaVersion() {
				t.Errorf("after the migration: pending %v, schema %d", densePending(tx), schemaVersion(tx))
			}
			n := 0
			err := tx.Bucket(bucketPayments).ForEach(func(k, v []byte) error {
				n++
				var p model.DuesPayment
				if err := decode(v, &p); err != nil || !reflect.DeepEqual(p, payments[btoi(k)]) {
					t.Errorf("payment %d reads\n%+v (%v)\nwas\n%+v", btoi(k), p, err, payments[btoi(k)])
				}
				if want, _ := encode(&p); string(v) != string(want) {
					t.Errorf("payment %d is not in its dense form: %x", btoi(k), v)
				}
				return nil
			})
			if err != nil || n != len(payments) {
				t.Errorf("%d payments after, %d before (%v)", n, len(payments), err)
			}
			n = 0
			err = tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
				n++
				var e model.AuditEntry
				if err := decode(v, &e); err != nil || !reflect.DeepEqual(e, audit[btoi(k)]) {
					t.Errorf("audit entry %d reads\n%+v (%v)\nwas\n%+v", btoi(k), e, err, audit[btoi(k)])
				}
				if v[0] != formatDeflate {
					t.Errorf("audit entry %d is format %d", btoi(k), v[0])
				}
				return nil
			})
			if err != nil || n != len(audit) {
				t.Errorf("%d audit entries after, %d before (%v)", n, len(audit), err)
			}
			return tx.Bucket(bucketDuesMember).ForEach(func(k, v []byte) error {
				if d := decodeMemberDues(v); v[0] != duesVarint || !reflect.DeepEqual(d, dues[btoi(k)]) {
					t.Errorf("member %d's dues read %+v from %x, were %+v", btoi(k), d, v, dues[btoi(k)])
				}
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := s.Check()
		if err != nil || !rep.OK() {
			t.Errorf("check after the migration: %+v %v", rep, err)
		}
	}
	check(s)
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "*"))
	if len(backups) == 0 {
		t.Error("no backup before the migration")
	}
	// The store writes on after the copy replaced its file.
	p := f.pay(t, f.m2, ym(2024, 6), ym(2024, 6), 3000, 20240615)
	payments[p.ID] = p
	s.Close()
	s = openAt(t, path)
	f.s = s
	got, err := s.Payment(p.ID)
	if err == nil && got.CreatedAt.Equal(p.CreatedAt) {
		p.CreatedAt = got.CreatedAt // the local zone reads as UTC here, as its text did
	}
	if err != nil || !reflect.DeepEqual(got, p) {
		t.Errorf("the payment written after the migration reads %+v %v", got, err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}

// Pack leaves a file with more than packFreePages free pages without them,
// every record as it was, and does nothing to a file without many.
func TestPackDropsFreePages(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	u := mustUnit(t, s, "甲公司工会")
	err := s.Bulk("李秘书", func(b *Batch) error {
		for i := range 3000 {
			m := testMember(fmt.Sprintf("会员%d", i), residentID("350102", model.Date(19700101+10000*(i/900)), i%900+1), u.ID)
			if err := b.CreateMember(m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	size := func() int64 {
		fi, err := os.Stat(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	small := size()
	if err := s.Pack(); err != nil || size() != small {
		t.Errorf("a file without free pages: Pack %v, %d bytes then %d", err, small, size())
	}
	// Pages written and freed again, as a load's transactions leave them.
	scratch := []byte("scratch")
	if err := s.db.Update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket(scratch)
		for i := 0; err == nil && i < 4*packFreePages; i++ {
			err = b.Put(itob(uint64(i)), make([]byte, 1000))
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bbolt.Tx) error { return tx.DeleteBucket(scratch) }); err != nil {
		t.Fatal(err)
	}
	loose := size()
	if st := s.db.Stats(); st.FreePageN+st.PendingPageN == 0 {
		t.Fatal("no free pages to drop")
	}
	want, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Pack(); err != nil {
		t.Fatal(err)
	}
	if got, st := size(), s.db.Stats(); got >= loose || int64(st.FreePageN+st.PendingPageN)*4096 > got/100 {
		t.Errorf("packed: %d bytes (%d before), %d free pages", got, loose, s.db.Stats().FreePageN)
	}
	if got, err := s.Members(); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("members after Pack: %d (%v), %d before", len(got), err, len(want))
	}
	if rep, err := s.Check(); err != nil || !rep.OK() {
		t.Errorf("check after Pack: %+v %v", rep, err)
	}
	mustMember(t, s, "张三", residentID("350102", 19690101, 7), u.ID) // and writes on
}

// A database whose copy did not finish (a crash after the migration step:
// the schema is current, the mark still there, the records in main's
// forms) reads whole in a read-only open, and the next writable open
// copies it.
func TestDenseCopyGoesOnAfterACrash(t *testing.T) {
	t.Parallel()
	f := newDuesFixture(t)
	first := f.history(t)
	path := f.s.Path()
	err := f.s.db.Update(func(tx *bbolt.Tx) error {
		return forEach(tx, bucketPayments, func(p *model.DuesPayment) error {
			b, err := encMode.Marshal(p)
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketPayments).Put(itob(p.ID), withChecksum(b)); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put(keyDensePending, []byte{})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	want, err := f.s.MemberPayments(first.MemberID)
	if err != nil {
		t.Fatal(err)
	}
	f.s.Close()
	ro, err := Open(path, Options{ReadOnly: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ro.MemberPayments(first.MemberID)
	ro.Close()
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("read-only, copy pending: %+v %v", got, err)
	}
	s := openAt(t, path)
	s.db.View(func(tx *bbolt.Tx) error {
		if densePending(tx) {
			t.Error("still pending after a writable open")
		}
		v := tx.Bucket(bucketPayments).Get(itob(first.ID))
		if again, _ := encode(&first); string(v) != string(again) {
			t.Errorf("payment %d not in its dense form: %x", first.ID, v)
		}
		return nil
	})
	if got, err := s.MemberPayments(first.MemberID); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("after the copy: %+v %v", got, err)
	}
}
