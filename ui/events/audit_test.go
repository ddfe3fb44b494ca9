package events

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"unionbook/i18n"
)

// Each key a screen advertises (in the footer and the full help) does
// something visible there: the screens the app's key audit does not walk.
func TestAdvertisedKeysWorkOnEveryScreen(t *testing.T) {
	toMembers := []string{"n", "tab", "tab", "tab", "tab", "tab", "tab", "enter"}
	screens := []struct {
		name string
		path []string
		want string // the screen's type
	}{
		{"chooser", toMembers, "*events.chooser"},
		{"chooser searching", append(toMembers, "/", "z"), "*events.chooser"},
		{"chooser's unit picker", append(toMembers, "u"), "*picker.Screen"},
		{"unit filter", []string{"u"}, "*picker.Screen"},
		{"figures", []string{"f"}, "*events.figures"},
		{"detail", []string{"enter"}, "*events.detail"},
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			reach := func() *harness {
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
func advertised(hs *harness) []string {
	bs := hs.P.ShortHelp()
	for _, g := range hs.P.FullHelp() {
		bs = append(bs, g...)
	}
	var out []string
	for _, b := range bs {
		for _, k := range b.Keys() {
			if !slices.Contains(out, k) && !isAppKey(hs, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

func isAppKey(hs *harness, k string) bool {
	ks := hs.C.Keys
	for _, b := range []key.Binding{ks.Help, ks.Quit, ks.ForceQuit, ks.Tabs} {
		if slices.Contains(b.Keys(), k) {
			return true
		}
	}
	return false
}

// undo are keys that move back from where a screen opens (up on the first
// row): they are pressed after the one given.
var undo = map[string]string{"up": "down", "k": "j", "pgup": "pgdown", "home": "end", "g": "G", "]": "["}

// changes reports whether pressing k on a fresh screen changes what the
// user sees: the screen, the cursor, the status line or the depth.
func changes(reach func() *harness, k string) bool {
	hs := reach()
	if pre, ok := undo[k]; ok {
		hs.Keys(pre)
	}
	was := look(hs)
	hs.Keys(k)
	return look(hs) != was
}

func look(hs *harness) string {
	cur := "-"
	if c := hs.P.Cursor(); c != nil {
		cur = fmt.Sprint(c.X, c.Y)
	}
	return strings.Join([]string{hs.P.View(), cur, hs.Status.Text, fmt.Sprint(hs.P.Depth(), hs.P.Confirming())}, "\x00")
}
