package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
)

// env is what a command runs with.
type env struct {
	ctx            context.Context
	stdout, stderr io.Writer
	getenv         func(string) string
	lang           i18n.Lang
}

// command is one entry of the command table. To add a command, write
// cmd_<name>.go with a *command and add it to commandTable.
type command struct {
	name    string
	summary string   // catalogue key: one line for the command list
	about   string   // catalogue key: the paragraph of its own help, "" for none
	args    string   // catalogue key of the positional-argument synopsis, "" for none
	nargs   [2]int   // least and most positional arguments
	require []string // flags that must be given
	// flags defines the command's flags (usage strings are catalogue keys;
	// a flag with a value also has the key usage+"_arg" naming the value)
	// and returns what runs the command with its positional arguments.
	flags func(fs *flag.FlagSet) func(e *env, args []string) error
}

// commands is the command table, in the order the help lists it.
var commands []*command

func init() { commands = commandTable() }

// commandTable lists every command, each defined in its cmd_<name>.go. (A
// function, not a literal, because help reads the table it is part of.)
func commandTable() []*command {
	return []*command{
		demoCommand,
		freshCommand,
		importCommand,
		statsCommand,
		exportCommand,
		verifyCommand,
		mergeCommand,
		crosscheckKeyCommand,
		reportCommand,
		backupCommand,
		backupsCommand,
		restoreCommand,
		checkCommand,
		compactCommand,
		booksCommand,
		helpCommand,
	}
}

func findCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// usageError is a wrong command line: exit status 2 with the usage.
type usageError struct{ err *i18n.Error }

func (u *usageError) Error() string               { return u.err.Error() }
func (u *usageError) Localize(l i18n.Lang) string { return u.err.Localize(l) }

func usageErr(e *i18n.Error) error { return &usageError{err: e} }

// dispatch finds the command, parses its flags and runs it.
func (e *env) dispatch(args []string) int {
	name, rest := splitCommand(args)
	cmd := rootCommand
	if name != "" {
		if cmd = findCommand(name); cmd == nil {
			return e.fail(usageErr(i18n.E("cli.unknown_command", name)), nil)
		}
	}
	fs := newFlagSet(cmd)
	runner := cmd.flags(fs)
	if wantsHelp(rest) {
		e.help(e.stdout, cmd, fs)
		return 0
	}
	pos, err := parseArgs(fs, rest)
	if err == nil {
		err = checkArgs(cmd, fs, pos)
	}
	if err == nil {
		err = runner(e, pos)
	}
	return e.fail(err, cmd)
}

// fail reports err and returns the exit status for it.
func (e *env) fail(err error, cmd *command) int {
	if err == nil {
		return 0
	}
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintln(e.stderr, "unionbook: "+i18n.Text(err, e.lang))
		fmt.Fprintln(e.stderr)
		if cmd == nil {
			cmd = rootCommand
		}
		fs := newFlagSet(cmd)
		cmd.flags(fs)
		e.help(e.stderr, cmd, fs)
		return 2
	}
	msg := i18n.Text(err, e.lang)
	fmt.Fprintln(e.stderr, "unionbook: "+msg)
	// what a library said behind the message (a damaged file's page, a
	// decoder's words): for whoever mends the file, on its own line
	if d := i18n.Details(err); d != "" && !strings.Contains(msg, d) {
		fmt.Fprintln(e.stderr, "  "+e.lang.T("err.details", d))
	}
	return 1
}

// newFlagSet makes the command's flag set with the flags every command has.
func newFlagSet(cmd *command) *flag.FlagSet {
	fs := flag.NewFlagSet("unionbook "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(langFlag{}, "lang", "cli.flag.lang")
	return fs
}

// checkArgs checks what parseArgs cannot: required flags and the number of
// positional arguments.
func checkArgs(cmd *command, fs *flag.FlagSet, pos []string) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for _, name := range cmd.require {
		if !set[name] {
			return usageErr(i18n.E("cli.missing_flag", "--"+name))
		}
	}
	if len(pos) > cmd.nargs[1] {
		return usageErr(i18n.E("cli.unexpected_arg", pos[cmd.nargs[1]]))
	}
	if len(pos) < cmd.nargs[0] {
		return usageErr(i18n.E("cli.missing_arg"))
	}
	return nil
}

// splitCommand finds the command name, the first positional argument, and
// returns the other arguments. The program's own flags may come before it
// (unionbook --lang en stats --db x).
func splitCommand(args []string) (string, []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			name := strings.TrimLeft(a, "-")
			if takesValue[name] && !strings.Contains(name, "=") && i+1 < len(args) {
				i++ // the flag's value
			}
			continue
		}
		return a, slices.Concat(args[:i], args[i+1:])
	}
	return "", args
}

// takesValue are the flags that may come before the command (or stand
// without one: unionbook --read-only --db FILE --passphrase-file F) and take
// a value.
var takesValue = map[string]bool{"db": true, "lang": true, "passphrase-file": true, "identity": true}

// wantsHelp reports whether -h, -help or --help is among the flags.
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help", "--h":
			return true
		}
	}
	return false
}

