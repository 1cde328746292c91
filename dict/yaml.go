package dict

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// parseRoot decodes data and returns one root node of kind holding the
// entries of all its documents in file order: none says what a file
// without entries lacks ("no terms"), want what each document's root
// should be ("a list of terms"). Every file of this package, embedded or
// given by the user, is read through it.
//
// A file split into documents by "---" lines is read whole, not only up
// to its first "---". Whoever puts "---" in a list of topics or terms
// separates parts of one list (their own topics from ones pasted in, say);
// every YAML tool they might check the file with shows all its documents,
// and the entries of all of them, checked together for duplicates, are
// the only reading that drops none of what they wrote. Refusing the "---"
// would lose nothing either, but would make them delete a line that does
// no harm.
// A document of another shape (a mapping after a list) is refused with
// its line, and an empty one (a "---" at the end) is skipped.
func parseRoot(file string, data []byte, kind yaml.Kind, none, want string) (*yaml.Node, error) {
	var root *yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, syntaxError(file, data, err)
		}
		if len(doc.Content) == 0 {
			continue
		}
		r := doc.Content[0]
		if r.Kind == yaml.ScalarNode && r.Tag == "!!null" && r.Value == "" {
			continue // a document with nothing in it
		}
		if r.Kind != kind {
			return nil, fmt.Errorf("%s:%d: want %s, got %s", file, r.Line, want, kindName(r))
		}
		for _, n := range r.Content {
			if err := uniqueKeys(file, n); err != nil {
				return nil, err
			}
		}
		if root == nil {
			root = &yaml.Node{Kind: kind, Line: r.Line, Column: r.Column}
		}
		root.Content = append(root.Content, r.Content...)
	}
	if root == nil {
		return nil, fmt.Errorf("%s: %s", file, none)
	}
	return root, nil
}

// uniqueKeys checks that no mapping in the tree of n has a key twice, as
// YAML requires: decoding into a yaml.Node, yaml.v3 keeps both and a
// parser reading the pairs in order would let the last win. The keys of a
// file's root mapping are left to the parser of the file, which can say
// what they are ("duplicate code").
func uniqueKeys(file string, n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		seen := make(map[string]int) // key -> line
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			if key.Kind != yaml.ScalarNode {
				continue // refused by the parsers as an unknown key
			}
			if first, ok := seen[key.Value]; ok {
				return fmt.Errorf("%s:%d: duplicate key %q (first at line %d)", file, key.Line, key.Value, first)
			}
			seen[key.Value] = key.Line
		}
	}
	for _, c := range n.Content {
		if err := uniqueKeys(file, c); err != nil {
			return err
		}
	}
	return nil
}

// parserProblems are the problems yaml.v3's parser reports, as opposed to
// its scanner. yaml.v3 (v3.0.1, decode.go's parser.fail) writes the line
// of a scanner problem counted from 1 but that of a parser problem counted
// from 0, and leaves the line out when it is the first line; syntaxError
// undoes both.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// readerProblems are the problems yaml.v3 finds while decoding the bytes
// of the input, before any line is counted: it names no line for them, so
// syntaxError finds the offending character itself.
var readerProblems = []string{
	"control characters are not allowed",
	"invalid leading UTF-8 octet",
	"incomplete UTF-8 octet sequence",
	"invalid trailing UTF-8 octet",
	"invalid length of a UTF-8 sequence",
	"invalid Unicode character",
}

// composerProblems start the problems yaml.v3 finds after parsing (an
// alias to an anchor never defined, ...). It names no line for them and
// neither can syntaxError.
var composerProblems = []string{
	"unknown anchor ",
	"anchor '",
	"document contains excessive aliasing",
	"attempted to go past the end of stream",
	"cannot decode node with unknown kind",
}

