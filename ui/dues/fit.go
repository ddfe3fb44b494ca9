package dues

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// fitParts lays parts out on lines at most w wide, as many to a line as
// fit with sep between them; a part wider than w is wrapped on its own.
// The dues screens' summaries use it so that a clause (this month's due,
// how many members have no wage base) moves whole to the next line
// instead of being cut at the screen's edge or split mid-figure.
func fitParts(w int, sep string, parts ...string) []string {
	var lines []string
	cur := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		switch {
		case cur == "":
			cur = p
		case ansi.StringWidth(cur+sep+p) <= w:
			cur += sep + p
		default:
			lines = append(lines, cur)
			cur = p
		}
		if ansi.StringWidth(cur) > w {
			wrapped := strings.Split(ansi.Wrap(cur, w, ""), "\n")
			lines = append(lines, wrapped[:len(wrapped)-1]...)
			cur = wrapped[len(wrapped)-1]
		}
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}
