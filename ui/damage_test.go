package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/storage"
	"unionbook/ui/uitest"
)

// damagedStore is the township with one member's name changed in the file
// (its checksum no longer matches), opened as on the next day's first
// start: yesterday's backup is good, today's check fails.
func damagedStore(t *testing.T) *storage.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ub.db")
	if err := township.open(t).Backup(path); err != nil {
		t.Fatal(err)
	}
	yesterday := uitest.FixedNow.Add(-24 * time.Hour)
	s, err := storage.Open(path, storage.Options{Now: func() time.Time { return yesterday }, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.BackupWarning(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// every copy: the live record's, and any a freed page still holds
	if !bytes.Contains(data, []byte("曾志伟")) {
		t.Fatal("no member name in the file")
	}
	data = bytes.ReplaceAll(data, []byte("曾志伟"), []byte("曾志纬")) // same length: the record still decodes, its checksum fails
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = storage.Open(path, storage.Options{Now: func() time.Time { return uitest.FixedNow }, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// joined is text without its line breaks and spaces: a command wrapped
// over lines reads as one.
func joined(s string) string { return strings.Join(strings.Fields(s), "") }

// On a database with one changed record the warning is a banner above the
// page, not a footer line cut at the width that the next status message
// clears: it names the newest good backup and the exact restore command,
// and it stays while she works in any tab.
func TestDamageBannerStaysAndNamesTheRestore(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		s := damagedStore(t)
		a := appOn(t, s, lang, w, h)
		bs, _ := storage.Backups(s.Path())
		if len(bs) == 0 {
			t.Fatal("no backup")
		}
		command := `unionbook restore "` + bs[0].Path + `" --db "` + s.Path() + `"`
		want := map[i18n.Lang][]string{
			i18n.ZH: {"数据库没有通过检查", "最新的完好备份是 " + filepath.Base(bs[0].Path), "请退出本程序后运行"},
			i18n.EN: {"The database fails the check", "The newest good backup is " + filepath.Base(bs[0].Path), "quit and run"},
		}[lang]
		check := func(when string) {
			t.Helper()
			out := screen(a)
			uitest.CheckGeometry(t, out, w, h)
			lines := strings.Split(out, "\n")
			banner := strings.Join(lines[2:2+a.banner.Height()], "\n")
			if a.banner.Height() < 2 {
				t.Fatalf("%s: no banner:\n%s", when, out)
			}
			for _, s := range want {
				if !strings.Contains(joined(banner), joined(s)) {
					t.Errorf("%s: the banner does not say %q:\n%s", when, s, banner)
				}
			}
			if !strings.Contains(joined(banner), joined(command)) {
				t.Errorf("%s: the banner does not give the command %s:\n%s", when, command, banner)
			}
			// the tab bar and the key hints stay where they were
			if !strings.Contains(lines[1], "1 ") || lines[h-1] == "" {
				t.Errorf("%s: the frame moved:\n%s", when, out)
			}
		}
		check("at start")
		keys(a, "2", "j", "j")
		check("in the Members tab")
		send(a, tea.KeyPressMsg{Code: '/', Text: "/"})
		typeText(a, "zzw")
		keys(a, "esc", "esc")
		check("after a search")
		keys(a, "8")
		check("in another tab")
	})
}

// The banner as she sees it on her laptop: above the Members list, which
// keeps its frame and loses only the banner's lines; a click still selects
// the row under the pointer.
func TestGoldenDamageBanner(t *testing.T) {
	t.Parallel()
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		t.Parallel()
		a := newApp(t, lang, w, h, true)
		keys(a, "2")
		send(a, damageMsg{&storage.DamageError{Path: "/home/li/.local/share/unionbook/unionbook.db", Problems: 1,
			Backup: "/home/li/.local/share/unionbook/backups/unionbook-20261120-093000-daily.db.gz"}})
		requireGolden(t, a, w, h)
		// the third member's row, clicked where it is drawn, opens that member
		out := strings.Split(screen(a), "\n")
		y := -1
		for i, l := range out {
			if strings.Contains(l, "曾志伟") {
				y = i
			}
		}
		send(a, tea.MouseClickMsg{X: 12, Y: y, Button: tea.MouseLeft})
		keys(a, "enter")
		if got := screen(a); !strings.Contains(got, "430302199312194239") {
			t.Errorf("the click on row %d did not select 曾志伟:\n%s", y, got)
		}
	})
}
