package ui

import (
	"unionbook/ui/dues"
	"unionbook/ui/filechooser"
	"unionbook/ui/uitest"
)

// The Dues tab's file choosers (a wage file to import, where to save a
// notice or receipts) show a Desktop in memory in these tests, with one
// wage file: a walk that presses ctrl+s there writes nothing on the
// machine.
func init() {
	dues.Files = filechooser.NewFake(map[string]string{"/home/li/Desktop/": "", "/home/li/Desktop/缴费基数.csv": "会员编号,缴费基数\n000001,4000\n"}, uitest.FixedNow,
		filechooser.Place{Kind: filechooser.PlaceDesktop, Path: "/home/li/Desktop"})
}
