// Package officetest opens files in LibreOffice for tests, where it is
// installed: the documents and workbooks the program writes are checked as
// an office suite reads them. The CI machine does not install LibreOffice;
// tests call Need first, which skips them there with the reason.
package officetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Need skips the test when LibreOffice (soffice) is not installed.
func Need(tb testing.TB) {
	tb.Helper()
	if _, err := exec.LookPath("soffice"); err != nil {
		tb.Skip("LibreOffice (soffice) is not installed: how an office suite reads the file is not checked here")
	}
}

// Convert converts path with LibreOffice in headless mode
// (soffice --convert-to filter) and returns the converted file's text; for
// tests, where LibreOffice is installed. Each call uses its own LibreOffice
// profile, so tests may run it side by side.
func Convert(tb testing.TB, path, filter, ext string) string {
	tb.Helper()
	out := tb.TempDir()
	profile := "file://" + filepath.ToSlash(tb.TempDir())
	cmd := exec.Command("soffice", "-env:UserInstallation="+profile, "--headless", "--convert-to", filter, "--outdir", out, path)
	cmd.Env = append(os.Environ(), "HOME="+tb.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("soffice: %v\n%s", err, b)
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + ext
	b, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		tb.Fatalf("soffice wrote no %s: %v", name, err)
	}
	return string(b)
}

// ConvertSheets converts every sheet of a workbook to CSV (UTF-8) and
// returns each sheet's text by its name.
func ConvertSheets(tb testing.TB, path string) map[string]string {
	tb.Helper()
	out := tb.TempDir()
	profile := "file://" + filepath.ToSlash(tb.TempDir())
	// the last option, -1, writes every sheet to <name>-<sheet>.csv
	cmd := exec.Command("soffice", "-env:UserInstallation="+profile, "--headless", "--convert-to",
		"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, path)
	cmd.Env = append(os.Environ(), "HOME="+tb.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("soffice: %v\n%s", err, b)
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	files, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	sheets := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), base+"-"), ".csv")
		sheets[name] = string(b)
	}
	return sheets
}
