package roster

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"unionbook/model"
)

// Kind is what a roster holds: members or units.
type Kind int

const (
	Members Kind = iota
	Units
)

// Field is the record field a column maps to; its label is the catalogue
// entry "field.<Field>". The empty field means the column is ignored.
type Field string

// Fields a member roster may have.
const (
	FMemberNo  Field = "member_no"
	FName      Field = "name"
	FGender    Field = "gender"
	FBirth     Field = "birth"
	FEthnicity Field = "ethnicity"
	FIDNumber  Field = "id_number"
	FPhone     Field = "phone"
	FUnit      Field = "unit"
	FJob       Field = "job"
	FEducation Field = "education"
	FPolitical Field = "political"
	FMigrant   Field = "migrant"
	FJoinDate  Field = "join_date"
	FStatus    Field = "status"
	FHonours   Field = "honours"
	FNotes     Field = "notes"
	// The member data items (roster/cells_org.go).
	FHukou      Field = "hukou"
	FEmployment Field = "employment"
	FSkill      Field = "skill"
	FTitle      Field = "title"
	// fSerial is the 序号 column: known, and ignored without a word.
	fSerial Field = "-"
)

// Fields a unit list may have.
const (
	FUnitName        Field = "unit_name"
	FCreditCode      Field = "credit_code"
	FUnitKind        Field = "unit_kind"
	FUnionType       Field = "union_type"
	FEmployees       Field = "employees"
	FWomen           Field = "women"
	FMigrantWorkers  Field = "migrant_workers"
	FChair           Field = "chair"
	FUnitPhone       Field = "unit_phone"
	FContractSigned  Field = "contract_signed"
	FContractExpires Field = "contract_expires"
	FWorkersCongress Field = "workers_congress"
	FOpenAffairs     Field = "open_affairs"
	FAddress         Field = "address"
	FUnitNotes       Field = "notes"
	// The organisation register's identifiers and dates.
	FStatCode         Field = "stat_code"
	FRegionCode       Field = "region_code"
	FUnionCredit      Field = "union_credit"
	FFormedOn         Field = "formed_on"
	FCoveredEmployers Field = "covered_employers"
)

type alias struct {
	field Field
	names []string
}

// memberAliases are the usual names of roster columns, in Chinese and
// English, compared after headerKey.
var memberAliases = []alias{
	// A bare "ID" is a record number in most systems' exports: see weakAliases.
	{fSerial, []string{"序号", "编号", "no", "no.", "#", "序", "行号", "seq", "id"}},
	{FMemberNo, []string{"会员证号", "会员证号码", "会员编号", "会员号", "会员证编号", "工会会员证号", "会员证书编号", "会员证书号", "工会会员号", "会员卡号", "membercardno", "memberno", "membernumber", "cardno"}},
	{FName, []string{"姓名", "名字", "会员姓名", "职工姓名", "员工姓名", "真实姓名", "name", "fullname", "realname", "姓名name"}},
	{FGender, []string{"性别", "gender", "sex"}},
	{FBirth, []string{"出生日期", "出生年月", "出生年月日", "生日", "出生时间", "birthdate", "dateofbirth", "birthday", "dob", "birth"}},
	{FEthnicity, []string{"民族", "ethnicity", "nationality", "ethnicgroup"}},
	{FIDNumber, []string{"身份证号", "身份证号码", "公民身份号码", "公民身份证号", "公民身份证号码", "证件号码", "证件号", "证件编号", "身份证", "身份证件号", "居民身份证号", "居民身份证号码", "身份证件号码", "idnumber", "idno", "idcard", "idcardno", "idcardnumber"}},
	{FPhone, []string{"手机", "手机号", "手机号码", "联系电话", "联系方式", "电话", "电话号码", "移动电话", "mobile", "phone", "phonenumber", "mobilephone", "tel"}},
	{FUnit, []string{"工作单位", "单位", "所在单位", "单位名称", "所在工会", "所属工会", "工会名称", "基层工会", "基层工会名称", "所属单位",
		"用工公司", "用人单位", "企业名称", "公司", "公司名称", "所属企业", "所在企业", "所属公司", "workunit", "unit", "employer", "company"}},
	{FJob, []string{"职务", "工种", "岗位", "职务/工种", "职务工种", "职务（工种）", "职业", "职位", "岗位名称", "工作岗位", "职务名称", "job", "position", "jobtitle", "post"}},
	{FEducation, []string{"学历", "文化程度", "最高学历", "education"}},
	{FPolitical, []string{"政治面貌", "politicalstatus", "political"}},
	{FMigrant, []string{"是否农民工", "农民工", "migrantworker", "migrant", "ismigrantworker"}},
	{FHukou, []string{"户籍类型", "户口性质", "户籍性质", "户口类型", "户籍属性", "户口属性", "户籍类别", "户口类别", "城镇/农村", "农业/非农业",
		"hukou", "householdregistration", "hukoutype", "hometowntype"}},
	{FEmployment, []string{"就业状况", "就业状态", "就业情况", "employment"}},
	{FSkill, []string{"技术等级", "技能等级", "职业资格等级", "skilllevel", "skill"}},
	{FTitle, []string{"职称", "专业技术职称", "professionaltitle"}},
	{FJoinDate, []string{"入会时间", "入会日期", "入会年月", "加入工会时间", "加入工会日期", "入会", "joindate", "joined", "datejoined", "membersince"}},
	{FStatus, []string{"会籍状态", "会员状态", "状态", "status", "membershipstatus"}},
	{FHonours, []string{"荣誉", "荣誉称号", "获得荣誉", "honours", "honors"}},
	{FNotes, []string{"备注", "说明", "notes", "note", "remarks", "remark", "memo"}},
}

