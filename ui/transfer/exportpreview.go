package transfer

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/district"
	"unionbook/i18n"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// exportPreview shows what the package will hold before it is written:
// the union, the period, language, encryption and folder, the count of
// every kind of record and the reports. Enter exports; esc goes back to
// the form.
type exportPreview struct {
	common.ScreenBase
	e    *env
	form *exportForm
	job  exportJob
	pv   district.Preview
	w, h int
}

func newExportPreview(e *env, form *exportForm, job exportJob, pv district.Preview) *exportPreview {
	return &exportPreview{e: e, form: form, job: job, pv: pv}
}

func (x *exportPreview) SetSize(w, h int) { x.w, x.h = w, h }

func (x *exportPreview) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, x.e.keys.start) {
		return x.e.st.Push(newExporting(x.e, x.form, x.job))
	}
	return nil
}

func (x *exportPreview) View() string {
	c, st, w := x.e.c, x.e.c.Styles, x.w
	fit := func(s string) string { return widget.Fit(s, w, false) }
	per, o := x.job.opts.Period, x.job.opts
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	add(st.Title.Render(fit(c.T("exportui.preview_title"))))
	add(fit(""))
	add(fit(c.T("exportui.pv_union", x.pv.Union)))
	add(fit(c.T("exportui.pv_period", per.Label(c.Lang), per.From.String(), per.To.String())))
	add(fit(c.T("period.pv_scope", scopeName(c, o.Whole))))
	add(fit(c.T("exportui.pv_lang_enc", langName(c, o.Lang), encName(c, x.job.enc))))
	add(fit(c.T("exportui.pv_dir", o.Dir)))
	add(fit(""))
	add(st.Label.Render(fit(c.T("exportui.pv_counts"))))
	es := district.Entities()
	colW := w / 2
	for i := 0; i < len(es); i += 2 {
		line := ""
		for j := i; j < min(i+2, len(es)); j++ {
			name := es[j].Name
			label := name
			if k := "pkg.entity_" + name; c.Lang.Has(k) {
				label = c.T(k)
			}
			line += "  " + widget.Fit(label, colW-12, false) + widget.Fit(strconv.Itoa(x.pv.Counts[name]), 8, true) + "  "
		}
		add(fit(line))
	}
	add(fit(""))
	var titles []string
	for _, r := range district.Reports() {
		titles = append(titles, o.Lang.T(r.Title))
	}
	sep := "、"
	if c.Lang == i18n.EN {
		sep = ", "
	}
	for _, l := range wrap(c.T("exportui.pv_reports", len(titles), strings.Join(titles, sep)), w) {
		add(fit(l))
	}
	add(fit(""))
	for _, l := range wrap(c.T("exportui.pv_private"), w) {
		add(st.Muted.Render(fit(l)))
	}
	add(fit(""))
	add(st.Muted.Render(fit(c.T("exportui.pv_hint"))))
	return screenOf(lines, w, x.h)
}

func (x *exportPreview) ShortHelp() []key.Binding { return []key.Binding{x.e.keys.start} }
func (x *exportPreview) FullHelp() [][]key.Binding {
	return [][]key.Binding{{x.e.keys.start, x.e.c.Keys.Back}}
}
