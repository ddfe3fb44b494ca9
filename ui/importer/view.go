package importer

import (
	"fmt"
	"path/filepath"
	"strings"

	"unionbook/i18n"
	"unionbook/roster"
	"unionbook/ui/widget"
)

// View draws the page in exactly width × height cells.
func (p *Page) View() string {
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	st := p.c.Styles
	w := p.width
	fit := func(s string) string { return widget.Fit(s, w, false) }
	switch p.state {
	case stateMenu:
		lines = p.menuLines()
	case stateExportForm:
		lines, _, _ = p.formLines()
	case stateExportPreview:
		lines = p.exportPreviewLines()
	case stateExporting:
		lines = p.exportingLines()
	case stateExportDone:
		lines = p.exportDoneLines()
	case stateHistory:
		lines = p.historyLines()
	case stateFile, stateLoading:
		add(st.Title.Render(fit(p.c.T("importer.title"))))
		label := p.c.T("importer.file") + " "
		add(st.Label.Render(label) + p.path.View() + strings.Repeat(" ", max(0, w-widget.Width(label)-p.path.Width())))
		switch {
		case p.state == stateLoading:
			add(st.Muted.Render(fit(p.c.T("importer.loading"))))
		case p.err != nil:
			add(st.Error.Render(fit(p.c.Err(p.err))))
		default:
			add(st.Muted.Render(fit(p.hint)))
		}
		add(fit(""))
		for _, k := range []string{"importer.about1", "importer.about2", "importer.about3", "importer.about4"} {
			for _, l := range wrap(p.c.T(k), w) {
				add(st.Muted.Render(fit(l)))
			}
		}
	case statePreview, stateMapping, stateJoinDate:
		lines = p.previewLines()
	case stateImporting:
		add(st.Title.Render(fit(p.c.T("importer.importing", filepath.Base(p.table.Path)))))
		add(fit(""))
		pct := 0.0
		if p.total > 0 {
			pct = float64(p.done) / float64(p.total)
		}
		count := " " + p.c.T("importer.count", p.done, p.total)
		add(fit(bar(pct, p.barW) + count))
		add(fit(""))
		add(st.Muted.Render(fit(p.c.T("importer.cancel_hint"))))
	case stateDone:
		add(st.Title.Render(fit(p.c.T("importer.title"))))
		add(fit(""))
		if p.err != nil {
			add(st.Error.Render(fit(p.c.Err(p.err))))
		} else {
			r := p.result
			add(st.Success.Render(fit(p.c.T("import.outcome_wrote", r.Created, r.Updated, r.Unchanged, r.UnitsCreated))))
			if r.Backup != "" {
				add(st.Muted.Render(fit(p.c.T("import.backup_taken", r.Backup))))
			}
		}
		add(fit(""))
		add(st.Muted.Render(fit(p.c.T("importer.again_hint"))))
	}
	for len(lines) < p.height {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines[:p.height], "\n")
}

func (p *Page) previewLines() []string {
	st := p.c.Styles
	w := p.width
	fit := func(s string) string { return widget.Fit(s, w, false) }
	pl, t := p.plan, p.table
	var lines []string
	kind := p.c.T("import.kind_members")
	if p.kind == roster.Units {
		kind = p.c.T("import.kind_units")
	}
	src := filepath.Base(t.Path)
	if t.Format == roster.XLSX {
		src += " | " + p.c.T("importer.sheet", t.Sheet)
	} else {
		src += " | " + t.Encoding + " | " + commaName(t.Comma)
	}
	if pl.Header.Index >= 0 {
		src += " | " + p.c.T("importer.header_row", pl.Header.Row)
	}
	lines = append(lines, st.Title.Render(fit(p.c.T("importer.preview_title", kind)+"  "+src)))
	s := pl.Stats
	lines = append(lines, fit(p.c.T("importer.stats", s.Read, s.Valid, s.Problems, s.New, s.Duplicates)))
	lines = append(lines, p.mappingLine())
	if p.state == stateJoinDate {
		lines = append(lines, p.joinDateLine())
	} else {
		lines = append(lines, st.Muted.Render(fit(p.optionsLine())))
	}
	if len(pl.FileIssues) > 0 {
		for _, is := range pl.FileIssues {
			if is.P.Key == "import.missing_join_date" {
				// the page's own way to give the date, not the flag's
				is.P.Key = "importer.missing_join_date"
			}
			for _, l := range wrap(is.Localize(p.c.Lang), w) {
				lines = append(lines, st.Error.Render(fit(l)))
			}
		}
		return lines
	}
	lines = append(lines, strings.Split(p.grid.View(), "\n")...)
	// the selected row's problems in full
	detail := ""
	if i := p.grid.Cursor(); i >= 0 && i < len(p.rows) {
		it := pl.Items[p.rows[i]]
		var msgs []string
		for _, is := range it.Issues {
			msgs = append(msgs, is.Localize(p.c.Lang))
		}
		detail = strings.Join(msgs, "；")
	}
	wl := wrap(detail, w)
	for len(wl) < 2 {
		wl = append(wl, "")
	}
	for _, l := range wl[:2] {
		lines = append(lines, st.Error.Render(fit(l)))
	}
	return lines
}

