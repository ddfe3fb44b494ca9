package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"unionbook/model"
)

// surname gives the reading of a character at the start of a name where it
// differs from the dictionary's first reading (曾 is céng in 曾经 but Zēng
// as a surname).
var surname = map[rune]string{
	'曾': "zēng", '单': "shàn", '仇': "qiú", '解': "xiè", '区': "ōu",
	'朴': "piáo", '查': "zhā", '盖': "gě", '覃': "qín", '乐': "yuè",
	'缪': "miào", '召': "shào", '翟': "zhái", '长': "cháng", '重': "chóng",
	'种': "chóng", '秘': "bì", '薄': "bó", '繁': "pó", '隗': "wěi",
	'句': "gōu", '能': "nài", '祭': "zhài", '阚': "kàn", '那': "nā",
	'过': "guō", '员': "yùn", '华': "huà", '任': "rén", '纪': "jǐ",
	'沈': "shěn", '宁': "nìng", '折': "shé", '佴': "nài", '郇': "huán",
	'粘': "nián", '蕃': "pí",
}

// compound gives the readings of two-character surnames whose characters
// read differently alone.
var compound = map[string][2]string{
	"尉迟": {"yù", "chí"},
	"万俟": {"mò", "qí"},
	"单于": {"chán", "yú"},
	"澹台": {"tán", "tái"},
	"长孙": {"zhǎng", "sūn"},
}

// NameSortKey returns a key whose byte order sorts names the way a Chinese
// roster is sorted: syllable by syllable in pinyin (a surname with its
// surname reading), then by tone, then by character; Latin names
// alphabetically among them (Anna next to 阿, Zoe next to 张), digits and
// characters without a reading last; identical spellings by the name
// itself. Use it with strings.Compare or sort by it; it is not for display.
//
// Each element is encoded as its syllable (a–z, ü as v), 0x01, the tone
// ('1'–'5', '0' for a Latin word) and the character's code point in three
// bytes; the elements end with 0x00 and the name follows.
func NameSortKey(name string) string { return sortKey(name, compound, surname) }

// places gives the readings of the place names that open many
// organisations' names and whose first character reads otherwise alone
// (重庆 chóng, not zhòng; 长 opens 长沙, 长江, 长城 as cháng).
var places = map[string][2]string{
	"重庆": {"chóng", "qìng"},
	"长沙": {"cháng", "shā"},
	"长春": {"cháng", "chūn"},
	"长江": {"cháng", "jiāng"},
	"长城": {"cháng", "chéng"},
	"长安": {"cháng", "ān"},
	"厦门": {"xià", "mén"},
	"六安": {"lù", "ān"},
	"蚌埠": {"bèng", "bù"},
	"番禺": {"pān", "yú"},
}

// OrgSortKey is NameSortKey for the name of a unit, a union or a place:
// every character by its common reading, without the surname readings
// (解放 is jiěfàng, 华为 huáwéi), and the place names that open many such
// names by their own reading (重庆 chóngqìng). SortUnits sorts by it.
func OrgSortKey(name string) string { return sortKey(name, places, nil) }

// sortKey builds a sort key reading the first two elements as lead gives
// them and a first element alone as single does, where they say.
func sortKey(name string, lead map[string][2]string, single map[rune]string) string {
	norm := normalize(name)
	var arr [128]byte
	b := arr[:0]
	var first [2]string
	if len(norm) >= 6 {
		if c, ok := lead[norm[:6]]; ok {
			first = c
		}
	}
	el := 0
	word := false
	for _, r := range norm {
		if r < 0x80 && isLower(byte(r)) {
			if !word {
				el++
			}
			b = append(b, byte(r))
			word = true
			continue
		}
		if word {
			b = append(b, 0x01, '0', 0, 0, 0)
			word = false
		}
		if (r < 0x3400 || r > 0x9FFF) && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue // spaces, hyphens, punctuation
		}
		reading := ""
		if el < 2 && first[el] != "" {
			reading = first[el]
		} else if el == 0 {
			reading = single[r]
		}
		if reading == "" {
			reading, _, _ = strings.Cut(syllables(r), ",")
		}
		tone := byte('5')
		if reading == "" {
			b = append(b, 0x7f)
		} else {
			b, tone = plain(b, reading)
			tone += '0'
		}
		b = append(b, 0x01, tone, byte(r>>16), byte(r>>8), byte(r))
		el++
	}
	if word {
		b = append(b, 0x01, '0', 0, 0, 0)
	}
	b = append(b, 0x00)
	b = append(b, name...)
	return string(b)
}

// SortUnits sorts units by name in pinyin order (OrgSortKey), ties by ID:
// the order of every list, picker and report of units.
func SortUnits(us []model.Unit) {
	keys := make(map[uint64]string, len(us))
	for _, u := range us {
		keys[u.ID] = OrgSortKey(u.Name)
	}
	slices.SortStableFunc(us, func(a, b model.Unit) int {
		if c := strings.Compare(keys[a.ID], keys[b.ID]); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// SortUnitIDs sorts unit IDs by the names name gives them, as SortUnits
// sorts units (for a report that holds IDs).
func SortUnitIDs(ids []uint64, name func(uint64) string) {
	keys := make(map[uint64]string, len(ids))
	for _, id := range ids {
		keys[id] = OrgSortKey(name(id))
	}
	slices.SortStableFunc(ids, func(a, b uint64) int {
		if c := strings.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}
