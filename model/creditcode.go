package model

import (
	"strings"

	"unionbook/i18n"
)

// Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters
// from an alphabet without I, O, S, V and Z, the last a check character.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// NormalizeCreditCode checks a credit code and returns it upper-case.
func NormalizeCreditCode(s string) (string, error) {
	t := strings.ToUpper(strings.ReplaceAll(Clean(s), " ", ""))
	if len(t) != 18 {
		return "", i18n.E("credit.length", len([]rune(t)))
	}
	sum := 0
	for i := 0; i < 18; i++ {
		v := strings.IndexByte(creditAlphabet, t[i])
		if v < 0 {
			return "", i18n.E("credit.chars", string(t[i]))
		}
		if i < 17 {
			sum += v * creditWeights[i]
		}
	}
	check := 31 - sum%31
	if check == 31 {
		check = 0
	}
	if t[17] != creditAlphabet[check] {
		return "", i18n.E("credit.checksum")
	}
	return t, nil
}
