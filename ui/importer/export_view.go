package importer

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/district"
	"unionbook/i18n"
	"unionbook/ui/widget"
)

// The views of the menu, the export and the history. Every line is
// exactly the page's width; only characters of unambiguous width are used
// (no arrows, middle dots or block elements), so the layout holds in
// terminals that draw those as two cells.

// fitStyled cuts or pads a line that may hold styles to exactly w cells.
func fitStyled(s string, w int) string {
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "~")
	}
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}

var exLabels = map[exField]string{
	exPeriod: "exportui.f_period", exLang: "exportui.f_lang", exEnc: "exportui.f_enc", exPass: "exportui.f_pass",
	exPass2: "exportui.f_pass2", exRecipient: "exportui.f_recipient", exDir: "exportui.f_dir",
}

func (p *Page) formLabelWidth() int {
	w := 0
	for _, k := range exLabels {
		w = max(w, widget.Width(p.c.T(k)))
	}
	return w + 2
}

func (p *Page) langName(l i18n.Lang) string {
	if l == i18n.EN {
		return p.c.T("exportui.lang_en")
	}
	return p.c.T("exportui.lang_zh")
}

func (p *Page) encName(e int) string {
	return p.c.T([]string{"exportui.enc_none", "exportui.enc_pass", "exportui.enc_key"}[e])
}

func (p *Page) menuLines() []string {
	st := p.c.Styles
	w := p.width
	lines := []string{st.Title.Render(widget.Fit(p.c.T("exportui.menu_title"), w, false)), widget.Fit("", w, false)}
	items := []struct{ key, text string }{
		{"i", p.c.T("exportui.menu_import")},
		{"x", p.c.T("exportui.menu_export")},
		{"h", p.c.T("exportui.menu_history")},
	}
	for i, it := range items {
		text := widget.Fit("  "+it.key+"  "+it.text, w, false)
		if i == p.menu {
			text = st.Focused.Render(widget.Fit("> "+it.key+"  "+it.text, w, false))
		}
		lines = append(lines, text)
	}
	lines = append(lines, widget.Fit("", w, false))
	// The latest exports, under the menu.
	if len(p.history) > 0 {
		lines = append(lines, st.Label.Render(widget.Fit(p.c.T("exportui.menu_recent"), w, false)))
		for _, h := range p.history[:min(3, len(p.history))] {
			l := "  " + h.At.Local().Format("2006-01-02 15:04") + "  " + h.Period + "  " + shortSHA(h.SHA256) + "  " + baseName(h.File)
			lines = append(lines, st.Muted.Render(widget.Fit(l, w, false)))
		}
		lines = append(lines, widget.Fit("", w, false))
	}
	for _, k := range []string{"exportui.menu_about1", "exportui.menu_about2"} {
		for _, l := range wrap(p.c.T(k), w) {
			lines = append(lines, st.Muted.Render(widget.Fit(l, w, false)))
		}
	}
	return lines
}

