package ui

import (
	"os"
	"path/filepath"
	"testing"

	"unionbook/i18n"
	"unionbook/storage"
)

// On the first open of the day the terminal defers the check and backup
// (storage.Options.DeferDailyBackup) until the start's loads have answered;
// then the day's backup is made.
func TestDailyBackupFollowsTheStartLoads(t *testing.T) {
	township.open(t) // seeded
	data, err := os.ReadFile(township.path)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "township.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := storage.Open(path, storage.Options{Now: fixedClock, NoSync: true, DeferDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if bs, _ := storage.Backups(path); len(bs) != 0 {
		t.Fatalf("backed up before the start's loads: %v", bs)
	}
	appOn(t, s, i18n.EN, 120, 40) // the loads run, and the backup warning waits for the backup
	bs, err := storage.Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 1 || bs[0].Reason != storage.BackupDaily || !bs[0].Good() {
		t.Fatalf("after the start: %+v, want the day's good backup", bs)
	}
}
