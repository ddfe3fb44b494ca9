package common

import (
	"strings"

	"unionbook/model"
	"unionbook/storage"
)

// Sections let one tab add to another's screen without importing it: the
// app builds them from the tab that knows the data (hardship, events) and
// hands them to the tab that shows them (overview, members).

// OverviewSection is a block of figures another feature adds to the
// overview. Compute runs in the background with the store; Render gives
// its result as a few groups of cards, which the overview lays out: the
// first group is the section's headline, always shown; the later ones are
// details (aid by type, events by type), shown while they leave the chart
// of the year's dues room for every month.
type OverviewSection struct {
	Compute func(s *storage.Store, today model.Date) (any, error)
	Render  func(c *Common, result any) []Cards
}

// Cards are one group of an overview section's figures, each card a label
// with its value ("在档困难职工 12") or a short note: the overview starts a
// group on a new line and lays its cards out on as many lines as its width
// needs, never splitting a card (a label from its figure).
type Cards []string

// String is the group on one line, its cards three spaces apart (how a
// wide screen shows it).
func (cs Cards) String() string { return strings.Join(cs, CardGap) }

// CardGap is the space between two cards on a line.
const CardGap = "   "

// MemberSection adds lines about a member to the member's detail screen (the
// member's hardship file, the events they took part in). It reads the store
// itself and returns a title and a few lines.
type MemberSection func(c *Common, m *model.Member, width int) (title string, lines []string)
