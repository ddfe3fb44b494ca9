package transfer

// Drawing helpers the screens share. Every line a screen draws is exactly
// its width; only characters of unambiguous width are used (no arrows,
// middle dots or block elements), so the layout holds in terminals that
// draw those as two cells.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"unionbook/ui/widget"
)

// screenOf pads or cuts lines to exactly h lines, blank ones w cells wide.
func screenOf(lines []string, w, h int) string {
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines[:max(h, 0)], "\n")
}

// fitStyled cuts or pads a line that may hold styles to exactly w cells.
func fitStyled(s string, w int) string {
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "~")
	}
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}

// wrap breaks text into lines of at most w cells. A line that would end
// inside a word of Latin letters breaks after its last space instead, when
// that space is in the line's second half (English words stay whole);
// elsewhere it breaks anywhere (Chinese has no spaces), but a line never
// starts with closing punctuation: the character before goes down with it.
func wrap(s string, w int) []string {
	if s == "" || w <= 0 {
		return nil
	}
	var out []string
	line := []rune{}
	lw := 0
	for _, r := range s {
		rw := widget.Width(string(r))
		if lw+rw > w {
			cut := len(line)
			midWord := rw == 1 && r != ' ' && len(line) > 0 && line[len(line)-1] != ' ' && widget.Width(string(line[len(line)-1])) == 1
			for i := len(line) - 1; midWord && i > 0; i-- {
				if line[i] == ' ' {
					if widget.Width(string(line[:i])) > w/2 {
						cut = i + 1
					}
					break
				}
			}
			if cut == len(line) && cut > 1 && strings.ContainsRune(closing, r) {
				// take the character before down too, and any closing
				// punctuation or ellipsis dots before it
				cut--
				for cut > 1 && (strings.ContainsRune(closing, line[cut]) || line[cut] == '.' && line[cut-1] == '.') {
					cut--
				}
			}
			out = append(out, strings.TrimRight(string(line[:cut]), " "))
			line = append([]rune(nil), line[cut:]...)
			lw = widget.Width(string(line))
		}
		line = append(line, r)
		lw += rw
	}
	if len(line) > 0 {
		out = append(out, string(line))
	}
	return out
}

// closing is the punctuation a Chinese line may not start with.
const closing = "，。、；：？！）」』】》〉"

// bar draws a progress bar of w cells with the percentage after it. (The
// Bubbles progress model needs github.com/charmbracelet/harmonica, which
// the module does not require.) It is drawn in ASCII: block elements are
// of ambiguous width, two cells wide in many Chinese terminals.
func bar(pct float64, w int) string {
	pct = min(max(pct, 0), 1)
	w = max(w, 3)
	full := int(pct*float64(w-2) + 0.5)
	return "[" + strings.Repeat("#", full) + strings.Repeat("-", w-2-full) + "]" + fmt.Sprintf(" %3d%%", int(pct*100+0.5))
}

// barWidth is the progress bar's width on a screen w cells wide.
func barWidth(w int) int { return max(10, min(60, w-24)) }

// fraction is done of total, 0 while the total is unknown.
func fraction(done, total int) float64 {
	if total <= 0 {
		return 0
	}
	return float64(done) / float64(total)
}

// plain replaces the ambiguous-width glyphs of catalogue messages (curly
// quotes, ellipsis, middle dot, arrows) with ones of known width.
var plainGlyphs = strings.NewReplacer("“", "「", "”", "」", "‘", "'", "’", "'", "…", "...", "·", "|", "→", "->", "—", "-", "–", "-")

func plain(s string) string { return plainGlyphs.Replace(s) }

// baseName is the last part of a path written on any system.
func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

func shortSHA(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

// humanSize is a file size for people: 84.1 MB, 12.3 KB, 512 B.
func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return tenths(float64(n)/(1<<20)) + " MB"
	case n >= 1<<10:
		return tenths(float64(n)/(1<<10)) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// tenths writes f with one decimal, rounded.
func tenths(f float64) string {
	v := int64(f*10 + 0.5)
	return strconv.FormatInt(v/10, 10) + "." + strconv.FormatInt(v%10, 10)
}
