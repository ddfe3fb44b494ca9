package model

import (
	"strings"
	"testing"

	"unionbook/i18n"
)

const today = Date(20240615)

func validMember() Member {
	return Member{
		No: "M0001", Name: "张三", Gender: Male, Ethnicity: "汉族",
		DocType: DocResidentID, IDNumber: "110101199003078670", Birth: 19900307,
		Phone: "13812345678", UnitID: 1, Job: "车工", Education: "本科", Political: "群众",
		JoinDate: 20150601, Status: StatusActive,
	}
}

func TestValidMemberHasNoProblems(t *testing.T) {
	m := validMember()
	if ps := m.Validate(today); len(ps) != 0 {
		t.Fatalf("valid member: %v", ps)
	}
	m.Normalize()
	if ps := m.Validate(today); len(ps) != 0 {
		t.Fatalf("valid member after Normalize: %v", ps)
	}
	if m.Validate(today).Err() != nil {
		t.Error("Err() of no problems is not nil")
	}
	// Optional fields may be empty.
	m = Member{Name: "李四", Gender: Female, IDNumber: "11010519491231002X", UnitID: 3, JoinDate: 19800101, Status: StatusRetained}
	if ps := m.Validate(today); len(ps) != 0 {
		t.Errorf("minimal member: %v", ps)
	}
	// Other documents.
	m = Member{Name: "John Smith", Gender: Male, DocType: DocPassport, IDNumber: "E12345678", Birth: 19800101, UnitID: 3, JoinDate: 20200101, Status: StatusActive}
	if ps := m.Validate(today); len(ps) != 0 {
		t.Errorf("passport member: %v", ps)
	}
}

func TestMemberNormalize(t *testing.T) {
	m := Member{
		No: " M0001 ", Name: " 张 三 ", Ethnicity: "汉", DocType: DocResidentID,
		IDNumber: "１１０１０５１９４９１２３１００２ｘ", Phone: "+86 138 1234 5678",
		UnitID: 1, Job: "  车间主任（兼） ", Notes: "已退休，返聘。\u3000", Honours: " 省劳模 ", JoinDate: 19700101,
	}
	m.Normalize()
	want := Member{
		No: "M0001", Name: "张三", Ethnicity: "汉族", Gender: Female, DocType: DocResidentID,
		IDNumber: "11010519491231002X", Birth: 19491231, Phone: "13812345678",
		UnitID: 1, Job: "车间主任（兼）", Notes: "已退休，返聘。", Honours: "省劳模", JoinDate: 19700101, Status: StatusActive,
	}
	if m.Name != want.Name || m.No != want.No || m.Ethnicity != want.Ethnicity || m.Gender != want.Gender ||
		m.IDNumber != want.IDNumber || m.Birth != want.Birth || m.Phone != want.Phone || m.Job != want.Job ||
		m.Notes != want.Notes || m.Honours != want.Honours || m.Status != want.Status {
		t.Errorf("Normalize:\n got %+v\nwant %+v", m, want)
	}
	if ps := m.Validate(today); len(ps) != 0 {
		t.Errorf("normalized member: %v", ps)
	}

	// 15-digit IDs are converted.
	m = Member{IDNumber: "610104620927690"}
	m.Normalize()
	if m.IDNumber != "610104196209276908" || m.Birth != 19620927 || m.Gender != Female {
		t.Errorf("15-digit: %q %d %v", m.IDNumber, m.Birth, m.Gender)
	}

	// What cannot be normalized stays, for Validate to report.
	m = Member{IDNumber: " 1.10101E+17 ", Phone: " 12345 ", Ethnicity: "火星族", Gender: Male}
	m.Normalize()
	if m.IDNumber != "1.10101E+17" || m.Phone != "12345" || m.Ethnicity != "火星族" || m.Birth != 0 {
		t.Errorf("bad values: %+v", m)
	}

	// A birth date or gender that disagrees with the ID is kept, not overwritten.
	m = Member{IDNumber: "110101199003078670", Birth: 19900308, Gender: Female}
	m.Normalize()
	if m.Birth != 19900308 || m.Gender != Female {
		t.Errorf("Normalize overwrote what the user typed: %d %v", m.Birth, m.Gender)
	}
	ps := m.Validate(today)
	if !ps.Has("birth", "member.birth_vs_id") || !ps.Has("gender", "member.gender_vs_id") {
		t.Errorf("conflicts not reported: %v", ps)
	}

	// Passport numbers are not resident IDs.
	m = Member{DocType: DocPassport, IDNumber: " E1234５678 "}
	m.Normalize()
	if m.IDNumber != "E12345678" || m.Birth != 0 {
		t.Errorf("passport: %+v", m)
	}
}

