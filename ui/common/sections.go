package common

import (
	"unionbook/model"
	"unionbook/storage"
)

// Sections let one tab add to another's screen without importing it: the
// app builds them from the tab that knows the data (hardship, events) and
// hands them to the tab that shows them (overview, members).

// OverviewSection is a block of figures another feature adds to the
// overview. Compute runs in the background with the store; Render draws its
// result in at most a few lines of the given width.
type OverviewSection struct {
	Compute func(s *storage.Store, today model.Date) (any, error)
	Render  func(c *Common, result any, width int) []string
}

// MemberSection adds lines about a member to the member's detail screen (the
// member's hardship file, the events they took part in). It reads the store
// itself and returns a title and a few lines.
type MemberSection func(c *Common, m *model.Member, width int) (title string, lines []string)
