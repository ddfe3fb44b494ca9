package transfer

import (
	"slices"
	"testing"
)

func TestWrapKeepsPunctuationOffALinesStart(t *testing.T) {
	cases := []struct {
		s    string
		w    int
		want []string
	}{
		{"一二三四五六", 6, []string{"一二三", "四五六"}},
		// the comma would start the second line: 三 goes down with it
		{"一二三，四五", 6, []string{"一二", "三，四", "五"}},
		// two closing marks, and an ellipsis before one
		{"一二三）。四", 8, []string{"一二", "三）。四"}},
		{"一...）二", 5, []string{"一", "...）", "二"}},
		// English breaks at a space in the line's second half
		{"import another file", 10, []string{"import", "another", "file"}},
	}
	for _, c := range cases {
		if got := wrap(c.s, c.w); !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
	}
}
