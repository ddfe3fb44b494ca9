package cases

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// workersScreen edits the workers of a case form: members chosen from the
// roster (memberpick.go; those of the case's unit first), workers who are
// not members typed in. ID numbers are masked in its list. ctrl+s hands
// the list back to the form.
type workersScreen struct {
	common.ScreenBase
	c       *common.Common
	k       keys
	st      *stack.Stack
	workers []model.CaseWorker
	names   names
	roster  *rosterCache // the form's, read on the first m
	unit    uint64       // the case's unit, if chosen
	table   widget.Table
	dirty   bool
	done    func([]model.CaseWorker, names)
	w, h    int
}

func newWorkers(c *common.Common, st *stack.Stack, ws []model.CaseWorker, roster *rosterCache, unit uint64, done func([]model.CaseWorker, names)) *workersScreen {
	s := &workersScreen{c: c, k: newKeys(c), st: st, workers: slices.Clone(ws), roster: roster, unit: unit, done: done,
		table: widget.NewTable(nil, c.TableStyles())}
	s.names, _ = loadNames(c, model.Case{Workers: ws})
	s.table.SetID("workers")
	s.table.SetOrigin(0, 2)
	s.table.SetEmptyText(c.T("cases.workers_empty"))
	s.layout()
	return s
}

func (s *workersScreen) layout() {
	t := s.c.T
	s.table.SetColumns([]widget.Column{
		{Title: "#", Width: 3, AlignRight: true},
		{Title: t("field.cs_worker_name"), Width: 10, Flex: 1},
		{Title: t("field.cs_worker_member"), Width: 12},
		{Title: t("field.cs_worker_phone"), Width: 13},
		{Title: t("field.cs_worker_id"), Width: 18},
	})
	s.table.SetRows(len(s.workers), func(row, col int) string {
		name, no, phone, id := s.names.worker(s.workers[row])
		switch col {
		case 0:
			return strconv.Itoa(row + 1)
		case 1:
			return name
		case 2:
			if s.workers[row].MemberID == 0 {
				return s.c.T("cases.non_member")
			}
			return no
		case 3:
			return phone
		}
		return model.MaskID(id)
	})
}

func (s *workersScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.table.SetSize(w, max(2, h-3))
}

func (s *workersScreen) Dirty() bool { return s.dirty }

func (s *workersScreen) changed() {
	s.dirty = true
	s.layout()
}

func (s *workersScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		var cmd tea.Cmd
		s.table, cmd = s.table.Update(msg)
		return cmd
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

func (s *workersScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	g, k := s.c.Keys, s.k
	switch {
	case key.Matches(msg, k.Done):
		s.st.Pop()
		s.done(s.workers, s.names)
		return nil
	case key.Matches(msg, k.AddMember):
		if len(s.workers) >= model.CaseWorkersMax {
			return common.SetStatus(s.c.T("cases.workers_full", model.CaseWorkersMax), true)
		}
		return s.st.Push(newMemberPicker(s.c, s.st, s.roster, s.unit, s.addMember))
	case key.Matches(msg, k.AddOther):
		if len(s.workers) >= model.CaseWorkersMax {
			return common.SetStatus(s.c.T("cases.workers_full", model.CaseWorkersMax), true)
		}
		return s.st.Push(newWorkerForm(s.c, s.st, nil, func(w model.CaseWorker) tea.Cmd {
			s.workers = append(s.workers, w)
			s.changed()
			s.table.SetCursor(len(s.workers) - 1)
			return s.noted(w.Name)
		}))
	case key.Matches(msg, g.Open):
		i := s.table.Cursor()
		if i < 0 || s.workers[i].MemberID != 0 {
			return nil
		}
		w := s.workers[i]
		return s.st.Push(newWorkerForm(s.c, s.st, &w, func(w model.CaseWorker) tea.Cmd {
			s.workers[i] = w
			s.changed()
			return s.noted(w.Name)
		}))
	case key.Matches(msg, k.Remove):
		if i := s.table.Cursor(); i >= 0 {
			s.workers = slices.Delete(s.workers, i, i+1)
			s.changed()
		}
	default:
		var cmd tea.Cmd
		s.table, cmd = s.table.Update(msg)
		return cmd
	}
	return nil
}

func (s *workersScreen) addMember(m model.Member) tea.Cmd {
	for _, w := range s.workers {
		if w.MemberID == m.ID {
			return common.SetStatus(s.c.T("cases.worker_already"), true)
		}
	}
	s.names.members[m.ID] = m
	s.workers = append(s.workers, model.CaseWorker{MemberID: m.ID})
	s.changed()
	s.table.SetCursor(len(s.workers) - 1)
	return s.noted(m.Name)
}

// noted says that a worker is on the list, which the form gets with ctrl+s
// (replacing what a refused worker form said).
func (s *workersScreen) noted(name string) tea.Cmd {
	return common.SetStatus(s.c.T("cases.worker_noted", name), false)
}

func (s *workersScreen) View() string {
	st := s.c.Styles
	lines := []string{
		ansi.Truncate(st.Title.Render(s.c.T("cases.workers_screen")), s.w, "~"),
		st.Muted.Render(ansi.Truncate(s.c.T("cases.workers_help"), s.w, "~")),
		s.table.View(),
		st.Muted.Render(ansi.Truncate(s.c.T("cases.workers_count", len(s.workers)), s.w, "~")),
	}
	return strings.Join(lines, "\n")
}

func (s *workersScreen) ShortHelp() []key.Binding {
	k := s.k
	edit := s.c.Keys.Open
	edit.SetHelp("enter", s.c.T("cases.key_edit_worker"))
	return []key.Binding{k.AddMember, k.AddOther, edit, k.Remove, k.Done}
}

func (s *workersScreen) FullHelp() [][]key.Binding {
	g := s.c.Keys
	return [][]key.Binding{{g.Up, g.Down}, s.ShortHelp()}
}

// workerForm types in a worker who is not a member; save hands the worker
// back to the workers' screen.
type workerForm struct {
	*form.Screen
	form *form.Form
}

const (
	fWorkerName  = "cs_worker_name"
	fWorkerPhone = "cs_worker_phone"
	fWorkerID    = "cs_worker_id"
)

func newWorkerForm(c *common.Common, st *stack.Stack, w *model.CaseWorker, save func(model.CaseWorker) tea.Cmd) *workerForm {
	wf := &workerForm{}
	wf.form = form.New(c,
		form.TextField(fWorkerName, true, c.T("hint.name")),
		form.TextField(fWorkerPhone, false, c.T("hint.phone")),
		form.TextField(fWorkerID, false, c.T("cases.hint_id")),
	)
	if w != nil {
		wf.form.SetValue(fWorkerName, w.Name)
		wf.form.SetValue(fWorkerPhone, w.Phone)
		wf.form.SetValue(fWorkerID, w.IDNumber)
		wf.form.MarkClean()
	}
	wf.form.Validate = func(f *form.Form) model.Problems {
		w := wf.read()
		return model.ValidateCaseWorker(&w)
	}
	wf.form.Revalidate()
	wf.Screen = form.NewScreen(c, st, c.T("cases.worker_title"), wf.form, func() tea.Cmd {
		st.Pop()
		return save(wf.read())
	})
	return wf
}

func (wf *workerForm) read() model.CaseWorker {
	w := model.CaseWorker{Name: wf.form.Value(fWorkerName), Phone: wf.form.Value(fWorkerPhone), IDNumber: wf.form.Value(fWorkerID)}
	w.Normalize()
	return w
}

// isTyping reports the messages a form takes.
func isTyping(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return true
	}
	return false
}
