package district

import (
	"slices"
	"testing"
)

// A district's list names townships as it speaks of them (青山镇), the
// packages as their unions are called (青山镇总工会): they match. Only the
// ending 总工会 or 工会 and spaces are set aside; 青山 is not 青山镇.
func TestExpectedTownshipsMatchWithoutTheUnionEnding(t *testing.T) {
	exp := []ExpectedUnion{{Name: "青山镇", Row: 2}, {Name: "红星街道 总工会", Row: 3}, {Name: "白沙", Row: 4}}
	us := []mergedUnion{
		{man: Manifest{Union: ManifestUnion{Name: "青山镇总工会"}}},
		{man: Manifest{Union: ManifestUnion{Name: "红星街道总工会"}}},
		{man: Manifest{Union: ManifestUnion{Name: "白沙镇总工会"}}},
	}
	came, unexpected := matchExpected(exp, us)
	if !slices.Equal(came, []int{0, 1, -1}) || !slices.Equal(unexpected, []int{2}) {
		t.Errorf("came %v, unexpected %v; want [0 1 -1] and [2]", came, unexpected)
	}
}
