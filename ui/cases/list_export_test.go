package cases

import (
	"strconv"
	"testing"

	"unionbook/i18n"
	"unionbook/ui/uitest"
)

// The list taken out with E is the table on screen: its headcount must be
// a number the workbook can add up (it read "*12" for a collective
// dispute, text in a column of numbers), and whether a dispute is
// collective a column of its own to filter on.
func TestListCellsExportAsNumbers(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		for _, w := range []int{80, 120} {
			hs, _ := newHarness(t, lang, w, 24, true)
			l := hs.list()
			head, coll := -1, -1
			for i, c := range l.table.Columns() {
				switch c.Title {
				case lang.T("cases.col_headcount"):
					head = i
				case lang.T("cases.col_collective"):
					coll = i
				}
			}
			if head < 0 || coll < 0 {
				t.Fatalf("at %d: headcount column %d, collective column %d:\n%s", w, head, coll, hs.Screen())
			}
			collective := 0
			for r := range l.table.Len() {
				cs := &l.all[l.view[r]]
				if n, err := strconv.Atoi(l.table.Cell(r, head)); err != nil || n != cs.Headcount {
					t.Errorf("at %d: row %d headcount %q, want %d", w, r, l.table.Cell(r, head), cs.Headcount)
				}
				want := ""
				if cs.Collective(l.rules) {
					want = lang.T("cases.collective_yes")
					collective++
				}
				if got := l.table.Cell(r, coll); got != want {
					t.Errorf("at %d: row %d collective %q, want %q", w, r, got, want)
				}
			}
			if collective == 0 {
				t.Fatal("the fixture has no collective dispute")
			}
		}
	})
}
