package storage

import (
	"bytes"
	"testing"

	"go.etcd.io/bbolt"
)

// In a bulk transaction, an index key after every key of its bucket is
// put at once while none is held, the others are held until flush, and
// reads see the latest of each either way; a key after the last is known
// absent without a look.
func TestHeldIndexEntries(t *testing.T) {
	s := openTest(t)
	name := []byte("test_held")
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket(name)
		if err != nil {
			return err
		}
		for _, k := range []string{"b", "d"} {
			if err := b.Put([]byte(k), []byte("old "+k)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(name)
		w := newWriter(s, tx, "test")
		w.hold()
		read := func(k, want string) {
			t.Helper()
			if got := w.get(b, []byte(k)); !bytes.Equal(got, []byte(want)) && !(got == nil && want == "") {
				t.Errorf("get %s: %q, want %q", k, got, want)
			}
		}
		stored := func(k string, want bool) {
			t.Helper()
			if got := b.Get([]byte(k)) != nil; got != want {
				t.Errorf("%s in the bucket before flush: %v, want %v", k, got, want)
			}
		}
		read("e", "")
		read("d", "old d")
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(w.set(b, []byte("e"), []byte("e1"))) // after every key: put at once
		stored("e", true)
		read("e", "e1")
		must(w.set(b, []byte("c"), []byte("c1"))) // among them: held
		stored("c", false)
		read("c", "c1")
		must(w.set(b, []byte("f"), []byte("f1"))) // after, but one is held: held too
		stored("f", false)
		read("f", "f1")
		must(w.set(b, []byte("e"), []byte("e2"))) // a new value of a key put at once
		read("e", "e2")
		must(w.del(b, []byte("c")))
		read("c", "")
		read("g", "")
		return w.flush()
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.View(func(tx *bbolt.Tx) error {
		var got []string
		err := tx.Bucket(name).ForEach(func(k, v []byte) error {
			got = append(got, string(k)+"="+string(v))
			return nil
		})
		want := []string{"b=old b", "d=old d", "e=e2", "f=f1"}
		if len(got) != len(want) {
			t.Fatalf("after the commit: %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("after the commit: %v, want %v", got, want)
				break
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
