package transfer

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

var exLabels = map[exField]string{
	exPeriod: "exportui.f_period", exScope: "period.f_scope", exLang: "exportui.f_lang", exEnc: "exportui.f_enc", exPass: "exportui.f_pass",
	exPass2: "exportui.f_pass2", exRecipient: "exportui.f_recipient", exDir: "exportui.f_dir",
}

// labelWidth is the width of the labels' column.
func (f *exportForm) labelWidth() int {
	w := 0
	for _, k := range exLabels {
		w = max(w, widget.Width(f.e.c.T(k)))
	}
	return w + 2
}

func langName(c *common.Common, l i18n.Lang) string {
	if l == i18n.EN {
		return c.T("exportui.lang_en")
	}
	return c.T("exportui.lang_zh")
}

func scopeName(c *common.Common, whole bool) string {
	if whole {
		return c.T("period.scope_whole")
	}
	return c.T("period.scope_period")
}

func encName(c *common.Common, e int) string {
	return c.T([]string{"exportui.enc_none", "exportui.enc_pass", "exportui.enc_key"}[e])
}

func (f *exportForm) View() string {
	lines, _, _ := f.lines()
	return screenOf(lines, f.w, f.h)
}

// Cursor is the caret of the focused input, none on a choice.
func (f *exportForm) Cursor() *tea.Cursor {
	_, x, y := f.lines()
	if x < 0 || y < 0 || y >= f.h {
		return nil
	}
	return tea.NewCursor(x, y)
}

// lines draw the form and say where the caret is (-1 when on a choice).
func (f *exportForm) lines() (lines []string, cx, cy int) {
	c, st, w := f.e.c, f.e.c.Styles, f.w
	lw := f.labelWidth()
	iw := f.dir.Width()
	cx, cy = -1, -1
	lines = append(lines, st.Title.Render(widget.Fit(c.T("exportui.form_title"), w, false)), widget.Fit("", w, false))
	for _, x := range f.fields() {
		focused := x == f.focus
		label := widget.Fit(c.T(exLabels[x]), lw, false)
		box := st.Input
		if focused {
			label = st.Focused.Render(label)
			box = st.InputFocus
		} else {
			label = st.Label.Render(label)
		}
		var val string
		switch x {
		case exScope:
			val = box.Render(widget.Fit("< "+scopeName(c, f.whole)+" >", iw, false))
		case exLang:
			val = box.Render(widget.Fit("< "+langName(c, f.lang)+" >", iw, false))
		case exEnc:
			val = box.Render(widget.Fit("< "+encName(c, f.enc)+" >", iw, false))
		case exPass, exPass2:
			if focused {
				val = box.Render(f.mask.View())
				cx, cy = lw+f.mask.CursorColumn(), len(lines)
			} else {
				val = box.Render(widget.Fit(strings.Repeat("*", len([]rune(f.input(x).Value()))), iw, false))
			}
		default:
			in := f.input(x)
			val = box.Render(in.View())
			if focused {
				cx, cy = lw+in.CursorColumn(), len(lines)
			}
		}
		line := label + val
		msg, note := f.shown(x)
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
	if f.countErr != nil {
		for _, l := range wrap(plain(c.Err(f.countErr)), w) {
			lines = append(lines, st.Error.Render(widget.Fit(l, w, false)))
		}
	}
	for _, k := range []string{"exportui.form_about1", "period.form_about", "exportui.form_about2"} {
		for _, l := range wrap(c.T(k), w) {
			lines = append(lines, st.Muted.Render(widget.Fit(l, w, false)))
		}
	}
	return lines, cx, cy
}
