package dues

import (
	"charm.land/bubbles/v2/key"

	"unionbook/ui/common"
	"unionbook/ui/keymap"
)

// keys are the Dues tab's own bindings; the shared ones (open, save,
// back...) come from common.Keys. A letter means one thing on every screen
// that has it.
type keys struct {
	Arrears, Units, Pay, Batch, Wage, Reverse key.Binding
	// Year is [ and ] in the help; PrevYear and NextYear are each alone.
	Year, PrevYear, NextYear key.Binding
	Find                     key.Binding // the member picker (/)
	Tick, TickAll, Amount    key.Binding // in a batch's preview
	All                      key.Binding // the arrears: everyone in arrears, or the long runs only
	Remind                   key.Binding // record a reminder (催缴)
	Exception                key.Binding // a member's exception: fixed amount, exemption
	Handling                 key.Binding // a unit's dues handling and scheme
	Report                   key.Binding // a self-collecting unit's report
	Notice                   key.Binding // the unit's arrears notice (xlsx)
	Receipt                  key.Binding // receipts to print (xlsx)
	Import                   key.Binding // wage bases from a file
	Members                  key.Binding // the unit's members in the Members tab
	Delete                   key.Binding // a report entered wrongly
	ProblemReport            key.Binding // an import's problems, written next to its file
}

func newKeys(c *common.Common) keys {
	b := func(help string, ks ...string) key.Binding { return keymap.Binding(c.Lang, help, ks...) }
	k := keys{
		Arrears:       b("dues.key_arrears", "a"),
		Units:         b("dues.key_units", "c"),
		Pay:           b("dues.key_pay", "p"),
		Batch:         b("dues.key_batch", "b"),
		Wage:          b("dues.key_wage", "w"),
		Reverse:       b("dues.key_reverse", "r"),
		Year:          b("dues.key_year", "[", "]"),
		PrevYear:      b("dues.key_year", "["),
		NextYear:      b("dues.key_year", "]"),
		Find:          b("dues.key_find", c.Keys.Search.Keys()...),
		Tick:          b("dues.key_tick", "space"),
		TickAll:       b("dues.key_tick_all", "a"),
		Amount:        b("dues.key_amount", "e"),
		All:           b("dues.key_all", "t"),
		Remind:        b("dues.key_remind", "f"),
		Exception:     b("dues.key_exception", "e"),
		Handling:      b("dues.key_handling", "h"),
		Report:        b("dues.key_report", "r"),
		Notice:        b("dues.key_notice", "n"),
		Receipt:       b("dues.key_receipt", "x"),
		Import:        b("dues.key_import", "i"),
		Members:       b("dues.key_members", "m"),
		Delete:        b("dues.key_delete_report", "d"),
		ProblemReport: b("dues.key_problem_report", "r"),
	}
	k.Year.SetHelp("[ ]", c.T("dues.key_year"))
	return k
}
