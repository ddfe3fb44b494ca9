package members

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"unionbook/model"
	"unionbook/storage"
)

// bigRoster is n members with names drawn from common surnames and given
// names, deterministic.
func bigRoster(n int) []storage.MemberLine {
	surnames := []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥玲芬燕彬鹏辉建国志文")
	rng := rand.New(rand.NewPCG(1, 2))
	ms := make([]storage.MemberLine, n)
	for i := range ms {
		name := string(surnames[rng.IntN(len(surnames))]) + string(given[rng.IntN(len(given))])
		if rng.IntN(2) == 0 {
			name += string(given[rng.IntN(len(given))])
		}
		ms[i] = storage.MemberLine{ID: uint64(i + 1), No: fmt.Sprintf("%06d", i+1), Name: name,
			IDNumber: fmt.Sprintf("1101011990%08d", rng.IntN(1e8)), Phone: fmt.Sprintf("138%08d", rng.IntN(1e8)),
			UnitID: uint64(rng.IntN(500) + 1), Status: model.StatusActive}
	}
	return ms
}

// BenchmarkRosterQuery300k is the filtering of one search keystroke over
// 300,000 members (no drawing): a first letter, a digit and a character
// test every member; a second letter narrows the first's rows.
func BenchmarkRosterQuery300k(b *testing.B) {
	r := newRoster(bigRoster(300000))
	for _, q := range []string{"z", "1", "张"} {
		b.Run("fresh_"+q, func(b *testing.B) {
			for b.Loop() {
				r.setQuery(q)
				b.StopTimer()
				r.setQuery("")
				b.StartTimer()
			}
		})
	}
	b.Run("narrowing_zs", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			r.setQuery("z")
			b.StartTimer()
			r.setQuery("zs")
			b.StopTimer()
			r.setQuery("")
			b.StartTimer()
		}
	})
}
