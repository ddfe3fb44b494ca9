package transfer

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"unionbook/i18n"
	"unionbook/storage"
	"unionbook/ui/filechooser"
	"unionbook/ui/uitest"
)

// The keys each screen of the tab offers, pressed one by one: every key in
// the footer (ShortHelp) and the help screen (FullHelp) must change what
// the user sees (the screen, the cursor, the status line). The screens
// that hold background work (reading, importing, exporting) have their
// own tests of esc.

// screenWalk is how to reach a screen from a fresh tab.
type screenWalk struct {
	name   string
	export bool // on the demo township, else on importStore
	reach  func(t *testing.T, hs *harness)
}

var screenWalks = []screenWalk{
	{"menu", false, func(t *testing.T, hs *harness) {}},
	{"unreadable", false, func(t *testing.T, hs *harness) {
		path := filepath.Join(t.TempDir(), "r.xls")
		if err := os.WriteFile(path, []byte("not a workbook"), 0o600); err != nil {
			t.Fatal(err)
		}
		choosePath(t, hs, path)
	}},
	{"preview", false, func(t *testing.T, hs *harness) { loaded(t, hs) }},
	{"preview with unit names", false, func(t *testing.T, hs *harness) {
		loadFile(t, hs, "r.csv", "姓名,身份证号,性别,工作单位,入会时间\n张三,350303199002033073,男,青山机械,2023-05-01\n")
	}},
	{"unit names", false, func(t *testing.T, hs *harness) {
		loadFile(t, hs, "r.csv", "姓名,身份证号,性别,工作单位,入会时间\n张三,350303199002033073,男,青山机械,2023-05-01\n")
		hs.Keys("u")
	}},
	{"row", false, func(t *testing.T, hs *harness) { loaded(t, hs); hs.Keys("down", "enter") }},
	{"mapping", false, func(t *testing.T, hs *harness) { loaded(t, hs); hs.Keys("m") }},
	{"join date", false, func(t *testing.T, hs *harness) {
		loadFile(t, hs, "r.csv", "姓名,身份证号,性别,工作单位\n张三,350303199002033073,男,青山机械厂\n")
		hs.Keys("t")
	}},
	{"imported", false, func(t *testing.T, hs *harness) { loaded(t, hs); hs.Keys("s", "i") }},
	{"export form", true, func(t *testing.T, hs *harness) { hs.Keys("E") }},
	{"export form language", true, func(t *testing.T, hs *harness) { hs.Keys("E", "down") }},
	{"export form folder", true, func(t *testing.T, hs *harness) { hs.Keys("E"); setField(t, hs, exDir, t.TempDir()) }},
	{"export preview", true, func(t *testing.T, hs *harness) {
		hs.Keys("E")
		setField(t, hs, exDir, t.TempDir())
		hs.Keys("enter")
	}},
	{"exported", true, func(t *testing.T, hs *harness) { exportTo(t, hs, t.TempDir()) }},
	{"history", true, func(t *testing.T, hs *harness) { recordExports(t, hs); hs.Keys("h") }},
}

// before are keys pressed first when a key alone changes nothing where a
// screen opens (up on the first row, left on the first column).
var before = map[string]string{
	"up": "down", "k": "j", "pgup": "pgdown", "home": "end", "g": "G", "left": "right", "h": "l",
}

func (w screenWalk) open(t *testing.T, lang i18n.Lang) *harness {
	t.Helper()
	var st *storage.Store
	if w.export {
		st = exportStore(t)
	} else {
		st = importStore(t)
	}
	hs := open(t, st, lang, 80, 24)
	w.reach(t, hs)
	return hs
}

// seen is what the user sees: the page in colour (a selected row shows
// only so), the status line and footer, the cursor and the depth of the
// stack.
func seen(hs *harness) string {
	cur := "-"
	if c := hs.P.Cursor(); c != nil {
		cur = fmt.Sprint(c.X, c.Y)
	}
	return hs.P.View() + "\x00" + hs.Screen() + "\x00" + cur + "\x00" + fmt.Sprint(hs.P.Depth())
}

// offered are the keys a screen advertises, each with where.
func offered(hs *harness) map[string]string {
	out := map[string]string{}
	add := func(b key.Binding, where string) {
		h := b.Help().Key
		for _, k := range append(strings.Split(h, "/"), b.Keys()...) {
			if _, ok := out[k]; !ok && k != "" {
				out[k] = where + ": " + h + " " + b.Help().Desc
			}
		}
	}
	// ? help and q quit are the app's (ui/keys_test.go walks them there)
	for _, b := range hs.P.ShortHelp() {
		if h := b.Help().Key; h == "?" || h == "q" {
			continue
		}
		add(b, "footer")
	}
	for _, g := range hs.P.FullHelp() {
		for _, b := range g {
			if h := b.Help().Key; h == "?" || h == "q" {
				continue
			}
			add(b, "help")
		}
	}
	return out
}

func TestEveryOfferedKeyWorks(t *testing.T) {
	for _, w := range screenWalks {
		for _, l := range uitest.Langs {
			t.Run(l.Name+"/"+w.name, func(t *testing.T) {
				t.Parallel()
				ks := offered(w.open(t, l.Lang))
				names := make([]string, 0, len(ks))
				for k := range ks {
					names = append(names, k)
				}
				slices.Sort(names)
				for _, k := range names {
					hs := w.open(t, l.Lang)
					was := seen(hs)
					hs.Keys(k)
					if seen(hs) == was {
						if pre, ok := before[k]; ok {
							hs = w.open(t, l.Lang)
							hs.Keys(pre)
							was = seen(hs)
							hs.Keys(k)
						}
					}
					if seen(hs) == was {
						t.Errorf("%q (%s) does nothing visible:\n%s", k, ks[k], hs.Screen())
					}
					// the app cuts the footer to the screen; the page must fit
					// (the file chooser, ui/filechooser's, draws short lines)
					if _, ok := hs.P.Top().(*filechooser.Screen); ok {
						uitest.CheckGeometry(t, uitest.Screen(hs.P.View()), 80, hs.PageHeight())
					} else {
						uitest.CheckFullGeometry(t, uitest.Screen(hs.P.View()), 80, hs.PageHeight())
					}
				}
			})
		}
	}
}
