package transfer

import (
	"strings"
	"testing"
	"time"

	"unionbook/i18n"
	"unionbook/storage"
)

// An export from a read-only look writes the package and enters nothing in
// the past exports, and says so as what is meant, not as a failure ("the
// package is written but could not be recorded: the database is opened
// read-only").
func TestReadOnlyExportIsNotRecordedAndSaysWhy(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		st := exportStore(t)
		path := st.Path()
		st.Close()
		ro, err := storage.Open(path, storage.Options{ReadOnly: true, Now: func() time.Time { return testNow }})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ro.Close() })
		hs := open(t, ro, lang, 80, 28)
		hs.Keys("E")
		setField(t, hs, exDir, t.TempDir())
		hs.Keys("enter")
		top[*exportPreview](t, hs)
		hs.Keys("enter")
		r := top[*exported](t, hs)
		if r.err != nil || r.recordErr != nil {
			t.Errorf("%s: err %v, record %v", lang.Code(), r.err, r.recordErr)
		}
		out := screen(t, hs)
		if !strings.Contains(out, hs.C.T("exportui.not_recorded_read_only")[:9]) {
			t.Errorf("%s: the result does not say the export is not recorded:\n%s", lang.Code(), out)
		}
	}
}
