package members

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// Expulsion asks for the charter's ground and the report to the higher
// union; with them it is recorded, coded and shown in the history.
func TestExpulsionNeedsItsGroundAndReport(t *testing.T) {
	hs := newHarness(t, i18n.ZH, 100, 30)
	hs.Keys("enter", "s", "down", "down", "down", "enter") // 除名, the fourth choice
	uitest.Contains(t, hs.Screen(), "在会 -> 除名", "开除依据", "报上级工会日期")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "有 2 处需要修改")
	if m, _ := hs.C.Store.Member(1); m.Status != model.StatusActive {
		t.Fatal("an expulsion without its ground was written")
	}
	// the refusal put the caret in the first field with a problem, the ground
	hs.Type("某区人民法院刑事判决")
	hs.Keys("tab")
	hs.Type("2026-11-21")
	hs.Keys("ctrl+s")
	m, _ := hs.C.Store.Member(1)
	if m.Status != model.StatusExpelled || len(m.History) != 1 || m.History[0].ReasonCode != model.ReasonCrime || m.History[0].ReportedOn != 20261121 {
		t.Fatalf("expelled: %+v", m.History)
	}
	uitest.Contains(t, hs.Screen(), "除名  在会 -> 除名  因犯罪被开除会籍", "开除依据: 某区人民法院刑事判决")
}

// A laid-off member waiting for a post is not made retained: the form says
// why and what to do instead.
func TestLaidOffMemberStaysAMember(t *testing.T) {
	hs := newHarness(t, i18n.EN, 120, 40)
	hs.Keys("enter", "s", "enter") // retained
	hs.Keys("tab", "left", "left") // the reason: laid off is before "other", the last
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "stays a member")
	if m, _ := hs.C.Store.Member(1); m.Status != model.StatusActive {
		t.Fatal("a laid-off member was made retained")
	}
}

// A member's honour recorded from the detail shows there, and a model
// worker appears in the care list.
func TestMemberHonourAndModelWorkers(t *testing.T) {
	hs := newHarness(t, i18n.ZH, 100, 30)
	hs.Keys("enter", "H", "n")    // 张三: a new honour, 劳动模范 is the first title
	hs.Keys("tab", "tab", "left") // the level: 省部级
	hs.Keys("tab")
	hs.Keys("end")
	for range 4 {
		hs.Keys("backspace")
	}
	hs.Type("2024")
	hs.Keys("tab")
	hs.Type("福建省人民政府")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "2024", "劳动模范", "省部级")
	hs.Keys("esc")
	uitest.Contains(t, hs.Screen(), "荣誉（1 项）", "2024  劳动模范  省部级  福建省人民政府")
	hs.Keys("esc", "L")
	out := hs.Screen()
	uitest.Contains(t, out, "劳模关爱（1 人", "张三", "省部级劳模")
	if strings.Contains(out, "曾志伟") {
		t.Error("a member without a model-worker honour is in the care list")
	}
}

func TestGoldenMemberOrgScreens(t *testing.T) {
	for _, sc := range []struct {
		name string
		keys []string
	}{
		{"StatusPicker", []string{"enter", "s"}},
		{"ExpelForm", []string{"enter", "s", "down", "down", "down", "enter"}},
		{"ModelWorkers", []string{"L"}},
	} {
		t.Run(sc.name, func(t *testing.T) {
			uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
				hs := newHarness(t, lang, w, h)
				hs.Keys(sc.keys...)
				hs.RequireGolden()
			})
		})
	}
}

// A member who transferred in and has no change since is not said to
// have joined: the history names the union they came from.
func TestTransferredInMemberHistorySaysTransferred(t *testing.T) {
	for _, tc := range []struct {
		lang      i18n.Lang
		want, not string
	}{
		{i18n.ZH, "2015-03-01 从「县供销社工会」转入，至今无变动", "入会，至今无变动"},
		{i18n.EN, "2015-03-01 transferred in from 县供销社工会, no change since", "joined 2015-03-01"},
	} {
		hs := newHarness(t, tc.lang, 100, 30)
		m, err := hs.C.Store.Member(1)
		if err != nil {
			t.Fatal(err)
		}
		m.JoinKind, m.FromUnion = model.JoinTransfer, "县供销社工会"
		if err := hs.C.Store.UpdateMember(uitest.Operator, &m); err != nil {
			t.Fatal(err)
		}
		hs.Send(common.DataChangedMsg{Entity: model.EntityMember, ID: m.ID})
		hs.Keys("enter")
		out := hs.Screen()
		uitest.Contains(t, out, tc.want)
		if strings.Contains(out, tc.not) {
			t.Errorf("%s: a transferred-in member is said to have joined:\n%s", tc.lang.Code(), out)
		}
	}
}

// The model workers' list gives the level the room there is: at 100
// columns the level (provincial, under its title) and the title are whole (both
// were cut to ten cells with half the screen empty).
func TestModelWorkerLevelIsWhole(t *testing.T) {
	hs := newHarness(t, i18n.EN, 100, 30)
	h := model.Honour{MemberID: 1, Title: model.HonourModelWorker, Level: model.LevelProvince, Year: 2024, Body: "福建省人民政府"}
	if err := hs.C.Store.CreateHonour(uitest.Operator, &h); err != nil {
		t.Fatal(err)
	}
	hs.Send(common.DataChangedMsg{Entity: model.EntityHonour, ID: h.ID})
	hs.Keys("L")
	out := hs.Screen()
	uitest.Contains(t, out, "provincial ", "Model worker ", "In hardship")
	if strings.Contains(out, "~") {
		t.Errorf("a column is cut:\n%s", out)
	}
	uitest.CheckGeometry(t, out, 100, 28)
}
