package chrome_test

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/chrome"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

var tenTabs = []chrome.Tab{
	{Title: "Overview"}, {Title: "Members", Dirty: true}, {Title: "Dues"}, {Title: "Hardship"}, {Title: "Events"},
	{Title: "Cash book"}, {Title: "Units"}, {Title: "Import/Export"}, {Title: "Settings"}, {Title: "Cases", Dirty: true},
}

// However narrow, every tab keeps its key, its mark of unsaved changes and
// a place to click; a click anywhere on a label selects that tab.
func TestTabBarKeepsEveryTabReachable(t *testing.T) {
	c := uitest.NewCommon(nil, i18n.EN, uitest.FixedNow)
	for _, w := range []int{200, 100, 80, 60} {
		b := chrome.NewTabBar(c)
		b.SetSize(w, 1)
		b.SetTabs(tenTabs, 0)
		bar := uitest.Screen(b.View())
		if ansi.StringWidth(bar) > w {
			t.Errorf("%d columns: the bar is %d wide: %q", w, ansi.StringWidth(bar), bar)
		}
		// the runs of columns that select the same tab are its label
		var labels []string
		last := -1
		for x := range ansi.StringWidth(bar) {
			i := b.At(x)
			switch {
			case i < 0:
			case i == last:
				labels[len(labels)-1] += bar[x : x+1]
			case i == len(labels):
				labels = append(labels, bar[x:x+1])
			default:
				t.Fatalf("%d columns: x=%d selects tab %d after tab %d", w, x, i, last)
			}
			last = i
		}
		if len(labels) != len(tenTabs) {
			t.Fatalf("%d columns: %d labels can be clicked: %q", w, len(labels), labels)
		}
		for i, l := range labels {
			l = strings.TrimSpace(l)
			if want := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}[i]; !strings.HasPrefix(l, want+" ") {
				t.Errorf("%d columns: label %d %q does not start with its key %s", w, i, l, want)
			}
			if tenTabs[i].Dirty != strings.HasSuffix(l, chrome.DirtyMark) {
				t.Errorf("%d columns: label %q lost or gained the mark", w, l)
			}
		}
	}
}

func TestFooterCutsStatusAndHintsToTheWidth(t *testing.T) {
	c := uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow)
	f := chrome.NewFooter(c)
	f.SetSize(30, chrome.FooterLines)
	f.SetStatus(common.StatusMsg{Text: "第一行很长很长很长很长很长很长很长\n第二行", Error: true})
	f.SetHints([]key.Binding{c.Keys.Search, c.Keys.Open, c.Keys.New, c.Keys.Edit, c.Keys.Quit})
	out := uitest.Screen(f.View())
	uitest.CheckGeometry(t, out, 30, chrome.FooterLines)
	if !strings.HasPrefix(out, "第一行") || !strings.Contains(out, "/ 搜索") {
		t.Errorf("footer:\n%s", out)
	}
}

func TestHeaderNamesTheUnionAndTheDay(t *testing.T) {
	c := uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow)
	h := chrome.NewHeader(c)
	h.SetSize(60, 1)
	out := uitest.Screen(h.View())
	uitest.CheckFullGeometry(t, out, 60, 1)
	uitest.Contains(t, out, "未命名工会", model.DateOf(uitest.FixedNow).String())
	h.SetUnion("青山镇总工会")
	uitest.Contains(t, uitest.Screen(h.View()), "青山镇总工会")
}

func TestHelpNamesTheTabKeys(t *testing.T) {
	c := uitest.NewCommon(nil, i18n.EN, uitest.FixedNow)
	c.Keys.SetTabCount(10)
	h := chrome.NewHelp(c)
	h.SetSize(80, 20)
	h.SetContent("Members", [][]key.Binding{{c.Keys.Up, c.Keys.Down}, {c.Keys.Tabs, c.Keys.Help, c.Keys.Quit}})
	out := uitest.Screen(h.View())
	uitest.Contains(t, out, "Help: Members", "1-9,0 switch tab", "Number keys 1-9,0")
}

// Hints that end with ? and q keep them when the line is too long: the
// hints before them give way, last first (the Members list at 80 columns
// ended "u filter by unit ~", without help or quit).
func TestFooterKeepsHelpAndQuit(t *testing.T) {
	c := uitest.NewCommon(nil, i18n.EN, uitest.FixedNow)
	f := chrome.NewFooter(c)
	f.SetSize(40, chrome.FooterLines)
	f.SetHints([]key.Binding{c.Keys.Search, c.Keys.Open, c.Keys.New, c.Keys.Edit, c.Keys.Export, c.Keys.Help, c.Keys.Quit})
	out := uitest.Screen(f.View())
	uitest.CheckGeometry(t, out, 40, chrome.FooterLines)
	last := strings.Split(out, "\n")[chrome.FooterLines-1]
	if !strings.Contains(last, "/ search") || !strings.Contains(last, "? help") || !strings.Contains(last, "q quit") || strings.Contains(last, "~") {
		t.Errorf("hints at 40 columns: %q", last)
	}
}
