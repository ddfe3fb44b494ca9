package settings

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

func TestGoldenSettingsChartUse(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		hs.Keys("c", "u", "right")
		hs.RequireGolden()
	})
}

// The 2010 chart is chosen from the TUI for a year (it was only
// `books chart --use`); a year whose entries use an account the 2010
// chart lacks is refused, saying so, and a year that is no year too.
func TestChartChosenInSettings(t *testing.T) {
	hs := harness(t, i18n.ZH, 100, 30)
	s := hs.C.Store
	if err := s.AddLedgerEntry(uitest.Operator, &model.LedgerEntry{Date: 20260310, Direction: model.Out, Account: "50405", Amount: 100, Money: model.MoneyCash, Memo: "慰问"}); err != nil {
		t.Fatal(err)
	}
	hs.Keys("c", "u", "right", "ctrl+s") // 2010 from 2026: 50405 is 2021's
	if c, _ := s.ChartOf(2026); c.Standard != model.Chart2021 {
		t.Fatalf("2026 changed to %s", c.Standard)
	}
	uitest.Contains(t, hs.Screen(), "50405")
	hs.Keys("tab", "ctrl+u")
	hs.Type("20x7")
	uitest.Contains(t, hs.Screen(), "「20x7」不是年份")
	hs.Keys("ctrl+u")
	hs.Type("2027")
	hs.Keys("ctrl+s")
	if c, _ := s.ChartOf(2027); c.Standard != model.Chart2010 {
		t.Errorf("2027 has %s", c.Standard)
	}
	if c, _ := s.ChartOf(2026); c.Standard != model.Chart2021 {
		t.Errorf("2026 has %s", c.Standard)
	}
	uitest.Contains(t, hs.Status.Text, "科目表 2010 自 2027 年起使用")
}
