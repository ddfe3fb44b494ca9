package storage

import (
	"slices"

	"unionbook/model"
)

// The file's layout: every bucket and index of the database, in one place,
// with its keys and values and the migration (storage/schema.go) that made
// it. Conventions:
//
//   - an ID is a big-endian uint64 (itob), so keys sort like the numbers;
//     an entity bucket's NextSequence gives its IDs;
//   - a date key is yyyymmdd, a month key yyyymm, as big-endian uint32;
//   - a pair key is two IDs, 16 bytes (pairKey), with an empty value: the
//     second ID belongs to the first (a unit's members);
//   - money is int64 fen;
//   - a record is a format byte, a CRC-32C checksum and CBOR with integer
//     keys (see codec.go); records are the values of the buckets in recordBuckets and
//     the profile in meta. Everything else (indexes, counters, aggregates)
//     can be rebuilt from the records, and the integrity check (check*.go)
//     compares each with the records it is built from.
//
// A feature that adds buckets adds them here, under the migration that
// creates them, and its record bucket to recordBuckets.

// Schema 1, "create buckets": members, units, the audit log.
var (
	// meta: the schema version and counters; see the meta keys below.
	bucketMeta = []byte("meta")
	// units: unit ID → model.Unit.
	bucketUnits = []byte("units")
	// members: member ID → model.Member.
	bucketMembers = []byte("members")
	// audit: entry ID → model.AuditEntry; appended in every write's
	// transaction, never changed. Since the migration "dense records"
	// compressed (record format 3, codec.go) in its dense form
	// (auditRecord, codec_dense.go).
	bucketAudit = []byte("audit")

	// idx_member_id_number: ID/document number → member ID (unique; see
	// idKey and idNumberLookupKeys for the normalised forms).
	idxMemberIDNumber = []byte("idx_member_id_number")
	// idx_member_no: member number (会员编号) → member ID (unique).
	idxMemberNo = []byte("idx_member_no")
	// idx_member_no_retired: numbers of deleted or renumbered members →
	// empty; automatic numbering skips them so a number is never given twice.
	idxMemberNoRetired = []byte("idx_member_no_retired")
	// idx_unit_members: unit ID + member ID (pair) → empty.
	idxUnitMembers = []byte("idx_unit_members")
	// idx_unit_name: normalised unit name (unitNameKey) → unit ID (unique).
	idxUnitName = []byte("idx_unit_name")
	// idx_unit_credit: unified social credit code → unit ID (unique).
	idxUnitCredit = []byte("idx_unit_credit")
)

// Keys in meta: every one a database may hold (metaKeys lists them for
// the test that finds no other). Those whose value is a big-endian uint64
// counter travel in a package's counters (Records.Counters); the others do
// not.
var (
	// schema_version: big-endian uint32, len(migrations) when up to date.
	keySchemaVersion = []byte("schema_version")
	// profile: the model.Profile record.
	keyProfile = []byte("profile")
	// member_no_seq: big-endian uint64, the last automatic member number.
	keyMemberNoSeq = []byte("member_no_seq")
	// "receipt_seq/2026" and "voucher_seq/2026": big-endian uint64, the
	// last receipt and voucher number given in that year (see seqKey;
	// cash transfers take voucher numbers too).
	keyReceiptSeqPrefix = "receipt_seq/"
	keyVoucherSeqPrefix = "voucher_seq/"
	// loading: present, naming the load, while a load that spans several
	// transactions (the demo) runs; see dues_bulk.go.
	keyLoading = []byte("loading")
	// checksums_pending: present while records written before the
	// checksum migration are still being given theirs; its value is where
	// to go on (migrate_checksums.go).
	keyChecksumsPending = []byte("checksums_pending")
	// dense_pending: present while payments and audit entries written
	// before the migration "dense records" are still in their earlier
	// forms and the file is to be copied without its free pages
	// (migrate_dense.go).
	keyDensePending = []byte("dense_pending")
	// demo: "1" in a database the demo township filled (demo.go): the
	// header says 演示数据, and `unionbook fresh` may set it aside for a new,
	// empty one. A database without it holds the user's own books.
	keyDemo = []byte("demo")
	// from_package: in a database loaded from a district package (import
	// package, a read-only look at a package), the union and period it
	// came from: its cases and risk checks travelled as figures only.
	keyFromPackage = []byte("from_package")
)

// metaKeys are the keys of meta above, and the prefixes of those made per
// year.
func metaKeys() (keys [][]byte, prefixes []string) {
	return [][]byte{keySchemaVersion, keyProfile, keyMemberNoSeq, keyLoading, keyChecksumsPending, keyDensePending, keyDemo, keyFromPackage},
		[]string{keyReceiptSeqPrefix, keyVoucherSeqPrefix}
}

