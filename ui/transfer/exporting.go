package transfer

import (
	"context"
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/district"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// exporting writes the package in the background with a progress bar; esc
// cancels it and no file is left. A written package is added to the past
// exports, as the command line does. A problem of a field (a period with
// no data, a folder that went away) goes back to the form, next to the
// field; anything else, and success, to the result over the menu.
type exporting struct {
	common.ScreenBase
	e           *env
	form        *exportForm
	job         exportJob
	cancel      context.CancelFunc
	cancelled   bool
	updates     chan tea.Msg
	done, total int
	step        string
	w, h        int
}

type exportProgressMsg struct {
	from        *exporting
	done, total int
	step        string
}

type exportDoneMsg struct {
	from      *exporting
	res       *district.PackageResult
	rec       storage.ExportRecord
	recordErr error
	err       error
}

func newExporting(e *env, form *exportForm, job exportJob) *exporting {
	return &exporting{e: e, form: form, job: job, total: len(district.Entities()) + len(district.Reports()) + 1}
}

// Init starts the export.
func (x *exporting) Init() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	x.cancel = cancel
	x.updates = make(chan tea.Msg, 1)
	ch, st, op, hook, job := x.updates, x.e.c.Store, x.e.operator("export"), x.e.exportStep, x.job
	job.opts.Now = x.e.now()
	job.opts.Progress = func(done, total int, step string) {
		if hook != nil {
			hook(done)
		}
		select { // drop an update the screen has not taken yet
		case ch <- exportProgressMsg{from: x, done: done, total: total, step: step}:
		default:
		}
	}
	go func() {
		res, err := district.WritePackage(ctx, st, job.opts)
		cancel()
		m := exportDoneMsg{from: x, res: res, err: err}
		if err == nil {
			m.rec = job.record(res)
			if !st.ReadOnly() { // a read-only look enters nothing
				m.recordErr = st.RecordExport(op, &m.rec)
			}
		}
		ch <- m
	}()
	return x.listen()
}

func (x *exporting) listen() tea.Cmd {
	ch := x.updates
	return func() tea.Msg { return <-ch }
}

// Dirty: quitting the program asks first while the package is written.
func (x *exporting) Dirty() bool { return true }

// HandlesBack: esc cancels the export; the screen goes when it has ended.
func (x *exporting) HandlesBack() bool { return true }

func (x *exporting) SetSize(w, h int) { x.w, x.h = w, h }

// fieldErrors are the export's errors that belong to a field of the form.
var fieldErrors = []struct {
	key string
	x   exField
}{{"export.period_no_data", exPeriod}, {"export.dir_missing", exDir}, {"export.dir_unwritable", exDir},
	{"export.dir_not_folder", exDir}, {"export.bad_recipient", exRecipient}, {"export.bad_passphrase", exPass}}

func (x *exporting) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exportProgressMsg:
		if msg.from != x {
			return nil
		}
		x.done, x.total, x.step = msg.done, msg.total, msg.step
		return x.listen()
	case exportDoneMsg:
		if msg.from != x {
			return nil
		}
		return x.finish(msg)
	case tea.KeyPressMsg:
		if key.Matches(msg, x.e.keys.stopExport) {
			x.cancel()
			x.cancelled = true
		}
	}
	return nil
}

func (x *exporting) finish(msg exportDoneMsg) tea.Cmd {
	st := x.e.st
	if msg.err != nil && !errors.Is(msg.err, i18n.E("export.cancelled")) {
		for _, fe := range fieldErrors {
			if errors.Is(msg.err, i18n.E(fe.key)) {
				popTo(st, x.form)
				x.form.showRunErr(msg.err, fe.x)
				return nil
			}
		}
	}
	popTo(st, st.Root())
	cmd := st.Push(newExported(x.e, msg.res, msg.err, msg.rec, msg.recordErr))
	if msg.err == nil {
		return tea.Batch(cmd, common.Changed(model.EntityExport, msg.rec.ID))
	}
	return cmd
}

// stepName names a step of the export for the progress line.
func (x *exporting) stepName() string {
	c := x.e.c
	switch x.step {
	case "":
		return ""
	case "manifest":
		return c.T("exportui.step_manifest")
	case district.StepScope:
		return c.T("period.step_scope")
	}
	for _, r := range district.Reports() {
		if r.Name == x.step {
			return x.job.opts.Lang.T(r.Title) + ".xlsx"
		}
	}
	if k := "pkg.entity_" + x.step; c.Lang.Has(k) {
		return c.T(k)
	}
	return x.step
}

func (x *exporting) View() string {
	c, st, w := x.e.c, x.e.c.Styles, x.w
	fit := func(s string) string { return widget.Fit(s, w, false) }
	hint := c.T("exportui.cancel_hint")
	if x.cancelled {
		hint = c.T("exportui.cancelling")
	}
	lines := []string{
		st.Title.Render(fit(c.T("exportui.exporting", x.job.opts.Period.Label(c.Lang)))),
		fit(""),
		fit(bar(fraction(x.done, x.total), barWidth(w)) + " " + c.T("exportui.steps", x.done, x.total)),
		fit(x.stepName()),
		fit(""),
		st.Muted.Render(fit(hint)),
	}
	return screenOf(lines, w, x.h)
}

func (x *exporting) ShortHelp() []key.Binding  { return []key.Binding{x.e.keys.stopExport} }
func (x *exporting) FullHelp() [][]key.Binding { return [][]key.Binding{x.ShortHelp()} }
