package common

import "unionbook/model"

// OwesText says what a member owes: months unpaid, the amount (or that no
// wage base is set, so no amount can be given) and the longest run of
// unpaid months. The Dues tab and the member's detail both show it.
func OwesText(c *Common, months int, total model.Money, run int, base model.Money) string {
	if base == 0 && total == 0 {
		return c.T("dues.owes_no_base", months, run)
	}
	return c.T("dues.owes", months, total.Display(), run)
}
