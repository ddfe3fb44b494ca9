package model

import "unionbook/i18n"

// A union's own code is the unified social credit code on its 工会法人资格
// 证书 (GB 32100-2015): 18 characters with a check character like any
// other, whose first character names the registering authority — 8 for the
// unions — and the second the kind: 1 a grassroots union (基层工会), 9 any
// other union. A code starting otherwise is another body's, most often the
// employer's (91…, a company) typed by mistake.

// NormalizeUnionCode checks a union's credit code and returns it
// upper-case, without spaces and dashes. Its errors name what is wrong: the
// length, a character, the check character, or a code that is no union's.
func NormalizeUnionCode(s string) (string, error) {
	t, err := NormalizeCreditCode(s)
	if err != nil {
		return "", err
	}
	if t[0] != '8' || (t[1] != '1' && t[1] != '9') {
		return "", i18n.E("profile.union_code_kind", t[:2])
	}
	return t, nil
}
