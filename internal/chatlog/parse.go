package chatlog

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// A Format describes one input format the tool reads.
type Format struct {
	Name        string // the --input-format value
	Description string // one line for `threads formats`
}

// Formats lists the supported input formats, sorted by name.
func Formats() []Format {
	fs := []Format{
		{Name: "cocolian", Description: "cocolian day-archive Markdown (front matter, '> HH:MM:SS  nickname' headers)"},
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].Name < fs[j].Name })
	return fs
}

// Parse reads one log in the named format; an empty format is detected from content.
func Parse(r io.Reader, path, format string) (*Log, error) {
	br := bufio.NewReaderSize(r, 64*1024)
	if format == "" {
		head, _ := br.Peek(8 * 1024)
		format = Detect(head)
		if format == "" {
			return nil, &ParseError{Path: path, Line: 1, Msg: fmt.Sprintf("cannot tell the input format; pass --input-format with one of: %s", formatNames())}
		}
	}
	switch format {
	case "cocolian":
		return ParseCocolian(br, path)
	default:
		return nil, &ParseError{Path: path, Msg: fmt.Sprintf("unknown input format %q; known formats: %s", format, formatNames())}
	}
}

// ParseFile opens path ("-" is stdin) and parses it with Parse.
func ParseFile(path, format string, stdin io.Reader) (*Log, error) {
	if path == "-" {
		return Parse(stdin, path, format)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &ParseError{Path: path, Msg: "cannot open input", Err: err}
	}
	defer f.Close()
	return Parse(f, path, format)
}

// Detect names the format of a log from its first bytes, or "" when unknown.
func Detect(head []byte) string {
	s := strings.TrimPrefix(string(head), "\ufeff")
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "> ") {
		return "cocolian"
	}
	return ""
}

func formatNames() string {
	var names []string
	for _, f := range Formats() {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}
