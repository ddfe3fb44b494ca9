package model

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"unionbook/i18n"
)

// Resident ID numbers (公民身份号码, GB 11643-1999): 6-digit region, 8-digit
// birth date, 3-digit sequence (odd male, even female) and an ISO 7064
// MOD 11-2 check character. Hong Kong, Macau and Taiwan residence permits
// (810000/820000/830000) follow the same rule.

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// idCheck computes the check character of the first 17 digits.
func idCheck(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// NormalizeResidentID checks a resident ID number and returns it in its
// stored form: 18 characters, upper-case X, a 15-digit legacy number
// converted. Numbers that Excel turned into floating point (1.10101E+17) or
// whose last digits it rounded to zeros are named as such, never guessed.
func NormalizeResidentID(s string) (string, error) {
	t := strings.ToUpper(dropSpacesAndDashes.Replace(Clean(s)))
	if t == "" {
		return "", i18n.E("id.empty")
	}
	if reExcelFloat.MatchString(t) {
		return "", i18n.E("id.excel_float")
	}
	if len(t) == 15 && allDigits(t) {
		t = t[:6] + "19" + t[6:]
		t += string(idCheck(t))
		if _, err := IDBirthDate(t); err != nil {
			return "", err
		}
		return t, nil
	}
	if n := utf8.RuneCountInString(t); n != 18 {
		return "", i18n.E("id.length", n)
	}
	if len(t) != 18 || !allDigits(t[:17]) || !(t[17] == 'X' || (t[17] >= '0' && t[17] <= '9')) {
		return "", i18n.E("id.chars")
	}
	if _, err := IDBirthDate(t); err != nil {
		return "", err
	}
	if want := idCheck(t[:17]); t[17] != want {
		if strings.HasSuffix(t, "000") {
			// Excel keeps 15 significant digits and pads with zeros.
			return "", i18n.E("id.excel_rounded")
		}
		return "", i18n.E("id.checksum")
	}
	return t, nil
}

// reExcelFloat matches what Excel shows for a long number in a General
// cell: 1.10101E+17, 1,10101E+17 (comma decimals), 1.10101199003078E17.
var reExcelFloat = regexp.MustCompile(`^\d([.,]\d*)?E\+?\d{1,3}$`)

// IDBirthDate reads the birth date of an 18-character ID number.
func IDBirthDate(id string) (Date, error) {
	if len(id) < 14 {
		return 0, i18n.E("id.length", utf8.RuneCountInString(id))
	}
	if !allDigits(id[6:14]) {
		return 0, i18n.E("id.chars")
	}
	n, _ := strconv.Atoi(id[6:14]) // eight digits, checked above
	d := Date(n)
	if !d.Valid() {
		return 0, i18n.E("id.birth_date", id[6:14])
	}
	return d, nil
}

// IDGender reads the gender of an 18-character ID number.
func IDGender(id string) Gender {
	if len(id) < 17 || id[16] < '0' || id[16] > '9' {
		return GenderUnknown
	}
	if (id[16]-'0')%2 == 1 {
		return Male
	}
	return Female
}

// MaskID hides the middle of an ID number for lists: 110101********1234.
// Shorter documents keep their first two and last two characters.
func MaskID(id string) string {
	r := []rune(id)
	switch {
	case len(r) >= 14:
		return string(r[:6]) + strings.Repeat("*", len(r)-10) + string(r[len(r)-4:])
	case len(r) > 4:
		return string(r[:2]) + strings.Repeat("*", len(r)-4) + string(r[len(r)-2:])
	default:
		return strings.Repeat("*", len(r))
	}
}
