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
	if err := creditStructure(t); err != nil {
		return "", err
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

// Structure of a credit code (GB 32100-2015; docs/rules.md S7, S8): position 1 the
// registering authority (1–9, A–G, N, Y), positions 3–8 the GB/T 2260
// region code of the registering office (digits; 100000 for a national
// one), positions 9–17 the organisation code with its own GB 11714 check
// character. A code that fails these cannot have been issued, even when its
// own check character fits (an all-zero code does).
const creditRegistrars = "123456789ABCDEFGNY"

// orgCodeWeights are GB 11714's weights of the organisation code's eight
// body characters.
var orgCodeWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

func creditStructure(t string) error {
	if strings.Trim(t, "0") == "" {
		return i18n.E("credit.zeros")
	}
	if strings.IndexByte(creditRegistrars, t[0]) < 0 {
		return i18n.E("credit.registrar", t[:1])
	}
	if t[2:8] != "100000" {
		if err := ValidateRegionCode(t[2:8]); err != nil {
			return i18n.E("credit.region", t[2:8])
		}
	}
	body := t[8:16]
	if strings.Trim(body, "0") == "" {
		return i18n.E("credit.zeros")
	}
	if t[16] != OrgCodeCheck(body) {
		return i18n.E("credit.org_check", t[8:17])
	}
	return nil
}

// OrgCodeCheck is the GB 11714 check character of an organisation code's
// eight body characters (digits and capital letters, A = 10 … Z = 35):
// 11 − (weighted sum mod 11), where 10 is X and 11 is 0.
func OrgCodeCheck(body string) byte {
	sum := 0
	for i := 0; i < 8 && i < len(body); i++ {
		c := body[i]
		v := int(c - '0')
		if c >= 'A' && c <= 'Z' {
			v = int(c-'A') + 10
		}
		sum += v * orgCodeWeights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

// provinces are the first two digits of GB/T 2260 region codes.
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true, "21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true, "71": true, "81": true, "82": true,
}

// ValidateRegionCode checks a region code (行政区划代码, GB/T 2260): six
// digits starting with a province's two, or the twelve-digit statistical
// form whose first six are such a code.
func ValidateRegionCode(s string) error {
	if len(s) != 6 && len(s) != 12 {
		return i18n.E("region.format")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return i18n.E("region.format")
		}
	}
	if !provinces[s[:2]] {
		return i18n.E("region.province", s[:2])
	}
	return nil
}