// formLines draws the export form and says where the caret is.
func (p *Page) formLines() (lines []string, cx, cy int) {
	st := p.c.Styles
	w := p.width
	f := &p.xform
	lw := p.formLabelWidth()
	iw := f.dir.Width()
	cx, cy = -1, -1
	lines = append(lines, st.Title.Render(widget.Fit(p.c.T("exportui.form_title"), w, false)), widget.Fit("", w, false))
	for _, x := range f.fields() {
		focused := x == f.focus
		label := widget.Fit(p.c.T(exLabels[x]), lw, false)
		if focused {
			label = st.Focused.Render(label)
		} else {
			label = st.Label.Render(label)
		}
		box := st.Input
		if focused {
			box = st.InputFocus
		}
		var val string
		switch x {
		case exLang:
			val = box.Render(widget.Fit("< "+p.langName(f.lang)+" >", iw, false))
		case exEnc:
			val = box.Render(widget.Fit("< "+p.encName(f.enc)+" >", iw, false))
		case exPass, exPass2:
			in := f.input(x)
			if focused {
				val = box.Render(f.mask.View())
				cx, cy = lw+f.mask.CursorColumn(), len(lines)
			} else {
				val = box.Render(widget.Fit(strings.Repeat("*", len([]rune(in.Value()))), iw, false))
			}
		default:
			in := f.input(x)
			val = box.Render(in.View())
			if focused {
				cx, cy = lw+in.CursorColumn(), len(lines)
			}
		}
		line := label + val
		msg, note := f.shown(p.c, x)
		msg = plain(msg)
		room := w - lw - iw - 2
		switch {
		case msg != "" && widget.Width(msg)+2 <= room:
			lines = append(lines, fitStyled(line+"  "+st.Error.Render(msg), w))
		case msg != "":
			lines = append(lines, fitStyled(line, w))
			for _, l := range wrap(msg, w-lw) {
				lines = append(lines, fitStyled(strings.Repeat(" ", lw)+st.Error.Render(l), w))
			}
		case note != "" && widget.Width(note)+2 <= room:
			lines = append(lines, fitStyled(line+"  "+st.Muted.Render(note), w))
		default:
			lines = append(lines, fitStyled(line, w))
		}
		if x == exDir && f.hint != "" {
			for _, l := range wrap(f.hint, w-lw) {
				lines = append(lines, fitStyled(strings.Repeat(" ", lw)+st.Muted.Render(l), w))
			}
		}
	}
	lines = append(lines, widget.Fit("", w, false))
	if p.xpreviewErr != nil {
		for _, l := range wrap(plain(p.c.Err(p.xpreviewErr)), w) {
			lines = append(lines, st.Error.Render(widget.Fit(l, w, false)))
		}
	}
	for _, k := range []string{"exportui.form_about1", "exportui.form_about2"} {
		for _, l := range wrap(p.c.T(k), w) {
			lines = append(lines, st.Muted.Render(widget.Fit(l, w, false)))
		}
	}
	return lines, cx, cy
}

func (p *Page) formCursor() *tea.Cursor {
	_, x, y := p.formLines()
	if x < 0 || y < 0 || y >= p.height {
		return nil
	}
	return tea.NewCursor(x, y)
}

func (p *Page) exportPreviewLines() []string {
	st := p.c.Styles
	w := p.width
	f := &p.xform
	fit := func(s string) string { return widget.Fit(s, w, false) }
	per := p.xperiod
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	add(st.Title.Render(fit(p.c.T("exportui.preview_title"))))
	add(fit(""))
	add(fit(p.c.T("exportui.pv_union", p.xpreview.Union)))
	add(fit(p.c.T("exportui.pv_period", per.Label(p.c.Lang), per.From.String(), per.To.String())))
	add(fit(p.c.T("exportui.pv_lang_enc", p.langName(f.lang), p.encName(f.enc))))
	add(fit(p.c.T("exportui.pv_dir", expand(f.dir.Value()))))
	add(fit(""))
	add(st.Label.Render(fit(p.c.T("exportui.pv_counts"))))
	es := district.Entities()
	colW := w / 2
	for i := 0; i < len(es); i += 2 {
		line := ""
		for j := i; j < min(i+2, len(es)); j++ {
			name := es[j].Name
			label := name
			if k := "pkg.entity_" + name; p.c.Lang.Has(k) {
				label = p.c.T(k)
			}
			cell := "  " + widget.Fit(label, colW-12, false) + widget.Fit(itoa(p.xpreview.Counts[name]), 8, true) + "  "
			line += cell
		}
		add(fit(line))
	}
	add(fit(""))
	var titles []string
	for _, r := range district.Reports() {
		titles = append(titles, f.lang.T(r.Title))
	}
	sep := "、"
	if p.c.Lang == i18n.EN {
		sep = ", "
	}
	for _, l := range wrap(p.c.T("exportui.pv_reports", len(titles), strings.Join(titles, sep)), w) {
		add(fit(l))
	}
	add(fit(""))
	for _, l := range wrap(p.c.T("exportui.pv_private"), w) {
		add(st.Muted.Render(fit(l)))
	}
	add(fit(""))
	add(st.Muted.Render(fit(p.c.T("exportui.pv_hint"))))
	return lines
}