func TestMemberRules(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*Member)
		field string
		key   string
	}{
		{"name required", func(m *Member) { m.Name = "" }, "name", "problem.required"},
		{"name too long", func(m *Member) { m.Name = strings.Repeat("张", 31) }, "name", "problem.too_long"},
		{"gender required", func(m *Member) { m.Gender = GenderUnknown }, "gender", "problem.required"},
		{"gender out of range", func(m *Member) { m.Gender = 7 }, "gender", "problem.required"},
		{"gender vs ID", func(m *Member) { m.Gender = Female }, "gender", "member.gender_vs_id"},
		{"birth vs ID", func(m *Member) { m.Birth = 19900308 }, "birth", "member.birth_vs_id"},
		{"ID required", func(m *Member) { m.IDNumber = "" }, "id_number", "problem.required"},
		{"ID checksum", func(m *Member) { m.IDNumber = "110101199003078671" }, "id_number", "id.checksum"},
		{"ID birth date", func(m *Member) { m.IDNumber = "110105194902310026"; m.Birth = 0 }, "id_number", "id.birth_date"},
		{"ID Excel float", func(m *Member) { m.IDNumber = "1.10101E+17" }, "id_number", "id.excel_float"},
		{"ID Excel rounded", func(m *Member) { m.IDNumber = "110101199003078000" }, "id_number", "id.excel_rounded"},
		{"ID length", func(m *Member) { m.IDNumber = "1101011990" }, "id_number", "id.length"},
		{"ID letters", func(m *Member) { m.IDNumber = "11010119900307867A" }, "id_number", "id.chars"},
		{"document too short", func(m *Member) { m.DocType = DocPassport; m.IDNumber = "E123" }, "id_number", "member.doc_length"},
		{"document too long", func(m *Member) { m.DocType = DocOther; m.IDNumber = strings.Repeat("A", 31) }, "id_number", "member.doc_length"},
		{"document type", func(m *Member) { m.DocType = 9 }, "doc_type", "problem.not_in_list"},
		{"birth impossible", func(m *Member) { m.DocType = DocPassport; m.IDNumber = "E12345678"; m.Birth = 19900231 }, "birth", "date.impossible"},
		{"birth in future", func(m *Member) { m.DocType = DocPassport; m.IDNumber = "E12345678"; m.Birth = 20250101 }, "birth", "problem.future"},
		{"birth before 1900", func(m *Member) { m.DocType = DocPassport; m.IDNumber = "E12345678"; m.Birth = 18991231 }, "birth", "member.born_too_early"},
		{"ID birth in future, on the ID", func(m *Member) { m.IDNumber = withCheck("11010120300307867"); m.Birth = 0 }, "id_number", "member.id_birth_future"},
		{"ID birth before 1900, on the ID", func(m *Member) { m.IDNumber = "440524188001010014"; m.Birth = 0 }, "id_number", "member.id_born_too_early"},
		{"ethnicity", func(m *Member) { m.Ethnicity = "火星族" }, "ethnicity", "member.ethnicity"},
		{"ethnicity short form unnormalized", func(m *Member) { m.Ethnicity = "汉" }, "ethnicity", "member.ethnicity"},
		{"phone", func(m *Member) { m.Phone = "12345678901" }, "phone", "phone.any"},
		{"phone short", func(m *Member) { m.Phone = "1381234567" }, "phone", "phone.any"},
		{"landline without area code", func(m *Member) { m.Phone = "5201083" }, "phone", "phone.any"},
		{"unit required", func(m *Member) { m.UnitID = 0 }, "unit", "problem.required"},
		{"education", func(m *Member) { m.Education = "幼儿园" }, "education", "problem.not_in_list"},
		{"political", func(m *Member) { m.Political = "无党派" }, "political", "problem.not_in_list"},
		{"join date required", func(m *Member) { m.JoinDate = 0 }, "join_date", "problem.required"},
		{"join date impossible", func(m *Member) { m.JoinDate = 20230229 }, "join_date", "date.impossible"},
		{"join date future", func(m *Member) { m.JoinDate = today + 1 }, "join_date", "problem.future"},
		{"too young", func(m *Member) { m.JoinDate = 20060306 }, "join_date", "member.too_young"},
		{"joined before birth", func(m *Member) { m.JoinDate = 19890101 }, "join_date", "member.too_young"},
		{"too young, birth from the ID only", func(m *Member) { m.Birth = 0; m.JoinDate = 20000101 }, "join_date", "member.too_young"},
		{"status", func(m *Member) { m.Status = 0 }, "status", "problem.not_in_list"},
		{"status out of range", func(m *Member) { m.Status = 42 }, "status", "problem.not_in_list"},
		{"notes too long", func(m *Member) { m.Notes = strings.Repeat("注", 501) }, "notes", "problem.too_long"},
	}
	for _, c := range cases {
		m := validMember()
		c.edit(&m)
		ps := m.Validate(today)
		if !ps.Has(c.field, c.key) {
			t.Errorf("%s: want %s/%s, got %v", c.name, c.field, c.key, keysOf(ps))
			continue
		}
		if len(ps) != 1 {
			t.Errorf("%s: want only %s/%s, got %v", c.name, c.field, c.key, keysOf(ps))
		}
		for _, p := range ps {
			for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
				noRawKeys(t, p.Localize(l))
			}
		}
	}
}

