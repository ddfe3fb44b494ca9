package widget

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Drawing the table: the header with its sort mark, the visible rows
// fitted to their columns, the scroll bar.

// thumb returns the scroll indicator's thumb position and length in body
// rows; length 0 means everything fits and no thumb is drawn.
func (t Table) thumb() (top, length int) {
	vis := t.h - 1
	if vis <= 0 || t.n <= vis {
		return 0, 0
	}
	length = max(vis*vis/t.n, 1)
	span := vis - length
	top = t.offset * span / (t.n - vis)
	if t.offset > 0 && top == 0 && span > 0 {
		top = 1 // show that we are not at the very top
	}
	if t.offset < t.n-vis && top == span && span > 0 {
		top = span - 1 // nor at the very bottom
	}
	return top, length
}

// View renders exactly h lines, each exactly w cells wide: the header, then
// the visible rows (or the empty text).
func (t Table) View() string {
	if t.h <= 0 {
		return ""
	}
	if t.w <= 0 {
		return strings.Repeat("\n", t.h-1)
	}
	cw := t.contentWidth()
	sb := t.hasScrollBar()
	var out strings.Builder
	out.Grow(t.h * (t.w + 32))

	// Header.
	t.writeHeader(&out, cw)
	if sb {
		out.WriteString(t.st.Header.Render(" "))
	}

	top, length := t.thumb()
	var line strings.Builder
	line.Grow(cw * 3)
	blank := strings.Repeat(" ", cw)
	var empty []string // the empty text, wrapped: a long one was cut at the edge
	if t.n == 0 && t.empty != "" {
		empty = strings.Split(ansi.Wrap(t.empty, max(10, cw-2*tableMargin), ""), "\n")
	}
	for i := 0; i < t.h-1; i++ {
		out.WriteByte('\n')
		row := t.offset + i
		switch {
		case t.n == 0 && i < len(empty):
			out.WriteString(t.st.Empty.Render(Fit(strings.Repeat(" ", tableMargin)+empty[i], cw, false)))
		case row >= t.n:
			out.WriteString(t.st.Cell.Render(blank))
		default:
			line.Reset()
			t.writeRow(&line, row, cw)
			st := t.st.Cell
			if row == t.cursor {
				st = t.st.Selected
			} else if t.rowStyle != nil {
				if rs, ok := t.rowStyle(row); ok {
					st = inline(rs)
				}
			}
			out.WriteString(st.Render(line.String()))
		}
		if sb {
			if length > 0 && i >= top && i < top+length {
				out.WriteString(t.st.ScrollThumb.Render(ScrollThumbGlyph))
			} else {
				out.WriteString(t.st.ScrollBar.Render(ScrollTrackGlyph))
			}
		}
	}
	return out.String()
}

// writeRow writes the plain text of one row, exactly cw cells wide.
func (t Table) writeRow(b *strings.Builder, row, cw int) {
	b.WriteString(strings.Repeat(" ", tableMargin))
	x := tableMargin
	for c, w := range t.widths {
		if w == 0 {
			continue
		}
		if x > tableMargin {
			b.WriteString(strings.Repeat(" ", tableGap))
			x += tableGap
		}
		s := ""
		if t.cell != nil {
			s = t.cell(row, c)
		}
		b.WriteString(Fit(s, w, t.cols[c].AlignRight))
		x += w
	}
	if x < cw {
		b.WriteString(strings.Repeat(" ", cw-x))
	}
}

// writeHeader writes the header line (without the scroll indicator cell),
// exactly cw cells wide, with the sort mark in its own style.
func (t Table) writeHeader(out *strings.Builder, cw int) {
	var pend strings.Builder
	flush := func() {
		if pend.Len() > 0 {
			out.WriteString(t.st.Header.Render(pend.String()))
			pend.Reset()
		}
	}
	pend.WriteString(strings.Repeat(" ", tableMargin))
	x := tableMargin
	for c, w := range t.widths {
		if w == 0 {
			continue
		}
		if x > tableMargin {
			pend.WriteString(strings.Repeat(" ", tableGap))
			x += tableGap
		}
		col := t.cols[c]
		x += w
		if c != t.sortCol {
			pend.WriteString(Fit(col.Title, w, col.AlignRight))
			continue
		}
		mark := "^"
		if t.sortDesc {
			mark = "v"
		}
		if w < 3 {
			flush()
			out.WriteString(t.st.SortMark.Render(Fit(mark, w, col.AlignRight)))
			continue
		}
		title := clean(col.Title)
		if ansi.StringWidth(title) > w-2 {
			title = ansi.Truncate(title, w-2, "~")
		}
		pad := strings.Repeat(" ", w-2-ansi.StringWidth(title))
		if col.AlignRight {
			pend.WriteString(pad + title + " ")
			flush()
			out.WriteString(t.st.SortMark.Render(mark))
		} else {
			pend.WriteString(title + " ")
			flush()
			out.WriteString(t.st.SortMark.Render(mark))
			pend.WriteString(pad)
		}
	}
	if x < cw {
		pend.WriteString(strings.Repeat(" ", cw-x))
	}
	flush()
}
