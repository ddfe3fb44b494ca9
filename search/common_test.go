package search

import (
	"strings"
	"testing"

	"unionbook/model"
)

// Real names (and a few places) with how people spell them: each must be
// found by its full pinyin and its initials.
var realNames = []struct{ name, pinyin string }{
	{"张立怡", "zhangliyi"}, {"王伟", "wangwei"}, {"李娜", "lina"}, {"刘洋", "liuyang"},
	{"陈静", "chenjing"}, {"杨秀英", "yangxiuying"}, {"黄丽", "huangli"}, {"赵强", "zhaoqiang"},
	{"吴敏", "wumin"}, {"周杰", "zhoujie"}, {"徐长青", "xuchangqing"}, {"孙朝阳", "sunchaoyang"},
	{"马晓乐", "maxiaole"}, {"朱重阳", "zhuchongyang"}, {"胡会英", "huhuiying"}, {"郭行健", "guoxingjian"},
	{"曾志伟", "zengzhiwei"}, {"单田芳", "shantianfang"}, {"解晓东", "xiexiaodong"}, {"仇英", "qiuying"},
	{"区家明", "oujiaming"}, {"查良镛", "zhaliangyong"}, {"朴树", "piaoshu"}, {"乐嘉", "yuejia"},
	{"翟天临", "zhaitianlin"}, {"盖丽丽", "geli li"}, {"覃海洋", "qinhaiyang"}, {"缪杰", "miaojie"},
	{"尉迟恭", "yuchigong"}, {"万俟卨", "moqixie"}, {"澹台明", "tantaiming"}, {"长孙无忌", "zhangsunwuji"},
	{"那英", "naying"}, {"任贤齐", "renxianqi"}, {"沈腾", "shenteng"}, {"宁泽涛", "ningzetao"},
	{"重庆", "chongqing"}, {"厦门", "xiamen"}, {"六安", "luan"}, {"蚌埠", "bengbu"},
	{"东莞", "dongguan"}, {"银行", "yinhang"}, {"音乐", "yinyue"}, {"长沙", "changsha"},
	{"能海", "naihai"}, {"阿依古丽", "ayiguli"}, {"柏杨", "boyang"}, {"秘书", "mishu"},
}

func TestRealNamesMatchTheirPinyinAndInitials(t *testing.T) {
	for _, c := range realNames {
		k := NewKey(c.name, "", "", "")
		py := strings.ReplaceAll(c.pinyin, " ", "")
		if !k.Match(Compile(py)) {
			t.Errorf("%s is not found by %q", c.name, py)
		}
	}
	for _, c := range []struct{ name, initials string }{
		{"重庆", "cq"}, {"重庆", "zq"}, {"长沙", "cs"}, {"单田芳", "stf"}, {"单田芳", "dtf"},
		{"曾志伟", "zzw"}, {"曾志伟", "czw"}, {"厦门", "xm"}, {"银行", "yh"}, {"音乐", "yy"},
	} {
		if k := NewKey(c.name, "", "", ""); !k.Match(Compile(c.initials)) {
			t.Errorf("%s is not found by its initials %q", c.name, c.initials)
		}
	}
}

// Archaic readings find nobody: 立 wèi, 能 tái, 那 nuó, 重 tóng, 会 guì.
func TestArchaicReadingsDoNotMatch(t *testing.T) {
	for _, c := range []struct{ name, query string }{
		{"张立怡", "zhangw"}, {"张立怡", "zwy"}, {"能海", "taihai"}, {"那英", "nuoying"},
		{"重庆", "tongqing"}, {"会计", "guiji"}, {"王伟", "wangwi"}, {"李娜", "lino"},
	} {
		if k := NewKey(c.name, "", "", ""); k.Match(Compile(c.query)) {
			t.Errorf("%s is found by %q, an archaic reading", c.name, c.query)
		}
	}
}

// Every reading the table lists is one of the dictionary's (no typo makes
// a reading up), and no character lists its first reading alone.
func TestCommonReadingsAreTheDictionarys(t *testing.T) {
	for r, list := range commonReadings {
		var dict []string
		for _, one := range strings.Split(syllables(r), ",") {
			p, _ := plain(nil, one)
			dict = append(dict, string(p))
		}
		for _, want := range strings.Split(list, ",") {
			if !listed(strings.Join(dict, ","), want) {
				t.Errorf("%c: %q is not among the dictionary's readings %v", r, want, dict)
			}
		}
	}
}

// The surname readings the sort key uses are readings search matches.
func TestSurnameReadingsAreSearched(t *testing.T) {
	for r, reading := range surname {
		p, _ := plain(nil, reading)
		if k := NewKey(string(r), "", "", ""); !k.Match(Compile(string(p))) {
			t.Errorf("%c is not found by its surname reading %q", r, p)
		}
	}
	for name, rs := range compound {
		var q []byte
		for _, x := range rs {
			q, _ = plain(q, x)
		}
		if k := NewKey(name, "", "", ""); !k.Match(Compile(string(q))) {
			t.Errorf("%s is not found by %q", name, q)
		}
	}
}

func TestSortUnitsByPinyin(t *testing.T) {
	var us []model.Unit
	names := []string{"重庆路社区工会", "长城机械厂工会", "解放街道联合工会", "华为服务站工会", "阿里巴巴工会",
		"宏达机械工会", "Zeta科技工会", "重型机械工会", "厦门航空分公司工会", "中华路工会", "宏达机械工会"}
	for i, n := range names {
		us = append(us, model.Unit{ID: uint64(len(names) - i), Name: n})
	}
	SortUnits(us)
	var got []string
	for _, u := range us {
		got = append(got, u.Name)
	}
	want := []string{"阿里巴巴工会", "长城机械厂工会", "重庆路社区工会", "宏达机械工会", "宏达机械工会", "华为服务站工会",
		"解放街道联合工会", "厦门航空分公司工会", "Zeta科技工会", "中华路工会", "重型机械工会"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("units sorted as\n%v, want\n%v", got, want)
	}
	if us[3].ID > us[4].ID {
		t.Error("units of the same name are not in the order of their IDs")
	}
	ids := []uint64{1, 2, 3}
	byID := map[uint64]string{1: "中华路工会", 2: "阿里巴巴工会", 3: "重庆路社区工会"}
	SortUnitIDs(ids, func(id uint64) string { return byID[id] })
	if ids[0] != 2 || ids[1] != 3 || ids[2] != 1 {
		t.Errorf("ids sorted as %v", ids)
	}
}
