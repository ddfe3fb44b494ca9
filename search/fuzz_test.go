package search

import (
	"strings"
	"testing"
)

// FuzzMatch checks that building keys, compiling queries and matching never
// panic, that a member's exact name always finds it, and that narrowing a
// query never loses a match a full scan would find.
func FuzzMatch(f *testing.F) {
	f.Add("张三", "000123", "13800138000", "11010119900307663X", "zs")
	f.Add("阿依古丽·买买提", "HY-0001", "0571-8888 1234", "", "gulim")
	f.Fuzz(func(t *testing.T, name, no, phone, id, query string) {
		k := NewKey(name, no, phone, id)
		q := Compile(query)
		m := k.Match(q)
		sv := k.Sieve()
		if sm, sure := sv.Decide(&q); sure && sm != m {
			t.Fatalf("the sieve says %v of %q for %q, the key %v", sm, query, name, m)
		}
		if !k.Match(Compile(name)) {
			t.Fatalf("name %q does not match its own key", name)
		}
		if q.text != "" && strings.Contains(k.Name(), q.text) && !m {
			t.Fatalf("%q is in the name %q but does not match", q.text, k.Name())
		}
		if !k.Match(Query{}) {
			t.Fatal("the empty query must match")
		}
		// Every prefix of a query that is Within it matches when it does.
		if m {
			for i := range len(query) {
				p := Compile(query[:i])
				if q.Within(p) && !k.Match(p) {
					t.Fatalf("%q matches but its prefix %q, which it narrows, does not", query, query[:i])
				}
			}
		}
		_ = Initials(name)
		_ = NameSortKey(name)
	})
}
