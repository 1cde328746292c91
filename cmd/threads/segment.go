package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
)

// segmentOptions are the flags and arguments of `threads segment`.
type segmentOptions struct {
	io    *streams
	Input string // text, a file name when such a file exists, or "-" for stdin
	Kinds bool   // print each token's kind
}

func newSegmentCmd(io *streams, runF func(*segmentOptions) error) *cobra.Command {
	opts := &segmentOptions{io: io}
	cmd := &cobra.Command{
		Use:   "segment TEXT|FILE|-",
		Short: "Print the tokens of a text, to check a dictionary entry",
		Long: `Print the tokens of a text, one line of space-separated tokens per input
line. The argument is read as a file when a file of that name exists
(decoded as chat files are: UTF-8 with or without a byte-order mark,
UTF-16, GBK), as stdin when it is "-", and otherwise as the text itself;
an argument that looks like a file name but names no file is segmented as
text, with a note on stderr. Text is read as threading and digests read
it, so the tokens show it that way: traditional Chinese in simplified
(請問 as 请问), old sticker codes as today's names (/::) as [微笑]),
full-width letters and digits in ASCII (Ｔ０ as T0).

The payments terms and stop words come from dict/payments.yaml and
dict/stopwords.yaml, which are built into the binary: after editing them,
rebuild (go install ./cmd/threads) and check the entry here with --kinds.`,
		Example: "  threads segment '微信有没有分账接口？'\n  threads segment --kinds notes.txt\n  echo '网联协议支付' | threads segment -",
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
	cmd.Flags().BoolVar(&opts.Kinds, "kinds", false, "print each token as token/kind (domain, stop, word, ...)")
	return cmd
}

// segmentRun prints one line of space-separated tokens per input line.
func segmentRun(opts *segmentOptions) error {
	text, err := segmentInput(opts)
	if err != nil {
		return err
	}
	seg, err := loadSegmenter()
	if err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		var out []string
		for _, t := range seg.Tokens(segment.Canonical(line)) {
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

// segmentInput returns the text segment reads: stdin for "-", the file the
// argument names when there is one, both decoded with chatlog.Decode, or
// else the argument itself. When the argument looks like a file name but
// names no file, it says so on stderr.
func segmentInput(opts *segmentOptions) (string, error) {
	arg := opts.Input
	var r io.Reader
	switch st, err := os.Stat(arg); {
	case arg == "-":
		r = opts.io.In
	case err == nil && !st.IsDir():
		f, err := os.Open(arg)
		if err != nil {
			return "", fmt.Errorf("%s: cannot read file: %w", arg, err)
		}
		defer f.Close()
		r = f
	case err == nil:
		fmt.Fprintf(opts.io.Err, "threads: %s is a folder, not a file; segmenting the argument as text\n", arg)
		return arg, nil
	case errors.Is(err, fs.ErrNotExist) && looksLikeFileName(arg):
		fmt.Fprintf(opts.io.Err, "threads: no file named %s; segmenting the argument as text\n", arg)
		return arg, nil
	default:
		return arg, nil
	}
	dec, _ := chatlog.Decode(r)
	data, err := io.ReadAll(dec)
	if err != nil {
		return "", fmt.Errorf("%s: cannot read: %w", arg, err)
	}
	return string(data), nil
}

// looksLikeFileName reports whether s reads as a file name rather than as
// text: it has no line break and no URL scheme, and it has a path separator
// or ends in an extension (a dot, then one to five ASCII letters and digits,
// at least one a letter).
func looksLikeFileName(s string) bool {
	if strings.ContainsAny(s, "\n\r") || strings.Contains(s, "://") {
		return false
	}
	if strings.ContainsRune(s, '/') || strings.ContainsRune(s, filepath.Separator) {
		return true
	}
	ext := strings.TrimPrefix(filepath.Ext(s), ".")
	if len(ext) < 1 || len(ext) > 5 || len(ext) == len(s)-1 {
		return false
	}
	letter := false
	for _, c := range ext {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return letter
}
