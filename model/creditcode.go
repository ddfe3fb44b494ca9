package model

import (
	"strings"
	"unicode/utf8"

	"unionbook/i18n"
)

// Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters
// from an alphabet without I, O, S, V and Z, the last a check character.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// NormalizeCreditCode checks a credit code and returns it upper-case.
func NormalizeCreditCode(s string) (string, error) {
	t := strings.ToUpper(dropSpacesAndDashes.Replace(Clean(s)))
	if t == "" {
		return "", i18n.E("credit.length", 0)
	}
	for _, r := range t {
		if r >= utf8.RuneSelf || strings.IndexByte(creditAlphabet, byte(r)) < 0 {
			return "", i18n.E("credit.chars", string(r))
		}
	}
	if len(t) != 18 {
		return "", i18n.E("credit.length", len(t))
	}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(creditAlphabet, t[i]) * creditWeights[i]
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
