package storage

import (
	"math/rand/v2"
	"testing"
	"time"

	"unionbook/model"
)

// lineSamples are member records as the program writes them: every field
// set, the fewest set, and values at the edges of their encodings.
func lineSamples() []model.Member {
	at := time.Date(2026, 11, 21, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
	full := model.Member{ID: 42, No: "000042", Name: "欧阳·娜娜", Gender: model.Female, Ethnicity: "汉族",
		DocType: model.DocResidentID, IDNumber: residentID("110101", model.NewDate(1990, 3, 7), 124),
		Birth: model.NewDate(1990, 3, 7), Phone: "13812345678", UnitID: 3, Job: "车工", Education: "大学本科",
		Political: "中共党员", Migrant: true, JoinDate: model.NewDate(2015, 3, 1), Status: model.StatusRetained,
		History: []model.StatusChange{{Date: model.NewDate(2020, 1, 1), From: model.StatusActive, To: model.StatusRetained,
			Reason: "下岗", Operator: "李秘书", At: at}},
		Honours: "市劳模", Notes: "备注", Wages: []model.WageBase{{From: 202001, Base: 500000}},
		Employment: 2, Hukou: 1, Skill: 1, Title: 1, CardNo: "C-1", CardIssued: model.NewDate(2015, 3, 2),
		CardReturned: model.NewDate(2020, 1, 2), JoinKind: 1, FromUnion: "某镇总工会"}
	return []model.Member{
		full,
		*testMember("张三", residentID("110101", model.NewDate(1985, 5, 5), 11), 7),
		{ID: 1 << 40, Name: "Ｌｉ Ｍｉｎｇ", UnitID: 1<<64 - 1, JoinDate: -5, Status: model.StatusDeceased},
		{},
	}
}

// The fast scan of a member's line reads what the general decoder reads.
func TestMemberLineScanAgreesWithDecoder(t *testing.T) {
	for _, m := range lineSamples() {
		rec, err := encode(&m)
		if err != nil {
			t.Fatal(err)
		}
		var fast MemberLine
		var buf []byte
		if !scanMemberLine(rec[1+crcSize:], &fast, &buf) {
			t.Fatalf("the scan gave up on %+v", m)
		}
		if want := LineOf(&m); fast != want {
			t.Errorf("scanned %+v, want %+v", fast, want)
		}
	}
}

// A damaged record never reads as a different member: the scan either
// agrees with the general decoder or gives up (and the decoder then says
// what is wrong).
func TestMemberLineScanOnDamage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, m := range lineSamples() {
		rec, err := encode(&m)
		if err != nil {
			t.Fatal(err)
		}
		payload := rec[1+crcSize:]
		for range 3000 {
			p := append([]byte(nil), payload...)
			switch rng.IntN(3) {
			case 0:
				p[rng.IntN(len(p))] ^= byte(1 + rng.IntN(255))
			case 1:
				p = p[:rng.IntN(len(p))]
			case 2:
				i := rng.IntN(len(p))
				p = append(p[:i], append([]byte{byte(rng.IntN(256))}, p[i:]...)...)
			}
			var fast MemberLine
			var buf []byte
			if !scanMemberLine(p, &fast, &buf) {
				continue
			}
			var r memberLineRecord
			if err := decMode.Unmarshal(p, &r); err != nil {
				t.Fatalf("the scan read %x as %+v; the decoder refuses it: %v", p, fast, err)
			}
			want := MemberLine{ID: r.ID, No: r.No, Name: r.Name, IDNumber: r.IDNumber, Phone: r.Phone,
				UnitID: r.UnitID, JoinDate: r.JoinDate, Gender: r.Gender, Status: r.Status}
			if fast != want {
				t.Fatalf("the scan read %x as %+v, the decoder as %+v", p, fast, want)
			}
		}
	}
}

// MemberLines lists every member's line in ID order, and a damaged record
// is an error naming the member.
func TestMemberLines(t *testing.T) {
	s := openTest(t)
	u := mustUnit(t, s, "青山机械厂工会")
	var ids []uint64
	for i, name := range []string{"张三", "Li Ming", "欧阳娜娜"} {
		m := mustMember(t, s, name, residentID("110101", model.NewDate(1985, 5, 5), 11+i), u.ID)
		ids = append(ids, m.ID)
	}
	got, err := s.MemberLines()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ids) {
		t.Fatalf("%d lines, want %d", len(got), len(ids))
	}
	for i, id := range ids {
		m, err := s.Member(id)
		if err != nil {
			t.Fatal(err)
		}
		if got[i] != LineOf(&m) {
			t.Errorf("line %d: %+v, want %+v", i, got[i], LineOf(&m))
		}
	}
}

// The names beside a list of members: number, name and unit of each one
// asked for (in any order, repeated), none for an ID not in the roster.
func TestMemberNamesByID(t *testing.T) {
	s := openTest(t)
	u := mustUnit(t, s, "青山机械厂工会")
	var ms []model.Member
	for i, name := range []string{"张三", "Li Ming", "欧阳娜娜"} {
		ms = append(ms, mustMember(t, s, name, residentID("110101", model.NewDate(1985, 5, 5), 11+i), u.ID))
	}
	got, err := s.MemberNamesByID([]uint64{ms[2].ID, 999, ms[0].ID, ms[2].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d names, want 2: %+v", len(got), got)
	}
	for _, m := range []model.Member{ms[0], ms[2]} {
		want := MemberName{ID: m.ID, UnitID: u.ID, No: m.No, Name: m.Name}
		if n := got.Of(m.ID); n != want {
			t.Errorf("Of(%d) = %+v, want %+v", m.ID, n, want)
		}
	}
	if n := got.Of(ms[1].ID); n != (MemberName{}) {
		t.Errorf("a member not asked for: %+v", n)
	}
	if n := got.Of(999); n != (MemberName{}) {
		t.Errorf("no such member: %+v", n)
	}
}
