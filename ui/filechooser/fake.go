package filechooser

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"
)

// Fake is a file system held in memory, for tests: a fixed folder tree
// and fixed places, whatever the machine holds.
type Fake struct {
	files  fstest.MapFS
	places []Place
}

// NewFake makes a tree of the files named (absolute slash paths such as
// "/home/li/Desktop/花名册.xlsx", each with its content; a name ending in
// "/" is an empty folder), dated mod, with the places given.
func NewFake(files map[string]string, mod time.Time, places ...Place) *Fake {
	m := fstest.MapFS{}
	for name, content := range files {
		name = strings.TrimPrefix(name, "/")
		if strings.HasSuffix(name, "/") {
			m[strings.TrimSuffix(name, "/")] = &fstest.MapFile{Mode: fs.ModeDir | 0o755, ModTime: mod}
			continue
		}
		m[name] = &fstest.MapFile{Data: []byte(content), Mode: 0o644, ModTime: mod}
	}
	return &Fake{files: m, places: places}
}

// rel is path as the map names it: slash-separated, without the leading
// slash, "." for the root.
func rel(path string) string {
	p := strings.Trim(filepath.ToSlash(filepath.Clean(path)), "/")
	if p == "" {
		return "."
	}
	return p
}

func (f *Fake) ReadDir(path string) ([]fs.DirEntry, error) { return f.files.ReadDir(rel(path)) }
func (f *Fake) Stat(path string) (fs.FileInfo, error)      { return f.files.Stat(rel(path)) }
func (f *Fake) Places() []Place                            { return f.places }
