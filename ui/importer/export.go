package importer

// The export half of the tab: the district package (上报数据包). A form
// (period, language, encryption, folder), a preview of what the package
// will hold, the export itself in the background with a progress bar that
// esc cancels (nothing is left behind), the result (the file and its
// SHA-256, recorded in the list of past exports, as the command line
// does), and that list.

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"filippo.io/age"

	"unionbook/district"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// exField is a field of the export form.
type exField int

const (
	exPeriod exField = iota
	exLang
	exEnc
	exPass
	exPass2
	exRecipient
	exDir
)

// Encryption choices.
const (
	encNone = iota
	encPass
	encKey
)

// exportForm holds the export form's values.
type exportForm struct {
	focus     exField
	period    widget.TextField
	pass      widget.TextField // the real text; shown masked
	pass2     widget.TextField
	mask      widget.TextField // '*' per character of the focused passphrase, for scrolling and the caret
	recipient widget.TextField
	dir       widget.TextField
	lang      i18n.Lang
	enc       int
	touched   map[exField]bool
	showAll   bool
	hint      string // folder completion candidates
	// dirErr is district.CheckDir's answer for dirChecked.
	dirErr     error
	dirChecked string
	// runErr is an error of the last export attempt that belongs to a
	// field (a period with no data), shown there until the field changes.
	runErr      error
	runErrField exField
}

type exportPreviewMsg struct {
	seq int
	pv  district.Preview
	err error
}

type exportProgressMsg struct {
	seq         int
	done, total int
	step        string
}

type exportDoneMsg struct {
	seq       int
	res       *district.PackageResult
	rec       storage.ExportRecord
	recordErr error
	err       error
}

type exportKeys struct {
	imp, exp, hist, up, down, choose, next, prev, complete, change, submit, start, cancel, back key.Binding
}

func newExportKeys(c *common.Common) exportKeys {
	b := func(help string, ks ...string) key.Binding {
		return key.NewBinding(key.WithKeys(ks...), key.WithHelp(ks[0], c.T(help)))
	}
	return exportKeys{
		imp:      b("exportui.key_import", "i"),
		exp:      b("exportui.key_export", "x"),
		hist:     b("exportui.key_history", "h"),
		up:       b("exportui.key_prev", "up"),
		down:     b("exportui.key_next", "down"),
		choose:   b("exportui.key_choose", "enter"),
		next:     b("exportui.key_next", "down", "tab"),
		prev:     b("exportui.key_prev", "up", "shift+tab"),
		complete: b("exportui.key_complete", "tab"),
		change:   b("exportui.key_change", "space", "left", "right"),
		submit:   b("exportui.key_submit", "ctrl+s"),
		start:    b("exportui.key_start", "enter"),
		cancel:   b("exportui.key_cancel", "esc"),
		back:     b("exportui.key_back", "esc"),
	}
}