func TestMemberBoundaries(t *testing.T) {
	ok := []func(*Member){
		func(m *Member) { m.Name = strings.Repeat("张", 30) },
		func(m *Member) { m.JoinDate = 20060307 }, // the 16th birthday
		func(m *Member) { m.JoinDate = today },
		func(m *Member) { m.Notes = strings.Repeat("注", 500) },
		func(m *Member) { m.DocType = DocPassport; m.IDNumber = "E1234"; m.Birth = 19900307 },
		func(m *Member) { m.DocType = DocOther; m.IDNumber = strings.Repeat("A", 30) },
		func(m *Member) { m.Birth = 0 }, // filled from the ID on Normalize, fine without
		func(m *Member) { m.Ethnicity = ""; m.Phone = ""; m.Education = ""; m.Political = "" },
		func(m *Member) { m.Status = StatusDeceased },
		func(m *Member) {
			m.Gender = Female
			m.IDNumber = "500154199804106120"
			m.Birth = 19980410
			m.JoinDate = 20140410
		},
	}
	for i, edit := range ok {
		m := validMember()
		edit(&m)
		if ps := m.Validate(today); len(ps) != 0 {
			t.Errorf("case %d: %v", i, keysOf(ps))
		}
	}
}

func TestMemberValidateReturnsEveryProblem(t *testing.T) {
	m := Member{
		Name: "", Gender: GenderUnknown, IDNumber: "110101199003078671", Ethnicity: "火星族",
		Phone: "123", UnitID: 0, Education: "幼儿园", JoinDate: 0, Status: StatusActive,
		Notes: strings.Repeat("x", 501),
	}
	ps := m.Validate(today)
	want := [][2]string{
		{"name", "problem.required"}, {"id_number", "id.checksum"},
		{"ethnicity", "member.ethnicity"}, {"phone", "phone.any"}, {"unit", "problem.required"},
		{"education", "problem.not_in_list"}, {"join_date", "problem.required"}, {"notes", "problem.too_long"},
	}
	for _, w := range want {
		if !ps.Has(w[0], w[1]) {
			t.Errorf("missing %s/%s", w[0], w[1])
		}
	}
	if len(ps) != len(want) {
		t.Errorf("got %d problems, want %d: %v", len(ps), len(want), keysOf(ps))
	}
	err := ps.Err()
	if err == nil {
		t.Fatal("Err() is nil")
	}
	zh := ps.Localize(i18n.ZH)
	if n := strings.Count(zh, "\n") + 1; n != len(want) {
		t.Errorf("Localize has %d lines, want %d:\n%s", n, len(want), zh)
	}
	for _, s := range []string{"姓名：必填", "身份证号：身份证号校验位不对", "工作单位：必填", "民族：「火星族」不是 56 个民族之一", "备注：不能超过 500 个字"} {
		if !strings.Contains(zh, s) {
			t.Errorf("Chinese text lacks %q:\n%s", s, zh)
		}
	}
	if en := err.Error(); !strings.Contains(en, "Name: required") || !strings.Contains(en, "Notes: at most 500 characters") {
		t.Errorf("English text:\n%s", en)
	}
	if got := i18n.Text(err, i18n.ZH); got != zh {
		t.Errorf("i18n.Text(Problems) = %q", got)
	}
	if len(ps.For("id_number")) != 1 || len(ps.For("job")) != 0 {
		t.Errorf("For: %v", ps.For("id_number"))
	}
}