func (p *Page) exportingLines() []string {
	st := p.c.Styles
	w := p.width
	fit := func(s string) string { return widget.Fit(s, w, false) }
	pct := 0.0
	if p.xtotal > 0 {
		pct = float64(p.xdone) / float64(p.xtotal)
	}
	lines := []string{
		st.Title.Render(fit(p.c.T("exportui.exporting", p.xperiod.Label(p.c.Lang)))),
		fit(""),
		fit(bar(pct, p.barW) + " " + p.c.T("exportui.steps", p.xdone, p.xtotal)),
		fit(p.stepName(p.xstep)),
		fit(""),
	}
	hint := p.c.T("exportui.cancel_hint")
	if p.xcancelled {
		hint = p.c.T("exportui.cancelling")
	}
	return append(lines, st.Muted.Render(fit(hint)))
}

func (p *Page) exportDoneLines() []string {
	st := p.c.Styles
	w := p.width
	fit := func(s string) string { return widget.Fit(s, w, false) }
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	if p.xerr != nil || p.xresult == nil {
		add(st.Title.Render(fit(p.c.T("exportui.failed_title"))))
		add(fit(""))
		if p.xerr != nil {
			for _, l := range wrap(plain(p.c.Err(p.xerr)), w) {
				add(st.Error.Render(fit(l)))
			}
		}
		add(fit(""))
		add(st.Muted.Render(fit(p.c.T("exportui.back_hint"))))
		return lines
	}
	r := p.xresult
	add(st.Title.Render(fit(p.c.T("exportui.done_title"))))
	add(fit(""))
	for _, l := range wrap(p.c.T("exportui.done_file", r.Path), w) {
		add(st.Success.Render(fit(l)))
	}
	for _, l := range wrap(p.c.T("exportui.done_sha", r.SHA256), w) {
		add(fit(l))
	}
	size := p.c.T("exportui.done_size", humanSize(r.Size))
	if p.xrecord.Encrypted {
		size += p.c.T("exportui.done_encrypted")
	}
	add(fit(size))
	add(fit(""))
	if p.xrecordErr != nil {
		for _, l := range wrap(plain(p.c.T("exportui.record_failed", p.c.Err(p.xrecordErr))), w) {
			add(st.Error.Render(fit(l)))
		}
	} else {
		add(fit(p.c.T("exportui.recorded")))
	}
	add(fit(""))
	for _, l := range wrap(p.c.T("exportui.done_about"), w) {
		add(st.Muted.Render(fit(l)))
	}
	add(st.Muted.Render(fit(p.c.T("exportui.done_hint"))))
	return lines
}

func (p *Page) historyLines() []string {
	st := p.c.Styles
	w := p.width
	fit := func(s string) string { return widget.Fit(s, w, false) }
	lines := []string{st.Title.Render(fit(p.c.T("exportui.history_title", len(p.history)))), fit("")}
	if p.historyErr != nil {
		lines[1] = st.Error.Render(fit(plain(p.c.Err(p.historyErr))))
	}
	lines = append(lines, strings.Split(p.hgrid.View(), "\n")...)
	if i := p.hgrid.Cursor(); i >= 0 && i < len(p.history) {
		h := p.history[i]
		lines = append(lines, st.Muted.Render(fit(p.c.T("exportui.done_file", h.File))))
		lines = append(lines, st.Muted.Render(fit(p.c.T("exportui.done_sha", h.SHA256))))
	}
	return lines
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
