package search

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

var (
	surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单")
	given    = []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国文辉玲红梅鹏飞宇浩然子轩欣怡佳琪思雨俊杰志强海燕雪梅春花秋菊冬梅晓东晓燕丹丹婷婷重庆长乐")
)

// roster builds n plausible keys from a fixed seed.
func roster(n int) []Key {
	r := rand.New(rand.NewPCG(1, 2))
	keys := make([]Key, n)
	for i := range keys {
		name, no, phone, id := person(r, i)
		keys[i] = NewKey(name, no, phone, id)
	}
	return keys
}

func person(r *rand.Rand, i int) (name, no, phone, id string) {
	nm := []rune{surnames[r.IntN(len(surnames))], given[r.IntN(len(given))]}
	if r.IntN(3) > 0 {
		nm = append(nm, given[r.IntN(len(given))])
	}
	name = string(nm)
	if i%500 == 0 {
		name = "阿依古丽·买买提"
	}
	no = fmt.Sprintf("%06d", i+1)
	phone = fmt.Sprintf("1%d%09d", 3+r.IntN(7), r.IntN(1_000_000_000))
	first17 := fmt.Sprintf("%06d%04d%02d%02d%03d", 330100+r.IntN(200), 1960+r.IntN(45), 1+r.IntN(12), 1+r.IntN(28), r.IntN(1000))
	id = first17 + string("10X98765432"[checkSum(first17)])
	return
}

func checkSum(first17 string) int {
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	s := 0
	for i := range 17 {
		s += int(first17[i]-'0') * w[i]
	}
	return s % 11
}

func BenchmarkNewKey(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	type p struct{ name, no, phone, id string }
	ps := make([]p, 1000)
	for i := range ps {
		ps[i].name, ps[i].no, ps[i].phone, ps[i].id = person(r, i)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		x := &ps[i%len(ps)]
		NewKey(x.name, x.no, x.phone, x.id)
	}
}

var sink int

// BenchmarkSearch100k times one pass of a query over 100,000 keys, the
// work of one keystroke.
func BenchmarkSearch100k(b *testing.B) {
	keys := roster(100_000)
	total := 0
	for i := range keys {
		total += keys[i].Size() + 32
	}
	b.Logf("100,000 keys: %.1f MB", float64(total)/1e6)
	for _, s := range []string{"z", "zs", "1234", "zhangw", "张", "3x"} {
		q := Compile(s)
		b.Run(s, func(b *testing.B) {
			n := 0
			for b.Loop() {
				n = 0
				for i := range keys {
					if keys[i].Match(q) {
						n++
					}
				}
			}
			sink = n
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ms/pass")
			b.ReportMetric(float64(n), "hits")
		})
	}
}

func BenchmarkNameSortKey(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	names := make([]string, 1000)
	for i := range names {
		names[i], _, _, _ = person(r, i)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		NameSortKey(names[i%len(names)])
	}
}
