package model

import "strings"

// Chinese capital amounts (中文大写金额), as receipts and vouchers write
// them, by the People's Bank rules for filling in bills (《支付结算办法》,
// 正确填写票据和结算凭证的基本规定):
//
//   - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟, sections 万 and 亿, then 元角分;
//   - a ten is written 壹拾 (10.00 is 壹拾元整, not 拾元整);
//   - zeros between digits are one 零 (1,409.50: 壹仟肆佰零玖元伍角整), and a
//     section that begins with zeros after a higher one starts with 零
//     (100,700: 壹拾万零柒佰元整);
//   - when the units of the yuan are 0 and jiao or fen follow, 元 is
//     followed by 零 (1,680.32: 壹仟陆佰捌拾元零叁角贰分), and so when jiao is
//     0 and fen is not (325.04: 叁佰贰拾伍元零肆分);
//   - an amount ending in 元 or 角 ends with 整; one with 分 does not.
//
// The rules allow leaving out the 零 after 元 in the first case and 整
// after 角; this writes both, which leaves no room to add a figure.

var (
	capDigits   = []string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	capUnits    = []string{"", "拾", "佰", "仟"}
	capSections = []string{"", "万", "亿", "万亿"}
)

// Capital writes the amount in Chinese capitals: 120.00 is 壹佰贰拾元整.
// A negative amount starts with 负.
func (m Money) Capital() string {
	if m == 0 {
		return "零元整"
	}
	var b strings.Builder
	u := uint64(m)
	if m < 0 {
		b.WriteString("负")
		u = uint64(-m)
	}
	yuan, jiao, fen := u/100, u/10%10, u%10
	if yuan > 0 {
		b.WriteString(capitalYuan(yuan))
		b.WriteString("元")
	}
	if jiao == 0 && fen == 0 {
		b.WriteString("整")
		return b.String()
	}
	if yuan > 0 && (yuan%10 == 0 || jiao == 0) {
		b.WriteString("零")
	}
	if jiao > 0 {
		b.WriteString(capDigits[jiao] + "角")
	}
	if fen > 0 {
		b.WriteString(capDigits[fen] + "分")
	} else {
		b.WriteString("整")
	}
	return b.String()
}

// capitalYuan writes a whole number of yuan above zero.
func capitalYuan(n uint64) string {
	var secs []uint64 // groups of four digits, lowest first
	for ; n > 0; n /= 10000 {
		secs = append(secs, n%10000)
	}
	var b strings.Builder
	zero := false // a zero section lies between the last one written and the next
	for i := len(secs) - 1; i >= 0; i-- {
		s := secs[i]
		if s == 0 {
			zero = b.Len() > 0
			continue
		}
		if b.Len() > 0 && (zero || s < 1000) {
			b.WriteString("零")
		}
		b.WriteString(capitalSection(s))
		b.WriteString(capSections[min(i, len(capSections)-1)])
		zero = false
	}
	return b.String()
}

// capitalSection writes 1 to 9999.
func capitalSection(s uint64) string {
	var b strings.Builder
	zero, started := false, false
	for pos := 3; pos >= 0; pos-- {
		d := s / pow10[pos] % 10
		if d == 0 {
			zero = zero || started
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		b.WriteString(capDigits[d] + capUnits[pos])
		started = true
	}
	return b.String()
}

var pow10 = []uint64{1, 10, 100, 1000}
