package model

import (
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
)

// Consolation spending (慰问) per member, as the 2017 《基层工会经费收支管理办法》
// (总工办发〔2017〕32号) allows it: festival gifts, birthday, marriage,
// childbirth, illness, bereavement and retirement. Gifts are goods: no
// cash and no shopping cards, except the 慰问金 the rules allow for a
// member's illness and a bereavement. Provinces set yearly caps per member;
// here they are settings that warn (BooksSettings.Caps), never block.

// ConsolKind is the occasion of a consolation.
type ConsolKind uint8

const (
	ConsolFestival    ConsolKind = 1 // 节日慰问
	ConsolBirthday    ConsolKind = 2 // 生日
	ConsolMarriage    ConsolKind = 3 // 结婚
	ConsolChildbirth  ConsolKind = 4 // 生育
	ConsolIllness     ConsolKind = 5 // 生病住院
	ConsolBereavement ConsolKind = 6 // 去世（会员或直系亲属）
	ConsolRetirement  ConsolKind = 7 // 退休离岗
)

// ConsolKinds lists the occasions in display order.
var ConsolKinds = []ConsolKind{ConsolFestival, ConsolBirthday, ConsolMarriage, ConsolChildbirth, ConsolIllness, ConsolBereavement, ConsolRetirement}

var consolCodes = map[ConsolKind]string{
	ConsolFestival: "festival", ConsolBirthday: "birthday", ConsolMarriage: "marriage", ConsolChildbirth: "childbirth",
	ConsolIllness: "illness", ConsolBereavement: "bereavement", ConsolRetirement: "retirement",
}

// Valid reports a known occasion.
func (k ConsolKind) Valid() bool { _, ok := consolCodes[k]; return ok }

// Code is the occasion's name on the command line: festival, birthday …
func (k ConsolKind) Code() string { return consolCodes[k] }

// Key is the catalogue key of the occasion's name.
func (k ConsolKind) Key() string {
	if !k.Valid() {
		return "form.none"
	}
	return "consol.kind_" + consolCodes[k]
}

// ParseConsolKind reads an occasion by its code.
func ParseConsolKind(s string) (ConsolKind, bool) {
	for k, c := range consolCodes {
		if c == Clean(s) {
			return k, true
		}
	}
	return 0, false
}

// CashAllowed reports whether the rules allow money (慰问金) for this
// occasion: a member's illness and a bereavement; everything else is goods.
func (k ConsolKind) CashAllowed() bool { return k == ConsolIllness || k == ConsolBereavement }

// ConsolForm is what was given.
type ConsolForm uint8

const (
	ConsolGoods ConsolForm = 1 // 慰问品 (goods)
	ConsolCash  ConsolForm = 2 // 慰问金 (money; illness and bereavement only)
)

// Key is the catalogue key of the form.
func (f ConsolForm) Key() string {
	if f == ConsolCash {
		return "consol.form_cash"
	}
	return "consol.form_goods"
}

// ConsolCap is a yearly cap per member of one occasion.
type ConsolCap struct {
	Kind ConsolKind `cbor:"1,keyasint"`
	Cap  Money      `cbor:"2,keyasint"`
}

// Consolation is one consolation given to one or more members at once (a
// festival's gifts to every member are one record and one cash-book
// entry), each member receiving PerMember. It is posted to the chart's
// consolation account (2021: 50105 会员活动支出; 2010: 50104 其他活动支出).
// Never edited: a wrong one is reversed (ReversalOf), its entry with it.
type Consolation struct {
	ID           uint64       `cbor:"1,keyasint"`
	Kind         ConsolKind   `cbor:"2,keyasint"`
	Date         Date         `cbor:"3,keyasint"`
	Members      []uint64     `cbor:"4,keyasint"`
	PerMember    Money        `cbor:"5,keyasint"`
	Form         ConsolForm   `cbor:"6,keyasint"`
	Goods        string       `cbor:"7,keyasint,omitempty"` // what was given
	Occasion     string       `cbor:"8,keyasint,omitempty"` // 中秋节, 住院 …
	Money        MoneyAccount `cbor:"9,keyasint"`
	Account      string       `cbor:"10,keyasint"`
	Counterparty string       `cbor:"11,keyasint,omitempty"` // the supplier
	LedgerID     uint64       `cbor:"12,keyasint,omitempty"`
	ReversalOf   uint64       `cbor:"13,keyasint,omitempty"`
	Reason       string       `cbor:"14,keyasint,omitempty"` // of a reversal
	Operator     string       `cbor:"15,keyasint,omitempty"`
	CreatedAt    time.Time    `cbor:"16,keyasint"`
}