func newExportForm(c *common.Common) exportForm {
	f := exportForm{lang: c.Lang, touched: map[exField]bool{}}
	f.period = widget.NewTextField()
	f.period.SetPlaceholder(c.T("exportui.hint_period"))
	f.period.SetValue(itoa(c.Today().Year()))
	f.pass = widget.NewTextField()
	f.pass2 = widget.NewTextField()
	f.mask = widget.NewTextField()
	f.recipient = widget.NewTextField()
	f.recipient.SetPlaceholder(c.T("exportui.hint_recipient"))
	f.dir = widget.NewTextField()
	f.dir.SetPlaceholder(c.T("exportui.hint_dir"))
	f.period.Focus()
	return f
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// fields are the form's fields shown for the chosen encryption.
func (f *exportForm) fields() []exField {
	out := []exField{exPeriod, exLang, exEnc}
	switch f.enc {
	case encPass:
		out = append(out, exPass, exPass2)
	case encKey:
		out = append(out, exRecipient)
	}
	return append(out, exDir)
}

// input is the text field of a text field of the form, nil for choices.
func (f *exportForm) input(x exField) *widget.TextField {
	switch x {
	case exPeriod:
		return &f.period
	case exPass:
		return &f.pass
	case exPass2:
		return &f.pass2
	case exRecipient:
		return &f.recipient
	case exDir:
		return &f.dir
	}
	return nil
}

func masked(x exField) bool { return x == exPass || x == exPass2 }

// syncMask makes the mask field show one '*' per character of the focused
// passphrase, with the same caret.
func (f *exportForm) syncMask() {
	in := f.input(f.focus)
	if in == nil || !masked(f.focus) {
		return
	}
	n := len([]rune(in.Value()))
	f.mask.SetValue(strings.Repeat("*", n))
	f.mask.SetPosition(in.Position())
}

func (f *exportForm) setFocus(x exField) {
	if in := f.input(f.focus); in != nil {
		in.Blur()
	}
	f.focus = x
	if in := f.input(x); in != nil {
		in.Focus()
	}
	if masked(x) {
		f.mask = widget.NewTextField()
		f.mask.SetWidth(f.dir.Width())
		f.syncMask()
	}
}

func (f *exportForm) move(d int) {
	fs := f.fields()
	i := 0
	for j, x := range fs {
		if x == f.focus {
			i = j
		}
	}
	f.leave()
	f.setFocus(fs[(i+d+len(fs))%len(fs)])
}

// leave marks the focused field visited (its problems show) and checks
// the folder when leaving it.
func (f *exportForm) leave() {
	f.touched[f.focus] = true
	if f.focus == exDir {
		f.checkDir()
	}
}

func (f *exportForm) checkDir() {
	d := expand(f.dir.Value())
	if d == f.dirChecked && f.dirErr != nil {
		return
	}
	f.dirChecked, f.dirErr = d, district.CheckDir(d)
}

// problem is the message of a field's problem, "" when it has none; ok
// is a helpful note for a valid field (the period's months).
func (f *exportForm) problem(c *common.Common, x exField) (msg string, note string) {
	if f.runErr != nil && f.runErrField == x {
		return c.Err(f.runErr), ""
	}
	switch x {
	case exPeriod:
		p, err := model.ParsePeriod(f.period.Value())
		if err != nil {
			return c.Err(err), ""
		}
		return "", c.T("exportui.period_ok", p.Label(c.Lang), p.From.String(), p.To.String())
	case exPass:
		if f.pass.Value() == "" {
			return c.T("exportui.pass_empty"), ""
		}
	case exPass2:
		if f.pass.Value() != f.pass2.Value() {
			return c.T("exportui.pass_mismatch"), ""
		}
	case exRecipient:
		r := strings.TrimSpace(f.recipient.Value())
		if r == "" {
			return c.T("exportui.recipient_empty"), ""
		}
		if _, err := age.ParseX25519Recipient(r); err != nil {
			return c.Err(i18n.E("export.bad_recipient", r)), ""
		}
	case exDir:
		if expand(f.dir.Value()) == f.dirChecked && f.dirErr != nil {
			return c.Err(f.dirErr), ""
		}
	}
	return "", ""
}

// shown is the problem to show next to a field: once it was visited, or
// after an attempt to go on.
func (f *exportForm) shown(c *common.Common, x exField) (string, string) {
	msg, note := f.problem(c, x)
	if msg != "" && !f.showAll && !f.touched[x] && !(x == exPeriod && f.period.Value() != "") {
		msg = ""
	}
	return msg, note
}

// ---- the page's export states

// exportKey handles a key in the menu, the export and the history.
func (p *Page) exportKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.xkeys
	switch p.state {
	case stateMenu:
		switch {
		case key.Matches(msg, k.imp):
			p.openImport()
		case key.Matches(msg, k.exp):
			p.openExport()
		case key.Matches(msg, k.hist):
			p.openHistory()
		case key.Matches(msg, k.up):
			p.menu = (p.menu + 2) % 3
		case key.Matches(msg, k.down):
			p.menu = (p.menu + 1) % 3
		case key.Matches(msg, k.choose):
			[]func(){p.openImport, p.openExport, p.openHistory}[p.menu]()
		}
		return nil
	case stateExportForm:
		return p.formKey(msg)
	case stateExportPreview:
		switch {
		case key.Matches(msg, k.back):
			p.state = stateExportForm
		case key.Matches(msg, k.start):
			return p.startExport()
		}
		return nil
	case stateExporting:
		if key.Matches(msg, k.cancel) && p.xcancel != nil {
			p.xcancel()
			p.xcancelled = true
		}
		return nil
	case stateExportDone:
		switch {
		case key.Matches(msg, k.hist):
			p.openHistory()
		case key.Matches(msg, k.back), key.Matches(msg, k.start):
			p.state = stateMenu
		}
		return nil
	case stateHistory:
		if key.Matches(msg, k.back) {
			p.state = stateMenu
			return nil
		}
		var cmd tea.Cmd
		p.hgrid, cmd = p.hgrid.Update(msg)
		return cmd
	}
	return nil
}

func (p *Page) openImport() {
	p.state = stateFile
	p.path.Focus()
}

func (p *Page) openExport() {
	p.state = stateExportForm
	p.xform.showAll = false
	p.xform.setFocus(exPeriod)
}

