package model

import (
	"testing"

	"unionbook/i18n"
)

// A transfer's reversal says 冲正 once: the mark, then the stored memo
// without its own 冲正.
func TestTransferSummaryOfAReversal(t *testing.T) {
	memo := ReversalMemoPrefix + "2026-0010：录错金额"
	for _, c := range []struct {
		l    i18n.Lang
		want string
	}{
		{i18n.ZH, "冲正 存现 2026-0010：录错金额"},
		{i18n.EN, "reversal of a deposit (cash to bank) 2026-0010：录错金额"},
	} {
		if got := TransferSummary(c.l.T, true, true, memo); got != c.want {
			t.Errorf("%s: %q, want %q", c.l.Code(), got, c.want)
		}
	}
	if got := TransferSummary(i18n.ZH.T, false, false, "备用金"); got != "取现 备用金" {
		t.Errorf("withdrawal %q", got)
	}
}
