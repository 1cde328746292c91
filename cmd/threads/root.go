package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
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
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newExtractCmd(io, nil), newSegmentCmd(io, nil), newEvalCmd(io, nil), newTrainCmd(io, nil), newFormatsCmd(io), newDigestCmd(io, nil))
	return root
}