// syntaxError turns an error of yaml.v3 on data into one in the form of
// this package's other errors: "file:line: invalid YAML: problem (what to
// do)", the line counted from 1 as editors count it. An error whose line
// cannot be told is "file: invalid YAML: problem".
func syntaxError(file string, data []byte, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line, problem := 0, msg
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if digits, after, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(digits); err == nil {
				line, problem = n, after
			}
		}
	}
	switch {
	case hasPrefix(problem, readerProblems):
		line = badCharLine(data)
	case hasPrefix(problem, composerProblems):
		line = 0
	case parserProblems[problem]:
		line++ // counted from 0; 0 when left out
	case line == 0:
		line = 1 // a scanner problem on the first line
	}
	if strings.Contains(problem, "tab character") {
		// yaml.v3 names the line where the scalar or key before the tab
		// starts, which may be lines above it.
		line = tabLine(data, line)
	}
	if n := lineCount(data); line > n {
		// A problem found at the end of the input (an unclosed [ or {)
		// is reported on the line after the last one.
		line = n
	}
	text := "invalid YAML: " + problem
	if hint := syntaxHint(problem, lineText(data, line)); hint != "" {
		text += " (" + hint + ")"
	}
	if line <= 0 {
		return fmt.Errorf("%s: %s", file, text)
	}
	return fmt.Errorf("%s:%d: %s", file, line, text)
}

// indentOf returns the blanks and sequence dashes that start a line.
func indentOf(text string) string {
	return text[:len(text)-len(strings.TrimLeft(text, " \t-"))]
}

// tabLine returns the first line of data from line from on (counted from
// 1) with a tab in its indentation, or from when there is none.
func tabLine(data []byte, from int) int {
	for n, text := range strings.Split(string(data), "\n") {
		if n+1 >= from && strings.Contains(indentOf(text), "\t") {
			return n + 1
		}
	}
	return from
}

// syntaxHint says what to do about a YAML problem found on a line with the
// text text, or "" when there is nothing more useful to say.
func syntaxHint(problem, text string) string {
	switch {
	case strings.Contains(problem, "tab character") || strings.Contains(indentOf(text), "\t"):
		return "YAML indents with spaces, not tabs: replace the tab with spaces"
	case problem == "did not find expected ',' or '}'":
		return `a { on this line or above is not closed by }, or text in it holds ": " or " #": quote that text`
	case problem == "did not find expected ',' or ']'":
		return "a [ on this line or above is not closed by ]"
	case problem == "mapping values are not allowed in this context":
		return `quote text that holds ": ", or indent this line as the lines it belongs with`
	case (problem == "did not find expected '-' indicator" || problem == "did not find expected key") && strings.HasPrefix(text, " "):
		return "indent this line as the lines it belongs with"
	case problem == "found unexpected end of stream" && strings.ContainsAny(text, `"'`):
		return "a quote here is not closed"
	case problem == "control characters are not allowed":
		return "delete the invisible character"
	case hasPrefix(problem, readerProblems):
		return "save the file as UTF-8"
	}
	return ""
}

// hasPrefix reports whether s starts with one of prefixes.
func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// badCharLine returns the line of the first character of data that YAML
// does not allow (invalid UTF-8, a control character other than tab, line
// feed and carriage return), or 0 when there is none or data is not UTF-8
// at all (UTF-16, which yaml.v3 also reads).
func badCharLine(data []byte) int {
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return 0
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if !yamlChar(r) || (r == utf8.RuneError && size == 1) {
			return bytes.Count(data[:i], []byte("\n")) + 1
		}
		i += size
	}
	return 0
}

// yamlChar reports whether YAML allows r in a file (the printable
// characters of YAML 1.1, section 5.1, which yaml.v3 checks).
func yamlChar(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0x7e, r == 0x85:
		return true
	case r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return true
	}
	return false
}

// lineCount returns the number of lines of data, a last line without a
// line feed included.
func lineCount(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// lineText returns line n of data (counted from 1) without its line
// break, or "" when there is no such line.
func lineText(data []byte, n int) string {
	if n <= 0 {
		return ""
	}
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	return strings.TrimSuffix(string(data), "\r")
}