func (p *Page) openHistory() {
	p.loadHistory()
	p.state = stateHistory
}

// loadHistory reads the list of past exports.
func (p *Page) loadHistory() {
	if p.c.Store == nil {
		return
	}
	hs, err := p.c.Store.Exports(0)
	if err != nil {
		p.history, p.historyErr = nil, err
	} else {
		p.history, p.historyErr = hs, nil
	}
	p.refreshHistory()
}

func (p *Page) formKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.xkeys
	f := &p.xform
	s := msg.String()
	switch {
	case key.Matches(msg, k.back):
		f.leave()
		p.state = stateMenu
		return nil
	case key.Matches(msg, k.submit):
		return p.submitForm()
	case s == "enter":
		fs := f.fields()
		if f.focus == fs[len(fs)-1] {
			return p.submitForm()
		}
		f.move(1)
		return nil
	case s == "tab" && f.focus == exDir:
		f.hint = ""
		p.completeDir()
		return nil
	case key.Matches(msg, k.next):
		f.move(1)
		return nil
	case key.Matches(msg, k.prev):
		f.move(-1)
		return nil
	}
	switch f.focus {
	case exLang:
		if s == "space" || s == "left" || s == "right" || s == "h" || s == "l" {
			f.lang = 1 - f.lang
		}
		return nil
	case exEnc:
		d := 0
		switch s {
		case "space", "right", "l":
			d = 1
		case "left", "h":
			d = 2
		}
		if d != 0 {
			f.enc = (f.enc + d) % 3
			f.runErr = nil
		}
		return nil
	}
	in := f.input(f.focus)
	if in == nil {
		return nil
	}
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if masked(f.focus) {
		f.syncMask()
	}
	if in.Value() != before {
		if f.runErrField == f.focus {
			f.runErr = nil
		}
		if f.focus == exDir {
			f.hint, f.dirErr, f.dirChecked = "", nil, ""
		}
	}
	return cmd
}

// completeDir completes the typed folder's last part among folders.
func (p *Page) completeDir() {
	f := &p.xform
	typed := f.dir.Value()
	full := expand(typed)
	dir, base := filepath.Split(full)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.hint = p.c.T("importer.no_folder")
		return
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if !strings.HasPrefix(strings.ToLower(n), strings.ToLower(base)) {
			continue
		}
		isDir := e.IsDir()
		if !isDir && e.Type()&os.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(dir, n)); err == nil && fi.IsDir() {
				isDir = true
			}
		}
		if isDir {
			names = append(names, n+string(filepath.Separator))
		}
	}
	if len(names) == 0 {
		f.hint = p.c.T("exportui.no_folder_match")
		return
	}
	common := names[0]
	for _, n := range names[1:] {
		for !strings.HasPrefix(strings.ToLower(n), strings.ToLower(common)) {
			r := []rune(common)
			common = string(r[:len(r)-1])
		}
	}
	prefix := typed[:len(typed)-len(filepath.Base(full))]
	if strings.HasSuffix(typed, string(filepath.Separator)) || typed == "" {
		prefix = typed
	}
	f.dir.SetValue(prefix + common)
	f.dir.SetPosition(len([]rune(f.dir.Value())))
	f.dirErr, f.dirChecked = nil, ""
	if len(names) > 1 {
		f.hint = strings.Join(names, "  ")
	}
}

// submitForm checks every field; with none wrong it counts what the
// package will hold and shows the preview.
func (p *Page) submitForm() tea.Cmd {
	f := &p.xform
	f.showAll = true
	f.leave()
	f.checkDir()
	for _, x := range f.fields() {
		if msg, _ := f.problem(p.c, x); msg != "" {
			f.setFocus(x)
			return nil
		}
	}
	per, _ := model.ParsePeriod(f.period.Value())
	p.xperiod = per
	p.seq++
	seq, st := p.seq, p.c.Store
	p.xpreviewErr = nil
	return func() tea.Msg {
		pv, err := district.PreviewPackage(st)
		return exportPreviewMsg{seq: seq, pv: pv, err: err}
	}
}

