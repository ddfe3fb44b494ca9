package transfer

import (
	"os"
	"path/filepath"
	"strings"
)

// expand resolves ~ in a typed path and drops the quotes a path copied
// from Explorer carries.
func expand(s string) string {
	s = strings.TrimSpace(strings.Trim(s, `"'`))
	if strings.HasPrefix(s, "~") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, s[1:])
		}
	}
	return s
}

// importable is a file the import reads.
func importable(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm", ".csv", ".txt", ".xls", ".et":
		return true
	}
	return false
}

// completion is what tab made of a typed path.
type completion struct {
	value string   // the path, completed as far as the candidates agree
	names []string // the candidates, when more than one fits
	// noFolder: the typed folder cannot be read; noMatch: nothing fits.
	noFolder, noMatch bool
}

// completePath completes the last part of typed among the entries of its
// folder: folders, and roster files when files is set. It completes all the
// way when one name fits and to the common prefix otherwise. The folder
// part is kept as typed (with ~ and quotes), only read expanded.
func completePath(typed string, files bool) completion {
	cut := strings.LastIndex(typed, string(filepath.Separator)) + 1
	prefix, base := typed[:cut], typed[cut:]
	dir := expand(prefix)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return completion{value: typed, noFolder: true}
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if !strings.HasPrefix(strings.ToLower(n), strings.ToLower(base)) {
			continue
		}
		isDir := e.IsDir()
		if !isDir && e.Type()&os.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(dir, n)); err == nil && fi.IsDir() {
				isDir = true
			}
		}
		switch {
		case isDir:
			names = append(names, n+string(filepath.Separator))
		case files && importable(n):
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return completion{value: typed, noMatch: true}
	}
	shared := names[0]
	for _, n := range names[1:] {
		for !strings.HasPrefix(strings.ToLower(n), strings.ToLower(shared)) {
			r := []rune(shared)
			shared = string(r[:len(r)-1])
		}
	}
	out := completion{value: prefix + shared}
	if len(names) > 1 {
		out.names = names
	}
	return out
}
