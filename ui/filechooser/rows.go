package filechooser

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/widget"
)

type rowKind int

const (
	rowPlace rowKind = iota
	rowDrive
	rowParent
	rowFolder
	rowFile
)

// row is one line of the list: a place, the folder above, a folder or a
// file of the folder listed.
type row struct {
	kind  rowKind
	label string // as shown
	path  string
	size  int64
	mod   time.Time
}

// list is the rows for folder dir: the places, the folder above it, its
// folders and then its files (those of Exts), each in pinyin order.
func (s *Screen) list(dir string) ([]row, error) {
	entries, err := s.fsys.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var rows []row
	for _, p := range s.fsys.Places() {
		r := row{kind: rowPlace, label: s.placeLabel(p), path: p.Path}
		if p.Kind == PlaceDrive {
			r.kind = rowDrive
		}
		rows = append(rows, r)
	}
	if parent := filepath.Dir(dir); parent != dir {
		rows = append(rows, row{kind: rowParent, label: "..", path: parent})
	}
	var folders, files []row
	for _, e := range entries {
		name := e.Name()
		if hidden(name) {
			continue
		}
		path := filepath.Join(dir, name)
		isDir := e.IsDir()
		if !isDir && e.Type()&fs.ModeSymlink != 0 { // a link: to what?
			if fi, err := s.fsys.Stat(path); err == nil {
				isDir = fi.IsDir()
			}
		}
		label := model.StripUnsafe(name)
		switch {
		case isDir:
			folders = append(folders, row{kind: rowFolder, label: label + string(filepath.Separator), path: path})
		case s.o.Mode != Folder && s.accepts(name):
			r := row{kind: rowFile, label: label, path: path}
			if fi, err := e.Info(); err == nil {
				r.size, r.mod = fi.Size(), fi.ModTime()
			}
			files = append(files, r)
		}
	}
	byName := func(a, b row) int { return strings.Compare(search.OrgSortKey(a.label), search.OrgSortKey(b.label)) }
	slices.SortStableFunc(folders, byName)
	slices.SortStableFunc(files, byName)
	rows = append(rows, folders...)
	return append(rows, files...), nil
}

// hidden are the names a file manager hides: dot files and Windows'
// system folders and files.
func hidden(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "$") || strings.HasPrefix(name, "~$") {
		return true
	}
	switch strings.ToLower(name) {
	case "desktop.ini", "thumbs.db", "system volume information", "ntuser.dat":
		return true
	}
	return false
}

func (s *Screen) placeLabel(p Place) string {
	switch p.Kind {
	case PlaceDesktop:
		return s.c.T("chooser.desktop")
	case PlaceDownloads:
		return s.c.T("chooser.downloads")
	case PlaceDocuments:
		return s.c.T("chooser.documents")
	case PlaceHome:
		return s.c.T("chooser.home")
	}
	return s.c.T("chooser.drive", model.StripUnsafe(p.Name))
}

func (s *Screen) refreshTable() {
	c := s.c
	cols := []widget.Column{
		{Title: c.T("chooser.col_name"), Width: 20, Flex: 1},
		{Title: c.T("chooser.col_kind"), Width: widest(s, 6, "chooser.kind_place", "chooser.kind_drive", "chooser.kind_parent", "chooser.kind_folder", "chooser.kind_file")},
		{Title: c.T("chooser.col_size"), Width: 8, AlignRight: true},
		{Title: c.T("chooser.col_modified"), Width: 10},
	}
	if s.w < 60 {
		cols = cols[:2]
	}
	s.table.SetColumns(cols)
	s.table.SetRows(len(s.rows), func(i, col int) string {
		r := s.rows[i]
		switch col {
		case 0:
			if r.kind == rowPlace || r.kind == rowDrive {
				return r.label + "  " + model.StripUnsafe(r.path)
			}
			return r.label
		case 1:
			return c.T([]string{"chooser.kind_place", "chooser.kind_drive", "chooser.kind_parent", "chooser.kind_folder", "chooser.kind_file"}[r.kind])
		case 2:
			if r.kind == rowFile {
				return size(r.size)
			}
		case 3:
			if r.kind == rowFile && !r.mod.IsZero() {
				return model.DateOf(r.mod).String()
			}
		}
		return ""
	})
}

func widest(s *Screen, least int, keys ...string) int {
	w := least
	for _, k := range keys {
		w = max(w, widget.Width(s.c.T(k)))
	}
	return w
}

// size is a file's size as a file manager shows it: 900 B, 12 KB, 3.4 MB.
func size(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	case n < 1024*1024*1024:
		return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
	}
	return fmt.Sprintf("%.1f GB", float64(n)/(1024*1024*1024))
}

// complete completes the last part of the typed path among the entries of
// its folder (folders, and the files of Exts when choosing a file): all
// the way when one fits, to the common beginning when several do, whose
// names the hint line then shows.
func (s *Screen) complete() {
	typed := s.path.Value()
	cut := strings.LastIndex(typed, string(filepath.Separator)) + 1
	prefix, base := typed[:cut], typed[cut:]
	dir := prefix
	if dir == "" {
		dir = s.dir
	}
	entries, err := s.fsys.ReadDir(dir)
	if err != nil {
		s.setHint(s.c.T("chooser.not_folder", dir), true)
		return
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if hidden(n) && !strings.HasPrefix(base, ".") || !strings.HasPrefix(strings.ToLower(n), strings.ToLower(base)) {
			continue
		}
		switch {
		case e.IsDir():
			names = append(names, n+string(filepath.Separator))
		case s.o.Mode == Open && s.accepts(n):
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		s.setHint(s.c.T("chooser.no_match"), true)
		return
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(search.OrgSortKey(a), search.OrgSortKey(b)) })
	shared := names[0]
	for _, n := range names[1:] {
		for !strings.HasPrefix(strings.ToLower(n), strings.ToLower(shared)) {
			r := []rune(shared)
			shared = string(r[:len(r)-1])
		}
	}
	s.path.SetValue(prefix + shared)
	if len(names) > 1 {
		s.setHint(s.c.T("chooser.candidates", strings.Join(names, "  ")), false)
		return
	}
	s.setHint("", false)
	if strings.HasSuffix(shared, string(filepath.Separator)) {
		// one folder: list it, as a file manager would
		name := ""
		if s.o.Mode == Save {
			name = s.o.Name
		}
		if rows, err := s.list(filepath.Clean(prefix + shared)); err == nil {
			s.dir, s.rows = filepath.Clean(prefix+shared), rows
			s.refreshTable()
			s.table.SetCursor(0)
			s.path.SetValue(prefix + shared + name)
			s.path.SetPosition(len([]rune(prefix + shared)))
		}
	}
}
