package dues

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

func TestFitParts(t *testing.T) {
	for _, c := range []struct {
		w     int
		parts []string
		want  []string
	}{
		{20, []string{"截至上月欠缴", "本月应缴 15.40 元"}, []string{"截至上月欠缴", "本月应缴 15.40 元"}},
		{40, []string{"截至上月欠缴", "本月应缴 15.40 元"}, []string{"截至上月欠缴  本月应缴 15.40 元"}},
		{10, []string{"aaaa bbbb cccc", "dd"}, []string{"aaaa bbbb", "cccc  dd"}},
		{10, []string{"", "x", ""}, []string{"x"}},
		{10, nil, []string{""}},
	} {
		if got := fitParts(c.w, "  ", c.parts...); !reflect.DeepEqual(got, c.want) {
			t.Errorf("fitParts(%d, %q) = %q, want %q", c.w, c.parts, got, c.want)
		}
	}
}

// At 80 columns the member's summary says this month's due whole and the
// month grid's legend in full (both were cut with "~"), the footer all its
// keys (in English it lost x and esc), and nothing of the
// screen runs past its width or height.
func TestMemberSummaryWrapsAt80(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		hs, ms := harness(t, lang, 80, 24)
		hs.P.ShowMember(ms[0].ID)
		scr := hs.Screen()
		if lang == i18n.ZH {
			uitest.Contains(t, scr, "本月（2026-11）应缴 15.40 元", "自=单位自收")
		} else {
			uitest.Contains(t, scr, "this month (2026-11) due 15.40 yuan", "sc=unit collects")
		}
		lines := strings.Split(scr, "\n")
		if len(lines) > 24 {
			t.Errorf("%d lines at 80x24", len(lines))
		}
		for _, l := range lines { // the footer too: x and esc were cut in English
			if strings.Contains(l, "~") || ansi.StringWidth(l) > 80 {
				t.Errorf("cut or too wide: %q", l)
			}
		}
	}
}

// A unit batch at 80 columns with nineteen members without a wage base:
// the hint says whole that more than is owed is refused, the names of
// those without a base wrap (cut after three lines), and the screen keeps
// its height.
func TestBatchPreviewHintWrapsAt80(t *testing.T) {
	hs, ms := harness(t, i18n.ZH, 80, 24)
	s := hs.C.Store
	for i := range 19 {
		m := model.Member{Name: fmt.Sprintf("无基数%02d", i), Gender: model.Female, IDNumber: residentIDs[i], UnitID: ms[0].UnitID, JoinDate: 20150301}
		if err := s.CreateMember("李", &m); err != nil {
			t.Fatal(err)
		}
	}
	hs.Driver().Run(hs.P.Load())
	hs.Keys("c", "b", "tab", "ctrl+u")
	hs.Type("2026-09")
	hs.Keys("ctrl+s")
	scr := hs.Screen()
	uitest.Contains(t, scr, "多缴不收", "19 人未设缴费基数", "无基数00", "无基数10")
	lines := strings.Split(scr, "\n")
	if len(lines) > 24 {
		t.Errorf("%d lines at 80x24", len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("too wide: %q", l)
		}
	}
}

// residentIDs are valid ID numbers of women, for members made in tests.
var residentIDs = []string{
	"350111198806012002",
	"350111198806022024",
	"350111198806032046",
	"350111198806042068",
	"35011119880605208X",
	"350111198806062106",
	"350111198806072128",
	"35011119880608214X",
	"350111198806092161",
	"35011119880610218X",
	"350111198806112206",
	"350111198806122228",
	"35011119880613224X",
	"350111198806142261",
	"350111198806152283",
	"35011119880616230X",
	"350111198806172321",
	"350111198806182343",
	"350111198806192365",
}

// A form whose explanation wraps at 80 columns (the member's rule, in
// English) keeps the caret on its field: the first field's line is two
// below the explanation's last.
func TestFormCaretBelowAWrappedExplanation(t *testing.T) {
	hs, ms := harness(t, i18n.EN, 80, 24)
	hs.P.ShowMember(ms[0].ID)
	hs.Keys("e")
	view := hs.P.View()
	lines := strings.Split(view, "\n")
	cur := hs.P.Cursor()
	if cur == nil || cur.Y >= len(lines) || !strings.Contains(lines[cur.Y], "From month") {
		t.Fatalf("caret %+v is not on the first field:\n%s", cur, view)
	}
	uitest.Contains(t, view, "the unit's scheme")
}
