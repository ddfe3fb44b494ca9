package model

// The one vocabulary of record kinds and write actions: the audit log, the
// change messages of the TUI, the audit-log filter and `check` all use these
// values, and the user sees them only through the catalogues
// ("entity.<name>", "action.<name>"). A new record type adds its Entity here
// and to Entities; a new kind of write its AuditAction and to Actions.

// Entity names a kind of record.
type Entity string

// The record kinds, in the order the audit-log filter offers them.
const (
	EntityProfile  Entity = "profile"
	EntityUnit     Entity = "unit"
	EntityMember   Entity = "member"
	EntityPayment  Entity = "payment"
	EntityBatch    Entity = "batch" // a unit's dues handed over at once
	EntityLedger   Entity = "ledger"
	EntityHardship Entity = "hardship"
	EntityAid      Entity = "aid"
	EntityEvent    Entity = "event"
	EntityEmployer Entity = "employer" // an unorganised employer (未建会单位)
	EntityHonour   Entity = "honour"
	EntityExport   Entity = "export" // a district package written
	EntityImport   Entity = "import"
	EntityAudit    Entity = "audit"
	// EntityList is a list of the TUI written to a workbook as shown (the
	// filtered roster, the units...): the audit entry names the list.
	EntityList Entity = "list"
	// The books (model/books*.go).
	EntityChart       Entity = "chart"
	EntityOpening     Entity = "opening"
	EntityTransfer    Entity = "transfer"
	EntityClosing     Entity = "closing"
	EntityBudget      Entity = "budget"
	EntityReconcile   Entity = "reconcile"
	EntityConsolation Entity = "consolation"
	EntityFunds       Entity = "funds"
	EntityFundsPay    Entity = "funds_payment"
)

// The records of the Cases tab (their own block, so that gofmt's
// alignment of the one above stays put).
const (
	EntityCase      Entity = "case"       // a labour dispute, visit or legal-aid request (维权案件)
	EntityRiskCheck Entity = "risk_check" // a labour-relations risk check visit (隐患排查)
)

// Dues follow-up: a unit's dues settings, a member's exception, a
// self-collecting unit's collection report, a reminder (催缴).
const (
	EntityUnitDues   Entity = "unit_dues"
	EntityMemberDues Entity = "member_dues"
	EntityReport     Entity = "dues_report"
	EntityReminder   Entity = "reminder"
)

// Entities lists every record kind, for filters and checks.
func Entities() []Entity {
	return []Entity{EntityMember, EntityUnit, EntityProfile, EntityPayment, EntityBatch,
		EntityUnitDues, EntityMemberDues, EntityReport, EntityReminder, EntityLedger,
		EntityHardship, EntityAid, EntityEvent, EntityCase, EntityRiskCheck, EntityExport, EntityImport, EntityList,
		EntityChart, EntityOpening, EntityTransfer, EntityClosing, EntityBudget, EntityReconcile, EntityConsolation, EntityFunds, EntityFundsPay,
		EntityEmployer, EntityHonour}
}

// Key is the entity's catalogue key.
func (e Entity) Key() string { return "entity." + string(e) }

// AuditAction says what a write did.
type AuditAction string

const (
	ActionCreate AuditAction = "create"
	ActionUpdate AuditAction = "update"
	ActionDelete AuditAction = "delete"
	ActionStatus AuditAction = "status"
	// ActionReverse is a reversal (冲正) of a payment or cash-book entry.
	ActionReverse AuditAction = "reverse"
	ActionImport  AuditAction = "import"
	ActionRestore AuditAction = "restore"
	ActionExport  AuditAction = "export"
)

// ActionCloseBooks is a period of the books closed (结账).
const ActionCloseBooks AuditAction = "close_books"

// The writes that end and reopen a case (their own block, so that gofmt's
// alignment of the one above stays put).
const (
	ActionClose  AuditAction = "close"  // a case closed, with an outcome or as entered by mistake
	ActionReopen AuditAction = "reopen" // a closed case opened again
)

// Actions lists every kind of write, for filters.
func Actions() []AuditAction {
	return []AuditAction{ActionCreate, ActionUpdate, ActionDelete, ActionStatus, ActionClose, ActionReopen, ActionReverse, ActionImport, ActionRestore, ActionExport, ActionCloseBooks}
}

// Key is the action's catalogue key.
func (a AuditAction) Key() string { return "action." + string(a) }
