package demo

import (
	"fmt"
	"math"
	"math/rand/v2"

	"unionbook/model"
	"unionbook/storage"
)

// The demo's books: opening balances when the history starts, the cash box
// kept near 1,500 yuan (cash dues deposited each month, small bills paid
// in cash, petty cash drawn when it runs low), festival, birthday and illness
// consolation, 工会经费 of the larger units by quarter (some behind), a
// budget for each year, the bank reconciled month by month, and the years
// before this one closed. Written after every other generator: closing a
// year freezes what they posted to it.

func writeBooks(b *storage.Batch, w World) error {
	r := rand.New(rand.NewPCG(w.Seed, 0x626f6f6b73)) // "books"
	f := float64(max(len(w.Members), 1)) / DefaultMembers
	yuan := func(lo, hi float64) model.Money {
		return model.Money(math.Round((lo + (hi-lo)*r.Float64()) * 100))
	}
	since := duesSince(w.Today)
	// The books start with the month of the first entry (a few payments
	// are dated before the dues history).
	start := since.First()
	var box cashBox // the cash box: what the other generators put in it, and this one's own
	for _, m := range model.MoneyAccounts() {
		j, err := b.Journal(m, 0, 0)
		if err != nil {
			return err
		}
		if len(j.Lines) > 0 && j.Lines[0].Date < start {
			start = j.Lines[0].Date.Month().First()
		}
		if m == model.MoneyCash {
			for _, l := range j.Lines {
				box.add(l.Date, l.In-l.Out)
			}
		}
	}

	p := w.Profile
	p.Books = model.BooksSettings{
		DefaultMoney: model.MoneyBank,
		Caps:         []model.ConsolCap{{Kind: model.ConsolFestival, Cap: model.Yuan(1200)}, {Kind: model.ConsolBirthday, Cap: model.Yuan(300)}},
		Signatures:   model.SignatureLine{Chair: "陈建国", Finance: "林秀英", Reviewer: "郑海", Preparer: p.Operator},
	}
	if err := b.SaveProfile(p); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	cash := model.OpeningBalance{Money: model.MoneyCash, Date: start, Amount: model.Yuan(2000), Memo: "纸质账簿结转"}
	if err := b.SetOpening(&cash); err != nil {
		return fmt.Errorf("opening: %w", err)
	}
	box.add(start, cash.Amount)

	// The federation's joint unions get festival gifts from it directly.
	var joint []uint64
	byUnit := map[uint64][]uint64{}
	for _, m := range w.Members {
		if m.Status == model.StatusActive {
			byUnit[m.UnitID] = append(byUnit[m.UnitID], m.ID)
		}
	}
	for _, u := range w.Units {
		if u.UnionType == model.UnionJoint && len(joint) < 600 {
			joint = append(joint, byUnit[u.ID]...)
		}
	}
	if len(joint) > 600 {
		joint = joint[:600]
	}

	for mo := since; mo <= w.Today.Month(); mo = mo.Add(1) {
		m := mo.MonthOfYear()
		day := func(d int) model.Date { return model.Date(int(mo)*100 + min(d, mo.Last().Day())) }
		if day(28) > w.Today {
			break // the month has not ended: its bills and deposit are still to come
		}
		// Petty cash: topped up to 2,000 when it runs low, small bills
		// paid from it.
		if bal := box.at(day(2)); bal < model.Yuan(1500) {
			draw := (model.Yuan(2000) - bal + model.Yuan(100) - 1) / model.Yuan(100) * model.Yuan(100)
			if err := b.AddTransfer(&model.Transfer{Date: day(2), From: model.MoneyBank, To: model.MoneyCash, Amount: draw, Memo: "备用金"}); err != nil {
				return fmt.Errorf("withdrawal %s: %w", mo, err)
			}
			box.add(day(2), draw)
		}
		petty := model.LedgerEntry{Date: day(12), Direction: model.Out, Account: accountOffice, Amount: yuan(150, 450),
			Money: model.MoneyCash, Counterparty: "镇邮政所", Memo: "邮寄、复印等零星支出"}
		if err := b.AddLedgerEntry(&petty); err != nil {
			return fmt.Errorf("petty cash %s: %w", mo, err)
		}
		box.add(petty.Date, -petty.Amount)
		// Festival gifts to the joint unions' members.
		if len(joint) > 0 && (m == 1 || m == 9) {
			c := model.Consolation{Kind: model.ConsolFestival, Date: day(20), Members: joint, PerMember: model.Yuan(200),
				Form: model.ConsolGoods, Goods: "米、油", Occasion: map[int]string{1: "春节", 9: "中秋节"}[m],
				Money: model.MoneyBank, Counterparty: "青山镇惠民超市"}
			if _, err := b.AddConsolation(&c); err != nil {
				return fmt.Errorf("festival %s: %w", mo, err)
			}
		}
		if len(joint) > 15 && m%2 == 0 {
			c := model.Consolation{Kind: model.ConsolBirthday, Date: day(8), Members: joint[m : m+3], PerMember: model.Yuan(100),
				Form: model.ConsolGoods, Goods: "生日蛋糕", Money: model.MoneyBank, Counterparty: "青山镇好利来蛋糕店"}
			if _, err := b.AddConsolation(&c); err != nil {
				return fmt.Errorf("birthday %s: %w", mo, err)
			}
		}
		if len(joint) > 45 && m%4 == 2 {
			c := model.Consolation{Kind: model.ConsolIllness, Date: day(17), Members: []uint64{joint[30+m]}, PerMember: model.Yuan(500),
				Form: model.ConsolCash, Occasion: "住院", Money: model.MoneyCash}
			if _, err := b.AddConsolation(&c); err != nil {
				return fmt.Errorf("illness %s: %w", mo, err)
			}
			box.add(c.Date, -c.Total())
		}
		// The cash collected goes to the bank at the month's end, all
		// but a float of 1,500.
		if extra := box.at(day(28)) - model.Yuan(1500); extra > 0 {
			if err := b.AddTransfer(&model.Transfer{Date: day(28), From: model.MoneyCash, To: model.MoneyBank, Amount: extra, Memo: "缴存现金"}); err != nil {
				return fmt.Errorf("deposit %s: %w", mo, err)
			}
			box.add(day(28), -extra)
		}
	}

	if err := writeFunds(b, w, r, since); err != nil {
		return err
	}
	if err := writeBudgets(b, w, r); err != nil {
		return err
	}
	// The bank's opening balance: the reserve a federation of this size
	// keeps, and enough that the account never goes below zero.
	j, err := b.Journal(model.MoneyBank, 0, 0)
	if err != nil {
		return err
	}
	low := model.Money(0)
	for _, l := range j.Lines {
		low = min(low, l.Balance)
	}
	reserve := max(model.Money(math.Round(150000*f*100)), -low+model.Money(math.Round(20000*f*100)))
	bank := model.OpeningBalance{Money: model.MoneyBank, Date: start, Amount: (reserve + model.Yuan(10000) - 1) / model.Yuan(10000) * model.Yuan(10000), Memo: "纸质账簿结转"}
	if err := b.SetOpening(&bank); err != nil {
		return fmt.Errorf("opening: %w", err)
	}
	if err := reconcileBank(b, w, start.Month()); err != nil {
		return err
	}
	// Every year before this one is closed, the balance carried forward.
	for y := since.Year(); y < w.Today.Year(); y++ {
		if _, err := b.ClosePeriod(model.Month(y*100+12), true); err != nil {
			return fmt.Errorf("closing %d: %w", y, err)
		}
	}
	return nil
}

