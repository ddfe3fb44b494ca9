package uitest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// Screen is content as a terminal without colour shows it: the styles'
// escape sequences are dropped.
func Screen(content string) string {
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.NoTTY}
	if _, err := w.WriteString(content); err != nil {
		panic(err) // a bytes.Buffer does not fail
	}
	return buf.String()
}

// CheckGeometry reports a screen that is not exactly h lines or has a line
// wider than w cells: the promise that keeps wide characters aligned.
func CheckGeometry(tb testing.TB, out string, w, h int) {
	tb.Helper()
	checkGeometry(tb, out, w, h, false)
}

// CheckFullGeometry reports a screen that is not exactly h lines of
// exactly w cells each.
func CheckFullGeometry(tb testing.TB, out string, w, h int) {
	tb.Helper()
	checkGeometry(tb, out, w, h, true)
}

func checkGeometry(tb testing.TB, out string, w, h int, full bool) {
	tb.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		tb.Errorf("screen has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		got := ansi.StringWidth(l)
		switch {
		case got > w:
			tb.Errorf("line %d is %d cells wide, more than %d: %q", i, got, w, l)
		case full && got != w:
			tb.Errorf("line %d is %d cells wide, not %d: %q", i, got, w, l)
		}
	}
}

// CheckGlyphs reports every line of out that draws one of glyphs: the
// ambiguous-width characters a CJK terminal draws two cells wide.
func CheckGlyphs(tb testing.TB, out string, glyphs ...string) {
	tb.Helper()
	for i, l := range strings.Split(out, "\n") {
		for _, g := range glyphs {
			if strings.Contains(l, g) {
				tb.Errorf("line %d draws the ambiguous-width glyph %q: %q", i, g, l)
			}
		}
	}
}

// RequireGolden checks the geometry of out (see CheckGeometry) and
// compares it with testdata/<test name>.golden; go test -update rewrites
// the file.
func RequireGolden(tb testing.TB, out string, w, h int) {
	tb.Helper()
	CheckGeometry(tb, out, w, h)
	golden.RequireEqual(tb, []byte(out))
}

// Contains reports each of want that out lacks.
func Contains(tb testing.TB, out string, want ...string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			tb.Errorf("screen lacks %q:\n%s", w, out)
		}
	}
}

// Lacks reports each of unwanted that out shows.
func Lacks(tb testing.TB, out string, unwanted ...string) {
	tb.Helper()
	for _, w := range unwanted {
		if strings.Contains(out, w) {
			tb.Errorf("screen shows %q but should not:\n%s", w, out)
		}
	}
}
