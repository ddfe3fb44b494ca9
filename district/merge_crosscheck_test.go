package district

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

const testCrossPass = "QH7K-M2PX-9RTW-V4NB"

func crossKey(t testing.TB, pass string) CrosscheckKey {
	t.Helper()
	k, err := DeriveCrosscheckKey(pass)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func setKey(t testing.TB, st *storage.Store, k CrosscheckKey) {
	t.Helper()
	if err := st.SetCrosscheckKey("test", k.Bytes(), k.ID(), false); err != nil {
		t.Fatal(err)
	}
}

// openFileOf finds an open hardship file and its member, in the union on
// 2026-06-30 with a resident ID.
func openFileOf(t *testing.T, st *storage.Store) (model.HardshipFile, model.Member) {
	t.Helper()
	files, err := st.HardshipFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !hardshipStatusOn(&f, 20260630).Open() {
			continue
		}
		m, err := st.Member(f.MemberID)
		if err == nil && m.DocType == model.DocResidentID && m.StatusOn(20260630).InUnion() && m.JoinDate <= 20260630 {
			return f, m
		}
	}
	t.Fatal("the demo has no open hardship file")
	return model.HardshipFile{}, model.Member{}
}

// inUnionMember is a member in the union on 2026-06-30 with a resident ID.
func inUnionMember(t *testing.T, st *storage.Store) model.Member {
	t.Helper()
	ms, _ := st.Members()
	for _, m := range ms {
		if m.DocType == model.DocResidentID && m.JoinDate <= 20260630 && m.StatusOn(20260630).InUnion() {
			return m
		}
	}
	t.Fatal("no member in the union")
	return model.Member{}
}

