package members

import (
	"strings"
	"testing"

	"unionbook/i18n"
)

// The unit picker lists units in pinyin order, whatever order they were
// created in: 重庆 (chóngqìng) before 宏达 (hóngdá).
func TestUnitPickerListsUnitsInPinyinOrder(t *testing.T) {
	hs := newHarness(t, i18n.ZH, 100, 30)
	hs.Keys("u")
	out := hs.Screen()
	cq, hd := strings.Index(out, "重庆村联合工会"), strings.Index(out, "宏达机械工会")
	if cq < 0 || hd < 0 || cq > hd {
		t.Fatalf("the unit picker does not list 重庆 before 宏达:\n%s", out)
	}
	opts := hs.P.b.unitOptions()
	if len(opts) != 2 || opts[0].Label != "重庆村联合工会" {
		t.Errorf("the member form's unit choices are %v", opts)
	}
}
