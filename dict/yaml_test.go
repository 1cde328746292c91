package dict

import (
	"strings"
	"testing"
)

// TestSyntaxError checks that a YAML syntax error names the file and the
// line as an editor counts it, and says what to do. yaml.v3 leaves the
// line out on the first line and counts the lines of parser problems from
// 0; each case is one of those.
func TestSyntaxError(t *testing.T) {
	const ok = "- {topic: a, terms: [x]}\n"
	tests := []struct {
		name string
		yaml string
		want string // the whole error
	}{
		{"tab on line 1", "\t- {topic: a, terms: [x]}\n",
			"x.yaml:1: invalid YAML: found character that cannot start any token (YAML indents with spaces, not tabs: replace the tab with spaces)"},
		{"tab before an entry", ok + "\t- {topic: b, terms: [y]}\n",
			"x.yaml:2: invalid YAML: found character that cannot start any token (YAML indents with spaces, not tabs: replace the tab with spaces)"},
		{"tab before a key", ok + "- topic: b\n\tterms: [y]\n",
			"x.yaml:3: invalid YAML: found a tab character that violates indentation (YAML indents with spaces, not tabs: replace the tab with spaces)"},
		{"tab before a term", ok + "- topic: b\n  terms:\n\t- y\n",
			"x.yaml:4: invalid YAML: found character that cannot start any token (YAML indents with spaces, not tabs: replace the tab with spaces)"},
		{"tab after a dash", ok + "-\t{topic: b, terms: [y]}\n",
			"x.yaml:2: invalid YAML: found character that cannot start any token (YAML indents with spaces, not tabs: replace the tab with spaces)"},
		{"colon in a gloss", ok + "- {topic: b, gloss: x: y, terms: [y]}\n",
			`x.yaml:2: invalid YAML: did not find expected ',' or '}' (a { on this line or above is not closed by }, or text in it holds ": " or " #": quote that text)`},
		{"unclosed list", ok + "- {topic: b, terms: [y}\n",
			"x.yaml:2: invalid YAML: did not find expected ',' or ']' (a [ on this line or above is not closed by ])"},
		{"unclosed list at the end", "- {topic: a, terms: [x\n",
			"x.yaml:1: invalid YAML: did not find expected ',' or ']' (a [ on this line or above is not closed by ])"},
		{"unclosed list before blank lines", ok + "\n\n- {topic: b, terms: [y\n\n\n",
			"x.yaml:4: invalid YAML: did not find expected ',' or ']' (a [ on this line or above is not closed by ])"},
		{"unclosed mapping", ok + "- {topic: b, terms: [y]\n- {topic: c, terms: [z]}\n",
			`x.yaml:2: invalid YAML: did not find expected ',' or '}' (a { on this line or above is not closed by }, or text in it holds ": " or " #": quote that text)`},
		{"colon in a block gloss", ok + "- topic: b\n  gloss: x: y\n  terms: [y]\n",
			`x.yaml:3: invalid YAML: mapping values are not allowed in this context (quote text that holds ": ", or indent this line as the lines it belongs with)`},
		{"indented too little", ok + "- topic: b\n terms: [y]\n",
			"x.yaml:3: invalid YAML: did not find expected '-' indicator (indent this line as the lines it belongs with)"},
		{"unclosed quote", ok + "- {topic: 'b, terms: [y]}\n",
			"x.yaml:2: invalid YAML: found unexpected end of stream (a quote here is not closed)"},
		{"control character", ok + "- {topic: b, terms: [y\x01]}\n",
			"x.yaml:2: invalid YAML: control characters are not allowed (delete the invisible character)"},
		{"not UTF-8", ok + "- {topic: \xb7\xd6\xd5\xcb, terms: [y]}\n",
			"x.yaml:2: invalid YAML: invalid leading UTF-8 octet (save the file as UTF-8)"},
		{"unknown anchor", ok + "- *b\n",
			"x.yaml: invalid YAML: unknown anchor 'b' referenced"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTopics("x.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n%q, want\n%q", err, tt.want)
			}
		})
	}
}

// TestSyntaxErrorEveryFile checks that every file of the package reports a
// syntax error with its line.
func TestSyntaxErrorEveryFile(t *testing.T) {
	tests := []struct {
		name  string
		parse func([]byte) error
		yaml  string
		want  string // the error's start; the tab hint follows
	}{
		{"payments", func(b []byte) error { _, err := parsePayments(paymentsFile, b); return err }, "- {term: 分账}\n\t- {term: 分润}\n", "dict/payments.yaml:2: invalid YAML: "},
		{"stopwords", func(b []byte) error { _, err := parseStopWords(stopwordsFile, b, nil); return err }, "filler:\n\t- 哈哈\n", "dict/stopwords.yaml:2: invalid YAML: "},
		{"legacy stickers", func(b []byte) error { _, err := parseLegacyStickers(legacyFile, b); return err }, "\"/::)\": 微笑\n\t\"/::~\": 撇嘴\n", "dict/legacy-stickers.yaml:2: invalid YAML: "},
		{"topics", func(b []byte) error { _, err := ParseTopics(topicsFile, b); return err }, "- {topic: a, terms: [x]}\n\t- {topic: b, terms: [y]}\n", "dict/topics.yaml:2: invalid YAML: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.parse([]byte(tt.yaml))
			const hint = "(YAML indents with spaces, not tabs: replace the tab with spaces)"
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || !strings.HasSuffix(err.Error(), hint) {
				t.Errorf("error %v, want %q ... %q", err, tt.want, hint)
			}
		})
	}
}
