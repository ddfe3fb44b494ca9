package district

import (
	"strings"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/roster"
)

// The townships a district expects a package from (merge --expect FILE):
// a list the district keeps, as a sheet or a text file, one township a row:
// its name and, where known, its union's credit code. Merge says which sent
// nothing and which sent a package the list does not name.

// ExpectedUnion is one township on the district's list.
type ExpectedUnion struct {
	Name string
	Code string // the union's credit code; "" when the list gives none
	Row  int    // the row of the list, for messages
}

// headerWords are first-row cells that make the row a header, not a township.
var headerWords = map[string]bool{
	"名称": true, "工会名称": true, "单位名称": true, "乡镇": true, "乡镇（街道）": true, "街道": true, "乡镇街道": true,
	"统一社会信用代码": true, "代码": true, "序号": true,
	"name": true, "union": true, "township": true, "code": true, "no": true, "#": true,
}

// ReadExpected reads the district's list of townships: an .xlsx, .csv or
// .txt file (UTF-8 or GB18030), one township a row, its name in the first
// cell that is not a number or a credit code and its code, if any, in a
// cell that is one. A header row, blank rows and rows starting with # are
// left out; a row with a code and no name, or the same township twice, is
// an error naming the row.
func ReadExpected(path string) ([]ExpectedUnion, error) {
	t, err := roster.ReadFile(path, "")
	if err != nil {
		return nil, err
	}
	var out []ExpectedUnion
	seen := map[string]int{}
	for i, r := range t.Rows {
		var name, code string
		header := false
		for _, c := range r.Cells {
			c = model.Clean(c)
			switch {
			case c == "":
			case i == 0 && headerWords[strings.ToLower(c)]:
				header = true
			case isCreditCodeLike(c):
				if code == "" {
					code = strings.ToUpper(c)
				}
			case isSerial(c):
			case name == "":
				name = c
			}
		}
		if header || (name == "" && code == "") || strings.HasPrefix(name, "#") {
			continue
		}
		if name == "" {
			return nil, i18n.E("merge.expect_no_name", path, r.Num)
		}
		key := expectKey(name, code)
		if prev, dup := seen[key]; dup {
			return nil, i18n.E("merge.expect_twice", path, name, prev, r.Num)
		}
		seen[key] = r.Num
		out = append(out, ExpectedUnion{Name: name, Code: code, Row: r.Num})
	}
	if len(out) == 0 {
		return nil, i18n.E("merge.expect_empty", path)
	}
	return out, nil
}

func expectKey(name, code string) string {
	if code != "" {
		return "code:" + code
	}
	return "name:" + name
}

// isCreditCodeLike: 18 letters and digits, as a unified social credit code
// is (its check character is the district's business, not the list's).
func isCreditCodeLike(s string) bool {
	if len(s) != 18 {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

// isSerial: a row number (序号) in front of the name.
func isSerial(s string) bool {
	if len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// unionNameKey is a township's name as a list and a package may both
// write it: without spaces and without 总工会 or 工会 at the end, so that
// a list saying 青山镇 finds the package of 青山镇总工会 (it was reported
// both missing and unexpected). Nothing else is taken away: 青山 does not
// find 青山镇.
func unionNameKey(name string) string {
	k := strings.Join(strings.Fields(model.Clean(name)), "")
	for _, suffix := range []string{"总工会", "工会"} {
		if t := strings.TrimSuffix(k, suffix); t != k && t != "" {
			return t
		}
	}
	return k
}

// matchExpected pairs packages with the list: by code where both have one,
// else by name. It returns, for each expected township, the first package
// that came from it (-1 for none), and the packages the list does not name.
func matchExpected(exp []ExpectedUnion, us []mergedUnion) (came []int, unexpected []int) {
	came = make([]int, len(exp))
	for i := range came {
		came[i] = -1
	}
	for j, u := range us {
		found := false
		for i, e := range exp {
			if (e.Code != "" && u.man.Union.Code != "" && strings.EqualFold(e.Code, u.man.Union.Code)) ||
				((e.Code == "" || u.man.Union.Code == "") && unionNameKey(e.Name) == unionNameKey(u.man.Union.Name)) {
				found = true
				if came[i] < 0 {
					came[i] = j
				}
				break
			}
		}
		if !found {
			unexpected = append(unexpected, j)
		}
	}
	return came, unexpected
}
