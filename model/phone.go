package model

import (
	"regexp"
	"strings"

	"unionbook/i18n"
)

var (
	// built once: a Replacer is costly to build and these run per record
	dropSpacesAndDashes = strings.NewReplacer(" ", "", "-", "")
	landlineCleaner     = strings.NewReplacer(" ", "", "(", "", ")", "-")
	reMobile            = regexp.MustCompile(`^1[3-9]\d{9}$`)
	// an area code is 0 and two or three digits, never 00 (the
	// international prefix)
	reLandline = regexp.MustCompile(`^0[1-9]\d{1,2}-?\d{7,8}(-\d{1,6})?$`)
)

// NormalizeMobile checks a mainland mobile number (11 digits starting 13–19),
// dropping spaces, dashes and a +86 prefix.
func NormalizeMobile(s string) (string, error) {
	t := dropSpacesAndDashes.Replace(Clean(s))
	t = strings.TrimPrefix(strings.TrimPrefix(t, "+86"), "0086")
	if !reMobile.MatchString(t) {
		return "", i18n.E("phone.mobile")
	}
	return t, nil
}

// NormalizePhone accepts a mobile number or a landline with area code
// (0591-87654321), as a unit's office phone often is.
func NormalizePhone(s string) (string, error) {
	if m, err := NormalizeMobile(s); err == nil {
		return m, nil
	}
	// "(0591) 8765 4321" is written 0591-87654321.
	t := landlineCleaner.Replace(Clean(s))
	t = strings.ReplaceAll(t, "--", "-")
	if reLandline.MatchString(t) {
		return t, nil
	}
	return "", i18n.E("phone.any")
}
