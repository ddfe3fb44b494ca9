package demo

import (
	"math/rand/v2"
	"strings"
)

// Check characters computed here follow the national standards; the tests
// confirm each against the model's validators.

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// residentID completes the first 17 digits of a resident ID number with its
// GB 11643 (ISO 7064 MOD 11-2) check character.
func residentID(first17 string) string {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return first17 + string("10X98765432"[sum%11])
}

const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// creditCode completes the first 17 characters of a unified social credit
// code with its GB 32100 check character.
func creditCode(first17 string) string {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(creditAlphabet, first17[i]) * creditWeights[i]
	}
	c := 31 - sum%31
	if c == 31 {
		c = 0
	}
	return first17 + string(creditAlphabet[c])
}

var orgWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// orgCode makes a 9-character organization code (GB 11714: eight body
// characters and a check character) of the kind that credit codes embed;
// codes issued since 2015 begin with "MA".
func orgCode(r *rand.Rand) string {
	var b [9]byte
	b[0], b[1] = 'M', 'A'
	for i := 2; i < 8; i++ {
		b[i] = creditAlphabet[r.IntN(len(creditAlphabet))]
	}
	sum := 0
	for i := 0; i < 8; i++ {
		v := int(b[i] - '0')
		if b[i] >= 'A' {
			v = int(b[i]-'A') + 10
		}
		sum += v * orgWeights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		b[8] = 'X'
	case 11:
		b[8] = '0'
	default:
		b[8] = byte('0' + c)
	}
	return string(b[:])
}

// newCreditCode makes a credit code: registration authority and type
// ("91" enterprise, "12" public institution, "11" government organ,
// "54" village committee, "81" trade union), region, organization code.
func newCreditCode(r *rand.Rand, prefix, region string) string {
	return creditCode(prefix + region + orgCode(r))
}

var mobilePrefixes = []string{
	"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
	"153", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181",
	"182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
}

func mobile(r *rand.Rand) string {
	var b strings.Builder
	b.Grow(11)
	b.WriteString(mobilePrefixes[r.IntN(len(mobilePrefixes))])
	for i := 0; i < 8; i++ {
		b.WriteByte(byte('0' + r.IntN(10)))
	}
	return b.String()
}

// landline is a Fuzhou office number (area code 0591, eight digits).
func landline(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("0591-")
	b.WriteByte("2368"[r.IntN(4)])
	for i := 0; i < 7; i++ {
		b.WriteByte(byte('0' + r.IntN(10)))
	}
	return b.String()
}
