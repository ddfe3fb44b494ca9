package styles

import (
	"strings"
	"testing"
)

// The selected table row must stand out on a terminal without colour (an
// old conhost, a screen reader's mirror), so it may not rely on colour alone.
func TestSelectedRowVisibleWithoutColour(t *testing.T) {
	s := Default()
	if !s.TableSelected.GetReverse() && !s.TableSelected.GetBold() && !s.TableSelected.GetUnderline() {
		t.Error("the selected-row style uses colour only")
	}
}

// Styles may not add padding or borders to inline text: the layout code
// measures every line by display width and would be off by their size.
func TestInlineStylesAddNoWidth(t *testing.T) {
	s := Default()
	for name, st := range map[string]interface{ Render(...string) string }{
		"Label": s.Label, "Value": s.Value, "Error": s.Error, "Focused": s.Focused, "Key": s.Key,
		"Input": s.Input, "InputFocus": s.InputFocus, "TableCell": s.TableCell, "TableSelected": s.TableSelected,
	} {
		out := st.Render("张三")
		if strings.Count(out, " ") > 0 {
			t.Errorf("%s adds spaces around its text: %q", name, out)
		}
	}
}