// Schema 2, "dues and cash book".
var (
	// payments: payment ID → model.DuesPayment (payments and their
	// reversals, which have ReversalOf set); since the migration "dense
	// records" in its dense form (paymentRecord, codec_dense.go), about 80
	// bytes.
	bucketPayments = []byte("payments")
	// dues_member: member ID → the member's paid-month bitmap and the IDs
	// of all their payments and reversals (memberDues, dues_enc.go; since
	// "dense records" the IDs as varint distances).
	bucketDuesMember = []byte("dues_member")
	// dues_totals: month + unit ID (12 bytes) → paid fen and paid
	// member-months (two int64): the running collection aggregate.
	bucketDuesTotals = []byte("dues_totals")
	// dues_batches: batch ID → DuesBatchRecord.
	bucketDuesBatches = []byte("dues_batches")
	// idx_receipt: receipt number → 'p' + payment ID, or 'b' + batch ID
	// for the one receipt of a batch (all its payments carry it).
	idxReceipt = []byte("idx_receipt")
	// idx_payment_reversal: payment ID → the ID of the payment reversing it.
	idxPaymentReversal = []byte("idx_payment_reversal")

	// ledger: entry ID → model.LedgerEntry (the cash book).
	bucketLedger = []byte("ledger")
	// idx_ledger_date: date + entry ID (12 bytes) → empty.
	idxLedgerDate = []byte("idx_ledger_date")
	// idx_voucher: voucher number → entry ID (unique).
	idxVoucher = []byte("idx_voucher")
	// idx_ledger_reversal: entry ID → the ID of the entry reversing it.
	idxLedgerReversal = []byte("idx_ledger_reversal")
	// ledger_totals: month + direction byte + account code → the sum of
	// the entries' Amount (reversals negative) and their count (two int64).
	bucketLedgerTotals = []byte("ledger_totals")
)

// Schema 3, "hardship files and aid" (hardship.go).
var (
	// hardship_files: file ID → model.HardshipFile.
	bucketHardship = []byte("hardship_files")
	// idx_hardship_member: member ID + file ID (pair) → empty: every file
	// of a member.
	idxHardshipMember = []byte("idx_hardship_member")
	// idx_hardship_open: member ID → the member's open (applied or active)
	// file ID; at most one, which is the one-open-file rule.
	idxHardshipOpen = []byte("idx_hardship_open")
	// aid: aid ID → model.AidRecord (aid and its reversals).
	bucketAid = []byte("aid")
	// idx_aid_member: member ID + aid ID (pair) → empty.
	idxAidMember = []byte("idx_aid_member")
	// idx_aid_file: file ID + aid ID (pair) → empty.
	idxAidFile = []byte("idx_aid_file")
	// idx_aid_date: date + aid ID (12 bytes) → empty: aid by date.
	idxAidDate = []byte("idx_aid_date")
	// idx_aid_reversal: aid ID → the ID of the record reversing it.
	idxAidReversal = []byte("idx_aid_reversal")
)

// Schema 4, "events" (event.go).
var (
	// events: event ID → model.Event.
	bucketEvents = []byte("events")
	// idx_event_date: start date + event ID (12 bytes) → empty.
	idxEventDate = []byte("idx_event_date")
	// idx_member_events: member ID + event ID (pair) → empty.
	idxMemberEvents = []byte("idx_member_events")
	// idx_unit_events: organising unit ID + event ID (pair) → empty (not
	// for events of the federation itself, unit 0).
	idxUnitEvents = []byte("idx_unit_events")
)

// Schema 5, "export history" (exports.go).
var (
	// exports: export ID → ExportRecord, one per district package written.
	bucketExports = []byte("exports")
)

// Schema 7, "cases and risk checks" (case.go).
var (
	// cases: case ID → model.Case.
	bucketCases = []byte("cases")
	// idx_case_date: received date (uint32 yyyymmdd) + case ID → empty.
	idxCaseDate = []byte("idx_case_date")
	// idx_member_cases: member ID + case ID → empty (the workers who are members).
	idxMemberCases = []byte("idx_member_cases")
	// idx_unit_cases: unit ID + case ID → empty (not for an employer outside the register).
	idxUnitCases = []byte("idx_unit_cases")
	// risk_checks: check ID → model.RiskCheck.
	bucketRiskChecks = []byte("risk_checks")
	// idx_risk_date: visit date + check ID → empty.
	idxRiskDate = []byte("idx_risk_date")
	// idx_unit_risks: unit ID + check ID → empty.
	idxUnitRisks = []byte("idx_unit_risks")
	// idx_risk_cases: check ID + case ID → empty (the cases a visit found).
	idxRiskCases = []byte("idx_risk_cases")
)

