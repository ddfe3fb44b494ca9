package model

import (
	"strings"
	"testing"

	"unionbook/i18n"
)

func TestCanBecome(t *testing.T) {
	A, R, T, L, E, D := StatusActive, StatusRetained, StatusTransferred, StatusLeft, StatusExpelled, StatusDeceased
	allowed := map[Status][]Status{
		A: {R, T, L, E, D},
		R: {A, T, L, E, D},
		T: {A},
		L: {A},
		E: {A},
		D: {},
	}
	for _, from := range Statuses {
		for _, to := range append(Statuses, 0, 7) {
			want := false
			for _, s := range allowed[from] {
				want = want || s == to
			}
			if got := from.CanBecome(to); got != want {
				t.Errorf("%s → %s: %v, want %v", from.Key(), to.Key(), got, want)
			}
		}
	}
	if !StatusActive.InUnion() || !StatusRetained.InUnion() || StatusLeft.InUnion() || StatusDeceased.InUnion() {
		t.Error("InUnion")
	}
}

func change(d Date, to Status, reason string) StatusChange {
	return StatusChange{Date: d, To: to, Reason: reason}
}

func TestValidateChange(t *testing.T) {
	base := validMember() // joined 2015-06-01, active
	withHistory := validMember()
	withHistory.Apply(change(20200101, StatusRetained, "退休"))

	cases := []struct {
		name  string
		m     Member
		c     StatusChange
		field string
		key   string
	}{
		{"date required", base, change(0, StatusLeft, "本人申请"), "change_date", "problem.required"},
		{"date impossible", base, change(20230230, StatusLeft, "本人申请"), "change_date", "date.impossible"},
		{"date in future", base, change(today+1, StatusLeft, "本人申请"), "change_date", "problem.future"},
		{"before joining", base, change(20150531, StatusLeft, "本人申请"), "change_date", "member.change_before_join"},
		{"before last change", withHistory, change(20191231, StatusActive, "返聘"), "change_date", "member.change_before_last"},
		{"reason required", base, change(20200101, StatusLeft, " "), "reason", "problem.required"},
		{"receiving union", base, change(20200101, StatusTransferred, "调动"), "to_union", "problem.required"},
		{"same status", base, change(20200101, StatusActive, "无"), "status", "member.bad_transition"},
		{"unknown status", base, change(20200101, 9, "无"), "status", "member.bad_transition"},
	}
	for _, c := range cases {
		ps := c.m.ValidateChange(c.c, today)
		if !ps.Has(c.field, c.key) || len(ps) != 1 {
			t.Errorf("%s: want only %s/%s, got %v", c.name, c.field, c.key, keysOf(ps))
		}
	}

	okCases := []struct {
		m Member
		c StatusChange
	}{
		{base, change(20200101, StatusLeft, "本人申请")},
		{base, change(20150601, StatusRetained, "下岗")}, // on the join date
		{base, change(today, StatusDeceased, "病故")},
		{base, StatusChange{Date: 20200101, To: StatusTransferred, Reason: "调动", ToUnion: "某某公司工会"}},
		{withHistory, change(20200101, StatusActive, "返聘")}, // same day as the last change
	}
	for i, c := range okCases {
		if ps := c.m.ValidateChange(c.c, today); len(ps) != 0 {
			t.Errorf("ok case %d: %v", i, keysOf(ps))
		}
	}

	// Every problem at once.
	dead := validMember()
	dead.Apply(change(20200101, StatusDeceased, "病故"))
	ps := dead.ValidateChange(StatusChange{Date: 20190101, To: StatusTransferred}, today)
	for _, w := range [][2]string{{"status", "member.bad_transition"}, {"change_date", "member.change_before_last"}, {"reason", "problem.required"}, {"to_union", "problem.required"}} {
		if !ps.Has(w[0], w[1]) {
			t.Errorf("deceased: missing %s/%s in %v", w[0], w[1], keysOf(ps))
		}
	}
	zh, en := ps.Localize(i18n.ZH), ps.Localize(i18n.EN)
	if !strings.Contains(zh, "会籍状态：不能从「去世」变为「转出」") || !strings.Contains(zh, "变动日期：不能早于上一次会籍变动日期 2020-01-01") {
		t.Errorf("zh:\n%s", zh)
	}
	if !strings.Contains(en, "Status: cannot change from deceased to transferred out") {
		t.Errorf("en:\n%s", en)
	}
	noRawKeys(t, zh)
	noRawKeys(t, en)
}

func TestApplyAndStatusOn(t *testing.T) {
	m := validMember() // joined 2015-06-01
	m.Apply(StatusChange{Date: 20180301, To: StatusRetained, Reason: " 下岗 "})
	m.Apply(StatusChange{Date: 20190701, To: StatusActive, Reason: "再就业"})
	m.Apply(StatusChange{Date: 20210101, To: StatusTransferred, Reason: "调动", ToUnion: " 某某 公司工会 "})
	m.Apply(StatusChange{Date: 20230601, To: StatusActive, Reason: "调回"})

	if m.Status != StatusActive || len(m.History) != 4 {
		t.Fatalf("status %v, history %d", m.Status, len(m.History))
	}
	h := m.History
	if h[0].From != StatusActive || h[0].To != StatusRetained || h[0].Reason != "下岗" {
		t.Errorf("history[0] = %+v", h[0])
	}
	if h[2].From != StatusActive || h[2].ToUnion != "某某公司工会" {
		t.Errorf("history[2] = %+v", h[2])
	}
	if h[3].From != StatusTransferred {
		t.Errorf("history[3] = %+v", h[3])
	}
	on := map[Date]Status{
		20150531: 0, // before joining
		20150601: StatusActive,
		20180228: StatusActive,
		20180301: StatusRetained, // the day of the change
		20190630: StatusRetained,
		20190701: StatusActive,
		20201231: StatusActive,
		20210101: StatusTransferred,
		20230531: StatusTransferred,
		20230601: StatusActive,
		today:    StatusActive,
	}
	for d, want := range on {
		if got := m.StatusOn(d); got != want {
			t.Errorf("StatusOn(%s) = %s, want %s", d, got.Key(), want.Key())
		}
	}
	plain := validMember()
	plain.Status = StatusRetained
	if plain.StatusOn(20200101) != StatusRetained || plain.StatusOn(20000101) != 0 {
		t.Error("StatusOn without history")
	}
}
