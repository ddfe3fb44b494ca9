package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 12: what registers itself in an init() is a list nobody sees in one
// place, and its order is the order of file names. Checkers, record kinds,
// demo generators, package entities and reports, and commands are
// explicit lists; an init function is allowed only where it builds a
// value (the CBOR modes), fills the message catalogues (one map per
// language, spread over area files to keep merges apart) or breaks an
// initialisation cycle (the command table, which help reads).
func TestNoRegistrationInInit(t *testing.T) {
	allowed := map[string]bool{
		"storage/codec.go": true, // builds the CBOR encoding and decoding modes
		"cli.go":           true, // commands = commandTable(): help lists the table it is in
		// the wage columns' aliases, added to the members' in an init: the
		// import branch's file, where it is being reworked
		"roster/wages.go": true,
	}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// i18n: the catalogues.
			if name := d.Name(); path != "." && (name == "testdata" || name == "i18n" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || allowed[filepath.ToSlash(path)] {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "init" {
				t.Errorf("%s: an init function; make it an entry of an explicit list", fset.Position(fn.Pos()))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCommandsListedOnce: the help listed report twice after two branches
// each added it to the table.
func TestCommandsListedOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range commandTable() {
		if seen[c.name] {
			t.Errorf("command %q is in the command table twice", c.name)
		}
		seen[c.name] = true
	}
}
