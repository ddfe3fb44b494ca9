package uitest

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// named are the keys Key knows by name.
var named = map[string]rune{
	"enter":     tea.KeyEnter,
	"esc":       tea.KeyEscape,
	"tab":       tea.KeyTab,
	"space":     tea.KeySpace,
	"backspace": tea.KeyBackspace,
	"delete":    tea.KeyDelete,
	"up":        tea.KeyUp,
	"down":      tea.KeyDown,
	"left":      tea.KeyLeft,
	"right":     tea.KeyRight,
	"home":      tea.KeyHome,
	"end":       tea.KeyEnd,
	"pgup":      tea.KeyPgUp,
	"pgdown":    tea.KeyPgDown,
}

var mods = []struct {
	prefix string
	mod    tea.KeyMod
}{{"ctrl+", tea.ModCtrl}, {"alt+", tea.ModAlt}, {"shift+", tea.ModShift}}

// Key is the key press a terminal sends for s:
//
//   - a named key: enter, esc, tab, space, backspace, delete, up, down,
//     left, right, home, end, pgup, pgdown;
//   - a key with modifiers before it: ctrl+s, shift+tab, alt+left;
//   - anything else is text, typed at once as an input method commits a
//     word: Code is its first character and Text all of it.
//
// Space carries the text " ", as a terminal sends it; a key with a
// modifier carries no text.
func Key(s string) tea.Msg {
	var mod tea.KeyMod
	base := s
	for again := true; again; {
		again = false
		for _, m := range mods {
			if rest, ok := strings.CutPrefix(base, m.prefix); ok && rest != "" {
				mod |= m.mod
				base, again = rest, true
			}
		}
	}
	if code, ok := named[base]; ok {
		k := tea.KeyPressMsg{Code: code, Mod: mod}
		if code == tea.KeySpace && mod == 0 {
			k.Text = " "
		}
		return k
	}
	r := []rune(base)
	if mod != 0 {
		return tea.KeyPressMsg{Code: r[0], Mod: mod}
	}
	return tea.KeyPressMsg{Code: r[0], Text: base}
}

// Runes are the key presses of typing s one character at a time.
func Runes(s string) []tea.Msg {
	var msgs []tea.Msg
	for _, r := range s {
		msgs = append(msgs, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return msgs
}

// Type hands update the key presses of typing s, one character at a time
// (an input method would commit a Chinese word at once; the fields take
// either).
func Type(update func(tea.Msg), s string) {
	for _, m := range Runes(s) {
		update(m)
	}
}

// Driver delivers messages to a model as the program would: it runs the
// command the model returns and hands the message it yields back, to the
// end.
type Driver struct {
	// Update hands one message to the model and returns its command.
	Update func(tea.Msg) tea.Cmd
	// Observe, if set, sees every message a command yields before the
	// model does; when it returns false the model does not get it.
	Observe func(tea.Msg) bool
}

// Send delivers msgs one after the other, each with the commands it sets off.
func (d Driver) Send(msgs ...tea.Msg) {
	for _, m := range msgs {
		d.Run(d.Update(m))
	}
}

// Keys sends the key presses Key gives for ks.
func (d Driver) Keys(ks ...string) {
	for _, k := range ks {
		d.Send(Key(k))
	}
}

// Type sends s one character at a time.
func (d Driver) Type(s string) { d.Send(Runes(s)...) }

// Run runs cmd as the program would: a batch runs each of its commands; a
// nil message or a QuitMsg ends the run; any other message goes to the
// model (unless Observe keeps it back), and its command runs in turn.
func (d Driver) Run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			d.Run(c)
		}
	default:
		if d.Observe != nil && !d.Observe(msg) {
			return
		}
		d.Run(d.Update(msg))
	}
}

// RunCmd runs cmd with update as the model: Driver{Update: update}.Run(cmd).
func RunCmd(cmd tea.Cmd, update func(tea.Msg) tea.Cmd) {
	Driver{Update: update}.Run(cmd)
}
