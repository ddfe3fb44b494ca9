package district

import (
	"testing"

	"unionbook/i18n"
	"unionbook/storage"
)

// The two lists are what a reader sees of a package: names are unique
// (they are file names and summary keys), every entity can be counted,
// written and loaded, and every report has its title in both languages.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Entities() {
		if e.Name == "" || seen[e.Name] || e.Count == nil || e.Write == nil || e.Load == nil {
			t.Errorf("entity %q: empty, repeated or incomplete", e.Name)
		}
		seen[e.Name] = true
	}
	seen = map[string]bool{}
	for _, r := range Reports() {
		if r.Name == "" || seen[r.Name] || r.Write == nil {
			t.Errorf("report %q: empty, repeated or without its write function", r.Name)
		}
		seen[r.Name] = true
		if !i18n.ZH.Has(r.Title) || !i18n.EN.Has(r.Title) {
			t.Errorf("report %q: title %q missing from a catalogue", r.Name, r.Title)
		}
	}
	// units before members, members before what points to them
	pos := map[string]int{}
	for i, e := range Entities() {
		pos[e.Name] = i
	}
	for _, before := range [][2]string{{"units", "members"}, {"members", "dues_payments"}, {"dues_batches", "dues_payments"},
		{"members", "hardship_files"}, {"hardship_files", "aid"}, {"members", "events"},
		{"units", "employers"}, {"members", "honours"}} {
		if pos[before[0]] > pos[before[1]] {
			t.Errorf("%s is loaded after %s, which points to it", before[0], before[1])
		}
	}
}

// Every bucket of records in the store is carried by one data file or is
// on the list of what packages leave out: a new kind of record cannot go
// missing from packages unnoticed. An entity's declared buckets are the
// ones it counts.
func TestEveryRecordBucketIsInPackagesOrSaidNotToBe(t *testing.T) {
	carried := map[string]string{}
	for _, e := range Entities() {
		for _, b := range e.Buckets {
			if other, dup := carried[b]; dup {
				t.Errorf("bucket %q is carried by both %s and %s", b, other, e.Name)
			}
			carried[b] = e.Name
		}
	}
	left := map[string]bool{}
	for _, b := range notInPackages {
		left[b] = true
		if _, ok := carried[b]; ok {
			t.Errorf("bucket %q is on the not-in-packages list but %s carries it", b, carried[b])
		}
	}
	stored := map[string]bool{}
	for _, b := range storage.RecordBuckets() {
		stored[b] = true
		if _, ok := carried[b]; !ok && !left[b] {
			t.Errorf("the store's record bucket %q is in no package data file and not on notInPackages (district/registry.go)", b)
		}
	}
	for b := range carried {
		if !stored[b] {
			t.Errorf("entity %s declares bucket %q, which is no record bucket of the store", carried[b], b)
		}
	}
	for b := range left {
		if !stored[b] {
			t.Errorf("notInPackages names %q, which is no record bucket of the store", b)
		}
	}

	// What an entity declares is what it counts.
	st := demoStore(t, 3, "", 60)
	err := st.ReadRecords(func(r *storage.Records) error {
		for _, e := range Entities() {
			sum := 0
			for _, b := range e.Buckets {
				sum += r.Count(b)
			}
			if len(e.Buckets) > 0 && sum != e.Count(r, nil) {
				t.Errorf("%s counts %d records, its buckets %v hold %d", e.Name, e.Count(r, nil), e.Buckets, sum)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
