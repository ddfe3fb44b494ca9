//go:build linux

package main

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// screen is a small terminal emulator: enough of one to know what the
// program has drawn (the cursor movements, erasures, repeats and scrolls
// Bubble Tea's renderer uses; colours and modes are ignored).
type screen struct {
	w, h      int
	cells     [][]rune // 0 is the right half of a wide character
	x, y      int
	top, bot  int // the scroll region, inclusive
	last      rune
	savedX    int
	savedY    int
	parser    *ansi.Parser
	unhandled map[byte]int // CSI finals not emulated (for -debug)
}

func newScreen(w, h int) *screen {
	s := &screen{w: w, h: h, bot: h - 1, unhandled: map[byte]int{}}
	s.cells = make([][]rune, h)
	for i := range s.cells {
		s.cells[i] = blankLine(w)
	}
	s.parser = ansi.NewParser()
	s.parser.SetHandler(ansi.Handler{
		Print:     s.print,
		Execute:   s.execute,
		HandleCsi: s.csi,
		HandleEsc: s.esc,
	})
	return s
}

func blankLine(w int) []rune {
	l := make([]rune, w)
	for i := range l {
		l[i] = ' '
	}
	return l
}

// Write feeds what the program wrote.
func (s *screen) Write(b []byte) { s.parser.Parse(b) }

