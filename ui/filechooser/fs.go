// Package filechooser is a screen for choosing a file or a folder: the
// places a secretary keeps files (Desktop, Downloads, Documents, USB
// sticks and other drives) first, then the folders and files of the
// folder she is in, filtered by extension where that fits (.xlsx, .csv,
// .zip). She may also type a path, with tab completing it, or click.
//
// Push it on a tab's stack with a callback that gets the chosen path:
//
//	return st.Push(filechooser.New(c, st, filechooser.Options{
//		Mode: filechooser.Save, Exts: []string{".xlsx"}, Name: "会员名册.xlsx",
//	}, func(path string) tea.Cmd { ... }))
//
// It reads the file system through FS, so tests run on a fixed fake tree.
package filechooser

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// FS is what the chooser reads: folders and the facts of a path. Paths are
// absolute, in the system's form (C:\Users\… on Windows).
type FS interface {
	ReadDir(path string) ([]fs.DirEntry, error)
	Stat(path string) (fs.FileInfo, error)
	// Places are the folders offered first, in order.
	Places() []Place
}

// PlaceKind says what a place is, for its label.
type PlaceKind int

const (
	PlaceDesktop PlaceKind = iota + 1
	PlaceDownloads
	PlaceDocuments
	PlaceHome
	PlaceDrive // a removable or other drive: a USB stick, E:\
)

// Place is a folder offered before the others.
type Place struct {
	Kind PlaceKind
	Path string
	// Name is the drive's or the volume's name (KINGSTON, E:); "" for the
	// folders of the user.
	Name string
}

// OS is the real file system with the user's places.
type OS struct{}

func (OS) ReadDir(path string) ([]fs.DirEntry, error) { return os.ReadDir(path) }
func (OS) Stat(path string) (fs.FileInfo, error)      { return os.Stat(path) }

// Places are the user's Desktop, Downloads and Documents (under their
// Chinese names too, as a Chinese Linux desktop makes them), then the
// drives: on Windows every drive letter but C:, on macOS /Volumes, elsewhere
// the sticks mounted under /media and /run/media.
func (OS) Places() []Place {
	home, _ := os.UserHomeDir()
	isDir := func(p string) bool {
		fi, err := os.Stat(p)
		return err == nil && fi.IsDir()
	}
	list := func(dir string) []string {
		es, err := os.ReadDir(dir)
		if err != nil {
			return nil
		}
		var out []string
		for _, e := range es {
			if !strings.HasPrefix(e.Name(), ".") {
				out = append(out, filepath.Join(dir, e.Name()))
			}
		}
		return out
	}
	user := os.Getenv("USER")
	return places(runtime.GOOS, home, user, isDir, list)
}

// places builds the places of system goos for a user whose home folder is
// home, asking isDir whether a folder exists and list what a folder holds
// (both given, so every system's rules are tested anywhere).
func places(goos, home, user string, isDir func(string) bool, list func(string) []string) []Place {
	var out []Place
	join := func(parts ...string) string {
		if goos == "windows" {
			return strings.Join(parts, `\`)
		}
		return strings.Join(parts, "/")
	}
	if home != "" {
		for _, p := range []struct {
			kind  PlaceKind
			names []string
		}{
			{PlaceDesktop, []string{"Desktop", "OneDrive/Desktop", "桌面"}},
			{PlaceDownloads, []string{"Downloads", "下载"}},
			{PlaceDocuments, []string{"Documents", "OneDrive/Documents", "文档"}},
		} {
			for _, n := range p.names {
				parts := append([]string{home}, strings.Split(n, "/")...)
				if path := join(parts...); isDir(path) {
					out = append(out, Place{Kind: p.kind, Path: path})
					break
				}
			}
		}
		out = append(out, Place{Kind: PlaceHome, Path: home})
	}
	switch goos {
	case "windows":
		for l := 'A'; l <= 'Z'; l++ {
			root := string(l) + `:\`
			if l != 'C' && isDir(root) {
				out = append(out, Place{Kind: PlaceDrive, Path: root, Name: string(l) + ":"})
			}
		}
	case "darwin":
		for _, v := range list("/Volumes") {
			if v != "/Volumes/Macintosh HD" {
				out = append(out, Place{Kind: PlaceDrive, Path: v, Name: filepath.Base(v)})
			}
		}
	default:
		seen := map[string]bool{}
		for _, dir := range []string{"/media/" + user, "/run/media/" + user, "/media"} {
			for _, v := range list(dir) {
				if v == "/media/"+user || seen[v] || !isDir(v) {
					continue
				}
				seen[v] = true
				out = append(out, Place{Kind: PlaceDrive, Path: v, Name: filepath.Base(v)})
			}
		}
	}
	return out
}

// DefaultFolder is where a chooser opens when the caller names none: the
// Desktop, else Documents, else the first place, else the working folder.
func DefaultFolder(fsys FS) string {
	ps := fsys.Places()
	for _, k := range []PlaceKind{PlaceDesktop, PlaceDocuments} {
		for _, p := range ps {
			if p.Kind == k {
				return p.Path
			}
		}
	}
	if len(ps) > 0 {
		return ps[0].Path
	}
	wd, _ := os.Getwd()
	return wd
}
