package cases

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/uitest"
)

// A database loaded from a district package (a read-only look at one, or
// import package) holds no cases: packages carry their figures only. The
// list said "No cases yet. Press n to record…" and the Overview "2026 年维权
// 案件 0" for a township with 67 cases; both now say where the figures are.
func TestGoldenCasesFromAPackage(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		s := uitest.OpenStore(t, uitest.FixedNow)
		if _, err := s.RestoreRecordsChecked(func(rs *storage.Restorer) error {
			return rs.MarkFromPackage("青山镇总工会 2026-H1")
		}); err != nil {
			t.Fatal(err)
		}
		seedRoster(t, s)
		hs := &harness{uitest.NewPageHarness(t, uitest.NewCommon(s, lang, uitest.FixedNow), w, h, New)}
		hs.StrictHeight = true
		screen := hs.Screen()
		if !strings.Contains(strings.Join(strings.Fields(screen), ""), "2026-H1") {
			t.Errorf("the empty list does not name the package:\n%s", screen)
		}
		hs.RequireGolden()

		sec := OverviewSection()
		res, err := sec.Compute(s, model.Date(20260601))
		if err != nil {
			t.Fatal(err)
		}
		cards := sec.Render(uitest.NewCommon(s, lang, uitest.FixedNow), res)
		text := strings.Join(cards[0], " ")
		if !strings.Contains(text, "5") || strings.Contains(text, " 0") {
			t.Errorf("the Overview's cases line on a package: %q", text)
		}
	})
}
