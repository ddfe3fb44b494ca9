package model

import (
	"slices"
	"time"
	"unicode/utf8"
)

// Honours (荣誉) of members and units (docs/rules.md S15): model workers
// (劳动模范), the May Day
// labour medal and certificate (五一劳动奖章, 奖状), the worker pioneer
// teams (工人先锋号) and the like, each with its level, year and the body
// that awarded it. Members with a model-worker honour are the model
// workers the union looks after (劳模关爱): see ModelWorkerLevelOf.

// HonourTitle is what the honour is.
type HonourTitle uint8

const (
	HonourModelWorker HonourTitle = 1 // 劳动模范
	HonourAdvanced    HonourTitle = 2 // 先进工作者 (the model worker title of organs and institutions)
	HonourMayDayMedal HonourTitle = 3 // 五一劳动奖章 (a person)
	HonourMayDayAward HonourTitle = 4 // 五一劳动奖状 (a unit)
	HonourPioneer     HonourTitle = 5 // 工人先锋号 (a team or unit)
	HonourCivilWorker HonourTitle = 6 // 文明职工
	HonourRedBanner   HonourTitle = 7 // 三八红旗手
	HonourUnionWorker HonourTitle = 8 // 优秀工会工作者 / 积极分子
	HonourOther       HonourTitle = 9 // other: the name says which
)

// HonourTitles in display order.
var HonourTitles = []HonourTitle{HonourModelWorker, HonourAdvanced, HonourMayDayMedal, HonourMayDayAward,
	HonourPioneer, HonourCivilWorker, HonourRedBanner, HonourUnionWorker, HonourOther}

// Key is the catalogue key of the title.
func (t HonourTitle) Key() string { return "honour.t" + itoa(int(min(t, 10))) }

// ForMember reports a title given to a person.
func (t HonourTitle) ForMember() bool { return t != HonourMayDayAward }

// ForUnit reports a title given to a unit or team.
func (t HonourTitle) ForUnit() bool {
	return t == HonourMayDayAward || t == HonourPioneer || t == HonourOther
}

// ModelWorker reports a model-worker title (劳动模范 or 先进工作者).
func (t HonourTitle) ModelWorker() bool { return t == HonourModelWorker || t == HonourAdvanced }

// HonourLevel is the level of the body that gave the honour.
type HonourLevel uint8

const (
	LevelNational HonourLevel = 1 // 全国
	LevelProvince HonourLevel = 2 // 省部级
	LevelCity     HonourLevel = 3 // 市（地）级
	LevelCounty   HonourLevel = 4 // 县（区）级
	LevelLocal    HonourLevel = 5 // 乡镇（街道）及以下
)

// HonourLevels, highest first.
var HonourLevels = []HonourLevel{LevelNational, LevelProvince, LevelCity, LevelCounty, LevelLocal}

// Key is the catalogue key of the level.
func (l HonourLevel) Key() string { return "honour.l" + itoa(int(min(l, 6))) }

// Honour is one honour of a member or of a unit (exactly one of the two).
type Honour struct {
	ID        uint64      `cbor:"1,keyasint"`
	MemberID  uint64      `cbor:"2,keyasint,omitempty"`
	UnitID    uint64      `cbor:"3,keyasint,omitempty"`
	Title     HonourTitle `cbor:"4,keyasint"`
	Name      string      `cbor:"5,keyasint,omitempty"` // the honour's own name, for "other" (or to be exact)
	Level     HonourLevel `cbor:"6,keyasint"`
	Year      int         `cbor:"7,keyasint"`
	Body      string      `cbor:"8,keyasint,omitempty"` // awarded by (授予机关)
	Notes     string      `cbor:"9,keyasint,omitempty"`
	Operator  string      `cbor:"10,keyasint,omitempty"`
	CreatedAt time.Time   `cbor:"11,keyasint"`
}

// Normalize cleans the honour's text.
func (h *Honour) Normalize() {
	h.Name = CleanText(h.Name)
	h.Body = NormalizeUnitName(h.Body)
	h.Notes = CleanText(h.Notes)
}

// Validate checks the honour's own fields (the store checks that its
// member or unit exists): one holder, a title that fits it, a level, a
// year not in the future, a name for "other".
func (h *Honour) Validate(today Date) Problems {
	var ps Problems
	switch {
	case h.MemberID == 0 && h.UnitID == 0:
		ps.add("holder", "problem.required")
	case h.MemberID != 0 && h.UnitID != 0:
		ps.add("holder", "honour.two_holders")
	}
	switch {
	case !slices.Contains(HonourTitles, h.Title):
		ps.add("honour_title", "problem.required")
	case h.MemberID != 0 && !h.Title.ForMember():
		ps.add("honour_title", "honour.not_for_member", i18nKeyArg(h.Title.Key()))
	case h.UnitID != 0 && !h.Title.ForUnit():
		ps.add("honour_title", "honour.not_for_unit", i18nKeyArg(h.Title.Key()))
	}
	if h.Title == HonourOther && h.Name == "" {
		ps.add("honour_name", "problem.required")
	}
	tooLong(&ps, "honour_name", h.Name, 40)
	if !slices.Contains(HonourLevels, h.Level) {
		ps.add("honour_level", "problem.required")
	}
	switch {
	case h.Year == 0:
		ps.add("honour_year", "problem.required")
	case h.Year < 1950 || h.Year > today.Year():
		ps.add("honour_year", "org.year_range", today.Year())
	}
	tooLong(&ps, "honour_body", h.Body, 60)
	if utf8.RuneCountInString(h.Notes) > 200 {
		ps.add("notes", "problem.too_long", 200)
	}
	return ps
}

// ModelWorkerLevel is a hardship file's 劳模类别: the highest model-worker
// honour of the worker.
type ModelWorkerLevel uint8

const (
	ModelNone     ModelWorkerLevel = 0
	ModelNational ModelWorkerLevel = 1 // 全国劳模
	ModelProvince ModelWorkerLevel = 2 // 省部级劳模
	ModelCity     ModelWorkerLevel = 3 // 地市级劳模
	ModelOther    ModelWorkerLevel = 4 // 其他
)

// ModelWorkerLevels in display order, none first.
var ModelWorkerLevels = []ModelWorkerLevel{ModelNone, ModelNational, ModelProvince, ModelCity, ModelOther}

// Key is the catalogue key of the level.
func (m ModelWorkerLevel) Key() string { return "model_worker.l" + itoa(int(min(m, 5))) }

// ModelWorkerLevelOf is the 劳模类别 the honours give: the highest
// model-worker honour's level (county and below are "other").
func ModelWorkerLevelOf(hs []Honour) ModelWorkerLevel {
	best := ModelNone
	for _, h := range hs {
		if !h.Title.ModelWorker() {
			continue
		}
		l := ModelOther
		switch h.Level {
		case LevelNational:
			l = ModelNational
		case LevelProvince:
			l = ModelProvince
		case LevelCity:
			l = ModelCity
		}
		if best == ModelNone || l < best {
			best = l
		}
	}
	return best
}
