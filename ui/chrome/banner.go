package chrome

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"unionbook/ui/common"
)

// Banner is a warning that stays above the page, under the tab bar, until
// the app takes it away: what must not scroll off like a status line (the
// daily check found the database damaged, and here is how to get the
// newest good backup back). Its paragraphs wrap to the width; it takes the
// lines it needs, at most MaxBannerLines, and what it must cut is taken
// from the paragraphs before the last (the command to run stays whole).
type Banner struct {
	c     *common.Common
	paras []string
	lines []string
	width int
}

// MaxBannerLines bounds the page's loss to a banner on a small screen.
const MaxBannerLines = 10

// NewBanner makes an empty banner (no lines).
func NewBanner(c *common.Common) *Banner { return &Banner{c: c} }

// SetText shows paragraphs (none clears the banner).
func (b *Banner) SetText(paras ...string) {
	b.paras = paras
	b.wrap()
}

// SetSize sets the width; the height is the banner's own (Height).
func (b *Banner) SetSize(w, _ int) {
	b.width = w
	b.wrap()
}

// Height is the lines the banner takes: 0 when it is empty.
func (b *Banner) Height() int { return len(b.lines) }

func (b *Banner) wrap() {
	b.lines = nil
	if b.width <= 0 {
		return
	}
	var last []string
	for i, p := range b.paras {
		lines := strings.Split(ansi.Wrap(p, b.width, "，。、；：）/-"), "\n")
		for j := range lines {
			lines[j] = strings.TrimRight(lines[j], " ")
		}
		if i == len(b.paras)-1 {
			last = lines
		} else {
			b.lines = append(b.lines, lines...)
		}
	}
	if room := MaxBannerLines - len(last); len(b.lines) > room {
		b.lines = b.lines[:max(room, 0)]
		if n := len(b.lines); n > 0 {
			b.lines[n-1] = ansi.Truncate(b.lines[n-1], b.width-1, "") + "~"
		}
	}
	b.lines = append(b.lines, last...)
}

// View draws the banner's lines ("" when empty).
func (b *Banner) View() string {
	out := make([]string, len(b.lines))
	for i, l := range b.lines {
		out[i] = b.c.Styles.StatusError.Render(l)
	}
	return strings.Join(out, "\n")
}
