package model

// Stubs of the dues rules; see the doc comments for what each must do.

// Monthly is one month's dues on a wage base: the base cut down to a
// multiple of TruncUnit, times RateBP/10000, rounded half up to the fen.
// 3,085.00 yuan at 0.5% with a 10-yuan unit is 15.40 yuan.
func (r DuesRules) Monthly(base Money) Money { panic("todo") }

// BaseFor is the wage base in force in month (the latest WageBase whose From
// is not after month), or 0 when none is set.
func (m *Member) BaseFor(month Month) Money { panic("todo") }

// StartMonth is the first month the member owes dues: the join month or the
// month after, by the rules.
func (m *Member) StartMonth(r DuesRules) Month { panic("todo") }

// Owes reports whether the member owes dues for month: on or after the
// start month and active (在会) on the month's first day (a member who
// joined in that month counts as active when OweJoinMonth is set).
// Retained months and months after leaving owe nothing.
func (m *Member) Owes(month Month, r DuesRules) bool { panic("todo") }

// MonthDues is one month of a member's dues history.
type MonthDues struct {
	Month     Month
	Owed      bool   // the member owed dues this month
	Amount    Money  // what the month owes (0 when not owed)
	PaymentID uint64 // the payment covering it, 0 if unpaid
}

// DuesHistory lists every month from the start month to until with what it
// owed and which payment covered it. paid maps a month to its payment.
func DuesHistory(m *Member, r DuesRules, paid map[Month]uint64, until Month) []MonthDues {
	panic("todo")
}

// Expected is what the months from..to owe, month by month (months not owed
// count nothing).
func Expected(m *Member, r DuesRules, from, to Month) Money { panic("todo") }

// Unpaid lists the owed and unpaid months up to until, oldest first, with
// their total and the longest run of consecutive unpaid months ending at
// until or earlier.
func Unpaid(m *Member, r DuesRules, paid map[Month]uint64, until Month) (months []Month, total Money, longestRun int) {
	panic("todo")
}