func TestProblemLocalize(t *testing.T) {
	m := validMember()
	m.IDNumber = "110101199003078671"
	p := m.Validate(today)[0]
	if got := p.Localize(i18n.ZH); got != "身份证号：身份证号校验位不对，请核对是否输错" {
		t.Errorf("zh: %q", got)
	}
	if got := p.Localize(i18n.EN); got != "ID number: the check character of the ID number is wrong; check for a typing mistake" {
		t.Errorf("en: %q", got)
	}
	if got := p.Message(i18n.ZH); got != "身份证号校验位不对，请核对是否输错" {
		t.Errorf("Message: %q", got)
	}
	if got := (Problem{Key: "problem.required"}).Localize(i18n.ZH); got != "必填" {
		t.Errorf("no field: %q", got)
	}
	// Problems from parsers carry their arguments.
	m = validMember()
	m.IDNumber = "1101011990"
	if got := m.Validate(today)[0].Localize(i18n.ZH); got != "身份证号：身份证号应为 18 位，这里是 10 位" {
		t.Errorf("zh length: %q", got)
	}
}

func TestGenderVsIDNamesTheGender(t *testing.T) {
	cases := []struct {
		gender Gender
		id     string
		zh, en string
	}{
		{Female, "110101199003078670", "性别：与身份证号不符（身份证号显示为男）", "Gender: does not match the ID number (which says male)"},
		{Male, "11010519491231002X", "性别：与身份证号不符（身份证号显示为女）", "Gender: does not match the ID number (which says female)"},
	}
	for _, c := range cases {
		m := validMember()
		m.Gender, m.IDNumber, m.Birth = c.gender, c.id, 0
		m.JoinDate = 20100101
		ps := m.Validate(today)
		if len(ps) != 1 || !ps.Has("gender", "member.gender_vs_id") {
			t.Fatalf("%v", keysOf(ps))
		}
		zh, en := ps[0].Localize(i18n.ZH), ps[0].Localize(i18n.EN)
		if zh != c.zh || en != c.en {
			t.Errorf("got %q / %q, want %q / %q", zh, en, c.zh, c.en)
		}
		noRawKeys(t, zh)
		noRawKeys(t, en)
		noRawKeys(t, ps.Error())
	}
	// birth vs ID names the date the ID says.
	m := validMember()
	m.Birth = 19900308
	if got := m.Validate(today)[0].Localize(i18n.ZH); got != "出生日期：与身份证号不符（身份证号显示为 1990-03-07）" {
		t.Errorf("birth vs ID: %q", got)
	}
	m = validMember()
	m.JoinDate = 20050101
	if got := m.Validate(today)[0].Localize(i18n.EN); got != "Joined: the member was under 16 when joining" {
		t.Errorf("too young: %q", got)
	}
}

func keysOf(ps Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Field+"/"+p.Key)
	}
	return out
}

func TestMemberNumberCharacters(t *testing.T) {
	for no, ok := range map[string]bool{"000123": true, "HY-2024-0007": true, "编号1": false, "12 34": false, "123456789012345678901": false} {
		m := validMember()
		m.No = no
		got := !m.Validate(today).Has("member_no", "member.no_chars")
		if got != ok {
			t.Errorf("member number %q accepted=%v, want %v", no, got, ok)
		}
	}
}

// A member without a mobile gives a landline, with its area code.
func TestMemberLandline(t *testing.T) {
	m := validMember()
	m.Phone = "（0592）520 1083"
	m.Normalize()
	if ps := m.Validate(today); len(ps) != 0 || m.Phone != "0592-5201083" {
		t.Errorf("landline %q: %v", m.Phone, ps)
	}
}

// withCheck completes 17 digits with their check character.
func withCheck(first17 string) string { return first17 + string(idCheck(first17)) }

// While a resident ID number does not read, the gender it will give is
// not asked for: the one problem is the ID number's, where the caret goes.
// Without a resident ID number the gender is asked for.
func TestGenderWaitsForAnIDThatReads(t *testing.T) {
	m := Member{Name: "王五", IDNumber: "440308199901101513", UnitID: 1, JoinDate: 20200101, Status: StatusActive}
	ps := m.Validate(today)
	if ps.Has("gender", "problem.required") || !ps.Has("id_number", "id.checksum") {
		t.Errorf("a wrong ID number: %v", keysOf(ps))
	}
	m.DocType, m.IDNumber = DocOther, "E12345678"
	if ps := m.Validate(today); !ps.Has("gender", "problem.required") {
		t.Errorf("a passport number and no gender: %v", keysOf(ps))
	}
}
