package units

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// On the units list a click selects the unit under the pointer and a
// second click opens it, at both sizes and in both languages.
func TestClickOpensTheUnitUnderThePointer(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		s := uitest.OpenStore(t, uitest.FixedNow)
		ids := map[string]uint64{}
		for _, u := range []model.Unit{
			{Name: "青山镇宏达机械工会", Kind: 170, Employees: 320},
			{Name: "青山镇中心小学工会", Kind: 400, Employees: 80},
			{Name: "Anxin Clinic Union", Kind: 400, Employees: 25},
		} {
			if err := s.CreateUnit(uitest.Operator, &u); err != nil {
				t.Fatal(err)
			}
			ids[u.Name] = u.ID
		}
		hs := uitest.NewPageHarness(t, uitest.NewCommon(s, lang, uitest.FixedNow), w, h, func(c *common.Common) *Page { return New(c) })
		for _, name := range []string{"Anxin Clinic Union", "青山镇中心小学工会", "青山镇宏达机械工会"} {
			y := -1
			for i, line := range strings.Split(hs.Screen(), "\n") {
				if strings.Contains(line, name) {
					y = i
					break
				}
			}
			if y < 0 {
				t.Fatalf("no line shows %s:\n%s", name, hs.Screen())
			}
			hs.Click(3, y)
			hs.Click(3, y)
			d, ok := hs.P.Top().(*detail)
			if !ok {
				t.Fatalf("a second click on %s did not open it:\n%s", name, hs.Screen())
			}
			if d.id != ids[name] {
				t.Fatalf("a click on %s opened unit %d, not %d", name, d.id, ids[name])
			}
			hs.Keys("esc")
		}
	})
}