// mappingLine shows each column's letter, header and field; in mapping
// mode the selected column is highlighted and the line scrolls to it.
func (p *Page) mappingLine() string {
	st := p.c.Styles
	h := p.plan.Header
	if p.header != nil && p.state == stateMapping {
		h = *p.header
	}
	if h.Index < 0 {
		return widget.Fit("", p.width, false)
	}
	var parts []string
	sel := -1
	for c, f := range h.Fields {
		if h.Names[c] == "" && f == "" {
			continue
		}
		target := "-"
		if f != "" {
			target = p.c.T("field." + string(f))
		}
		part := roster.ColumnName(c) + " " + h.Names[c] + "->" + target
		if p.state == stateMapping && c == p.mapCol {
			sel = len(parts)
			part = "[" + part + "]"
		}
		parts = append(parts, part)
	}
	prefix := p.c.T("importer.mapping") + " "
	if p.state == stateMapping {
		prefix = p.c.T("importer.mapping_edit") + " "
		if p.mapCol < len(h.Names) && h.Names[p.mapCol] == "" && h.Fields[p.mapCol] == "" {
			sel = -1
		}
	}
	// scroll so that the selected column shows
	start := 0
	for sel > start && widget.Width(prefix+strings.Join(parts[start:sel+1], "  ")) > p.width {
		start++
	}
	line := prefix + strings.Join(parts[start:], "  ")
	if p.state == stateMapping {
		return st.Focused.Render(widget.Fit(line, p.width, false))
	}
	return widget.Fit(line, p.width, false)
}

// joinDateLine is the input of the join date for rows without one, and
// what is wrong with the date typed.
func (p *Page) joinDateLine() string {
	st := p.c.Styles
	label := p.c.T("importer.join_date_prompt") + " "
	line := st.Label.Render(label) + p.joinInput.View()
	used := widget.Width(label) + p.joinInput.Width()
	if p.joinErr != "" && used+2 < p.width {
		msg := widget.Fit(p.joinErr, p.width-used-2, false)
		line += "  " + st.Error.Render(msg)
		used += 2 + widget.Width(msg)
	}
	return line + strings.Repeat(" ", max(0, p.width-used))
}

func (p *Page) optionsLine() string {
	dup := []string{"importer.dup_error", "importer.dup_skip", "importer.dup_update"}[p.dup]
	create := "importer.units_no"
	if p.createUnits {
		create = "importer.units_yes"
	}
	skip := "importer.invalid_block"
	if p.skipInvalid {
		skip = "importer.invalid_skip"
	}
	only := ""
	if p.onlyBad {
		only = " | " + p.c.T("importer.only_problems")
	}
	s := p.c.T(dup) + " | " + p.c.T(skip)
	if p.kind == roster.Members {
		s += " | " + p.c.T(create)
		if n := len(p.plan.NewUnits); n > 0 {
			s += p.c.T("importer.new_units", n)
		}
		// first, where it shows: only rosters that lack join dates have it
		switch {
		case !p.plan.WantsJoinDate():
		case p.joinDate != 0:
			s = p.c.T("importer.join_date_set", p.joinDate.String()) + " | " + s
		default:
			s = p.c.T("importer.join_date_none") + " | " + s
		}
	}
	return s + only
}

func commaName(c rune) string {
	switch c {
	case '\t':
		return "Tab"
	case ';':
		return ";"
	}
	return ","
}

// wrap breaks text into lines of at most w cells. A line that would end
// inside a word of Latin letters breaks after its last space instead, when
// that space is in the line's second half (English words stay whole);
// elsewhere it breaks anywhere (Chinese has no spaces).
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

var _ = i18n.ZH

// bar draws a progress bar of w cells with the percentage after it. (The
// Bubbles progress model needs github.com/charmbracelet/harmonica, which
// the module does not require yet.) It is drawn in ASCII: block elements
// are of ambiguous width, two cells wide in many Chinese terminals.
func bar(pct float64, w int) string {
	pct = min(max(pct, 0), 1)
	w = max(w, 3)
	full := int(pct*float64(w-2) + 0.5)
	return "[" + strings.Repeat("#", full) + strings.Repeat("-", w-2-full) + "]" + fmt.Sprintf(" %3d%%", int(pct*100+0.5))
}