// writeFunds records a quarter's 工会经费 for the larger units: the payroll
// (employees × 4,000–7,000 yuan × 3 months), paid a month after the
// quarter by most, partly by some, not at all by a few.
func writeFunds(b *storage.Batch, w World, r *rand.Rand, since model.Month) error {
	n := 0
	for _, u := range w.Units {
		if u.Employees < 100 || n >= 12 {
			continue
		}
		n++
		for q := since.Add((3 - (since.MonthOfYear()-1)%3) % 3); q.Add(2) < w.Today.Month(); q = q.Add(3) {
			wage := 4000 + 3000*r.Float64()
			uf := model.UnitFunds{UnitID: u.ID, From: q, To: q.Add(2), Payroll: model.Money(math.Round(float64(u.Employees) * wage * 3 * 100))}
			if err := b.AddUnitFunds(&uf); err != nil {
				return fmt.Errorf("funds %s %s: %w", u.Name, q, err)
			}
			paid := uf.Due
			switch x := r.IntN(20); {
			case x == 0:
				continue // behind
			case x == 1:
				paid = uf.Due / 2
			}
			pay := model.FundsPayment{FundsID: uf.ID, Date: model.Date(int(q.Add(3))*100 + 10 + r.IntN(10)), Paid: paid, Money: model.MoneyBank}
			if pay.Date > w.Today {
				continue
			}
			if err := b.PayFunds(&pay); err != nil {
				return fmt.Errorf("funds payment %s %s: %w", u.Name, q, err)
			}
		}
	}
	return nil
}

