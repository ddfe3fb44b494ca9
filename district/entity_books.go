package district

import (
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// The books (storage/books*.go): the chart, opening balances, transfers,
// closings, budgets, bank statements, consolations and 工会经费, in one data
// file (books.jsonl) of tagged lines, each holding one record under its
// kind's field. Loaded after the members, units and cash book they name.

// booksRecord is one line of books.jsonl: exactly one field is set.
type booksRecord struct {
	Chart         *model.Chart
	Opening       *model.OpeningBalance
	Transfer      *model.Transfer
	Closing       *model.Closing
	Budget        *model.Budget
	BankStatement *model.BankStatement
	Consolation   *model.Consolation
	Funds         *model.UnitFunds
	FundsPayment  *model.FundsPayment
}

// booksKinds are the storage record kinds of the books, in load order.
var booksKinds = []string{"charts", "openings", "transfers", "closings", "budgets", "bank_statements", "consolations", "funds", "funds_payments"}

// wrap puts a record of a books kind into its line.
func (b *booksRecord) wrap(x any) {
	switch x := x.(type) {
	case *model.Chart:
		b.Chart = x
	case *model.OpeningBalance:
		b.Opening = x
	case *model.Transfer:
		b.Transfer = x
	case *model.Closing:
		b.Closing = x
	case *model.Budget:
		b.Budget = x
	case *model.BankStatement:
		b.BankStatement = x
	case *model.Consolation:
		b.Consolation = x
	case *model.UnitFunds:
		b.Funds = x
	case *model.FundsPayment:
		b.FundsPayment = x
	}
}

// unwrap is the line's kind and record.
func (b *booksRecord) unwrap() (string, any) {
	switch {
	case b.Chart != nil:
		return "charts", b.Chart
	case b.Opening != nil:
		return "openings", b.Opening
	case b.Transfer != nil:
		return "transfers", b.Transfer
	case b.Closing != nil:
		return "closings", b.Closing
	case b.Budget != nil:
		return "budgets", b.Budget
	case b.BankStatement != nil:
		return "bank_statements", b.BankStatement
	case b.Consolation != nil:
		return "consolations", b.Consolation
	case b.Funds != nil:
		return "funds", b.Funds
	case b.FundsPayment != nil:
		return "funds_payments", b.FundsPayment
	}
	return "", nil
}

// booksEntity is books.jsonl.
var booksEntity = Entity{
	Name:    "books",
	Buckets: booksKinds,
	Count: func(r *storage.Records, s *periodScope) int {
		n := 0
		for _, k := range booksKinds {
			switch {
			case s == nil:
				n += r.Count(k)
			case k == "openings":
				n += len(s.openings)
			case k == "closings":
			case s.count(k) >= 0:
				n += s.count(k)
			default:
				n += r.Count(k)
			}
		}
		return n
	},
	Write: func(r *storage.Records, j *JSONL, s *periodScope) error {
		for _, k := range booksKinds {
			if s != nil && k == "closings" {
				continue // the months before the period are not there to be closed
			}
			if s != nil && k == "openings" {
				for i := range s.openings {
					if err := encodeLine(j, &booksRecord{Opening: &s.openings[i]}); err != nil {
						return err
					}
				}
				continue
			}
			err := r.MapRecordKindWhere(k, s.keep(k), func(x any, buf []byte) ([]byte, error) {
				var line booksRecord
				line.wrap(x)
				buf = AppendRecord(buf, &line)
				return append(buf, '\n'), nil
			}, j.Lines)
			if err != nil {
				return err
			}
		}
		return nil
	},
	Load: func(rs *storage.Restorer, d *LineDecoder) error {
		return loadEach(d, func(line *booksRecord) error {
			kind, rec := line.unwrap()
			if rec == nil {
				return i18n.E("pkg.bad_line", "books.jsonl", 0, "no record")
			}
			return rs.PutRecord(kind, rec)
		})
	},
}