// Schema 8, "books" (books.go, books_migrate.go): the chart in force each
// year, the two money accounts (cash and bank) with their opening balances
// and the transfers between them, closed periods, budgets, bank
// reconciliation, consolation and 工会经费.
var (
	// bucketCharts: chart ID → model.Chart; the chart in force in a year
	// is the one with the greatest FromYear not after it (none stored:
	// the 2021 chart).
	bucketCharts = []byte("charts")
	// bucketOpenings: opening ID → model.OpeningBalance;
	// idxOpeningMoney: money account (1 byte) → its opening's ID.
	bucketOpenings  = []byte("openings")
	idxOpeningMoney = []byte("idx_opening_money")
	// bucketTransfers: transfer ID → model.Transfer; by date (date + ID →
	// empty), by voucher number (→ ID) and by the transfer reversed (→ the
	// reversing transfer's ID).
	bucketTransfers     = []byte("transfers")
	idxTransferDate     = []byte("idx_transfer_date")
	idxTransferVoucher  = []byte("idx_transfer_voucher")
	idxTransferReversal = []byte("idx_transfer_reversal")
	// bucketMoneyTotals: month + money account (5 bytes) → money in and
	// money out of that account in the month (two int64), entries and
	// transfers together: the balances without reading every entry.
	bucketMoneyTotals = []byte("money_totals")
	// bucketClosings: closing ID → model.Closing; idxClosing: kind (1 byte)
	// + month (4) → closing ID.
	bucketClosings = []byte("closings")
	idxClosing     = []byte("idx_closing")
	// bucketBudgets: budget ID → model.Budget; idxBudget: year (4) +
	// account code → budget ID.
	bucketBudgets = []byte("budgets")
	idxBudget     = []byte("idx_budget")
	// bucketBankStatements: statement ID → model.BankStatement;
	// idxBankStatement: date (4) → ID. bucketBankTicks: 'e' + entry ID or
	// 't' + transfer ID → the date (4) of the statement it was ticked
	// against.
	bucketBankStatements = []byte("bank_statements")
	idxBankStatement     = []byte("idx_bank_statement")
	bucketBankTicks      = []byte("bank_ticks")
	// bucketConsolations: ID → model.Consolation; idxConsolMember: member
	// ID + consolation ID → empty; idxConsolReversal: ID → reversing ID.
	bucketConsolations = []byte("consolations")
	idxConsolMember    = []byte("idx_consol_member")
	idxConsolReversal  = []byte("idx_consol_reversal")
	// bucketFunds: ID → model.UnitFunds; idxFundsUnit: unit ID + ID.
	bucketFunds  = []byte("funds")
	idxFundsUnit = []byte("idx_funds_unit")
	// bucketFundsPayments: ID → model.FundsPayment; idxFundsPay: funds ID
	// + payment ID; idxFundsPayReversal: payment ID → reversing ID.
	bucketFundsPayments = []byte("funds_payments")
	idxFundsPay         = []byte("idx_funds_pay")
	idxFundsPayReversal = []byte("idx_funds_pay_reversal")
)

// Schema 9, "organisation register" (org.go).
var (
	// employers: employer ID → model.Employer, an unorganised employer
	// (未建会单位) with its visits; kept, marked formed, once it has a union.
	bucketEmployers = []byte("employers")
	// idx_employer_name: normalised name (unitNameKey) → employer ID (unique
	// among employers).
	idxEmployerName = []byte("idx_employer_name")
	// idx_employer_credit: credit code → employer ID (unique among employers).
	idxEmployerCredit = []byte("idx_employer_credit")
	// honours: honour ID → model.Honour, of a member or a unit.
	bucketHonours = []byte("honours")
	// idx_member_honours: member ID + honour ID (pair) → empty.
	idxMemberHonours = []byte("idx_member_honours")
	// idx_unit_honours: unit ID + honour ID (pair) → empty.
	idxUnitHonours = []byte("idx_unit_honours")
)

// Schema 10, "dues handling" (dues_schema2.go): dues handling,
// schemes, payments in part, collection reports and reminders (see
// model/dues_scheme.go).
var (
	// bucketDuesUnits: unit ID → model.UnitDues (how the unit's dues are
	// handled and reckoned, by month).
	bucketDuesUnits = []byte("dues_units")
	// bucketDuesMemberRules: member ID → model.MemberDues (the member's
	// exceptions: fixed amount, exemption).
	bucketDuesMemberRules = []byte("dues_member_rules")
	// bucketDuesPartial: member ID + month (12 bytes) → what was paid
	// toward a month paid in part and what it owed (two int64): derived
	// from the payments' shares, like the paid-month bitmap.
	bucketDuesPartial = []byte("dues_partial")
	// bucketDuesReports: report ID → model.CollectionReport.
	bucketDuesReports = []byte("dues_reports")
	// bucketReminders: reminder ID → model.Reminder.
	bucketReminders = []byte("dues_reminders")
)