// writeBudgets sets each year's budget from the spending the demo makes,
// a little generous, except training, which the year overspends.
func writeBudgets(b *storage.Batch, w World, r *rand.Rand) error {
	f := float64(max(len(w.Members), 1)) / DefaultMembers
	// a list, not a map: the same seed draws the same amount for each line
	// (a map's order changes from run to run)
	lines := []struct {
		code string
		amt  float64
	}{
		{"50101", 90000}, {"50102", 460000}, {"50103", 60000}, {"50105", 300000}, {"50404", 240000},
		{"50405", 460000}, {"50502", 75000}, {accountOffice, 130000}, {"50801", 440000},
	}
	for y := duesSince(w.Today).Year(); y <= w.Today.Year(); y++ {
		for _, l := range lines {
			code := l.code
			bg := model.Budget{Year: y, Account: code, Amount: model.Money(math.Round(l.amt*f*(0.95+0.1*r.Float64()))) * 100}
			if _, err := b.SetBudget(&bg); err != nil {
				return fmt.Errorf("budget %d %s: %w", y, code, err)
			}
		}
	}
	return nil
}

// reconcileBank enters each month's bank statement and ticks what it
// shows: everything, except that the last month's two latest payments are
// not on the bank's statement yet.
func reconcileBank(b *storage.Batch, w World, since model.Month) error {
	for mo := since; mo < w.Today.Month(); mo = mo.Add(1) {
		j, err := b.Journal(model.MoneyBank, mo.First(), mo.Last())
		if err != nil {
			return err
		}
		var refs []storage.BankRef
		bal := j.Closing()
		last := mo.Add(1) == w.Today.Month()
		for i, l := range j.Lines {
			if last && i >= len(j.Lines)-2 && l.Out > 0 {
				bal += l.Out // not cleared yet: the bank still holds it
				continue
			}
			refs = append(refs, l.Ref())
		}
		if err := b.SetBankStatement(mo.Last(), bal); err != nil {
			return err
		}
		if len(refs) > 0 {
			if err := b.TickBank(mo.Last(), refs, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// cashBox follows the cash box's balance day by day without reading the
// journal again: each amount in or out with its date.
type cashBox struct {
	moves []cashMove
}

type cashMove struct {
	date   model.Date
	amount model.Money
}

func (c *cashBox) add(d model.Date, amount model.Money) {
	c.moves = append(c.moves, cashMove{d, amount})
}

// at is the balance at the end of day d.
func (c *cashBox) at(d model.Date) model.Money {
	var bal model.Money
	for _, m := range c.moves {
		if m.date <= d {
			bal += m.amount
		}
	}
	return bal
}
