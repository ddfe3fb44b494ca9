package dues

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// A reminder of an earlier year shows its year in the arrears list: "05-06
// 电话" read as this May's call when it was last year's.
func TestReminderCellShowsAnOlderYear(t *testing.T) {
	c := uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow)
	this := c.Today().Year()
	if got := reminderShort(c, model.Reminder{Date: model.NewDate(this, 11, 5), How: model.RemindPhone}); got != "11-05 电话" {
		t.Errorf("this year's reminder: %q", got)
	}
	if got := reminderShort(c, model.Reminder{Date: model.NewDate(this-1, 5, 6), How: model.RemindPhone}); got != model.NewDate(this-1, 5, 6).String() {
		t.Errorf("last year's reminder: %q", got)
	}
}
