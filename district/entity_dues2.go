package district

import (
	"unionbook/model"
	"unionbook/storage"
)

// The dues settings of units and members, the collection reports of units
// that collect their own dues, and the reminders: the figures of a package
// loaded elsewhere are the figures of the union that wrote it. (The months
// paid in part are rebuilt from the payments' shares.)

var (
	duesUnitsEntity = kindEntity("dues_units", "dues_units", nil, func(rs *storage.Restorer, d *LineDecoder) error {
		return loadEach(d, func(u *model.UnitDues) error { return rs.PutRecord("dues_units", u) })
	})
	duesMemberRulesEntity = kindEntity("dues_member_rules", "dues_member_rules", nil, func(rs *storage.Restorer, d *LineDecoder) error {
		return loadEach(d, func(m *model.MemberDues) error { return rs.PutRecord("dues_member_rules", m) })
	})
	duesReportsEntity = kindEntity("dues_reports", "dues_reports", nil, func(rs *storage.Restorer, d *LineDecoder) error {
		return loadEach(d, func(r *model.CollectionReport) error { return rs.PutRecord("dues_reports", r) })
	})
	duesRemindersEntity = kindEntity("dues_reminders", "dues_reminders", nil, func(rs *storage.Restorer, d *LineDecoder) error {
		return loadEach(d, func(r *model.Reminder) error { return rs.PutRecord("dues_reminders", r) })
	})
)
