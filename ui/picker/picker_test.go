package picker

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/keymap"
	"unionbook/ui/styles"
)

func newPicker() *Picker {
	c := &common.Common{Lang: i18n.ZH, Styles: styles.Default(), Keys: keymap.New(i18n.ZH)}
	p := New(c, "工作单位", []form.Option{
		{Label: "青山镇宏达机械制造有限公司工会", Value: 1},
		{Label: "青山镇重庆村联合工会", Value: 2},
		{Label: "青山中学工会", Value: 3},
	}, 3)
	p.SetSize(60, 10)
	return p
}

func TestTypingInitialsNarrowsAndEnterChooses(t *testing.T) {
	p := newPicker()
	for _, r := range "cqc" { // 重庆村: 重 reads chóng
		p.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	view := ansi.Strip(p.View())
	if !strings.Contains(view, "重庆村") || strings.Contains(view, "宏达") {
		t.Errorf("filtered view:\n%s", view)
	}
	res, v, _ := p.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if res != Chosen || v != 2 {
		t.Errorf("enter gave %v %d", res, v)
	}
}

func TestStartsOnTheCurrentValueAndEscCancels(t *testing.T) {
	p := newPicker()
	if res, v, _ := p.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); res != Chosen || v != 3 {
		t.Errorf("current value not preselected: %v %d", res, v)
	}
	if res, _, _ := p.Update(tea.KeyPressMsg{Code: tea.KeyEscape}); res != Cancelled {
		t.Errorf("esc gave %v", res)
	}
}

func TestNoMatchKeepsThePickerOpen(t *testing.T) {
	p := newPicker()
	p.Update(tea.KeyPressMsg{Code: 'q', Text: "qqqq"})
	if res, _, _ := p.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); res != Open {
		t.Errorf("enter with nothing listed gave %v", res)
	}
	if !strings.Contains(ansi.Strip(p.View()), "没有符合的选项") {
		t.Errorf("no 'nothing matches' text:\n%s", p.View())
	}
}
