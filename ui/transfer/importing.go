package transfer

import (
	"context"
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/roster"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// importing writes the valid rows of a plan in one transaction, in the
// background, with a progress bar; esc cancels it and nothing is written.
// It gives way to the result, above the menu.
type importing struct {
	common.ScreenBase
	e           *env
	imp         *importState
	plan        *roster.Plan
	cancel      context.CancelFunc
	updates     chan tea.Msg
	done, total int
	w, h        int
}

type importProgressMsg struct {
	from        *importing
	done, total int
}

type importDoneMsg struct {
	from *importing
	res  roster.Result
	err  error
}

func newImporting(e *env, imp *importState, plan *roster.Plan) *importing {
	return &importing{e: e, imp: imp, plan: plan, total: plan.Stats.New + plan.Stats.Updates}
}

// Init starts the import.
func (im *importing) Init() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	im.cancel = cancel
	im.updates = make(chan tea.Msg, 1)
	ch, st, pl, op, hook := im.updates, im.e.c.Store, im.plan, im.e.operator("import"), im.e.importStep
	go func() {
		res, err := pl.Commit(ctx, st, op, func(done, total int) {
			if hook != nil {
				hook(done)
			}
			select { // drop an update the screen has not taken yet
			case ch <- importProgressMsg{from: im, done: done, total: total}:
			default:
			}
		})
		cancel()
		ch <- importDoneMsg{from: im, res: res, err: err}
	}()
	return im.listen()
}

// listen waits for the next message from the import.
func (im *importing) listen() tea.Cmd {
	ch := im.updates
	return func() tea.Msg { return <-ch }
}

// Dirty: quitting the program asks first while rows are being written.
func (im *importing) Dirty() bool { return true }

// HandlesBack: esc cancels the import; the screen goes when it has ended.
func (im *importing) HandlesBack() bool { return true }

func (im *importing) SetSize(w, h int) { im.w, im.h = w, h }

func (im *importing) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case importProgressMsg:
		if msg.from != im {
			return nil
		}
		im.done, im.total = msg.done, msg.total
		return im.listen()
	case importDoneMsg:
		if msg.from != im {
			return nil
		}
		popTo(im.e.st, nil)
		return im.e.st.Push(newImported(im.e, im.imp, im.plan, msg.res, msg.err))
	case tea.KeyPressMsg:
		if key.Matches(msg, im.e.keys.stopImport) {
			im.cancel()
		}
	}
	return nil
}

func (im *importing) View() string {
	c, st, w := im.e.c, im.e.c.Styles, im.w
	fit := func(s string) string { return widget.Fit(s, w, false) }
	lines := []string{
		st.Title.Render(fit(c.T("importer.importing", filepath.Base(im.plan.Table.Path)))),
		fit(""),
		fit(bar(fraction(im.done, im.total), barWidth(w)) + " " + c.T("importer.count", im.done, im.total)),
		fit(""),
		st.Muted.Render(fit(c.T("importer.cancel_hint"))),
	}
	return screenOf(lines, w, im.h)
}

func (im *importing) ShortHelp() []key.Binding  { return []key.Binding{im.e.keys.stopImport} }
func (im *importing) FullHelp() [][]key.Binding { return [][]key.Binding{im.ShortHelp()} }
