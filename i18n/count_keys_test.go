package i18n

import (
	"strings"
	"testing"
)

// The check command writes every count as T("check.count."+name, n): each
// such entry takes exactly one %d ("collection reports" printed
// "collection reports%!(EXTRA int=0)").
func TestCheckCountsTakeOneNumber(t *testing.T) {
	for l, cat := range catalogs {
		for k, v := range cat {
			if strings.HasPrefix(k, "check.count.") && strings.Count(v, "%d") != 1 {
				t.Errorf("lang %d: %s = %q has not one %%d", l, k, v)
			}
		}
	}
}