var unitAliases = []alias{
	{fSerial, []string{"序号", "编号", "no", "no.", "#", "序", "行号", "seq", "id"}},
	{FUnitName, []string{"单位名称", "工会名称", "基层工会名称", "单位", "名称", "企业名称", "单位全称", "企业全称", "公司名称", "unitname", "unit", "name", "company", "companyname"}},
	// 营业执照注册号: since 2015 the licence carries the credit code in its place
	{FCreditCode, []string{"统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码", "营业执照注册号", "营业执照号", "creditcode", "unifiedsocialcreditcode", "uscc"}},
	{FUnitKind, []string{"单位类型", "单位性质", "企业类型", "单位类别", "经济类型", "企业性质", "unitkind", "kind", "type", "unittype"}},
	{FUnionType, []string{"工会类型", "组建形式", "工会组织形式", "基层工会类型", "uniontype"}},
	{FEmployees, []string{"职工人数", "职工数", "职工总数", "员工人数", "从业人数", "在岗职工数", "员工总人数", "员工总数", "员工数", "职工总人数", "从业人员数", "employees", "staff"}},
	{FWomen, []string{"女职工人数", "女职工数", "女职工", "其中女职工", "women", "womenemployees"}},
	{FMigrantWorkers, []string{"农民工人数", "农民工数", "其中农民工", "农民工", "migrantworkers"}},
	{FChair, []string{"工会主席", "主席", "工会主席姓名", "负责人", "chair", "unionchair"}},
	{FUnitPhone, []string{"联系电话", "电话", "办公电话", "联系方式", "phone", "tel"}},
	{FContractSigned, []string{"集体合同签订日期", "集体合同签订时间", "合同签订日期", "签订日期", "contractsigned"}},
	{FContractExpires, []string{"集体合同到期日期", "集体合同到期时间", "合同到期日期", "到期日期", "contractexpires"}},
	{FWorkersCongress, []string{"职代会", "是否建立职代会", "建立职代会", "职工代表大会", "workerscongress"}},
	{FOpenAffairs, []string{"厂务公开", "是否实行厂务公开", "实行厂务公开", "openaffairs"}},
	{FAddress, []string{"地址", "单位地址", "通讯地址", "注册地址", "办公地址", "经营地址", "详细地址", "企业地址", "address"}},
	{FUnitNotes, []string{"备注", "说明", "notes", "note", "remarks"}},
	{FStatCode, []string{"统计代码", "基层工会统计代码", "statcode"}},
	{FRegionCode, []string{"区划代码", "行政区划代码", "所在地行政区划代码", "regioncode"}},
	{FUnionCredit, []string{"工会统一社会信用代码", "工会信用代码", "工会法人代码", "unioncreditcode"}},
	{FFormedOn, []string{"建会日期", "建会时间", "工会成立时间", "成立时间", "formedon"}},
	{FCoveredEmployers, []string{"覆盖单位数", "涵盖单位数", "联合工会涵盖单位数", "coveredemployers"}},
}

// weakAlias is a column name too vague to map on its own: it names field
// only when no other column of the sheet does, and when the column's
// cells look like the field's (looks).
type weakAlias struct {
	field Field
	names []string
	looks func(string) bool
}

// weakAliases: a bare "ID" column holds the ID number in some English
// sheets, a record number (1, 2, 3) in most exports.
var weakAliases = map[Kind][]weakAlias{
	Members: {{FIDNumber, []string{"id"}, looksLikeIDNumber}},
}

