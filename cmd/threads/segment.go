package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cocolian/threads/internal/segment"
)

// segmentOptions are the flags and arguments of `threads segment`.
type segmentOptions struct {
	io    *streams
	Input string // text, or a file name when such a file exists
	Kinds bool   // print each token's kind
}

func newSegmentCmd(io *streams, runF func(*segmentOptions) error) *cobra.Command {
	opts := &segmentOptions{io: io}
	cmd := &cobra.Command{
		Use:     "segment TEXT|FILE",
		Short:   "Print the tokens of a text, to check a dictionary entry",
		Example: "  threads segment '微信有没有分账接口？'\n  threads segment --kinds notes.txt",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("segment takes one TEXT or FILE argument, got %d", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Input = args[0]
			if runF != nil {
				return runF(opts)
			}
			return segmentRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Kinds, "kinds", false, "print each token as `token/kind` (domain, stop, word, ...)")
	return cmd
}

// segmentRun prints one line of space-separated tokens per input line.
func segmentRun(opts *segmentOptions) error {
	text := opts.Input
	if st, err := os.Stat(text); err == nil && !st.IsDir() {
		data, err := os.ReadFile(text)
		if err != nil {
			return fmt.Errorf("%s: %w", text, err)
		}
		text = string(data)
	}
	seg, err := loadSegmenter()
	if err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		var out []string
		for _, t := range seg.Tokens(line) {
			if t.Kind == segment.KindPunct && strings.TrimSpace(t.Text) == "" {
				continue
			}
			s := t.Text
			if opts.Kinds {
				s += "/" + t.Kind.String()
			}
			out = append(out, s)
		}
		fmt.Fprintln(opts.io.Out, strings.Join(out, " "))
	}
	return nil
}
