package ui

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// lastAudit is the newest entry of the audit log.
func lastAudit(t *testing.T, a *App) model.AuditEntry {
	t.Helper()
	es, err := a.c.Store.Audit(0, 1)
	if err != nil || len(es) != 1 {
		t.Fatalf("audit log: %v, %d entries", err, len(es))
	}
	return es[0]
}

// The operator's name changed in Settings is the name the audit log
// records from the next write on, in every tab, without a restart.
func TestOperatorChangedInSettingsSignsTheNextWrite(t *testing.T) {
	t.Parallel()
	a := newApp(t, i18n.ZH, 100, 30, true)
	send(a, tab(t, a, "tab.settings"))
	keys(a, "p", "tab", "tab", "tab", "ctrl+u") // the operator field, emptied
	typeText(a, "王会计")
	keys(a, "ctrl+s")
	if got := lastAudit(t, a); got.Entity != model.EntityProfile || got.Action != model.ActionUpdate {
		t.Fatalf("the profile was not saved: last entry %+v\n%s", got, screen(a))
	}
	if p, _, _ := a.c.Store.Profile(); p.Operator != "王会计" {
		t.Fatalf("profile operator %q", p.Operator)
	}

	// a status change in the Members tab
	send(a, tab(t, a, "tab.members"))
	keys(a, "enter", "s", "enter", "tab", "tab") // retained, past the date and the reason
	typeText(a, "本人申请")
	keys(a, "ctrl+s")
	if got := lastAudit(t, a); got.Entity != model.EntityMember || got.Operator != "王会计" {
		t.Errorf("the member's change was recorded as %+v", got)
	}

	// a new unit in the Units tab
	send(a, tab(t, a, "tab.units"), uitest.Key("n"))
	typeText(a, "新建工会")
	keys(a, "ctrl+s")
	if got := lastAudit(t, a); got.Entity != model.EntityUnit || got.Operator != "王会计" {
		t.Errorf("the new unit was recorded as %+v", got)
	}
}