// looksLikeIDNumber: 15 or 18 characters of digits (and a final X), or
// what Excel made of one (1.10101E+17).
func looksLikeIDNumber(s string) bool {
	t := strings.ToUpper(clean(s))
	if reNumberEx.MatchString(t) {
		return strings.HasSuffix(t, "E+17") || strings.HasSuffix(t, "E+14")
	}
	if n := len(t); n == 15 || n == 18 {
		return digits(t[:n-1]) && (t[n-1] == 'X' || t[n-1] >= '0' && t[n-1] <= '9')
	}
	return false
}

func aliasesOf(k Kind) []alias {
	if k == Units {
		return unitAliases
	}
	return memberAliases
}

var aliasIndex = map[Kind]map[string]Field{Members: index(memberAliases), Units: index(unitAliases)}

func index(as []alias) map[string]Field {
	m := map[string]Field{}
	for _, a := range as {
		for _, n := range a.names {
			m[headerKey(n)] = a.field
		}
	}
	return m
}

// FieldsOf lists the fields a kind of roster can map columns to, in form
// order (for the mapping editor).
func FieldsOf(k Kind) []Field {
	var fs []Field
	for _, a := range aliasesOf(k) {
		if a.field != fSerial {
			fs = append(fs, a.field)
		}
	}
	return fs
}

// required are the columns without which no row could be imported.
func required(k Kind, haveUnit bool) []Field {
	if k == Units {
		return []Field{FUnitName}
	}
	fs := []Field{FName, FIDNumber, FJoinDate}
	if !haveUnit {
		fs = append(fs, FUnit)
	}
	return fs
}

var (
	// reHeaderNoise is what templates add to a column name: a required
	// mark, a hint in brackets, a colon, a line break.
	reHeaderMark  = regexp.MustCompile(`[*＊※]`)
	reHeaderHint  = regexp.MustCompile(`[(（\[【][^)）\]】]*[)）\]】]`)
	reHeaderSpace = regexp.MustCompile(`[\s_\-:：.·]+`)
)

// headerKey is a header cell reduced for comparison: full-width folded,
// lower case, without spaces, required marks and bracketed hints
// ("身份证号码（必填）*" → "身份证号码").
func headerKey(s string) string {
	t := strings.ToLower(model.Clean(s))
	t = reHeaderMark.ReplaceAllString(t, "")
	if u := reHeaderHint.ReplaceAllString(t, ""); u != "" {
		t = u
	}
	t = reHeaderSpace.ReplaceAllString(t, "")
	return t
}

// MatchHeader maps one header cell to a field; ok is false for a name it
// does not know.
func MatchHeader(k Kind, cell string) (f Field, ok bool) {
	key := headerKey(cell)
	if key == "" {
		return "", false
	}
	if f, ok := aliasIndex[k][key]; ok {
		return f, true
	}
	// Bilingual headers: "Name / 姓名", "姓名Name", "姓名_real_name",
	// "身份证号_id_card_no". The Chinese part is tried first.
	for _, part := range headerParts(cell) {
		if f, ok := aliasIndex[k][headerKey(part)]; ok {
			return f, true
		}
	}
	return "", false
}

