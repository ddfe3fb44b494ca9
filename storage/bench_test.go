package storage

import (
	"fmt"
	"testing"
	"time"

	"unionbook/model"
)

var (
	surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given    = []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰红梅志强海燕")
)

// rosterMember is the i-th member of a synthetic roster: a valid, unique
// resident ID, realistic fields, and one in twenty with a status history.
func rosterMember(i int, unit uint64) *model.Member {
	day := i % 14000
	birth := model.DateOf(time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day))
	id := residentID("350102", birth, 100+i/14000)
	name := string(surnames[i%len(surnames)]) + string(given[(i/7)%len(given)])
	if i%3 == 0 {
		name += string(given[(i/11)%len(given)])
	}
	m := &model.Member{
		Name: name, Gender: model.IDGender(id), Ethnicity: "汉族", DocType: model.DocResidentID, IDNumber: id,
		Phone: fmt.Sprintf("138%08d", i), UnitID: unit, Job: "操作工", Education: model.Educations[i%len(model.Educations)],
		Political: "群众", Migrant: i%2 == 0, JoinDate: model.NewDate(2016, 1+time.Month(i%12), 1+i%28),
	}
	if i%20 == 0 {
		m.Status = model.StatusRetained
		m.History = []model.StatusChange{{Date: model.NewDate(2023, 1, 1), From: model.StatusActive, To: model.StatusRetained,
			Reason: "退休", Operator: "李秘书", At: testNow}}
	}
	return m
}

// fillRoster writes units and members through one Bulk and returns how
// long the member inserts took.
func fillRoster(tb testing.TB, s *Store, units, members int) time.Duration {
	tb.Helper()
	var took time.Duration
	err := s.Bulk("demo", func(b *Batch) error {
		ids := make([]uint64, units)
		for i := range units {
			u := testUnit(fmt.Sprintf("第%03d号企业工会", i))
			if err := b.CreateUnit(u); err != nil {
				return err
			}
			ids[i] = u.ID
		}
		start := time.Now()
		for i := range members {
			if err := b.CreateMember(rosterMember(i, ids[i%units])); err != nil {
				return fmt.Errorf("member %d: %w", i, err)
			}
		}
		took = time.Since(start)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return took
}

func TestRosterGeneratorIsValid(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fillRoster(t, s, 10, 2000)
	ms, err := s.Members()
	if err != nil || len(ms) != 2000 {
		t.Fatalf("%d members, %v", len(ms), err)
	}
	if ms[20].Status != model.StatusRetained || len(ms[20].History) != 1 || !ms[20].History[0].At.Equal(testNow) {
		t.Errorf("member with history: %+v", ms[20])
	}
}

// BenchmarkMembers100k is loading the whole roster at program start.
func BenchmarkMembers100k(b *testing.B) {
	s := openTest(b)
	start := time.Now()
	inserts := fillRoster(b, s, 100, 100_000)
	b.Logf("Bulk of 100 units + 100,000 members: member inserts %v, whole transaction with commit %v",
		inserts.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	b.ResetTimer()
	for b.Loop() {
		ms, err := s.Members()
		if err != nil || len(ms) != 100_000 {
			b.Fatalf("%d members, %v", len(ms), err)
		}
	}
}

// BenchmarkBulk100k is writing the 100,000-member demo roster.
func BenchmarkBulk100k(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s := openTest(b)
		b.StartTimer()
		fillRoster(b, s, 100, 100_000)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkCreateMember is one member saved from the form: one
// transaction, one fsync.
func BenchmarkCreateMember(b *testing.B) {
	s := openTest(b)
	fillRoster(b, s, 10, 10_000)
	units, _ := s.Units()
	i := 10_000
	for b.Loop() {
		if err := s.CreateMember("x", rosterMember(i, units[i%len(units)].ID)); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
