package roster

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
)

// Rows under the header that are not data: templates and printed rosters
// carry hint and example rows under the header ("必填", "示例 上传时请删除"),
// notes and instructions (often one cell merged across the sheet), and a
// footer of totals, signature and date lines (合计, 制表人, 审核人, 年 月 日).
// None of them is imported, and none is a problem: each is counted, with
// why, in Plan.IgnoredRows. The words are in tables, so that a template's
// new wording is one line here.

// Why a row is not data: catalogue keys.
const (
	SkipBlank   = "import.skip_blank"   // none of the required columns filled
	SkipHeader  = "import.skip_header"  // the header repeated (printed page by page)
	SkipExample = "import.skip_example" // a template's example row
	SkipHint    = "import.skip_hint"    // a template's hint row (必填, 选填, 格式)
	SkipFooter  = "import.skip_footer"  // a total, signature or date line
	SkipNote    = "import.skip_note"    // a note or instruction
)

// IgnoredRow is a row under the header that is not data.
type IgnoredRow struct {
	Row   int    // the sheet's row number
	Index int    // index in Table.Rows
	Why   string // one of the Skip* keys
}

// exampleMarks anywhere in a cell make the row a template's example.
var exampleMarks = []string{
	"示例", "样例", "范例", "举例", "模板数据", "演示数据", "例如", "例：", "例:",
	"上传时请删除", "导入时请删除", "上传前请删除", "导入前请删除", "删除此行", "删除本行", "此行删除", "本行删除",
}

// hintMarks anywhere in a cell, or hintPrefixes at its start, make it a
// hint about the column.
var (
	hintMarks    = []string{"必填", "选填", "可不填", "不能为空", "下拉选择", "下拉框选择"}
	hintPrefixes = []string{"可选", "请选择", "请填写", "格式：", "格式:", "文本格式", "日期格式", "填写格式", "如：", "如:"}
	// a date format written in the column: yyyy-mm-dd, YYYY年MM月, xxxx/xx/xx
	reHintFormat = regexp.MustCompile(`(?i)^[yx]{4}\s*[-/.年]\s*[mx]{1,2}\s*([-/.月]\s*([dx]{1,2}\s*日?)?)?$`)
)

// footerPrefixes at the start of a cell make a footer line: totals, who
// made, checked and signed the sheet, and when.
var (
	reFooterTotal  = regexp.MustCompile(`^(合\s*计|总\s*计|小\s*计|共\s*计|累\s*计)`)
	footerPrefixes = []string{
		"制表人", "制表：", "制表:", "填表人", "填表：", "填表:", "填报人", "审核人", "审核：", "审核:", "审批人", "复核人",
		"经办人", "负责人：", "负责人:", "单位负责人", "工会主席签字", "主席签字", "签字", "签名", "签章", "盖章",
		"（盖章）", "(盖章)", "单位（盖章）", "单位(盖章)", "单位盖章", "日期：", "日期:", "填表日期", "填报日期", "制表日期", "报送日期",
		"填表时间", "填报时间", "制表时间",
	}
	// a date line to fill in by hand: "    年   月   日"
	reFooterDateLine = regexp.MustCompile(`^(\d{4})?\s*年\s+月\s+日$`)
)

// noteMarks in a row's only cell make it a note or instruction.
var noteMarks = []string{
	"说明", "注：", "注:", "注意", "备注：", "备注:", "填表须知", "填写要求", "请勿", "请按", "请将", "请在", "请把", "请用",
	"上传时", "导入时", "上传前", "导入前", "清空", "删除", "不必要",
}

// runeSet holds runes of the Basic Multilingual Plane, a bit each.
type runeSet [1 << 16 / 64]uint64

// firstRunes is the set of the first runes of the markers: a cell without
// any of them holds none of the markers (most cells: names, ID numbers,
// dates), which keeps the check cheap for 100,000 rows.
func firstRunes(lists ...[]string) *runeSet {
	var set runeSet
	for _, list := range lists {
		for _, s := range list {
			r, _ := utf8.DecodeRuneInString(s)
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
}

var (
	exampleRunes = firstRunes(exampleMarks)
	markRunes    = firstRunes(exampleMarks, hintMarks, hintPrefixes, footerPrefixes, noteMarks, []string{"合", "总", "小", "共", "累", "年", "【"})
)

// has reports whether s holds a rune of the set.
func (set *runeSet) has(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 1<<16 && set[r/64]&(1<<(r%64)) != 0 {
			return true
		}
		i += n
	}
	return false
}

// mayMark reports whether a cell may hold a marker.
func mayMark(s string) bool { return markRunes.has(s) }

// footerTotal reports a cell that starts with 合计, 总计, 小计, 共计 or
// 累计, spaces allowed between the two characters.
func footerTotal(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '合', '总', '小', '共', '累':
	default:
		return false
	}
	return strings.HasPrefix(strings.TrimLeft(s[n:], " \u3000"), "计")
}

// maybeFormat reports a cell that may be a date format (yyyy-mm-dd).
func maybeFormat(s string) bool {
	return s != "" && (s[0] == 'y' || s[0] == 'Y' || s[0] == 'x' || s[0] == 'X')
}

func isExample(s string) bool { return exampleRunes.has(s) && containsAny(s, exampleMarks) }