func duesHandlingBuckets() [][]byte {
	return [][]byte{bucketDuesUnits, bucketDuesMemberRules, bucketDuesPartial, bucketDuesReports, bucketReminders}
}

// Schema 11, "hardship household index" (hardship.go).
var (
	// idx_hardship_household: a household member's ID number (idKey), a
	// zero byte and the file ID → empty, for every open file: the check that
	// a household is not filed twice looks its numbers up instead of reading
	// every open file.
	idxHardshipHousehold = []byte("idx_hardship_household")
)

// The migration "dense records" (migrate_dense.go): no new bucket. Payments,
// audit entries and dues_member values are rewritten in their dense forms
// and the file copied without its free pages. The writers fill the pages of
// the append-only buckets (payments, ledger, dues_batches, audit) whole.

// allBuckets is every bucket a database of the current schema has: Open
// refuses one that lacks any as damaged (a changed byte in a bucket's name
// leaves bbolt's own check content).
func allBuckets() [][]byte {
	return slices.Concat(coreBuckets(), duesBuckets(), hardshipBuckets(), eventBuckets(), [][]byte{bucketExports}, caseBuckets(), booksBuckets(),
		orgBuckets(), duesHandlingBuckets(), [][]byte{idxHardshipHousehold})
}

// recordBucket is a bucket whose values are records: the kind of record
// (for messages) and the type they decode into.
type recordBucket struct {
	name   []byte
	entity model.Entity
	new    func() any
}

// RecordBuckets names every bucket of records, for the district package's
// test that each is carried by a package or said not to be.
func RecordBuckets() []string {
	var names []string
	for _, b := range recordBuckets() {
		names = append(names, string(b.name))
	}
	return names
}

// recordBuckets lists every bucket of records (the profile in meta is the
// one record elsewhere). Migrations that rewrite records and the tests that
// pin their encoding go through this list.
func recordBuckets() []recordBucket {
	return []recordBucket{
		{bucketUnits, model.EntityUnit, func() any { return new(model.Unit) }},
		{bucketMembers, model.EntityMember, func() any { return new(model.Member) }},
		{bucketAudit, model.EntityAudit, func() any { return new(model.AuditEntry) }},
		{bucketPayments, model.EntityPayment, func() any { return new(model.DuesPayment) }},
		{bucketDuesBatches, model.EntityBatch, func() any { return new(DuesBatchRecord) }},
		{bucketLedger, model.EntityLedger, func() any { return new(model.LedgerEntry) }},
		{bucketHardship, model.EntityHardship, func() any { return new(model.HardshipFile) }},
		{bucketAid, model.EntityAid, func() any { return new(model.AidRecord) }},
		{bucketEvents, model.EntityEvent, func() any { return new(model.Event) }},
		{bucketExports, model.EntityExport, func() any { return new(ExportRecord) }},
		{bucketCases, model.EntityCase, func() any { return new(model.Case) }},
		{bucketRiskChecks, model.EntityRiskCheck, func() any { return new(model.RiskCheck) }},
		{bucketCharts, model.EntityChart, func() any { return new(model.Chart) }},
		{bucketOpenings, model.EntityOpening, func() any { return new(model.OpeningBalance) }},
		{bucketTransfers, model.EntityTransfer, func() any { return new(model.Transfer) }},
		{bucketClosings, model.EntityClosing, func() any { return new(model.Closing) }},
		{bucketBudgets, model.EntityBudget, func() any { return new(model.Budget) }},
		{bucketBankStatements, model.EntityReconcile, func() any { return new(model.BankStatement) }},
		{bucketConsolations, model.EntityConsolation, func() any { return new(model.Consolation) }},
		{bucketFunds, model.EntityFunds, func() any { return new(model.UnitFunds) }},
		{bucketFundsPayments, model.EntityFundsPay, func() any { return new(model.FundsPayment) }},
		{bucketEmployers, model.EntityEmployer, func() any { return new(model.Employer) }},
		{bucketHonours, model.EntityHonour, func() any { return new(model.Honour) }},
		// dues handling (dues_schema2.go)
		{bucketDuesUnits, model.EntityUnitDues, func() any { return new(model.UnitDues) }},
		{bucketDuesMemberRules, model.EntityMemberDues, func() any { return new(model.MemberDues) }},
		{bucketDuesReports, model.EntityReport, func() any { return new(model.CollectionReport) }},
		{bucketReminders, model.EntityReminder, func() any { return new(model.Reminder) }},
	}
}
