package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/export"
	"github.com/cocolian/threads/internal/thread"
)

// extractOptions are the flags and arguments of `threads extract`.
type extractOptions struct {
	io          *streams
	Inputs      []string // files to read; "-" is stdin
	Format      string   // output format: markdown or json
	InputFormat string   // input format name, "" to detect
	Output      string   // output file, "" for stdout
	Explain     bool     // add link evidence
}

func newExtractCmd(io *streams, runF func(*extractOptions) error) *cobra.Command {
	opts := &extractOptions{io: io}
	cmd := &cobra.Command{
		Use:   "extract [FILE...]",
		Short: "Thread chat logs and write JSON or a Markdown FAQ",
		Long: `Read each FILE (or stdin when there is none or FILE is "-"), split it into
threads with reply-to links and question/answer roles, and write the result.
With several files, JSON output is an array in argument order.`,
		Example: "  threads extract testdata/sample-day.markdown\n  threads extract --format json -o day.json day.markdown",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if len(opts.Inputs) == 0 {
				opts.Inputs = []string{"-"}
			}
			if opts.Format != "markdown" && opts.Format != "json" {
				return usageError{fmt.Errorf("invalid `--format` %q: use markdown or json", opts.Format)}
			}
			if runF != nil {
				return runF(opts)
			}
			return extractRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "markdown", "output format: `markdown` or json")
	cmd.Flags().StringVar(&opts.InputFormat, "input-format", "", "input format (default: detected); see `threads formats`")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (atomically) instead of stdout")
	cmd.Flags().BoolVar(&opts.Explain, "explain", false, "add the evidence behind every reply link")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"markdown", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// extractRun parses, threads and exports every input; an input that fails is
// reported on the error stream and the others are still processed.
func extractRun(opts *extractOptions) error {
	seg, err := loadSegmenter()
	if err != nil {
		return err
	}
	var days []export.Day
	failed := 0
	for _, path := range opts.Inputs {
		log, err := chatlog.ParseFile(path, opts.InputFormat, opts.io.In)
		if err != nil {
			fmt.Fprintln(opts.io.Err, "threads:", err)
			failed++
			continue
		}
		days = append(days, export.Day{Log: log, Result: thread.Build(log, seg)})
	}
	if len(days) > 0 {
		if err := writeOutput(opts, days); err != nil {
			return err
		}
	}
	if failed > 0 {
		return &partialError{failed: failed, total: len(opts.Inputs)}
	}
	return nil
}

func writeOutput(opts *extractOptions, days []export.Day) error {
	var buf bytes.Buffer
	eo := export.Options{Explain: opts.Explain}
	var err error
	if opts.Format == "json" {
		err = export.WriteJSON(&buf, days, eo)
	} else {
		err = export.WriteMarkdown(&buf, days, eo)
	}
	if err != nil {
		return err
	}
	if opts.Output == "" {
		_, err = opts.io.Out.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(opts.Output, buf.Bytes())
}

// writeFileAtomic writes data to a temporary file beside path and renames it
// over path, so readers never see a half-written file.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("%s: cannot create output: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, bytes.NewReader(data)); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: cannot write output: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: cannot write output: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: cannot replace output: %w", path, err)
	}
	return nil
}
