package cases

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/uitest"
)

// The chooser of members opens at once and reads the roster in the
// background: what is typed meanwhile is kept and applied when the roster
// arrives; a second opening from the same form reads nothing again.
func TestMemberChooserReadsTheRosterInTheBackground(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, false)
	var cache rosterCache
	var got model.Member
	p := newMemberPicker(hs.C, hs.P.Stack, &cache, 0, func(m model.Member) tea.Cmd { got = m; return nil })
	load := hs.P.Stack.Push(p)
	if load == nil {
		t.Fatal("no background read")
	}
	uitest.Contains(t, hs.Screen(), "正在读取会员名册")
	hs.Type("ls") // 李四, typed before the roster is read
	hs.Send(load())
	uitest.Contains(t, hs.Screen(), "李四", "440308********1512")
	uitest.Lacks(t, hs.Screen(), "张三", "440308199901101512")
	hs.Keys("enter")
	if got.Name != "李四" || got.IDNumber != "440308199901101512" {
		t.Fatalf("chose %+v", got)
	}
	if hs.P.Top() == p {
		t.Error("choosing closes the chooser")
	}
	if again := newMemberPicker(hs.C, hs.P.Stack, &cache, 0, nil); again.Init() != nil {
		t.Error("the form's roster is read again")
	}
}

// The members of the case's unit come first; a unit's name finds its
// members; choosing a member fills an empty unit with theirs.
func TestMemberChooserFollowsTheCaseUnit(t *testing.T) {
	hs, fx := newHarness(t, i18n.EN, 100, 30, false)
	hs.Keys("n")
	hs.focus(fUnit)
	hs.Keys("enter")
	hs.Type("zxxx") // 中心小学
	hs.Keys("enter")
	hs.focus(fWorkers)
	hs.Keys("enter", "m")
	p, ok := hs.P.Top().(*memberPicker)
	if !ok {
		t.Fatalf("no chooser:\n%s", hs.Screen())
	}
	if first := p.cache.idx.members[p.view[0]]; first.Name != "王芳" {
		t.Errorf("the case unit's member first, got %s:\n%s", first.Name, hs.Screen())
	}
	hs.Keys("esc")

	hs.Keys("esc", "esc", "y", "n") // a new case, no unit yet
	hs.focus(fWorkers)
	hs.Keys("enter", "m")
	hs.Type("zx") // the initials of 中心小学, in no name
	p = hs.P.Top().(*memberPicker)
	if len(p.view) != 1 || p.cache.idx.members[p.view[0]].ID != fx.members[2].ID {
		t.Fatalf("the unit's name finds its member:\n%s", hs.Screen())
	}
	hs.Keys("enter", "ctrl+s")
	if unit, _ := hs.form().Choice(fUnit); unit != fx.u2.ID {
		t.Errorf("the unit is the member's: %d, want %d", unit, fx.u2.ID)
	}
}

// A keystroke filters 100,000 members (the index as the chooser holds it).
func BenchmarkMemberChooserKeystroke(b *testing.B) {
	c := uitest.NewCommon(uitest.OpenStore(b, uitest.FixedNow), i18n.ZH, uitest.FixedNow)
	x := &memberIndex{units: map[uint64]string{}, unitKeys: map[uint64]search.Key{}}
	surnames := []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"}
	given := []string{"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇"}
	for u := range 80 {
		x.units[uint64(u+1)] = fmt.Sprintf("青山镇第%d机械厂工会", u+1)
		x.unitKeys[uint64(u+1)] = search.NewKey(x.units[uint64(u+1)], "", "", "")
	}
	for i := range 100_000 {
		m := model.Member{ID: uint64(i + 1), No: fmt.Sprintf("%06d", i+1), UnitID: uint64(i%80 + 1),
			Name: surnames[i%len(surnames)] + given[i/len(surnames)%len(given)], IDNumber: fmt.Sprintf("3501111990%08d", i)}
		x.members = append(x.members, m)
		x.keys = append(x.keys, search.NewKey(m.Name, m.No, m.Phone, m.IDNumber))
	}
	p := newMemberPicker(c, nil, &rosterCache{idx: x}, 0, nil)
	p.SetSize(100, 28)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p.input.SetValue([]string{"w", "wf", "zs", "35011", "jx"}[i%5])
		p.filter()
		_ = p.View()
	}
}
