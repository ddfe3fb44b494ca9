package ui

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
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