// startExport writes the package in the background.
func (p *Page) startExport() tea.Cmd {
	f := &p.xform
	o := district.PackageOptions{Period: p.xperiod, Lang: f.lang, Dir: expand(f.dir.Value()), Now: p.now()}
	switch f.enc {
	case encPass:
		o.Passphrase = f.pass.Value()
	case encKey:
		o.Recipient = strings.TrimSpace(f.recipient.Value())
	}
	p.seq++
	seq := p.seq
	ctx, cancel := context.WithCancel(context.Background())
	p.xcancel, p.xcancelled = cancel, false
	p.state, p.xdone, p.xtotal, p.xstep = stateExporting, 0, len(district.Entities())+len(district.Reports())+1, ""
	p.xupdates = make(chan tea.Msg, 1)
	ch, st, op, hook := p.xupdates, p.c.Store, p.c.Operator, p.progressHook
	if op == "" {
		op = "export"
	}
	o.Progress = func(done, total int, step string) {
		if hook != nil {
			hook(done)
		}
		select { // drop an update the page has not taken yet
		case ch <- exportProgressMsg{seq: seq, done: done, total: total, step: step}:
		default:
		}
	}
	lang := f.lang
	encrypted := f.enc != encNone
	go func() {
		res, err := district.WritePackage(ctx, st, o)
		cancel()
		m := exportDoneMsg{seq: seq, res: res, err: err}
		if err == nil {
			m.rec = storage.ExportRecord{Period: o.Period.Text, File: res.Path, SHA256: res.SHA256, Size: res.Size,
				Encrypted: encrypted, Language: lang.Code()}
			m.recordErr = st.RecordExport(op, &m.rec)
		}
		ch <- m
	}()
	return p.listenExport()
}

func (p *Page) listenExport() tea.Cmd {
	ch := p.xupdates
	return func() tea.Msg { return <-ch }
}

// exportMsg handles the export's background messages; ok is false for
// other messages.
func (p *Page) exportMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case exportPreviewMsg:
		if msg.seq == p.seq && p.state == stateExportForm {
			p.xpreview, p.xpreviewErr = msg.pv, msg.err
			if msg.err == nil {
				p.state = stateExportPreview
			}
		}
		return nil, true
	case exportProgressMsg:
		if msg.seq == p.seq && p.state == stateExporting {
			p.xdone, p.xtotal, p.xstep = msg.done, msg.total, msg.step
			return p.listenExport(), true
		}
		return nil, true
	case exportDoneMsg:
		if msg.seq != p.seq {
			return nil, true
		}
		p.xcancel = nil
		p.xresult, p.xerr, p.xrecord, p.xrecordErr = msg.res, msg.err, msg.rec, msg.recordErr
		if msg.err != nil && !errors.Is(msg.err, i18n.E("export.cancelled")) {
			// A problem of a field goes back to the form, next to it.
			for _, fe := range []struct {
				key string
				x   exField
			}{{"export.period_no_data", exPeriod}, {"export.dir_missing", exDir}, {"export.dir_unwritable", exDir},
				{"export.dir_not_folder", exDir}, {"export.bad_recipient", exRecipient}, {"export.bad_passphrase", exPass}} {
				if errors.Is(msg.err, i18n.E(fe.key)) {
					f := &p.xform
					f.runErr, f.runErrField = msg.err, fe.x
					p.state = stateExportForm
					f.setFocus(fe.x)
					return nil, true
				}
			}
		}
		p.state = stateExportDone
		if msg.err == nil {
			p.loadHistory()
			return common.Changed(model.EntityExport, msg.rec.ID), true
		}
		return nil, true
	}
	return nil, false
}

// stepName names a step of the export for the progress line.
func (p *Page) stepName(step string) string {
	if step == "" {
		return ""
	}
	if step == "manifest" {
		return p.c.T("exportui.step_manifest")
	}
	for _, r := range district.Reports() {
		if r.Name == step {
			return p.xform.lang.T(r.Title) + ".xlsx"
		}
	}
	if k := "pkg.entity_" + step; p.c.Lang.Has(k) {
		return p.c.T(k)
	}
	return step
}

func (p *Page) refreshHistory() {
	p.hgrid.SetColumns([]widget.Column{
		{Title: p.c.T("exportui.h_when"), Width: 16},
		{Title: p.c.T("exportui.h_period"), Width: 10},
		{Title: p.c.T("exportui.h_file"), Width: 20, Flex: 1},
		{Title: p.c.T("exportui.h_sha"), Width: 12},
	})
	hs := p.history
	p.hgrid.SetRows(len(hs), func(row, col int) string {
		h := hs[row]
		switch col {
		case 0:
			return h.At.Local().Format("2006-01-02 15:04")
		case 1:
			return h.Period
		case 2:
			return baseName(h.File)
		}
		return shortSHA(h.SHA256)
	})
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
		return trimFloat(float64(n)/(1<<20)) + " MB"
	case n >= 1<<10:
		return trimFloat(float64(n)/(1<<10)) + " KB"
	}
	return itoa(int(n)) + " B"
}

func trimFloat(f float64) string {
	v := int64(f*10 + 0.5)
	return itoa(int(v/10)) + "." + itoa(int(v%10))
}