// headerParts splits a header cell at slashes, bars and line breaks, then
// each piece into its Chinese and its Latin parts ("身份证号_id_card_no" is
// "身份证号" and "_id_card_no"): the Chinese parts first, then the Latin.
func headerParts(cell string) []string {
	var han, latin []string
	pieces := strings.FieldsFunc(model.Clean(cell), func(r rune) bool {
		return r == '/' || r == '|' || r == '\n' || r == '／' || r == '｜'
	})
	for _, piece := range pieces {
		start, inLatin := 0, false
		flush := func(end int) {
			if part := strings.TrimSpace(piece[start:end]); part != "" {
				if inLatin {
					latin = append(latin, part)
				} else {
					han = append(han, part)
				}
			}
			start = end
		}
		for i, r := range piece {
			isLatin := r < utf8.RuneSelf && (r == '_' || r == ' ' || r == '-' || r == '.' || r == '#' ||
				r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
			if i == 0 {
				inLatin = isLatin
				continue
			}
			if isLatin != inLatin {
				flush(i)
				inLatin = isLatin
			}
		}
		flush(len(piece))
	}
	return append(han, latin...)
}

// Header is the header row found in a table and what its columns map to.
type Header struct {
	Index   int      // index in Table.Rows, -1 when none was found
	Row     int      // the sheet's row number
	Fields  []Field  // by column; "" for an ignored column
	Names   []string // the header cells as written
	Unknown []int    // columns with a name that maps to nothing
}

// UnknownNames lists the first max columns with a name that maps to
// nothing ("K 备用列"), cleaned for a terminal, and how many more there are.
func (h Header) UnknownNames(max int) (names []string, more int) {
	for i, c := range h.Unknown {
		if i == max {
			return names, len(h.Unknown) - i
		}
		name := ""
		if c < len(h.Names) {
			name = shortText(h.Names[c])
		}
		names = append(names, ColumnName(c)+" "+name)
	}
	return names, 0
}

// headerScanRows is how far down title rows may push the header.
const headerScanRows = 30

// FindHeader finds the header row: among the first rows, the one whose
// cells map to the most fields (at least two); the earliest wins a tie.
// When no row maps two, the first row with a name column is the header
// (a sheet of 姓名 and columns of unknown names): the plan then names the
// required columns it lacks.
func FindHeader(t *Table, k Kind) Header {
	best, bestN := -1, 1
	named := -1 // the first row with a name column
	nameField := FName
	if k == Units {
		nameField = FUnitName
	}
	for i := 0; i < len(t.Rows) && i < headerScanRows; i++ {
		n := 0
		seen := map[Field]bool{}
		for _, c := range t.Rows[i].Cells {
			if f, ok := MatchHeader(k, c); ok && f != fSerial && !seen[f] {
				seen[f] = true
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
		if named < 0 && seen[nameField] {
			named = i
		}
	}
	if best < 0 {
		best = named
	}
	if best < 0 {
		return Header{Index: -1}
	}
	return MapHeader(t, k, best)
}

// weakScanRows is how many cells under the header a weak alias looks at.
const weakScanRows = 20

// MapHeader maps the columns of row i of the table taken as the header. A
// field claimed by two columns goes to the first; the second is ignored
// and listed as unknown. A weak name (a bare "ID") takes its field last,
// when no column has it and the cells under it look like it.
func MapHeader(t *Table, k Kind, i int) Header {
	h := Header{Index: i, Row: t.Rows[i].Num}
	width := max(t.Width, len(t.Rows[i].Cells))
	h.Fields = make([]Field, width)
	h.Names = make([]string, width)
	seen := map[Field]bool{}
	for c := 0; c < width; c++ {
		name := t.Rows[i].Cell(c)
		h.Names[c] = model.CleanText(name)
		if strings.TrimSpace(name) == "" {
			continue
		}
		f, ok := MatchHeader(k, name)
		switch {
		case ok && f == fSerial:
		case ok && !seen[f]:
			seen[f] = true
			h.Fields[c] = f
		default:
			h.Unknown = append(h.Unknown, c)
		}
	}
	for _, w := range weakAliases[k] {
		if seen[w.field] {
			continue
		}
		for c := 0; c < width && !seen[w.field]; c++ {
			if h.Fields[c] == "" && slices.Contains(w.names, headerKey(h.Names[c])) && columnLooks(t, i, c, w.looks) {
				seen[w.field] = true
				h.Fields[c] = w.field
			}
		}
	}
	return h
}

// columnLooks reports whether most of the first non-blank cells under row
// i in column c look as they should.
func columnLooks(t *Table, i, c int, looks func(string) bool) bool {
	n, yes := 0, 0
	for j := i + 1; j < len(t.Rows) && n < weakScanRows; j++ {
		v := t.Rows[j].Cell(c)
		if clean(v) == "" {
			continue
		}
		n++
		if looks(v) {
			yes++
		}
	}
	return n > 0 && yes*2 > n
}

// Column returns the column mapped to f, or -1.
func (h Header) Column(f Field) int {
	for c, g := range h.Fields {
		if g == f {
			return c
		}
	}
	return -1
}

// Set maps column col to f (or ignores it for ""), unmapping any other
// column that had f.
func (h *Header) Set(col int, f Field) {
	if col < 0 || col >= len(h.Fields) {
		return
	}
	if f != "" {
		for c := range h.Fields {
			if h.Fields[c] == f {
				h.Fields[c] = ""
			}
		}
	}
	h.Fields[col] = f
	h.Unknown = h.Unknown[:0:0]
	for c, g := range h.Fields {
		if g == "" && h.Names[c] != "" {
			if mf, ok := MatchHeader(Members, h.Names[c]); !ok || mf != fSerial {
				h.Unknown = append(h.Unknown, c)
			}
		}
	}
}
