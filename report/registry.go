package report

// Every printable report, in one place. `unionbook report NAME` and the
// Import/Export tab's reports screen list and write them from here. A new
// report is a file of its own (its write function) plus one line in
// reports.

// reports are the printable reports, in the order the command's help and
// the reports screen list them: what is sent out first, then the books.
var reports = []Report{
	{Name: "summary", Title: "summary.title_short", For: ForPeriod, Ext: ".docx", UnionInName: true,
		Write: writeSummaryReport},
	{Name: "survey", Title: "survey.title_short", For: ForYear, Ext: ".xlsx", UnionInName: true,
		Check: checkSurvey, Write: writeSurveyReport},
	{Name: "journal", Title: "report.journal", For: ForPeriod, Ext: ".xlsx", Money: true,
		Write: book(writeJournal)},
	{Name: "statement", Title: "report.statement", For: ForPeriod, Ext: ".xlsx",
		Write: book(writeStatement)},
	{Name: "vouchers", Title: "report.vouchers", For: ForPeriod, Ext: ".xlsx",
		Write: book(writeVouchers)},
}
