package model

import "testing"

// The examples of the People's Bank rules and the cases around every 零
// rule, written by hand.
func TestCapital(t *testing.T) {
	for _, c := range []struct {
		m    Money
		want string
	}{
		{0, "零元整"},
		{12000, "壹佰贰拾元整"},
		{140950, "壹仟肆佰零玖元伍角整"},    // one 零 between digits
		{168032, "壹仟陆佰捌拾元零叁角贰分"},  // units of yuan 0, jiao follows
		{10700053, "壹拾万柒仟元零伍角叁分"}, // the rules' own example
		{1640902, "壹万陆仟肆佰零玖元零贰分"}, // jiao 0, fen not
		{32504, "叁佰贰拾伍元零肆分"},      // jiao 0, fen not
		{1000, "壹拾元整"},            // a ten is 壹拾
		{1540, "壹拾伍元肆角整"},         // DOMAIN's 15.40
		{5, "伍分"},                 // no yuan
		{50, "伍角整"},               // no yuan, ends with jiao
		{55, "伍角伍分"},              //
		{100, "壹元整"},              //
		{2005, "贰拾元零伍分"},          //
		{100010, "壹仟元零壹角整"},       // yuan ends with zeros, jiao follows
		{100101, "壹仟零壹元零壹分"},      // zero inside, jiao 0
		{101000, "壹仟零壹拾元整"},       //
		{10070000, "壹拾万零柒佰元整"},    // a section starting with 0 after a higher one
		{100000000, "壹佰万元整"},      //
		{10000000000, "壹亿元整"},     //
		{10000000100, "壹亿零壹元整"},   // a zero section in between
		{10001000000, "壹亿零壹万元整"},  //
		{11000000000, "壹亿壹仟万元整"},  //
		{10100000000, "壹亿零壹佰万元整"}, //
		{123456789012, "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元零壹角贰分"},
		{100000000000000, "壹万亿元整"},
		{-12000, "负壹佰贰拾元整"},
	} {
		if got := c.m.Capital(); got != c.want {
			t.Errorf("%s: %s, want %s", c.m.Display(), got, c.want)
		}
	}
}

// Every amount up to 1,000 yuan: no doubled 零, no 零 before a unit or at
// the end, 整 exactly when there are no fen, and reading the capitals
// back gives the amount.
func TestCapitalReadsBack(t *testing.T) {
	for m := Money(1); m <= 100000; m++ {
		s := m.Capital()
		if got := readCapital(t, s); got != m {
			t.Fatalf("%s: %s reads back as %s", m.Display(), s, got.Display())
		}
	}
}

// readCapital parses what Capital writes (for the test only).
func readCapital(t *testing.T, s string) Money {
	digit := map[rune]int64{'零': 0, '壹': 1, '贰': 2, '叁': 3, '肆': 4, '伍': 5, '陆': 6, '柒': 7, '捌': 8, '玖': 9}
	unit := map[rune]int64{'拾': 10, '佰': 100, '仟': 1000}
	var total, section, d int64
	var fen int64
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '零':
			if i+1 < len(rs) && (rs[i+1] == '零' || unit[rs[i+1]] != 0) {
				t.Fatalf("%s: 零 before %c", s, rs[i+1])
			}
		case digit[r] != 0:
			d = digit[r]
		case unit[r] != 0:
			if d == 0 {
				t.Fatalf("%s: %c without a digit", s, r)
			}
			section += d * unit[r]
			d = 0
		case r == '万':
			total += (section + d) * 10000
			section, d = 0, 0
		case r == '元':
			total += section + d
			section, d = 0, 0
		case r == '角':
			fen += d * 10
			d = 0
		case r == '分':
			fen += d
			d = 0
			if i != len(rs)-1 {
				t.Fatalf("%s: 分 not last", s)
			}
		case r == '整':
			if i != len(rs)-1 || fen%10 != 0 {
				t.Fatalf("%s: 整 misplaced", s)
			}
		default:
			t.Fatalf("%s: unexpected %c", s, r)
		}
	}
	if rs[len(rs)-1] != '整' && rs[len(rs)-1] != '分' {
		t.Fatalf("%s: ends with neither 整 nor 分", s)
	}
	return Money(total*100 + fen)
}
