package ui

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// The member detail says "no wage base yet; press w to set one": w there
// opens the wage-base form, in the Dues tab, over the member's dues.
func TestWOnTheMemberDetailSetsTheWageBase(t *testing.T) {
	a := onMembers(t, i18n.EN, 100, 30)
	keys(a, "enter")
	if !strings.Contains(screen(a), "press w") {
		t.Fatalf("the detail does not say press w:\n%s", screen(a))
	}
	keys(a, "w")
	if a.page() != a.dues || a.dues.Depth() != 3 {
		t.Fatalf("w did not open the wage form in the Dues tab:\n%s", screen(a))
	}
	keys(a, "esc")
	if a.dues.Depth() != 2 {
		t.Errorf("esc from the wage form did not go back to the member's dues:\n%s", screen(a))
	}
}

// E takes each list out as it is shown: the filtered roster (its ID
// numbers masked), the units, the hardship files and the events.
func TestEExportsEachListAsShown(t *testing.T) {
	dir := t.TempDir()
	a := onMembers(t, i18n.EN, 120, 40)
	keys(a, "/")
	typeText(a, "zs")
	keys(a, "enter")
	var shown, all int
	if m := regexp.MustCompile(`(\d+) / (\d+) members`).FindStringSubmatch(screen(a)); m != nil {
		shown, _ = strconv.Atoi(m[1])
		all, _ = strconv.Atoi(m[2])
	}
	if shown == 0 || shown == all {
		t.Fatalf("zs does not filter the roster:\n%s", screen(a))
	}
	for _, c := range []struct {
		tab  string
		keys []string
	}{
		{"tab.members", []string{"E", "enter"}}, // masked
		{"tab.units", []string{"E"}},
		{"hardship.tab", []string{"E"}},
		{"events.tab", []string{"E"}},
	} {
		send(a, tab(t, a, c.tab))
		keys(a, c.keys...)
		if strings.Contains(screen(a), "nothing to export") && c.tab != "tab.members" && c.tab != "tab.units" {
			continue // the fixture has no files or events: E says so
		}
		path := filepath.Join(dir, c.tab+".xlsx")
		keys(a, "ctrl+u")
		typeText(a, path)
		keys(a, "ctrl+s")
		if !strings.Contains(screen(a), "Exported") {
			t.Fatalf("%s: no file written:\n%s", c.tab, screen(a))
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(f.GetSheetList()[0])
		f.Close()
		if c.tab == "tab.members" {
			if len(rows)-3 != shown || shown == 0 {
				t.Errorf("the roster filtered to %d members wrote %d rows", shown, len(rows)-3)
			}
			if !strings.Contains(strings.Join(rows[3], " "), "********") {
				t.Errorf("the ID number is not masked: %q", rows[3])
			}
		}
	}
}

// markDemo marks the township's database as the demo's, as demo.Load does.
func markDemo(t *testing.T, s *storage.Store) {
	t.Helper()
	if err := s.Bulk("李秘书", func(b *storage.Batch) error { return b.MarkDemo() }); err != nil {
		t.Fatal(err)
	}
}

// The demo says it is the demo, in the header of every tab, and the status
// line says how to start one's own books.
func TestGoldenDemoHeader(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		s := township.open(t)
		markDemo(t, s)
		a := appOn(t, s, lang, w, h)
		if !strings.Contains(screen(a), lang.T("app.demo_badge")) {
			t.Errorf("the header does not say demo:\n%s", screen(a))
		}
		requireGolden(t, a, w, h)
	})
}

// A request to start afresh quits on the demo, and is ignored on real
// books or while a form holds unsaved work.
func TestStartFreshOnlyLeavesTheDemo(t *testing.T) {
	a := newApp(t, i18n.EN, 100, 30, true)
	if _, cmd := a.Update(common.StartFreshMsg{}); cmd != nil || a.StartFresh() {
		t.Fatal("real books were left for a new database")
	}
	s := township.open(t)
	markDemo(t, s)
	a = appOn(t, s, i18n.EN, 100, 30)
	keys(a, "2", "n")
	typeText(a, "王五")
	if _, cmd := a.Update(common.StartFreshMsg{}); cmd != nil || a.StartFresh() {
		t.Fatal("unsaved work was dropped for a new database")
	}
	keys(a, "esc", "y")
	if _, cmd := a.Update(common.StartFreshMsg{}); cmd == nil || !a.StartFresh() {
		t.Error("the demo did not quit to start afresh")
	}
}