// parseArgs parses flags with the standard flag package's definitions but,
// unlike flag.Parse, lets flags and positional arguments mix in any order
// (unionbook import members FILE --db PATH). "--" ends the flags. Errors are
// usage errors in the user's language.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		name := strings.TrimPrefix(a[1:], "-")
		value, hasValue := "", false
		if k := strings.IndexByte(name, '='); k >= 0 {
			name, value, hasValue = name[:k], name[k+1:], true
		}
		f := fs.Lookup(name)
		if f == nil || name == "" || name[0] == '-' {
			shown, _, _ := strings.Cut(a, "=")
			return nil, usageErr(i18n.E("cli.unknown_flag", shown))
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			if !hasValue {
				value = "true"
			}
		} else if !hasValue {
			if i+1 >= len(args) {
				return nil, usageErr(i18n.E("cli.flag_needs_value", "--"+name))
			}
			i++
			value = args[i]
		}
		if err := fs.Set(name, value); err != nil {
			if name == "lang" {
				return nil, usageErr(i18n.E("cli.bad_lang", value))
			}
			return nil, usageErr(i18n.E("cli.flag_bad_value", value, "--"+name))
		}
	}
	return pos, nil
}

// langFlag validates --lang; the language itself is read before parsing
// (langFromArgs) so that even errors in the command line are in it.
type langFlag struct{}

func (langFlag) String() string { return "" }
func (langFlag) Set(s string) error {
	if _, ok := i18n.Parse(s); !ok {
		return errors.New("bad language")
	}
	return nil
}

// langFromArgs returns the language of the last valid --lang, else def.
func langFromArgs(args []string, def i18n.Lang) i18n.Lang {
	l := def
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		var v string
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 >= len(args) {
				continue
			}
			i++
			v = args[i]
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			_, v, _ = strings.Cut(a, "=")
		default:
			continue
		}
		if p, ok := i18n.Parse(v); ok {
			l = p
		}
	}
	return l
}

// help writes a command's help (the program's for the root command).
func (e *env) help(w io.Writer, cmd *command, fs *flag.FlagSet) {
	l := e.lang
	if cmd == rootCommand {
		fmt.Fprintln(w, l.T("cli.tagline"))
		fmt.Fprintln(w)
		fmt.Fprintln(w, l.T("cli.usage"))
		var rows [][]string
		rows = append(rows, []string{"unionbook " + synopsis(l, cmd, fs), l.T("cli.usage_tui")})
		rows = append(rows, []string{"unionbook " + l.T("cli.usage_command_arg"), l.T("cli.usage_command")})
		columns(w, "  ", rows, "ll")
		fmt.Fprintln(w)
		fmt.Fprintln(w, l.T("cli.commands"))
		rows = nil
		for _, c := range commands {
			rows = append(rows, []string{c.name, l.T(c.summary)})
		}
		columns(w, "  ", rows, "ll")
	} else {
		fmt.Fprintln(w, strings.TrimRight(l.T("cli.usage_line", cmd.name+" "+synopsis(l, cmd, fs)), " "))
		fmt.Fprintln(w)
		fmt.Fprintln(w, l.T(cmd.summary))
		if cmd.about != "" {
			fmt.Fprintln(w, l.T(cmd.about))
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.options"))
	var rows [][]string
	fs.VisitAll(func(f *flag.Flag) {
		left := "--" + f.Name
		if !isBool(f) {
			left += " " + l.T(f.Usage+"_arg")
		}
		text := l.T(f.Usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && !slices.Contains(cmd.require, f.Name) {
			text += l.T("cli.default", f.DefValue)
		}
		rows = append(rows, []string{left, text})
	})
	rows = append(rows, []string{"-h, --help", l.T("cli.flag.help")})
	columns(w, "  ", rows, "ll")
	if cmd == rootCommand {
		fmt.Fprintln(w)
		fmt.Fprintln(w, l.T("cli.more_help"))
	}
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// synopsis is the command's flags and arguments for a usage line: required
// flags bare, the others in brackets (--lang, which every command has, left
// out).
func synopsis(l i18n.Lang, cmd *command, fs *flag.FlagSet) string {
	var parts []string
	for _, name := range cmd.require {
		f := fs.Lookup(name)
		parts = append(parts, "--"+name+" "+l.T(f.Usage+"_arg"))
	}
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name == "lang" || slices.Contains(cmd.require, f.Name) {
			return
		}
		p := "--" + f.Name
		if !isBool(f) {
			p += " " + l.T(f.Usage+"_arg")
		}
		parts = append(parts, "["+p+"]")
	})
	if cmd.args != "" {
		parts = append(parts, l.T(cmd.args))
	}
	return strings.Join(parts, " ")
}

// columns writes rows of cells aligned in columns by display width (a
// Chinese character takes two cells), two spaces apart. align has one
// letter per column: 'l' pads on the right, 'r' on the left. A row with a
// single cell is written as it is (a heading) and does not set widths.
func columns(w io.Writer, indent string, rows [][]string, align string) {
	var widths []int
	for _, r := range rows {
		if len(r) < 2 {
			continue
		}
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	for _, r := range rows {
		if len(r) < 2 {
			fmt.Fprintln(w, r[0])
			continue
		}
		var b strings.Builder
		b.WriteString(indent)
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-ansi.StringWidth(c))
			last := i == len(r)-1
			if i < len(align) && align[i] == 'r' {
				b.WriteString(pad + c)
			} else if last {
				b.WriteString(c)
			} else {
				b.WriteString(c + pad)
			}
			if !last {
				b.WriteString("  ")
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
