package ui

import (
	"errors"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"unionbook/storage"
	"unionbook/ui/common"
)

// damageMsg is what the day's check found: the database fails it. The
// banner above the page says so until the program ends (restoring needs
// the program closed), with the newest good backup and the exact command.
type damageMsg struct{ err *storage.DamageError }

// backupWarning waits, off the UI loop, for the day's automatic backup:
// refused because the database fails the check, it raises the banner;
// failed otherwise (a full disk, a read-only folder), it says so in the
// footer.
func (a *App) backupWarning() tea.Cmd {
	store, c := a.c.Store, a.c
	return func() tea.Msg {
		err := store.BackupWarning()
		var damage *storage.DamageError
		switch {
		case errors.As(err, &damage):
			return damageMsg{damage}
		case err != nil:
			return common.StatusMsg{Text: c.T("app.backup_failed", c.Err(err)), Error: true}
		}
		return nil
	}
}

// damageText is the banner's paragraphs: what is wrong, then the newest
// good backup and the command that puts it back, on lines of its own
// (which problems, unionbook check lists).
func damageText(c *common.Common, e *storage.DamageError) []string {
	paras := []string{c.T("app.damage_banner", e.Problems)}
	if e.Backup == "" {
		return append(paras, c.T("app.damage_nobackup", e.Path))
	}
	return append(paras, c.T("app.damage_restore", filepath.Base(e.Backup)), e.RestoreCommand())
}
