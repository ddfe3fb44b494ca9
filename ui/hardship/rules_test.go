package hardship

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// The corrected rules as the file form shows them while typing: a
// serious-illness household above the relative line but within 3 × 低保 is
// 意外致困; a ticked exclusion stops the suggestion and says why; a
// model worker's household is flagged 困难劳模 from the honours.
func TestFileFormFollowsTheCorrectedRules(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 120, 40, true)
	h := model.Honour{MemberID: fx.zs.ID, Title: model.HonourModelWorker, Level: model.LevelCity, Year: 2020}
	if err := hs.C.Store.CreateHonour(op, &h); err != nil {
		t.Fatal(err)
	}
	hs.Keys("n", "enter")
	hs.Type("zs")
	hs.Keys("enter")
	f := formOf(t, hs)
	f.SetChoice("hs_main_cause", uint64(model.CauseSeriousIllness))
	f.FocusKey("hs_size")
	hs.Keys("ctrl+u")
	hs.Type("1")
	hs.Keys("tab")
	hs.Type("24000") // 2,000 a month: above 1,700, within 2,550
	uitest.Contains(t, hs.Screen(), "建议：意外致困", "2,000.00")
	if v, _ := f.Choice("hs_model_worker"); model.ModelWorkerLevel(v) != model.ModelCity {
		t.Errorf("the model worker's level was not filled from the honours: %d", v)
	}
	f.SetChecked("hs_excl_2", true)
	hs.Keys("tab") // revalidate
	out := hs.Screen()
	uitest.Contains(t, out, "不建议建档：拥有机动车")
	uitest.Lacks(t, out, "建议：意外致困")
}