// moveIn records in st a member with m's ID number (joined in 2025) and a
// hardship file for them like f: the same person in a second township.
func moveIn(t *testing.T, st *storage.Store, m model.Member, f *model.HardshipFile) model.Member {
	t.Helper()
	units, _ := st.Units()
	n := model.Member{Name: m.Name, Gender: m.Gender, DocType: model.DocResidentID, IDNumber: m.IDNumber,
		UnitID: units[0].ID, JoinDate: 20250301, Status: model.StatusActive}
	if err := st.CreateMember("test", &n); err != nil {
		t.Fatal(err)
	}
	if f != nil {
		c := f.Clone()
		c.ID, c.MemberID, c.Status, c.AppliedDate, c.ApprovedDate = 0, n.ID, model.HardshipActive, 20260105, 20260110
		if err := st.CreateHardshipFile("test", &c); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

func TestMergeNamesTheSamePersonInTwoTownships(t *testing.T) {
	k := crossKey(t, testCrossPass)
	a := demoStore(t, 21, "青山镇总工会", 80)
	b := demoStore(t, 22, "白水镇总工会", 60)
	c := demoStore(t, 23, "红石街道总工会", 40) // no key: an older package, in effect
	setKey(t, a, k)
	setKey(t, b, k)
	f, m := openFileOf(t, a)
	n := moveIn(t, b, m, &f)

	var in []MergeInput
	for _, st := range []*storage.Store{a, b, c} {
		in = append(in, MergeInput{File: writePkg(t, st, "2026-H1", nil).Path})
	}
	out := filepath.Join(t.TempDir(), "district.xlsx")
	res, err := MergeWith(context.Background(), in, out, i18n.ZH, MergeOptions{Key: &k})
	if err != nil {
		t.Fatal(err)
	}
	if want := []CrosscheckState{CrossCompared, CrossCompared, CrossNoData}; !slices.Equal(res.Cross, want) {
		t.Fatalf("states %v, want %v", res.Cross, want)
	}
	var member, household *CrosscheckPair
	for i, p := range res.Pairs {
		// Every pair found is two records of one ID number: look both up.
		stA, stB := []*storage.Store{a, b, c}[p.A.pkg], []*storage.Store{a, b, c}[p.B.pkg]
		ma, okA, _ := stA.MemberByNo(p.A.No)
		mb, okB, _ := stB.MemberByNo(p.B.No)
		if !okA || !okB {
			t.Fatalf("pair %+v names a member number the township does not have", p)
		}
		if p.Kind == PairMember && ma.IDNumber != mb.IDNumber {
			t.Errorf("pair %+v: different people", p)
		}
		if p.Kind == PairMember && p.A.No == m.No && p.B.No == n.No {
			member = &res.Pairs[i]
		}
		if p.Kind == PairHardship && p.A.File == f.ID && p.B.No == n.No {
			household = &res.Pairs[i]
		}
	}
	if member == nil || member.A.Union != "青山镇总工会" || member.B.Union != "白水镇总工会" || member.A.Name != m.Name {
		t.Fatalf("the member in two townships is not named: %+v", res.Pairs)
	}
	if household == nil {
		t.Fatalf("the household filed twice is not named: %+v", res.Pairs)
	}

	// The workbook lists the pair by township, member number and name, and
	// holds no ID number: not the person's, whole or masked, nor any other.
	book, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := xlsxXML(t, book)
	for _, s := range []string{m.IDNumber, model.MaskID(m.IDNumber), m.IDNumber[len(m.IDNumber)-8:]} {
		if strings.Contains(text, s) {
			t.Errorf("the district workbook holds %q", s)
		}
	}
	if id := regexp.MustCompile(`\d{17}[\dX]`).FindString(text); id != "" {
		t.Errorf("the district workbook holds an ID-like number %s", id)
	}
	x, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(i18n.ZH.T("merge.s_crosscheck"))
	found := false
	for _, r := range rows {
		if len(r) > 8 && r[1] == "同一人两地在会" && r[2] == "青山镇总工会" && r[3] == m.No && r[7] == "白水镇总工会" && r[8] == n.No {
			found = true
		}
	}
	if !found {
		t.Errorf("the cross-check sheet does not name the pair: %v", rows)
	}
	pk, _ := x.GetRows(i18n.ZH.T("merge.s_packages"))
	if !strings.Contains(strings.Join(pk[len(pk)-1], "|"), "不带核对散列") {
		t.Errorf("the package without hashes is not noted: %v", pk[len(pk)-1])
	}
}

func TestCrosscheckFileHoldsNoIDNumber(t *testing.T) {
	k := crossKey(t, testCrossPass)
	st := demoStore(t, 31, "青山镇总工会", 60)
	setKey(t, st, k)
	res := writePkg(t, st, "2026-H1", nil)
	if res.Manifest.Crosscheck == nil || res.Manifest.Crosscheck.KeyID != k.ID() {
		t.Fatalf("manifest crosscheck %+v", res.Manifest.Crosscheck)
	}
	raw := zipFiles(t, res.Path)[CrosscheckFile]
	var x Crosscheck
	if err := json.Unmarshal(raw, &x); err != nil {
		t.Fatal(err)
	}
	members, _ := st.Members()
	inUnion := 0
	for _, m := range members {
		if m.JoinDate <= 20260630 && m.StatusOn(20260630).InUnion() {
			inUnion++
		}
		if bytes.Contains(raw, []byte(m.IDNumber)) || bytes.Contains(raw, []byte(m.IDNumber[len(m.IDNumber)-6:])) {
			t.Fatalf("crosscheck.json holds %s's ID number", m.Name)
		}
	}
	if len(x.Members) != inUnion {
		t.Errorf("%d members hashed, %d in the union on 2026-06-30", len(x.Members), inUnion)
	}
	// Another key gives other hashes: without the key, a hash cannot be
	// tried against an ID number.
	other := crossKey(t, "another district passphrase")
	id := members[0].IDNumber
	if k.hashID(model.DocResidentID, id) == other.hashID(model.DocResidentID, id) {
		t.Error("two keys hash an ID number alike")
	}
	// 15 and 18 digits of one number hash alike.
	id18, err := model.NormalizeResidentID("110101900307867")
	if err != nil {
		t.Fatal(err)
	}
	if k.hashID(model.DocResidentID, "110101900307867") != k.hashID(model.DocResidentID, id18) {
		t.Error("the 15-digit form of an ID hashes differently")
	}
}

func TestCrosscheckWrongOrMissingKey(t *testing.T) {
	k := crossKey(t, testCrossPass)
	wrong := crossKey(t, "QH7K-M2PX-9RTW-V4NC")
	a := demoStore(t, 41, "青山镇总工会", 40)
	b := demoStore(t, 42, "白水镇总工会", 40)
	d := demoStore(t, 43, "黑土镇总工会", 40)
	setKey(t, a, k)
	setKey(t, b, k)
	setKey(t, d, wrong) // a township given another key
	m := inUnionMember(t, a)
	moveIn(t, b, m, nil)
	moveIn(t, d, m, nil)
	var in []MergeInput
	for _, st := range []*storage.Store{a, b, d} {
		in = append(in, MergeInput{File: writePkg(t, st, "2026-H1", nil).Path})
	}
	out := filepath.Join(t.TempDir(), "district.xlsx")
	merge := func(o MergeOptions) *MergeResult {
		t.Helper()
		res, err := MergeWith(context.Background(), in, out, i18n.EN, o)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	// The district's key: the third package is named, and its member is
	// not paired (its hashes cannot match).
	res := merge(MergeOptions{Key: &k})
	if want := []CrosscheckState{CrossCompared, CrossCompared, CrossOtherKey}; !slices.Equal(res.Cross, want) {
		t.Fatalf("states %v, want %v", res.Cross, want)
	}
	if txt := CrossStateText(i18n.EN, res, 2); !strings.Contains(txt, FormatKeyID(wrong.ID())) || !strings.Contains(txt, FormatKeyID(k.ID())) {
		t.Errorf("the other key's note: %q", txt)
	}
	for _, p := range res.Pairs {
		if p.A.pkg == 2 || p.B.pkg == 2 {
			t.Errorf("a package with another key was compared: %+v", p)
		}
	}
	if len(res.Pairs) == 0 {
		t.Error("the two packages with the district's key were not compared")
	}
	// A wrong passphrase at the district: nothing is compared, and it says so.
	bad := crossKey(t, "not the district passphrase")
	res = merge(MergeOptions{Key: &bad})
	if len(res.Pairs) != 0 || !slices.Equal(res.Cross, []CrosscheckState{CrossOtherKey, CrossOtherKey, CrossOtherKey}) || !res.KeyChecked {
		t.Errorf("wrong key: pairs %v states %v", res.Pairs, res.Cross)
	}
	// No key: the key most packages share, unchecked.
	res = merge(MergeOptions{})
	if res.KeyChecked || res.KeyID != k.ID() || res.Cross[2] != CrossOtherKey || len(res.Pairs) == 0 {
		t.Errorf("no key: %+v", res)
	}
	if txt := CrossStateText(i18n.ZH, res, 2); !strings.Contains(txt, "多数") {
		t.Errorf("the minority key's note: %q", txt)
	}
	// A package of an earlier version, without crosscheck.json in it or
	// its manifest, merges with a note.
	old := repack(t, in[1].File, func(files map[string][]byte, man *Manifest) {
		delete(files, CrosscheckFile)
		man.Crosscheck = nil
		man.Files = slices.DeleteFunc(man.Files, func(f ManifestFile) bool { return f.Path == CrosscheckFile })
	})
	res, err := MergeWith(context.Background(), []MergeInput{in[0], {File: old}}, out, i18n.EN, MergeOptions{Key: &k})
	if err != nil {
		t.Fatal(err)
	}
	if res.Cross[1] != CrossNoData || len(res.Pairs) != 0 {
		t.Errorf("old package: %v %v", res.Cross, res.Pairs)
	}
}

func TestStoredCrosscheckKeyIsNotReplacedSilently(t *testing.T) {
	st := emptyStore(t)
	k, other := crossKey(t, testCrossPass), crossKey(t, "a different passphrase")
	setKey(t, st, k)
	setKey(t, st, k) // the same again: nothing changes
	if err := st.SetCrosscheckKey("test", other.Bytes(), other.ID(), false); !errors.Is(err, i18n.E("crosscheck.key_differs")) {
		t.Fatalf("a different key without replace: %v", err)
	}
	if b, id, _, _ := st.CrosscheckKey(); id != k.ID() || !bytes.Equal(b, k.Bytes()) {
		t.Fatal("the refused key was stored")
	}
	if err := st.SetCrosscheckKey("test", other.Bytes(), other.ID(), true); err != nil {
		t.Fatal(err)
	}
	es, _ := st.Audit(0, 10)
	var changes []string
	for _, e := range es {
		for _, c := range e.Changes {
			if c.Field == "crosscheck_key" {
				changes = append(changes, c.Old+">"+c.New)
				if strings.Contains(c.Old+c.New, string(k.Bytes())) {
					t.Error("the audit log holds the key")
				}
			}
		}
	}
	slices.Sort(changes)
	want := []string{">" + k.ID(), k.ID() + ">" + other.ID()}
	slices.Sort(want)
	if !slices.Equal(changes, want) {
		t.Errorf("audit %v, want %v", changes, want)
	}
	if _, err := DeriveCrosscheckKey("short"); !errors.Is(err, i18n.E("crosscheck.passphrase_short")) {
		t.Errorf("short passphrase: %v", err)
	}
}

func TestMergeSaysWhoIsMissing(t *testing.T) {
	a := demoStore(t, 51, "青山镇总工会", 30)
	b := demoStore(t, 52, "白水镇总工会", 30)
	list := filepath.Join(t.TempDir(), "townships.csv")
	os.WriteFile(list, []byte("序号,名称,统一社会信用代码\n1,青山镇总工会,\n2,红石街道总工会,\n# 3,closed\n4,黄河镇总工会,81350111MA2K8Q9L2A\n"), 0o600)
	exp, err := ReadExpected(list)
	if err != nil {
		t.Fatal(err)
	}
	if len(exp) != 3 || exp[2].Code != "81350111MA2K8Q9L2A" || exp[1].Name != "红石街道总工会" {
		t.Fatalf("expected %+v", exp)
	}
	in := []MergeInput{{File: writePkg(t, a, "2026-H1", nil).Path}, {File: writePkg(t, b, "2026-H1", nil).Path}}
	out := filepath.Join(t.TempDir(), "district.xlsx")
	res, err := MergeWith(context.Background(), in, out, i18n.ZH, MergeOptions{Expect: exp})
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, m := range res.Missing {
		missing = append(missing, m.Name)
	}
	if !slices.Equal(missing, []string{"红石街道总工会", "黄河镇总工会"}) || len(res.Unexpected) != 1 || res.Unexpected[0].Union.Name != "白水镇总工会" {
		t.Fatalf("missing %v unexpected %v", missing, res.Unexpected)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Each report sheet: the two unions, the two missing, then the totals.
	rows, _ := f.GetRows(i18n.ZH.T("export.r_dues"))
	if len(rows) != 3+2+2+1 || rows[5][1] != "红石街道总工会" || rows[5][3] != "未报" {
		t.Errorf("dues sheet %v", rows)
	}
	rows, _ = f.GetRows(i18n.ZH.T("merge.s_expect"))
	var states []string
	for _, r := range rows[3:] {
		states = append(states, r[1]+":"+r[3])
	}
	if want := []string{"青山镇总工会:已报", "红石街道总工会:未报", "黄河镇总工会:未报", "白水镇总工会:不在名单内"}; !slices.Equal(states, want) {
		t.Errorf("expect sheet %v, want %v", states, want)
	}
	for _, bad := range []string{"名称\n1,81350111MA2K8Q9L2A\n", "a,\nb\na\n", "名称\n"} {
		os.WriteFile(list, []byte(bad), 0o600)
		if _, err := ReadExpected(list); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