// Text is the screen as lines of text.
func (s *screen) Text() string {
	var b strings.Builder
	for _, l := range s.cells {
		for _, r := range l {
			if r != 0 {
				b.WriteRune(r)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func (s *screen) print(r rune) {
	wd := ansi.StringWidth(string(r))
	if wd < 1 {
		return
	}
	if s.x+wd > s.w { // deferred wrap
		s.x = 0
		s.lineFeed()
	}
	s.cells[s.y][s.x] = r
	if wd == 2 && s.x+1 < s.w {
		s.cells[s.y][s.x+1] = 0
	}
	s.x += wd
	s.last = r
}

func (s *screen) execute(b byte) {
	switch b {
	case '\r':
		s.x = 0
	case '\n', '\v', '\f':
		s.lineFeed()
	case '\b':
		if s.x > 0 {
			s.x--
		}
	case '\t':
		s.x = min(s.w-1, (s.x/8+1)*8)
	}
}

func (s *screen) lineFeed() {
	if s.y == s.bot {
		s.scrollUp(1)
		return
	}
	if s.y < s.h-1 {
		s.y++
	}
}

func (s *screen) scrollUp(n int) {
	for range n {
		copy(s.cells[s.top:s.bot], s.cells[s.top+1:s.bot+1])
		s.cells[s.bot] = blankLine(s.w)
	}
}

func (s *screen) scrollDown(n int) {
	for range n {
		copy(s.cells[s.top+1:s.bot+1], s.cells[s.top:s.bot])
		s.cells[s.top] = blankLine(s.w)
	}
}

func (s *screen) esc(cmd ansi.Cmd) {
	switch cmd.Final() {
	case '7':
		s.savedX, s.savedY = s.x, s.y
	case '8':
		s.x, s.y = s.savedX, s.savedY
	case 'D':
		s.lineFeed()
	case 'E':
		s.x = 0
		s.lineFeed()
	case 'M': // reverse index
		if s.y == s.top {
			s.scrollDown(1)
		} else if s.y > 0 {
			s.y--
		}
	case 'c':
		for i := range s.cells {
			s.cells[i] = blankLine(s.w)
		}
		s.x, s.y = 0, 0
	}
}

func (s *screen) csi(cmd ansi.Cmd, params ansi.Params) {
	p := func(i, def int) int {
		v, _, _ := params.Param(i, def)
		if v == 0 {
			v = def
		}
		return v
	}
	if cmd.Prefix() != 0 || cmd.Intermediate() != 0 {
		if cmd.Prefix() == '?' && (cmd.Final() == 'h' || cmd.Final() == 'l') {
			if v, _, _ := params.Param(0, 0); v == 1049 || v == 47 || v == 1047 {
				s.erase(0, 0, s.w, s.h)
			}
		}
		return
	}
	switch cmd.Final() {
	case 'H', 'f':
		s.y, s.x = clamp(p(0, 1)-1, s.h), clamp(p(1, 1)-1, s.w)
	case 'A':
		s.y = max(0, s.y-p(0, 1))
	case 'B':
		s.y = min(s.h-1, s.y+p(0, 1))
	case 'C':
		s.x = min(s.w-1, s.x+p(0, 1))
	case 'D':
		s.x = max(0, min(s.x, s.w-1)-p(0, 1))
	case 'E':
		s.x, s.y = 0, min(s.h-1, s.y+p(0, 1))
	case 'F':
		s.x, s.y = 0, max(0, s.y-p(0, 1))
	case 'G', '`':
		s.x = clamp(p(0, 1)-1, s.w)
	case 'd':
		s.y = clamp(p(0, 1)-1, s.h)
	case 'I':
		for range p(0, 1) {
			s.x = min(s.w-1, (s.x/8+1)*8)
		}
	case 'Z':
		for range p(0, 1) {
			s.x = max(0, (s.x-1)/8*8)
		}
	case 'K':
		switch v, _, _ := params.Param(0, 0); v {
		case 0:
			s.erase(s.x, s.y, s.w, s.y+1)
		case 1:
			s.erase(0, s.y, s.x+1, s.y+1)
		case 2:
			s.erase(0, s.y, s.w, s.y+1)
		}
	case 'J':
		switch v, _, _ := params.Param(0, 0); v {
		case 0:
			s.erase(s.x, s.y, s.w, s.y+1)
			s.erase(0, s.y+1, s.w, s.h)
		case 1:
			s.erase(0, 0, s.w, s.y)
			s.erase(0, s.y, s.x+1, s.y+1)
		case 2, 3:
			s.erase(0, 0, s.w, s.h)
		}
	case 'X':
		s.erase(s.x, s.y, min(s.w, s.x+p(0, 1)), s.y+1)
	case 'b':
		for range p(0, 1) {
			s.print(s.last)
		}
	case 'S':
		s.scrollUp(p(0, 1))
	case 'T':
		s.scrollDown(p(0, 1))
	case 'r':
		s.top, s.bot = clamp(p(0, 1)-1, s.h), clamp(p(1, s.h)-1, s.h)
		s.x, s.y = 0, 0
	case 'L', 'M':
		if s.y < s.top || s.y > s.bot {
			return
		}
		top := s.top
		s.top = s.y
		if cmd.Final() == 'L' {
			s.scrollDown(p(0, 1))
		} else {
			s.scrollUp(p(0, 1))
		}
		s.top = top
	case '@':
		n := min(p(0, 1), s.w-s.x)
		l := s.cells[s.y]
		copy(l[s.x+n:], l[s.x:s.w-n])
		for i := s.x; i < s.x+n; i++ {
			l[i] = ' '
		}
	case 'P':
		n := min(p(0, 1), s.w-s.x)
		l := s.cells[s.y]
		copy(l[s.x:], l[s.x+n:])
		for i := s.w - n; i < s.w; i++ {
			l[i] = ' '
		}
	case 'm', 'h', 'l', 'n', 'c', 'q', 't', 'u':
	default:
		s.unhandled[cmd.Final()]++
	}
}

// erase blanks the cells from column x0 to x1 (exclusive) on rows y0 to y1
// (exclusive).
func (s *screen) erase(x0, y0, x1, y1 int) {
	for y := max(0, y0); y < min(s.h, y1); y++ {
		for x := max(0, x0); x < min(s.w, x1); x++ {
			s.cells[y][x] = ' '
		}
	}
}

func clamp(v, n int) int { return max(0, min(n-1, v)) }
