package hardship

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"unionbook/i18n"
	"unionbook/ui/uitest"
)

type harness = *uitest.PageHarness[*Page]

// Each key a screen advertises (in the footer and the full help) does
// something visible there: the screens the app's key audit does not walk.
func TestAdvertisedKeysWorkOnEveryScreen(t *testing.T) {
	screens := []struct {
		name string
		path []string
		want string // the screen's type
	}{
		{"member picker", []string{"a"}, "*picker.Screen"},
		{"household pane", []string{"enter", "tab"}, "*hardship.detail"},
		{"reviews pane", []string{"enter", "tab", "tab"}, "*hardship.detail"},
		{"aid pane", []string{"enter", "shift+tab"}, "*hardship.detail"},
		{"remove question", []string{"enter", "tab", "d"}, "*stack.question"},
		{"lift form", []string{"enter", "l"}, "*hardship.liftForm"},
		{"reversal form", []string{"enter", "shift+tab", "r"}, "*hardship.reverseForm"},
		{"cause picker", []string{"enter", "e", "tab", "enter"}, "*picker.Screen"},
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			reach := func() harness {
				hs, _ := newHarness(t, i18n.EN, 80, 24, true)
				hs.Keys(sc.path...)
				return hs
			}
			if got := fmt.Sprintf("%T", reach().P.Top()); got != sc.want {
				t.Fatalf("the path reaches %s, not %s", got, sc.want)
			}
			for _, k := range advertised(reach()) {
				if !changes(reach, k) {
					t.Errorf("%q is advertised but does nothing visible", k)
				}
			}
		})
	}
}

// advertised are the keys of the screen's help, less the app's own.
func advertised(hs harness) []string {
	bs := hs.P.ShortHelp()
	for _, g := range hs.P.FullHelp() {
		bs = append(bs, g...)
	}
	ks := hs.C.Keys
	app := []key.Binding{ks.Help, ks.Quit, ks.ForceQuit, ks.Tabs}
	var out []string
	for _, b := range bs {
		for _, k := range b.Keys() {
			if !slices.Contains(out, k) && !slices.ContainsFunc(app, func(a key.Binding) bool { return slices.Contains(a.Keys(), k) }) {
				out = append(out, k)
			}
		}
	}
	return out
}

// undo are keys that move back from where a screen opens (up on the first
// row): they are pressed after the one given.
var undo = map[string]string{"up": "down", "k": "j", "pgup": "pgdown", "shift+tab": "tab"}

// changes reports whether pressing k on a fresh screen changes what the
// user sees: the screen, the cursor, the status line or the depth.
func changes(reach func() harness, k string) bool {
	hs := reach()
	if pre, ok := undo[k]; ok {
		hs.Keys(pre)
	}
	was := look(hs)
	hs.Keys(k)
	return look(hs) != was
}

func look(hs harness) string {
	cur := "-"
	if c := hs.P.Cursor(); c != nil {
		cur = fmt.Sprint(c.X, c.Y)
	}
	return strings.Join([]string{hs.P.View(), cur, hs.Status.Text, fmt.Sprint(hs.P.Depth(), hs.P.Confirming())}, "\x00")
}
