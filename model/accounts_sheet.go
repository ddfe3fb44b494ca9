package model

import "strings"

// Loading a union's own chart from a sheet: one account a row, with
// columns for the code, the name and, optionally, the parent's code, the
// side (收入/支出) and an English name, under a header row that may have
// title rows above it. An account whose code and name are those of a
// published chart keeps what the program posts there (its role).

var chartSheetHeaders = map[string][]string{
	"code":      {"科目编号", "科目编码", "科目代码", "编号", "编码", "代码", "code", "account code", "account"},
	"name":      {"科目名称", "名称", "科目", "name", "account name"},
	"parent":    {"上级科目", "上级编号", "上级科目编号", "上级", "parent", "parent code"},
	"direction": {"收支方向", "收支", "方向", "类别", "类型", "direction", "side", "type"},
	"english":   {"英文名称", "英文", "english", "english name", "name_en"},
}

// ParseChartSheet reads a chart from a sheet's rows (nums are the rows'
// numbers as the spreadsheet shows them). Problems on field "chart" name
// the row; the chart itself is checked by Chart.Validate when stored.
func ParseChartSheet(rows [][]string, nums []int) (Chart, error) {
	col := map[string]int{}
	head := -1
	for i, r := range rows {
		found := map[string]int{}
		for j, cell := range r {
			c := strings.ToLower(Clean(cell))
			for field, names := range chartSheetHeaders {
				if _, done := found[field]; done {
					continue
				}
				for _, n := range names {
					if c == n {
						found[field] = j
						break
					}
				}
			}
		}
		if _, ok := found["code"]; ok {
			if _, ok := found["name"]; ok {
				col, head = found, i
				break
			}
		}
	}
	if head < 0 {
		return Chart{}, Problems{{Field: "chart", Key: "chart.sheet_header"}}
	}
	cell := func(r []string, field string) string {
		j, ok := col[field]
		if !ok || j >= len(r) {
			return ""
		}
		return CleanText(r[j])
	}
	std := map[string]Account{}
	for _, a := range chart2010 {
		std[a.Code+" "+a.Name] = a
	}
	for _, a := range chart2021 {
		std[a.Code+" "+a.Name] = a
	}
	c := Chart{Standard: ChartOwn}
	var ps Problems
	for i := head + 1; i < len(rows); i++ {
		r := rows[i]
		code, name := Clean(cell(r, "code")), cell(r, "name")
		if code == "" && name == "" {
			continue
		}
		a := Account{Code: code, Name: name, NameEN: cell(r, "english")}
		switch d := strings.ToLower(cell(r, "direction")); {
		case d == "收入" || d == "收" || d == "in" || d == "income" || d == "收入类":
			a.Direction = In
		case d == "支出" || d == "支" || d == "out" || d == "expense" || d == "支出类":
			a.Direction = Out
		case d == "" && strings.HasPrefix(code, "4"):
			a.Direction = In
		case d == "" && strings.HasPrefix(code, "5"):
			a.Direction = Out
		default:
			ps.add("chart", "chart.sheet_direction", nums[i], cell(r, "direction"))
		}
		if p := Clean(cell(r, "parent")); p != "" && (len(p) >= len(code) || !strings.HasPrefix(code, p)) {
			ps.add("chart", "chart.sheet_parent", nums[i], p, code)
		}
		if s, ok := std[a.Code+" "+a.Name]; ok {
			a.Role = s.Role
			if a.NameEN == "" {
				a.NameEN = s.NameEN
			}
		}
		c.Accounts = append(c.Accounts, a)
	}
	if len(ps) > 0 {
		return Chart{}, ps
	}
	c.Normalize()
	return c, nil
}
