package storage

import (
	"bytes"
	"fmt"
	"math/rand/v2"
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

// Random writes in bulk transactions, most of them after every key as the
// demo's are, read back as a map of the same writes reads them, before and
// after the commit, with the held entries put halfway through (settle).
func TestHeldIndexEntriesAgreeWithAMap(t *testing.T) {
	s := openTest(t)
	name := []byte("test_held_random")
	r := rand.New(rand.NewPCG(18, 12))
	want := map[string]string{}
	key := func(next *int) string {
		if r.IntN(4) > 0 { // after every key so far
			*next += 1 + r.IntN(3)
			return fmt.Sprintf("k%06d", *next)
		}
		return fmt.Sprintf("k%06d", r.IntN(*next+2))
	}
	next := 0
	for round := range 4 {
		err := s.db.Update(func(tx *bbolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists(name)
			if err != nil {
				return err
			}
			w := newWriter(s, tx, "test")
			w.hold()
			for i := range 3000 {
				if i == 1500 {
					if err := w.settle(); err != nil {
						return err
					}
				}
				k := key(&next)
				switch op := r.IntN(10); {
				case op < 6:
					v := fmt.Sprintf("%d.%d", round, i)
					if err := w.set(b, []byte(k), []byte(v)); err != nil {
						return err
					}
					want[k] = v
				case op < 7:
					if err := w.del(b, []byte(k)); err != nil {
						return err
					}
					delete(want, k)
				default:
					got := w.get(b, []byte(k))
					v, ok := want[k]
					if (got != nil) != ok || string(got) != v {
						t.Fatalf("round %d, write %d: get %s = %q, want %q (%v)", round, i, k, got, v, ok)
					}
				}
			}
			return w.flush()
		})
		if err != nil {
			t.Fatal(err)
		}
		err = s.db.View(func(tx *bbolt.Tx) error {
			n := 0
			err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				n++
				if want[string(k)] != string(v) {
					t.Errorf("round %d: stored %s = %q, want %q", round, k, v, want[string(k)])
				}
				return nil
			})
			if n != len(want) {
				t.Errorf("round %d: %d keys stored, want %d", round, n, len(want))
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
