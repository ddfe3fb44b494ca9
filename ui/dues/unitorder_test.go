package dues

import (
	"slices"
	"testing"

	"unionbook/storage"
)

// The collection by unit lists the units in pinyin order, as every list of
// units (issue 19): it was in character-code order, 福州中恒 before 福州佳美
// and 宏达 before 重庆村.
func TestCollectionByUnitInPinyinOrder(t *testing.T) {
	d := &data{unitBy: map[uint64]string{1: "宏达机械厂工会", 2: "福州中恒塑胶制品有限公司工会", 3: "重庆村联合工会", 4: "福州佳美服装有限公司工会", 5: "福建青禾机械制造有限公司工会"}}
	var col []storage.Collection
	for id := uint64(1); id <= 5; id++ {
		col = append(col, storage.Collection{UnitID: id})
	}
	var got []string
	for _, c := range d.sortUnits(col) {
		got = append(got, d.unitBy[c.UnitID])
	}
	want := []string{"重庆村联合工会", "福建青禾机械制造有限公司工会", "福州佳美服装有限公司工会", "福州中恒塑胶制品有限公司工会", "宏达机械厂工会"}
	if !slices.Equal(got, want) {
		t.Errorf("order\n%v\nwant\n%v", got, want)
	}
}
