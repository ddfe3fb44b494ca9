package transfer

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"filippo.io/age"

	"unionbook/district"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/filechooser"
	"unionbook/ui/widget"
)

// exField is a field of the export form.
type exField int

const (
	exPeriod exField = iota
	exScope
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

// exportForm asks what to export: the period (the last whole quarter to
// begin with, replaced by what is typed), its records only or every
// record (a whole package, to rebuild a database), the reports' language, the
// encryption (a passphrase typed twice, or the district's age key) and the
// folder (tab completes). Enter on the last field or ctrl+s checks every
// field and, with none wrong, counts what the package will hold and shows
// the export preview. The menu keeps the form, so its values stay.
type exportForm struct {
	e         *env
	w, h      int
	focus     exField
	period    widget.TextField
	pass      widget.TextField // the real text; shown masked
	pass2     widget.TextField
	mask      widget.TextField // '*' per character of the focused passphrase, for scrolling and the caret
	recipient widget.TextField
	dir       widget.TextField
	lang      i18n.Lang
	enc       int
	whole     bool // every record, not the period's only
	touched   map[exField]bool
	showAll   bool   // every problem shows, after an attempt to go on
	hint      string // folder completion candidates
	// dirErr is district.CheckDir's answer for dirChecked.
	dirErr     error
	dirChecked string
	// runErr is an error of the last export that belongs to a field (a
	// period with no data), shown there until the field changes.
	runErr      error
	runErrField exField
	countErr    error // the package's contents could not be counted
	seq         int   // the newest count asked for
	opened      bool  // shown before: the field left last counts as visited
}

// countedMsg is the count of what the package will hold, asked for as seq.
type countedMsg struct {
	from *exportForm
	seq  int
	pv   district.Preview
	err  error
}

func newExportForm(e *env) *exportForm {
	c := e.c
	f := &exportForm{e: e, lang: c.Lang, touched: map[exField]bool{}}
	f.period = widget.NewTextField()
	f.period.SetPlaceholder(c.T("exportui.hint_period"))
	f.period.SetDefault(lastQuarter(c.Today()))
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

// lastQuarter is the last whole quarter before today ("2026-Q3" in
// November), what the district usually asks for: the period's default.
func lastQuarter(today model.Date) string {
	m := today.Month().Add(-3) // a month of that quarter
	return strconv.Itoa(m.Year()) + "-Q" + strconv.Itoa((m.MonthOfYear()-1)/3+1)
}

// open is called when the menu shows the form again: the field left last
// counts as visited, and the period has the focus.
func (f *exportForm) open() {
	if f.opened {
		f.leave()
	}
	f.opened = true
	f.showAll = false
	f.seq++ // a count asked for before leaving no longer opens the preview
	f.setFocus(exPeriod)
}

func (f *exportForm) SetSize(w, h int) {
	f.w, f.h = w, h
	iw := max(10, min(44, w-f.labelWidth()-2))
	for _, in := range []*widget.TextField{&f.period, &f.pass, &f.pass2, &f.mask, &f.recipient, &f.dir} {
		in.SetWidth(iw)
	}
	f.syncMask()
}

func (f *exportForm) Capturing() bool { return true }
func (f *exportForm) Dirty() bool     { return false } // the menu keeps the form: nothing is lost

// fields are the form's fields shown for the chosen encryption.
func (f *exportForm) fields() []exField {
	out := []exField{exPeriod, exScope, exLang, exEnc}
	switch f.enc {
	case encPass:
		out = append(out, exPass, exPass2)
	case encKey:
		out = append(out, exRecipient)
	}
	return append(out, exDir)
}

// input is the text field of a field, nil for the choices.
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

// choice reports whether a field is a choice changed with the arrows.
func choice(x exField) bool { return x == exScope || x == exLang || x == exEnc }

// syncMask makes the mask field show one '*' per character of the focused
// passphrase, with the same caret.
func (f *exportForm) syncMask() {
	in := f.input(f.focus)
	if in == nil || !masked(f.focus) {
		return
	}
	f.mask.SetValue(strings.Repeat("*", len([]rune(in.Value()))))
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

// problem is the message of a field's problem, "" when it has none; note
// is a helpful word on a valid field (the period's months).
func (f *exportForm) problem(x exField) (msg string, note string) {
	c := f.e.c
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
	case exScope:
		if f.whole {
			return "", c.T("period.scope_note_whole")
		}
		return "", c.T("period.scope_note_period")
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
func (f *exportForm) shown(x exField) (string, string) {
	msg, note := f.problem(x)
	if msg != "" && !f.showAll && !f.touched[x] && !(x == exPeriod && f.period.Value() != "") {
		msg = ""
	}
	return msg, note
}

// showRunErr puts an error of the export that belongs to a field next to
// it, and the focus there.
func (f *exportForm) showRunErr(err error, x exField) {
	f.runErr, f.runErrField = err, x
	f.setFocus(x)
}

func (f *exportForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case countedMsg:
		if msg.from != f || msg.seq != f.seq {
			return nil
		}
		f.countErr = msg.err
		if msg.err != nil {
			return nil
		}
		return f.e.st.Push(newExportPreview(f.e, f, f.job(), msg.pv))
	case tea.KeyPressMsg:
		return f.key(msg)
	}
	// a paste into the focused field
	if in := f.input(f.focus); in != nil {
		var cmd tea.Cmd
		*in, cmd = in.Update(msg)
		f.syncMask()
		return cmd
	}
	return nil
}

func (f *exportForm) key(msg tea.KeyPressMsg) tea.Cmd {
	k := f.e.keys
	fs := f.fields()
	switch {
	case key.Matches(msg, k.submit):
		return f.submit()
	case key.Matches(msg, k.enter):
		if f.focus == fs[len(fs)-1] {
			return f.submit()
		}
		f.move(1)
		return nil
	case f.focus == exDir && key.Matches(msg, k.completeDir):
		f.completeDir()
		return nil
	case f.focus == exDir && key.Matches(msg, k.chooseDir):
		return f.chooseDir()
	case key.Matches(msg, k.next):
		f.move(1)
		return nil
	case key.Matches(msg, k.prev):
		f.move(-1)
		return nil
	}
	if choice(f.focus) {
		d := 0
		switch {
		case key.Matches(msg, k.change):
			d = 1
		case key.Matches(msg, k.changeBack):
			d = -1
		}
		switch {
		case d == 0:
		case f.focus == exScope:
			f.whole = !f.whole
		case f.focus == exLang:
			f.lang = 1 - f.lang
		default:
			f.enc = (f.enc + d + 3) % 3
			f.runErr = nil
		}
		return nil
	}
	in := f.input(f.focus)
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	f.syncMask()
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

// completeDir completes the typed folder among folders.
func (f *exportForm) completeDir() {
	cp := completePath(f.dir.Value(), false)
	switch {
	case cp.noFolder:
		f.hint = f.e.c.T("importer.no_folder")
		return
	case cp.noMatch:
		f.hint = f.e.c.T("exportui.no_folder_match")
		return
	}
	f.dir.SetValue(cp.value)
	f.dir.SetPosition(len([]rune(cp.value)))
	f.dirErr, f.dirChecked = nil, ""
	f.hint = strings.Join(cp.names, "  ")
}

// submit checks every field; with none wrong it counts what the package
// will hold, in the background, and then shows the preview.
func (f *exportForm) submit() tea.Cmd {
	f.showAll = true
	f.leave()
	f.checkDir()
	for _, x := range f.fields() {
		if msg, _ := f.problem(x); msg != "" {
			f.setFocus(x)
			return nil
		}
	}
	f.seq++
	f.countErr = nil
	seq, st, opts := f.seq, f.e.c.Store, f.job().opts
	return func() tea.Msg {
		pv, err := district.PreviewPackage(st, opts)
		return countedMsg{from: f, seq: seq, pv: pv, err: err}
	}
}

// exportJob is what the form asks for: the package's options (its clock
// and progress are set when it starts) and the encryption chosen.
type exportJob struct {
	opts district.PackageOptions
	enc  int
}

func (f *exportForm) job() exportJob {
	per, _ := model.ParsePeriod(f.period.Value())
	j := exportJob{opts: district.PackageOptions{Period: per, Lang: f.lang, Dir: expand(f.dir.Value()), Whole: f.whole}, enc: f.enc}
	switch f.enc {
	case encPass:
		j.opts.Passphrase = f.pass.Value()
	case encKey:
		j.opts.Recipient = strings.TrimSpace(f.recipient.Value())
	}
	return j
}

// record is the entry in the list of past exports for a package written.
func (j exportJob) record(res *district.PackageResult) storage.ExportRecord {
	return storage.ExportRecord{Period: j.opts.Period.Text, File: res.Path, SHA256: res.SHA256, Size: res.Size,
		Encrypted: j.enc != encNone, Language: j.opts.Lang.Code(), PeriodOnly: !j.opts.Whole}
}

func (f *exportForm) ShortHelp() []key.Binding {
	k := f.e.keys
	switch f.focus {
	case exDir:
		return []key.Binding{k.chooseDir, k.completeDir, k.prev, k.submit}
	case exScope, exLang, exEnc:
		return []key.Binding{k.change, k.next, k.prev, k.submit}
	}
	return []key.Binding{k.next, k.prev, k.submit}
}

func (f *exportForm) FullHelp() [][]key.Binding {
	k := f.e.keys
	switch f.focus {
	case exDir:
		return [][]key.Binding{{k.chooseDir, k.completeDir, k.next, k.prev, k.enter, k.submit, f.e.c.Keys.Back}}
	case exScope, exLang, exEnc:
		return [][]key.Binding{{k.change, k.changeBack, k.next, k.prev, k.enter, k.submit, f.e.c.Keys.Back}}
	}
	return [][]key.Binding{{k.next, k.prev, k.enter, k.submit, f.e.c.Keys.Back}}
}

// chooseDir opens the folder chooser (USB drives and the Desktop first) in
// the folder typed, or on the Desktop; the folder chosen fills the field.
func (f *exportForm) chooseDir() tea.Cmd {
	c := f.e.c
	o := filechooser.Options{Title: c.T("exportui.choose_dir_title"), Mode: filechooser.Folder, Dir: expand(f.dir.Value()), FS: f.e.files}
	return f.e.st.Push(filechooser.New(c, f.e.st, o, func(path string) tea.Cmd {
		f.dir.SetValue(path)
		f.dir.SetPosition(len([]rune(path)))
		f.hint = ""
		f.checkDir()
		f.touched[exDir] = true
		return nil
	}))
}
