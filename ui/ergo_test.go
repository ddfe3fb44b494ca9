package ui

import (
	"strings"
	"testing"

	"unionbook/i18n"
)

// The member detail says "no wage base yet; press w to set one": w there
// opens the wage-base form, in the Dues tab, over the member's dues.
func TestWOnTheMemberDetailSetsTheWageBase(t *testing.T) {
	a := onMembers(t, i18n.EN, 100, 30)
	keys(a, "enter")
	if !strings.Contains(screen(a), "press w") {
		t.Fatalf("the detail does not say press w:\n%s", screen(a))
	}
	keys(a, "w")
	if a.page() != a.dues || a.dues.Depth() != 3 {
		t.Fatalf("w did not open the wage form in the Dues tab:\n%s", screen(a))
	}
	keys(a, "esc")
	if a.dues.Depth() != 2 {
		t.Errorf("esc from the wage form did not go back to the member's dues:\n%s", screen(a))
	}
}
