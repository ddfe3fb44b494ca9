package picker

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/ui/uitest"
	"unionbook/ui/widget"
)

func newPicker() *Picker {
	p := New(uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow), "工作单位", []widget.Option{
		{Label: "青山镇宏达机械制造有限公司工会", Value: 1},
		{Label: "青山镇重庆村联合工会", Value: 2},
		{Label: "青山中学工会", Value: 3},
	}, 3)
	p.SetSize(60, 10)
	return p
}

func TestTypingInitialsNarrowsAndEnterChooses(t *testing.T) {
	p := newPicker()
	uitest.Type(func(m tea.Msg) { p.Update(m) }, "cqc") // 重庆村: 重 reads chóng
	view := ansi.Strip(p.View())
	if !strings.Contains(view, "重庆村") || strings.Contains(view, "宏达") {
		t.Errorf("filtered view:\n%s", view)
	}
	res, v, _ := p.Update(uitest.Key("enter"))
	if res != Chosen || v != 2 {
		t.Errorf("enter gave %v %d", res, v)
	}
}

func TestStartsOnTheCurrentValueAndEscCancels(t *testing.T) {
	p := newPicker()
	if res, v, _ := p.Update(uitest.Key("enter")); res != Chosen || v != 3 {
		t.Errorf("current value not preselected: %v %d", res, v)
	}
	if res, _, _ := p.Update(uitest.Key("esc")); res != Cancelled {
		t.Errorf("esc gave %v", res)
	}
}

func TestNoMatchKeepsThePickerOpen(t *testing.T) {
	p := newPicker()
	p.Update(uitest.Key("qqqq")) // committed at once
	if res, _, _ := p.Update(uitest.Key("enter")); res != Open {
		t.Errorf("enter with nothing listed gave %v", res)
	}
	if !strings.Contains(ansi.Strip(p.View()), "没有符合的选项") {
		t.Errorf("no 'nothing matches' text:\n%s", p.View())
	}
}
