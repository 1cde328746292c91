package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cocolian/threads/internal/chatlog"
)

// Exit codes.
const (
	exitOK      = 0 // everything worked
	exitFailure = 1 // an input could not be read or parsed, or output failed
	exitUsage   = 2 // bad flags or arguments
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// streams are the injected standard streams.
type streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// usageError marks errors in how the command was called.
type usageError struct{ error }

// partialError reports that some inputs failed while others were processed.
type partialError struct{ failed, total int }

func (e *partialError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.failed, e.total)
}

// run executes the command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	io := &streams{In: stdin, Out: stdout, Err: stderr}
	root := newRootCmd(io)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "threads:", err)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailure
}

func newRootCmd(io *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "threads",
		Short: "Turn group-chat exports into Q&A threads and FAQ digests",
		Long: `threads reads exported group-chat logs (WeChat day archives first), splits
each day into conversations with reply-to links, finds questions and their
answers, and writes JSON or a Markdown FAQ.`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{flagError(err)} })
	root.AddCommand(newExtractCmd(io, nil), newSegmentCmd(io, nil), newEvalCmd(io, nil), newTrainCmd(io, nil), newFormatsCmd(io), newDigestCmd(io, nil))
	root.Args = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		msg := fmt.Sprintf("unknown command %q; run `threads --help` for the commands", args[0])
		c.SuggestionsMinimumDistance = 2
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			msg = fmt.Sprintf("unknown command %q; did you mean %s?", args[0], strings.Join(s, " or "))
		}
		return usageError{errors.New(msg)}
	}
	root.RunE = func(c *cobra.Command, _ []string) error { return c.Help() } // runnable, so that Args is checked
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args = unknownShell
			c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
		}
	}
	for _, c := range root.Commands() {
		argsAreUsage(c)
	}
	return root
}

// unknownShell is the argument check of the completion command, whose
// shells are its subcommands: any argument it is left with names a shell
// it has no script for (tcsh), a usage error.
func unknownShell(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	var shells []string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			shells = append(shells, sub.Name())
		}
	}
	return fmt.Errorf("no completion for shell %q; use one of: %s", args[0], strings.Join(shells, ", "))
}

// argsAreUsage makes the argument checks of c and its subcommands usage
// errors (exit 2), as flag errors are.
func argsAreUsage(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(c *cobra.Command, args []string) error {
			if err := check(c, args); err != nil {
				return usageError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		argsAreUsage(sub)
	}
}

// inputFormatUsage is the help of --input-format, the same in every
// command that has it.
const inputFormatUsage = "input `FORMAT` (default: detected); threads formats lists them"

// addInputFormatFlag gives cmd the --input-format flag that extract has,
// stored in p; checkInputFormat validates its value.
func addInputFormatFlag(cmd *cobra.Command, p *string) {
	cmd.Flags().StringVar(p, "input-format", "", inputFormatUsage)
}

// timezoneUsage is the help of --timezone, the same in every command that
// has it.
const timezoneUsage = "read and show message times in `ZONE`: an IANA name (Europe/Berlin), UTC, an offset (+02:00, -05:30, +0800) or Local, this machine's zone; see threads extract --help (default: each format's own)"

// addTimezoneFlag gives cmd the --timezone flag, stored in p: nil when
// it is not given, else the zone chatlog.ParseZone reads. A value it does
// not read is a usage error (exit 2) that names the flag and the value.
func addTimezoneFlag(cmd *cobra.Command, p **time.Location) {
	cmd.Flags().Var(&zoneValue{loc: p}, "timezone", timezoneUsage)
	_ = cmd.RegisterFlagCompletionFunc("timezone", cobra.FixedCompletions([]string{"UTC", "Asia/Shanghai", "Europe/Berlin", "America/New_York", "+08:00"}, cobra.ShellCompDirectiveNoFileComp))
}

// zoneValue is the pflag.Value of --timezone.
type zoneValue struct {
	loc  **time.Location
	name string
}

func (z *zoneValue) String() string { return z.name }

func (z *zoneValue) Type() string { return "ZONE" }

func (z *zoneValue) Set(s string) error {
	loc, err := chatlog.ParseZone(s)
	if err != nil {
		return err
	}
	*z.loc, z.name = loc, s
	return nil
}

// strconvRe matches what pflag adds from strconv to a bad flag value:
// `: strconv.ParseInt: parsing "x": invalid syntax`.
var strconvRe = regexp.MustCompile(`: strconv\.Parse(Int|Uint|Float|Bool): parsing "[^"]*": (invalid syntax|value out of range)$`)

// flagError says what a flag value should be where pflag passes strconv's
// message on: `invalid argument "x" for "-j, --jobs" flag: want a whole
// number`.
func flagError(err error) error {
	m := strconvRe.FindStringSubmatchIndex(err.Error())
	if m == nil {
		return err
	}
	msg := err.Error()
	want := map[string]string{"Int": "a whole number", "Uint": "a whole number of 0 or more", "Float": "a number", "Bool": "true or false"}[msg[m[2]:m[3]]]
	if msg[m[4]:m[5]] == "value out of range" {
		want += " in range"
	}
	return errors.New(msg[:m[0]] + ": want " + want)
}

// outputPath is the file an -o flag names, "" for stdout: none given, or
// "-", as - is stdin among the inputs.
func outputPath(flag string) string {
	if flag == "-" {
		return ""
	}
	return flag
}

// checkInputFormat reports a usage error when name (an --input-format
// value) is no format threads reads; "" (detect) is fine.
func checkInputFormat(name string) error {
	if name == "" {
		return nil
	}
	var names []string
	for _, f := range chatlog.Formats() {
		if f.Name == name {
			return nil
		}
		names = append(names, f.Name)
	}
	return usageError{fmt.Errorf("unknown `--input-format` %q; use one of: %s (see threads formats)", name, strings.Join(names, ", "))}
}
