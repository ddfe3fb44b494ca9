package dues

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
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
// month grid's legend in full (both were cut with "~"), and nothing of the
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
		for _, l := range lines[:len(lines)-1] { // the footer's hints are the chrome's
			if strings.Contains(l, "~") || ansi.StringWidth(l) > 80 {
				t.Errorf("cut or too wide: %q", l)
			}
		}
	}
}
