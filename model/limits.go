package model

// The longest free texts, in characters. A note or an address typed in a
// form fits many times over; a 20 MB "note" in a package or a roster does
// not, and would make every screen and report that shows it crawl. Forms,
// roster imports and package imports all refuse a longer text through the
// records' Validate ("problem.too_long", naming the field and the limit).
// Fields with limits of their own (an event's summary, a case's notes, a
// cash-book memo) keep them.
const (
	NameMax      = 30  // a person's name: a chair, a reviewer
	ShortTextMax = 60  // a job, a union's name typed as text
	AddressMax   = 100 // an address, a list of honours
	ReasonMax    = 150 // the reason of a status change or a reversal
	NotesMax     = 500 // notes of a member, a unit, a hardship file
)
