package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/cocolian/threads/internal/chatlog"
)

// A ParseError reports a malformed line of an annotation file.
type ParseError struct {
	Path string // file name as given to the reader
	Line int    // 1-based line number, 0 when the error concerns the whole file
	Err  error  // what was wrong and what was expected
}

// Error formats the error as "path:line: message".
func (e *ParseError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// tsvColumns is the column line of the gold TSV format.
var tsvColumns = []string{"idx", "time", "nick", "parent", "role", "thread"}

// maxLine bounds the length of one input line.
const maxLine = 1 << 20

// ReadTSV reads a gold annotation in the project's TSV format (see
// GUIDELINES.md of the gold set): '#' comment lines, the column line
// "idx time nick parent role thread" (tab-separated), then one row per
// message. The input is decoded as chat logs are (chatlog.Decode: a
// byte-order mark, UTF-16, GBK, CR LF and lone CR line ends). It checks that
// idx counts up from 0, that the time is HH:MM:SS (or "-", unknown: an
// annotation that leaves times and nicks to the log), that 0 <= parent <= idx
// and the parent shares the message's thread, and that an answer role A<q>
// names an earlier message of the same thread whose role is Q; idx, parent
// and q are plain decimal digits, without a sign. Errors are *ParseError
// values positioned at path:line.
func ReadTSV(r io.Reader, path string) (*Annotation, error) {
	r, _ = chatlog.Decode(r)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	a := &Annotation{
		Parent:   []int{},
		Thread:   []int{},
		Question: []bool{},
		AnswerOf: []int{},
		Labels:   []string{},
		Nicks:    []string{},
		Seconds:  []int{},
		Lines:    []int{},
	}
	threadID := make(map[string]int)
	lineNo := 0
	header := false
	fail := func(format string, args ...any) (*Annotation, error) {
		return nil, &ParseError{Path: path, Line: lineNo, Err: fmt.Errorf(format, args...)}
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if !header {
			if strings.Join(f, "\t") != strings.Join(tsvColumns, "\t") {
				return fail("expected column line %q, got %q", strings.Join(tsvColumns, "\t"), line)
			}
			header = true
			continue
		}
		if len(f) != len(tsvColumns) {
			return fail("expected %d tab-separated fields (%s), got %d", len(tsvColumns), strings.Join(tsvColumns, " "), len(f))
		}
		idx := len(a.Parent)
		if n, ok := parseIndex(f[0]); !ok || n != idx {
			return fail("expected idx %d (consecutive from 0), got %q", idx, f[0])
		}
		sec, ok := -1, f[1] == "-" // "-": the time is left to the chat log
		if !ok {
			sec, ok = parseClock(f[1])
		}
		if !ok {
			return fail("expected time HH:MM:SS or -, got %q", f[1])
		}
		parent, ok := parseIndex(f[3])
		if !ok || parent > idx {
			return fail("expected parent between 0 and %d (the message's own idx), got %q", idx, f[3])
		}
		label := f[5]
		if label == "" {
			return fail("expected a thread label, got an empty field")
		}
		if parent != idx && a.Labels[parent] != label {
			return fail("parent %d is in thread %s, expected the message's thread %s", parent, a.Labels[parent], label)
		}
		question, answerOf := false, -1
		switch role := f[4]; {
		case role == "Q":
			question = true
		case role == "-":
		case strings.HasPrefix(role, "A"):
			q, ok := parseIndex(role[1:])
			if !ok {
				return fail("expected role Q, A<q> or -, got %q", role)
			}
			if q >= idx {
				return fail("role %s: expected an earlier question (idx below %d), got %d", role, idx, q)
			}
			if !a.Question[q] {
				return fail("role %s: expected message %d to have role Q", role, q)
			}
			if a.Labels[q] != label {
				return fail("role %s: question %d is in thread %s, expected the answer's thread %s", role, q, a.Labels[q], label)
			}
			answerOf = q
		default:
			return fail("expected role Q, A<q> or -, got %q", role)
		}
		id, ok := threadID[label]
		if !ok {
			id = len(threadID)
			threadID[label] = id
		}
		a.Parent = append(a.Parent, parent)
		a.Thread = append(a.Thread, id)
		a.Question = append(a.Question, question)
		a.AnswerOf = append(a.AnswerOf, answerOf)
		a.Labels = append(a.Labels, label)
		a.Nicks = append(a.Nicks, f[2])
		a.Seconds = append(a.Seconds, sec)
		a.Lines = append(a.Lines, lineNo)
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{Path: path, Line: lineNo + 1, Err: err}
	}
	if !header {
		return nil, &ParseError{Path: path, Err: fmt.Errorf("expected column line %q, found none", strings.Join(tsvColumns, "\t"))}
	}
	return a, nil
}

// parseIndex reads a message index: one or more ASCII digits, no sign.
func parseIndex(s string) (int, bool) {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// parseClock converts "HH:MM:SS" to seconds since midnight.
func parseClock(s string) (int, bool) {
	if len(s) != 8 || s[2] != ':' || s[5] != ':' {
		return 0, false
	}
	var v [3]int
	for i := range v {
		n, err := strconv.Atoi(s[3*i : 3*i+2])
		if err != nil || n < 0 || s[3*i] == '+' || s[3*i] == '-' {
			return 0, false
		}
		v[i] = n
	}
	if v[0] > 23 || v[1] > 59 || v[2] > 59 {
		return 0, false
	}
	return v[0]*3600 + v[1]*60 + v[2], true
}

// A Link is one reply link of a Kummerfeld-style annotation: Message replies
// to Antecedent; Message == Antecedent starts a conversation.
type Link struct {
	Message    int // the replying message (the larger line number)
	Antecedent int // the message it replies to (the smaller line number)
}

// Links is a reply graph in the format of Kummerfeld et al. (2019): a set of
// links and the set of annotated messages. A message may have several links;
// lines before the first annotated message are context that only appears as
// antecedents.
type Links struct {
	Pairs     []Link // distinct links, sorted by Message then Antecedent
	Annotated []int  // sorted distinct messages that are the larger number of some link
}

// ErrNoLinks is wrapped by ReadLinks when a file holds no link at all.
var ErrNoLinks = errors.New("no links")

// ReadLinks reads a link file of Kummerfeld et al. (2019): one link per line,
// "A B -", where the larger number is the message and the other its
// antecedent, and "N N -" starts a conversation (as get_pairs in their
// tools/evaluation/graph-eval.py reads it). Blank lines and '#' comments are
// skipped. The input is decoded as ReadTSV decodes it. Errors are
// *ParseError values positioned at path:line.
func ReadLinks(r io.Reader, path string) (*Links, error) {
	r, _ = chatlog.Decode(r)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	seen := make(map[Link]bool)
	annotated := make(map[int]bool)
	l := &Links{}
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 || len(f) > 3 || f[1] == "-" || (len(f) == 3 && f[2] != "-") {
			return nil, &ParseError{Path: path, Line: lineNo, Err: fmt.Errorf("expected \"A B -\" (two message numbers and -), got %q", line)}
		}
		var n [2]int
		for i := range n {
			v, err := strconv.Atoi(f[i])
			if err != nil || v < 0 {
				return nil, &ParseError{Path: path, Line: lineNo, Err: fmt.Errorf("expected a non-negative message number, got %q", f[i])}
			}
			n[i] = v
		}
		k := Link{Message: max(n[0], n[1]), Antecedent: min(n[0], n[1])}
		annotated[k.Message] = true
		if !seen[k] {
			seen[k] = true
			l.Pairs = append(l.Pairs, k)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{Path: path, Line: lineNo + 1, Err: err}
	}
	if len(l.Pairs) == 0 {
		return nil, &ParseError{Path: path, Err: fmt.Errorf("expected lines \"A B -\": %w", ErrNoLinks)}
	}
	sort.Slice(l.Pairs, func(i, j int) bool {
		a, b := l.Pairs[i], l.Pairs[j]
		if a.Message != b.Message {
			return a.Message < b.Message
		}
		return a.Antecedent < b.Antecedent
	})
	for m := range annotated {
		l.Annotated = append(l.Annotated, m)
	}
	sort.Ints(l.Annotated)
	return l, nil
}

// Conversations returns the conversations of l as Kummerfeld's scripts build
// them (graph_to_cluster.py, dstc8-evaluation.py): connected components of
// all links, including antecedents before the annotated range, then
// restricted to annotated messages. Two annotated messages that both link to
// the same unannotated context line therefore share a conversation. Each
// conversation is sorted; conversations are ordered by first message.
func (l *Links) Conversations() [][]int {
	return components(l.Pairs, l.Annotated)
}

// components returns the connected components of the graph with the given
// links, restricted to the messages in keep (sorted), as sorted clusters
// ordered by first message.
func components(links []Link, keep []int) [][]int {
	node := make(map[int]int)
	add := func(m int) int {
		i, ok := node[m]
		if !ok {
			i = len(node)
			node[m] = i
		}
		return i
	}
	for _, m := range keep {
		add(m)
	}
	for _, k := range links {
		add(k.Message)
		add(k.Antecedent)
	}
	uf := newUnionFind(len(node))
	for _, k := range links {
		uf.union(node[k.Message], node[k.Antecedent])
	}
	ids := make(map[int]int, len(keep))
	for _, m := range keep {
		ids[m] = uf.find(node[m])
	}
	byRoot := make(map[int][]int)
	var roots []int
	for _, m := range keep {
		r := ids[m]
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], m)
	}
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		out = append(out, byRoot[r])
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}