// ConsolMembersMax bounds the members of one record (a festival for a
// whole large federation).
const ConsolMembersMax = 20000

// Total is what the consolation cost: PerMember for each member.
func (c *Consolation) Total() Money { return c.PerMember * Money(len(c.Members)) }

// ValidateConsolation checks a consolation: an occasion, a real date not
// in the future, one to ConsolMembersMax different members, an amount per
// member above zero, goods named when goods were given, money only for
// illness and bereavement, a money account. Fields "consol_kind", "date",
// "consol_members", "consol_amount", "consol_form", "consol_goods",
// "money", "counterparty", "memo".
func ValidateConsolation(c *Consolation, today Date) Problems {
	var ps Problems
	c.Goods, c.Occasion, c.Counterparty = CleanText(c.Goods), CleanText(c.Occasion), CleanText(c.Counterparty)
	if !c.Kind.Valid() {
		ps.add("consol_kind", "problem.required")
	}
	ps.date("date", c.Date, today)
	switch {
	case len(c.Members) == 0:
		ps.add("consol_members", "problem.required")
	case len(c.Members) > ConsolMembersMax:
		ps.add("consol_members", "events.too_many", ConsolMembersMax)
	default:
		seen := make(map[uint64]bool, len(c.Members))
		for _, id := range c.Members {
			if id == 0 || seen[id] {
				ps.add("consol_members", "consol.member_twice", strconv.FormatUint(id, 10))
				break
			}
			seen[id] = true
		}
	}
	if err := c.PerMember.Positive(); err != nil {
		ps.addErr("consol_amount", err)
	} else if c.PerMember > Yuan(100_000) {
		ps.add("consol_amount", "books.amount_too_large")
	}
	switch c.Form {
	case ConsolGoods:
		if c.Goods == "" {
			ps.add("consol_goods", "problem.required")
		}
	case ConsolCash:
		if c.Kind.Valid() && !c.Kind.CashAllowed() {
			ps.add("consol_form", "consol.no_cash", i18nKeyArg(c.Kind.Key()))
		}
	default:
		ps.add("consol_form", "problem.required")
	}
	if !c.Money.Valid() {
		ps.add("money", "money_account.unknown")
	}
	if utf8.RuneCountInString(c.Goods) > 100 {
		ps.add("consol_goods", "problem.too_long", 100)
	}
	if utf8.RuneCountInString(c.Occasion) > 50 {
		ps.add("memo", "problem.too_long", 50)
	}
	if utf8.RuneCountInString(c.Counterparty) > 50 {
		ps.add("counterparty", "problem.too_long", 50)
	}
	return ps
}

// Memo is the consolation's cash-book memo (Chinese, the language of the
// books): 慰问：中秋节 慰问品 月饼 120人.
func (c *Consolation) Memo(kindName string) string {
	s := "慰问：" + kindName
	if c.Occasion != "" {
		s += " " + c.Occasion
	}
	if c.Goods != "" {
		s += " " + c.Goods
	}
	s += " " + strconv.Itoa(len(c.Members)) + "人"
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200])
	}
	return s
}

// ConsolCapWarnings warns, for each member of c whose consolations of the
// same occasion this year (earlier: member → amount already given) and
// c's amount pass the yearly cap, naming at most the first three members
// and how many more (label names a member). Nil without a cap.
func ConsolCapWarnings(c *Consolation, earlier map[uint64]Money, capAmount Money, label func(uint64) string) Warnings {
	if capAmount <= 0 {
		return nil
	}
	var over []uint64
	for _, id := range c.Members {
		if earlier[id]+c.PerMember > capAmount {
			over = append(over, id)
		}
	}
	if len(over) == 0 {
		return nil
	}
	slices.Sort(over)
	names := ""
	for i, id := range over {
		if i == 3 {
			names += "…"
			break
		}
		if i > 0 {
			names += "、"
		}
		names += label(id)
	}
	return Warnings{{Field: "consol_amount", Key: "consol.over_cap", Args: []any{
		i18nKeyArg(c.Kind.Key()), capAmount.Display(), len(over), names}}}
}
