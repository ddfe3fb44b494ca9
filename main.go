// Command unionbook is UnionBook (工会账簿): the member roster and books of a
// township union federation, kept offline in one local file. Without a
// command it opens the terminal interface; commands do batch work (see
// commands in cli.go, one file per command).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"unionbook/i18n"
)

// version is set at build time: go build -ldflags "-X main.version=1.2.0".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}

// run is the whole program behind main, with its surroundings passed in so
// that tests can run commands in-process. It returns the exit status: 0 on
// success, 1 when the command failed (one line on stderr, and a second with
// the technical details of a damaged file), 2 on bad usage
// (the message and the usage on stderr).
func run(args []string, stdout, stderr io.Writer, getenv func(string) string) (code int) {
	lang := langFromArgs(args, i18n.FromEnv(getenv))
	stdout, stderr = newSafeWriter(stdout), newSafeWriter(stderr) // no escapes from data (cmd_open.go)
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(stderr, "unionbook: "+lang.T("err.internal", fmt.Sprint(r)))
			if getenv("UNIONBOOK_DEBUG") != "" {
				stderr.Write(debug.Stack())
			}
			code = 1
		}
	}()
	e := &env{ctx: context.Background(), stdout: stdout, stderr: stderr, getenv: getenv, lang: lang}
	return e.dispatch(args)
}
