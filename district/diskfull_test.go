package district

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
)

// A USB stick that is full, or mounted read-only: the export must say so in
// the user's language and leave no partial file. Root ignores permission
// bits, so these use a small tmpfs (and a read-only remount of it).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs (needs root): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

func TestExportToAFullDisk(t *testing.T) {
	st := demoStore(t, 4, "", 200)
	dir := smallDisk(t, "64k")
	p, _ := model.ParsePeriod("2026")
	_, err := WritePackage(context.Background(), st, PackageOptions{Period: p, Dir: dir, Now: pkgNow})
	if err == nil {
		t.Fatal("an export to a full disk succeeded")
	}
	if !strings.Contains(i18n.Text(err, i18n.ZH), "已满") || !strings.Contains(i18n.Text(err, i18n.EN), "full") {
		t.Errorf("message: %q / %q", i18n.Text(err, i18n.ZH), i18n.Text(err, i18n.EN))
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("files left behind: %v", left)
	}
}

func TestExportToAReadOnlyDisk(t *testing.T) {
	st := demoStore(t, 4, "", 30)
	dir := smallDisk(t, "1m")
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Fatalf("remount read-only: %v %s", err, out)
	}
	p, _ := model.ParsePeriod("2026")
	_, err := WritePackage(context.Background(), st, PackageOptions{Period: p, Dir: dir, Now: pkgNow})
	if err == nil {
		t.Fatal("an export to a read-only disk succeeded")
	}
	if got := i18n.Text(err, i18n.ZH); !strings.Contains(got, "无法写入文件夹") || !strings.Contains(got, dir) {
		t.Errorf("message: %q", got)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("files left behind: %v", left)
	}
}
