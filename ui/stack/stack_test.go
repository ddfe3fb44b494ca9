package stack_test

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/uitest"
)

// fake is a screen that names itself and records what reached it.
type fake struct {
	common.ScreenBase
	name    string
	dirty   bool
	back    bool // wants esc for itself
	got     []string
	w, h    int
	onEnter func() tea.Cmd
}

type ping struct{}

func (f *fake) SetSize(w, h int) { f.w, f.h = w, h }
func (f *fake) View() string     { return f.name + "\nline 2\nline 3" }
func (f *fake) Dirty() bool      { return f.dirty }
func (f *fake) HandlesBack() bool {
	return f.back
}
func (f *fake) ShortHelp() []key.Binding  { return nil }
func (f *fake) FullHelp() [][]key.Binding { return nil }
func (f *fake) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		f.got = append(f.got, m.String())
		if m.String() == "enter" && f.onEnter != nil {
			return f.onEnter()
		}
	case ping:
		f.got = append(f.got, "ping")
	}
	return nil
}

func newStack(t *testing.T) (*stack.Stack, *fake) {
	c := uitest.NewCommon(nil, i18n.EN, uitest.FixedNow)
	root := &fake{name: "root"}
	s := stack.New(c, root)
	s.SetSize(60, 5)
	return s, root
}

func TestEscPopsButNeverTheRoot(t *testing.T) {
	s, root := newStack(t)
	detail := &fake{name: "detail"}
	s.Push(detail)
	if detail.w != 60 || detail.h != 5 {
		t.Fatalf("a pushed screen is sized to the stack, got %dx%d", detail.w, detail.h)
	}
	if !strings.HasPrefix(s.View(), "detail") {
		t.Fatalf("the top screen is drawn: %q", s.View())
	}
	s.Update(uitest.Key("esc"))
	if s.Depth() != 1 || !strings.HasPrefix(s.View(), "root") {
		t.Fatalf("esc goes back one level: depth %d, view %q", s.Depth(), s.View())
	}
	s.Update(uitest.Key("esc"))
	if s.Depth() != 1 || len(root.got) != 1 || root.got[0] != "esc" {
		t.Fatalf("esc on the root is the root's own key: depth %d, root got %v", s.Depth(), root.got)
	}
}

func TestUnsavedChangesAskBeforeTheyAreDropped(t *testing.T) {
	s, _ := newStack(t)
	form := &fake{name: "form", dirty: true}
	s.Push(form)
	s.Update(uitest.Key("esc"))
	if s.Depth() != 2 || !s.Confirming() || !s.Capturing() {
		t.Fatalf("esc on a changed form asks first (depth %d, asking %v)", s.Depth(), s.Confirming())
	}
	if !strings.Contains(s.View(), "unsaved changes") || !strings.HasPrefix(s.View(), "form") {
		t.Fatalf("the question shows under the form:\n%s", s.View())
	}
	s.Update(uitest.Key("x")) // any other key keeps the form
	if s.Depth() != 2 || s.Confirming() || len(form.got) != 0 {
		t.Fatalf("a key other than y keeps editing and is not typed: depth %d, form got %v", s.Depth(), form.got)
	}
	s.Update(uitest.Key("esc"))
	s.Update(uitest.Key("y"))
	if s.Depth() != 1 {
		t.Fatalf("y drops the changes: depth %d", s.Depth())
	}
}

func TestEscStaysWithAScreenThatUsesIt(t *testing.T) {
	s, _ := newStack(t)
	list := &fake{name: "searching", back: true}
	s.Push(list)
	s.Update(uitest.Key("esc"))
	if s.Depth() != 2 || len(list.got) != 1 {
		t.Fatalf("a screen that handles esc gets it: depth %d, got %v", s.Depth(), list.got)
	}
}

func TestBroadcastsReachEveryScreenInputOnlyTheTop(t *testing.T) {
	s, root := newStack(t)
	top := &fake{name: "top"}
	s.Push(top)
	s.Update(ping{})
	s.Update(uitest.Key("a"))
	if strings.Join(root.got, ",") != "ping" || strings.Join(top.got, ",") != "ping,a" {
		t.Fatalf("root got %v, top got %v", root.got, top.got)
	}
}

func TestScreensPushAndPopThroughTheStack(t *testing.T) {
	s, root := newStack(t)
	var saved bool
	root.onEnter = func() tea.Cmd {
		form := &fake{name: "form"}
		form.onEnter = func() tea.Cmd { saved = true; s.Pop(); return nil }
		return s.Push(form)
	}
	s.Update(uitest.Key("enter"))
	if s.Depth() != 2 {
		t.Fatalf("enter on the list opens the form: depth %d", s.Depth())
	}
	s.Update(uitest.Key("enter"))
	if !saved || s.Depth() != 1 {
		t.Fatalf("the form pops itself when saved: saved %v depth %d", saved, s.Depth())
	}
}

func TestHelpOffersEscOnlyWithALevelBelow(t *testing.T) {
	s, _ := newStack(t)
	if len(s.ShortHelp()) != 0 {
		t.Fatalf("the root alone has no esc hint: %v", s.ShortHelp())
	}
	s.Push(&fake{name: "detail"})
	h := s.ShortHelp()
	if len(h) != 1 || h[0].Help().Key != "esc" {
		t.Fatalf("a pushed screen shows esc: %v", h)
	}
}

func TestHelpLeavesEscToAScreenThatUsesIt(t *testing.T) {
	s, _ := newStack(t)
	asking := &fake{name: "asking", back: true}
	s.Push(asking)
	if h := s.ShortHelp(); len(h) != 0 {
		t.Fatalf("esc is the screen's own just now, not back: %v", h)
	}
	asking.back = false
	if h := s.ShortHelp(); len(h) != 1 || h[0].Help().Key != "esc" {
		t.Fatalf("esc goes back again: %v", h)
	}
}

func TestAskRunsItsActionOnlyOnY(t *testing.T) {
	s, _ := newStack(t)
	detail := &fake{name: "detail"}
	s.Push(detail)
	deleted := 0
	del := func() tea.Cmd { deleted++; s.Pop(); return nil }
	for _, no := range []string{"n", "esc", "q", "d"} {
		s.Update(uitest.Key("d"))
		s.Ask("Delete it?", del)
		if !s.Capturing() || !strings.HasPrefix(s.View(), "detail") || !strings.HasSuffix(ansi.Strip(s.View()), "Delete it?") {
			t.Fatalf("the question shows on the detail's last line, and takes every key:\n%s", s.View())
		}
		h := s.ShortHelp()
		if len(h) != 2 || h[0].Help().Key != "y" || h[1].Help().Key != "n" {
			t.Fatalf("the footer names y and n only: %v", h)
		}
		s.Update(uitest.Key(no))
		if deleted != 0 || s.Depth() != 2 || len(detail.got) != 1 {
			t.Fatalf("%q: deleted %d, depth %d, the detail got %v", no, deleted, s.Depth(), detail.got)
		}
		detail.got = nil
	}
	s.Ask("Delete it?", del)
	s.Update(uitest.Key("y"))
	if deleted != 1 || s.Depth() != 1 {
		t.Fatalf("y: deleted %d, depth %d", deleted, s.Depth())
	}
}
