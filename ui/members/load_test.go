package members

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// pendingHarness is the Members tab before its roster came: Init's
// command is returned, not run.
func pendingHarness(t *testing.T) (*uitest.PageHarness[*Page], tea.Cmd) {
	t.Helper()
	done := newHarness(t, i18n.EN, 100, 30) // the store with three members
	hs := uitest.NewPageHarness(t, done.C, 100, 30, func(c *common.Common) *Page { return New(c) })
	return hs, hs.P.Init()
}

// The first screen does not wait for the roster: the list says it is
// being read, and what was typed meanwhile filters it when it comes.
func TestRosterLoadsInTheBackground(t *testing.T) {
	hs, load := pendingHarness(t)
	uitest.Contains(t, hs.Screen(), "Reading the roster")
	uitest.Lacks(t, hs.Screen(), "张三", "0 / 0")
	hs.Keys("/")
	hs.Type("zs")
	hs.Driver().Run(load)
	out := hs.Screen()
	uitest.Contains(t, out, "张三", "1 / 3 members")
	uitest.Lacks(t, out, "Reading the roster", "单丽华")
}

// A member saved while the roster was being read is in it when it comes
// (it is read again), and a load that was overtaken is dropped.
func TestRosterReadAgainAfterAChangeDuringTheLoad(t *testing.T) {
	hs, load := pendingHarness(t)
	us, _ := hs.C.Store.Units()
	m := model.Member{Name: "王五", Gender: model.Male, IDNumber: "110101198001016914", UnitID: us[0].ID, JoinDate: 20200101}
	if err := hs.C.Store.CreateMember(uitest.Operator, &m); err != nil {
		t.Fatal(err)
	}
	msg := load() // read before the change was seen
	hs.Send(common.Changed(model.EntityMember, m.ID)())
	if !hs.P.b.loading {
		t.Fatal("the change was not noted during the load")
	}
	again := hs.P.Update(msg)
	if again == nil {
		t.Fatal("the roster was not read again after a change during the load")
	}
	hs.Driver().Run(again)
	uitest.Contains(t, hs.Screen(), "王五", "4 / 4 members")
	if hs.P.Update(msg) != nil || len(hs.P.b.r.all) != 4 {
		t.Error("an old load's roster replaced the newer one")
	}
}
