package roster

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"unionbook/model"
)

// Rosters name units as people say them: 宏达机械 for the registered
// 厦门宏达机械有限公司工会. A unit name that is not registered but nearly
// matches one registered unit is offered as that unit (Plan.UnitMatches,
// with why) instead of being created a second time; the user can refuse
// (Options.RefuseMatches, Options.ExactUnits).

// UnitMatch is a unit name of the roster taken as a registered unit of
// another name.
type UnitMatch struct {
	Written string // the roster's name
	UnitID  uint64 // the registered unit
	Unit    string // its name
	// Why is a catalogue key: the names are the same without the place,
	// the company form and 工会 (import.match_core), the roster's is part
	// of the registered name (import.match_part), or holds it
	// (import.match_more).
	Why  string
	Rows int // rows naming it
	// Refused: the user said it is another unit; the rows are as if no
	// unit matched (a new unit, or a problem).
	Refused bool
}

// Key is how a refusal names the match: the roster's name as compared.
func (m UnitMatch) Key() string { return unitKey(m.Written) }

// unitForms are what unit names end with besides what makes them one:
// the union's own words and the company forms, longest first.
var unitForms = []string{
	"基层工会联合会", "联合工会委员会", "工会委员会", "联合工会", "工会", "委员会",
	"股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "分公司", "公司", "集团",
	"总厂", "分厂", "厂",
}

// provinces start many registered names (福建宏达, 厦门市宏达): with the
// city, county or district after them, they are no part of the name's core.
var provinces = []string{
	"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东",
	"河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏",
	"宁夏", "新疆", "香港", "澳门",
}

var (
	reProvinceSuffix = regexp.MustCompile(`^(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)`)
	// a city, county, district or town written with its word: 厦门市, 湖里区
	rePlace   = regexp.MustCompile(`^\p{Han}{2,4}?(市|地区|自治州|州|盟|区|县|旗|镇|乡|街道)`)
	reBracket = regexp.MustCompile(`[(（][^)）]*[)）]`)
)

// unitCore is a unit name without what varies between the ways it is
// written: brackets, a leading province and places, the company form and
// the union's words. 厦门市宏达机械有限公司工会 and 宏达机械 have the core
// 宏达机械 (once 厦门 is known as a place: see nearUnit).
func unitCore(name string) string {
	s := unitKey(name)
	s = reBracket.ReplaceAllString(s, "")
	s = strings.NewReplacer(" ", "", "·", "", "-", "").Replace(s)
	for changed := true; changed; {
		changed = false
		for _, f := range unitForms {
			if strings.HasSuffix(s, f) && utf8.RuneCountInString(s) > utf8.RuneCountInString(f)+1 {
				s, changed = strings.TrimSuffix(s, f), true
				break
			}
		}
	}
	for _, p := range provinces {
		if rest, ok := strings.CutPrefix(s, p); ok && utf8.RuneCountInString(rest) >= 2 {
			s = reProvinceSuffix.ReplaceAllString(rest, "")
			break
		}
	}
	for i := 0; i < 3; i++ {
		loc := rePlace.FindStringIndex(s)
		if loc == nil || utf8.RuneCountInString(s[loc[1]:]) < 2 {
			break
		}
		s = s[loc[1]:]
	}
	return s
}

// minContained is the shortest core that may be found inside another: 宏达
// inside 厦门宏达机械 is too little to go on, 宏达机械 is enough.
const minContained = 4

// unitMatcher finds the registered unit a name nearly matches.
type unitMatcher struct {
	units []model.Unit
	cores []string
	memo  map[string]int // core -> index in units, -1 for none
}

func newUnitMatcher(us []model.Unit) *unitMatcher {
	m := &unitMatcher{units: us, cores: make([]string, len(us)), memo: map[string]int{}}
	for i, u := range us {
		m.cores[i] = unitCore(u.Name)
	}
	return m
}

// match is the registered unit name nearly matches, and why; ok is false
// when none does, or more than one (which is for the user to say).
func (m *unitMatcher) match(name string) (u model.Unit, why string, ok bool) {
	core := unitCore(name)
	if utf8.RuneCountInString(core) < 2 {
		return u, "", false
	}
	i, seen := m.memo[core]
	if !seen {
		i = m.find(core)
		m.memo[core] = i
	}
	if i < 0 {
		return u, "", false
	}
	switch b := m.cores[i]; {
	case b == core:
		return m.units[i], "import.match_core", true
	case len(core) < len(b):
		return m.units[i], "import.match_part", true
	}
	return m.units[i], "import.match_more", true
}

// find is the index of the one unit whose core is core, else of the one
// whose core holds core or is held by it (at least minContained runes);
// -1 for none or several.
func (m *unitMatcher) find(core string) int {
	same, near := -1, -1
	nSame, nNear := 0, 0
	n := utf8.RuneCountInString(core)
	for i, b := range m.cores {
		switch {
		case b == core:
			same = i
			nSame++
		case n >= minContained && strings.Contains(b, core),
			utf8.RuneCountInString(b) >= minContained && strings.Contains(core, b):
			near = i
			nNear++
		}
	}
	switch {
	case nSame == 1:
		return same
	case nSame == 0 && nNear == 1:
		return near
	}
	return -1
}

// nearUnits offers, for the unit names of a roster not registered as
// written, the registered unit each nearly matches, once per name, and
// counts the rows in Plan.UnitMatches.
type nearUnits struct {
	p       *Plan
	m       *unitMatcher
	refused map[string]bool
	index   map[string]int // unit key -> index in p.UnitMatches, -1 for none
}

func (p *Plan) newNearUnits(us []model.Unit) *nearUnits {
	n := &nearUnits{p: p, m: newUnitMatcher(us), refused: map[string]bool{}, index: map[string]int{}}
	for _, k := range p.Opts.RefuseMatches {
		n.refused[k] = true
	}
	return n
}

// unit is the registered unit the name (key k) is taken as; ok is false
// when none matches, or the user refused the match.
func (n *nearUnits) unit(k, name string) (id uint64, ok bool) {
	p := n.p
	j, seen := n.index[k]
	if !seen {
		j = -1
		if !p.Opts.ExactUnits {
			if u, why, found := n.m.match(name); found {
				j = len(p.UnitMatches)
				p.UnitMatches = append(p.UnitMatches, UnitMatch{
					Written: model.NormalizeUnitName(name), UnitID: u.ID, Unit: u.Name, Why: why, Refused: n.refused[k],
				})
			}
		}
		n.index[k] = j
	}
	if j < 0 {
		return 0, false
	}
	p.UnitMatches[j].Rows++
	if p.UnitMatches[j].Refused {
		return 0, false
	}
	return p.UnitMatches[j].UnitID, true
}