func isHint(s string) bool {
	if maybeFormat(s) && reHintFormat.MatchString(s) {
		return true
	}
	if !mayMark(s) {
		return false
	}
	s = strings.TrimLeft(s, "（(*＊【[ ")
	return containsAny(s, hintMarks) || hasAnyPrefix(s, hintPrefixes)
}

func isFooter(s string) bool {
	if !mayMark(s) {
		return false
	}
	return footerTotal(s) || hasAnyPrefix(s, footerPrefixes) ||
		strings.HasSuffix(s, "日") && strings.Contains(s, "月") && reFooterDateLine.MatchString(s)
}

func isNote(s string) bool {
	return strings.HasPrefix(s, "【") || containsAny(s, noteMarks)
}

func containsAny(s string, marks []string) bool {
	for _, m := range marks {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// placeholder reports a cell that holds nothing but a mark left by a
// template: an apostrophe (the text prefix, written out by some
// generators), a dash or a slash.
func placeholder(s string) bool {
	switch s {
	case "", "'", "`", "-", "--", "—", "/", "／", "\\":
		return true
	}
	return false
}

// notDataPrep is what the check needs of the sheet, made once per plan.
type notDataPrep struct {
	nameCol int                 // the name column (members) or the unit name's (units)
	serial  map[int]bool        // columns of row numbers (序号): they do not count as content
	merged  map[int]map[int]int // row number -> column -> columns merged across from it
	width   int                 // the header's named columns
}

func (p *Plan) prepNotData() {
	f := FName
	if p.Kind == Units {
		f = FUnitName
	}
	nd := notDataPrep{nameCol: p.col(f), serial: map[int]bool{}, merged: map[int]map[int]int{}}
	for c, name := range p.Header.Names {
		if name != "" {
			nd.width++
		}
		if g, ok := MatchHeader(p.Kind, name); ok && g == fSerial && p.Header.Fields[c] == "" {
			nd.serial[c] = true
		}
	}
	for _, ref := range p.Table.Merged {
		a, b, ok := strings.Cut(ref, ":")
		if !ok {
			continue
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(a)
		c2, _, err2 := excelize.CellNameToCoordinates(b)
		if err1 != nil || err2 != nil || c2 <= c1 || r1 <= p.Header.Row {
			continue
		}
		if nd.merged[r1] == nil {
			nd.merged[r1] = map[int]int{}
		}
		nd.merged[r1][c1-1] = c2 - c1 + 1
	}
	p.nd = nd
}

// notData says why a row under the header is not data, or "" for a row to
// import. It runs for every row: the common case, a row of names, numbers
// and dates, costs a scan of its cells' runes.
func (p *Plan) notData(row Row) string {
	if p.repeatedHeader(row) {
		return SkipHeader
	}
	blank := p.blankRow(row)
	nd := &p.nd
	name := clean(row.Cell(nd.nameCol))
	// A name that is a person's or a unit's keeps the row, whatever its
	// other cells say (a note "负责人：王" is a member's note), but for
	// an example: templates write a real-looking name in it (例如：张三,
	// or 张三 with 示例 in the notes). A row that starts with 合计 or 制表人
	// is a footer whatever its next cell holds (合计 | 4人).
	markOnly := blank || placeholder(name) || mayMark(name) && (isHint(name) || isFooter(name))
	var first, only string // the first cell with content; the only one, if there is one
	onlyCol, filled := -1, 0
	hint, footer := false, false
	for c, v := range row.Cells {
		t := clean(v)
		if placeholder(t) || nd.serial[c] && digits(t) {
			continue
		}
		if filled == 0 {
			first = t
		}
		filled++
		only, onlyCol = t, c
		switch {
		case isExample(t):
			return SkipExample
		case !markOnly || !mayMark(t) && !maybeFormat(t):
		case isHint(t):
			hint = true
		case isFooter(t):
			footer = true
		}
	}
	switch {
	case hint:
		return SkipHint
	case footer, isFooter(first):
		return SkipFooter
	}
	if filled == 1 {
		// one cell: a note merged across the sheet, an instruction, a
		// date under the signatures
		switch {
		case nd.merged[row.Num][onlyCol] >= max(3, (nd.width+1)/2):
			return SkipNote
		case isNote(only) && (onlyCol != nd.nameCol || utf8.RuneCountInString(only) > 6):
			return SkipNote
		case blank && lineDate(only):
			return SkipFooter
		}
	}
	if blank {
		return SkipBlank
	}
	return ""
}

// lineDate reports a cell that is a date written out: 2024年5月20日,
// 2024-05-20, 2024.5.20.
func lineDate(s string) bool {
	_, _, err := DateCell(s, false)
	return err == nil && !digits(s)
}

// IgnoredText sums up the rows that are not data by why, for a message:
// "合计、签字或日期行 2 行，说明 1 行" / "2 total, signature or date lines, 1 note".
func (p *Plan) IgnoredText(l i18n.Lang) string {
	counts := map[string]int{}
	var order []string
	for _, r := range p.IgnoredRows {
		if counts[r.Why] == 0 {
			order = append(order, r.Why)
		}
		counts[r.Why]++
	}
	parts := make([]string, len(order))
	for i, why := range order {
		parts[i] = l.T(why+"_n", counts[why])
	}
	sep := ", "
	if l == i18n.ZH {
		sep = "，"
	}
	return strings.Join(parts, sep)
}
