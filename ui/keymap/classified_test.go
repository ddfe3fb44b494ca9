package keymap

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"unionbook/i18n"
)

// helpKey is how a key's help is named in the catalogues: "key.open",
// "cases.key_step".
var helpKey = regexp.MustCompile(`^(key\.[a-z_0-9]+|[a-z_]+\.key_[a-z_0-9]+)$`)

// keyHelps finds, in the TUI's code (not its tests), the catalogue keys of
// every binding's help: keymap.Binding(l, "…"), a tab's b("…", keys…),
// SetHelp(k, c.T("…")), key.WithHelp(k, c.T("…")), and any other literal
// named like a key's help (key.x, area.key_x), with where it was found.
func keyHelps(t *testing.T) map[string]string {
	t.Helper()
	found := map[string]string{}
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		lit := func(e ast.Expr) (string, bool) {
			b, ok := e.(*ast.BasicLit)
			if !ok || b.Kind != token.STRING {
				return "", false
			}
			s, err := strconv.Unquote(b.Value)
			return s, err == nil
		}
		translated := func(e ast.Expr) (string, bool) { // c.T("…")
			if c, ok := e.(*ast.CallExpr); ok && len(c.Args) == 1 {
				if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "T" {
					return lit(c.Args[0])
				}
			}
			return "", false
		}
		add := func(s, how string) {
			if s == "" {
				return
			}
			found[s] = path + " (" + how + ")"
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				switch fun := n.Fun.(type) {
				case *ast.SelectorExpr:
					switch {
					case fun.Sel.Name == "Binding" && len(n.Args) >= 3:
						s, _ := lit(n.Args[1])
						add(s, "keymap.Binding")
					case (fun.Sel.Name == "SetHelp" || fun.Sel.Name == "WithHelp") && len(n.Args) == 2:
						s, _ := translated(n.Args[1])
						add(s, fun.Sel.Name)
					}
				case *ast.Ident:
					if (fun.Name == "b" || fun.Name == "bind") && len(n.Args) >= 2 {
						s, _ := lit(n.Args[0])
						add(s, "a tab's binding")
					}
				}
			case *ast.BasicLit:
				if s, ok := lit(n); ok && helpKey.MatchString(s) {
					found[s] = path
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) < 150 {
		t.Fatalf("only %d key helps found in the TUI's code: is the walk looking in ui/?", len(found))
	}
	return found
}

// Every key the TUI offers has been decided on: it writes (refused in a
// read-only look) or it does not. A new key in neither list fails here
// until it is added to one, so the list of writing keys cannot drift.
func TestEveryKeyWritesOrReads(t *testing.T) {
	writes, reads := WriteHelpKeys(), ReadHelpKeys()
	for h, path := range keyHelps(t) {
		w, r := slices.Contains(writes, h), slices.Contains(reads, h)
		switch {
		case !w && !r:
			t.Errorf("%s (%s) is in neither writeHelp nor readHelp (ui/keymap/readonly.go): does it write?", h, path)
		case w && r:
			t.Errorf("%s is in both lists", h)
		}
	}
	for _, h := range append(slices.Clone(writes), reads...) {
		if !i18n.ZH.Has(h) || !i18n.EN.Has(h) {
			t.Errorf("%q is listed but not in the catalogues", h)
		}
	}
}

// A tab's key that does not write never reads like one that does: the
// read-only look tells keys by their help, and would refuse it.
func TestReadKeysDoNotReadLikeWriteKeys(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		for _, r := range ReadHelpKeys() {
			if strings.HasPrefix(r, "key.") { // shared: told apart by their keys as well
				continue
			}
			for _, w := range WriteHelpKeys() {
				if l.T(r) == l.T(w) {
					t.Errorf("%s: %s and %s both read %q", l.Code(), r, w, l.T(r))
				}
			}
		}
	}
}
