package main

import (
	"flag"

	"unionbook/i18n"
)

// helpCommand shows the program's help or a command's.
var helpCommand = &command{
	name:    "help",
	summary: "cli.cmd.help",
	args:    "cli.cmd.help_args",
	nargs:   [2]int{0, 1},
	flags: func(*flag.FlagSet) func(*env, []string) error {
		return func(e *env, args []string) error {
			cmd := rootCommand
			if len(args) == 1 {
				if cmd = findCommand(args[0]); cmd == nil {
					return usageErr(i18n.E("cli.unknown_command", args[0]))
				}
			}
			fs := newFlagSet(cmd)
			cmd.flags(fs)
			e.help(e.stdout, cmd, fs)
			return nil
		}
	},
}
