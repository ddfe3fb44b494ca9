package district

import (
	"testing"

	"unionbook/i18n"
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
