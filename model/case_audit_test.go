package model

import (
	"testing"

	"unionbook/i18n"
)

// A case's step in the audit log names its kind in the reader's words,
// not by its code ("2. 2026-12-06 mediate 李秘书" before).
func TestAuditValueNamesACaseStep(t *testing.T) {
	for _, tc := range []struct {
		lang    i18n.Lang
		v, want string
	}{
		{i18n.ZH, "2. 2026-12-06 mediate 李秘书", "2. 2026-12-06 调解 李秘书"},
		{i18n.EN, "2. 2026-12-06 mediate Li Ming", "2. 2026-12-06 Mediation Li Ming"},
		{i18n.ZH, "1. 2026-12-01 follow_up", "1. 2026-12-01 回访"},
		{i18n.EN, "1. 2026-12-01 legal_aid", "1. 2026-12-01 To legal aid"},
		{i18n.ZH, "1. 2026-12-01 unknown_kind 李", "1. 2026-12-01 unknown_kind 李"}, // as written
	} {
		if got := AuditValue(tc.lang, "cs_steps", tc.v, nil); got != tc.want {
			t.Errorf("%v %q: %q, want %q", tc.lang, tc.v, got, tc.want)
		}
	}
	for _, k := range StepKinds {
		if AuditValue(i18n.EN, "cs_steps", "1. 2026-12-01 "+k.Code(), nil) != "1. 2026-12-01 "+i18n.EN.T(k.Key()) {
			t.Errorf("step kind %s not in words", k.Code())
		}
	}
}
