package district

import "unionbook/storage"

// What every package holds, in one place. A feature that keeps a new kind
// of record writes district/entity_<name>.go (its Entity: how to count,
// write and load the records) and adds one line to entities; a new
// workbook is district/report_<name>.go (its write function) plus one line
// in reports. docs/package-format.md describes both.

// entities are the data files, in the order they are written and loaded:
// a record is loaded after those it points to.
var entities = []Entity{
	profileEntity,
	countersEntity,
	simpleEntity("units", "units", (*storage.Restorer).PutUnit),
	scopedEntity("members", "members", (*storage.Restorer).PutMember, (*periodScope).asAtEnd),
	employerEntity, // after the units they became
	honourEntity,   // after the members and units they honour
	duesUnitsEntity,
	duesMemberRulesEntity,
	simpleEntity("dues_batches", "dues_batches", (*storage.Restorer).PutBatch),
	simpleEntity("dues_payments", "payments", (*storage.Restorer).PutPayment),
	duesReportsEntity,
	duesRemindersEntity,
	simpleEntity("ledger", "ledger", (*storage.Restorer).PutLedger),
	hardshipEntity,
	aidEntity,
	simpleEntity("events", "events", (*storage.Restorer).PutEvent),
	booksEntity,
	simpleEntity("audit", "audit", (*storage.Restorer).PutAudit),
}

// notInPackages are the store's record buckets a package never carries.
// Every record bucket is in one entity's Buckets or here (a test holds the
// two lists against storage.RecordBuckets), so a new kind of record cannot
// go missing from packages unnoticed. Fields left out of records that do
// travel (hardship files' health, disability and bank details) are
// model.HardshipSensitiveFields. docs/package-format.md says the same.
var notInPackages = []string{
	// issue 16: the workers' names, phones and ID numbers and a case's
	// notes never leave the program; report 5 carries the figures.
	"cases",
	"risk_checks",
	// the township's own list of the packages it wrote.
	"exports",
}

// reports are the workbooks, numbered in this order (reports/01-….xlsx).
var reports = []Report{
	{Name: "roster", Title: "export.r_roster", Write: writeRoster},
	{Name: "dues", Title: "export.r_dues", Write: writeDues},
	{Name: "hardship", Title: "export.r_hardship", Write: writeHardship},
	{Name: "events", Title: "export.r_events", Write: writeEvents},
	{Name: "cases", Title: "cases.r_title", Write: writeCases},
	{Name: "ledger", Title: "export.r_ledger", Write: writeLedger},
	{Name: "stats", Title: "export.r_stats", Write: writeStats},
	{Name: "audit", Title: "export.r_audit", Write: writeAudit},
}
