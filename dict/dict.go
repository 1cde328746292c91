// Package dict holds the word lists that people edit by hand: the terms of
// China's payment industry (payments.yaml) and the chat filler that carries
// no topic (stopwords.yaml), the words too general to be a thread's
// keyword (generic.yaml), WeChat's legacy sticker codes
// (legacy-stickers.yaml), and the payment topics a digest groups questions
// by (topics.yaml). The files are embedded in the binary; this
// package parses and checks them and reports mistakes with file and line.
package dict

import (
	"embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed payments.yaml stopwords.yaml legacy-stickers.yaml generic.yaml
var files embed.FS

// The embedded files, named as errors name them.
const (
	paymentsFile  = "dict/payments.yaml"
	stopwordsFile = "dict/stopwords.yaml"
	legacyFile    = "dict/legacy-stickers.yaml"
	genericFile   = "dict/generic.yaml"
)

// stickerGroup is the group of stopwords.yaml whose entries are sticker
// names, returned by StopWords as bracketed codes.
const stickerGroup = "stickers"

// A Term is one payments-industry term with its English gloss.
type Term struct {
	Term    string   // the term as people write it, e.g. 分账
	Gloss   string   // a short English gloss; "" when none is needed
	Aliases []string // other spellings of the same thing, e.g. 人行 for 人民银行
}

// Payments returns the terms of dict/payments.yaml in file order. A term or
// alias written with 账 also has its spelling with 帐 among the aliases.
func Payments() ([]Term, error) {
	data, err := files.ReadFile("payments.yaml")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", paymentsFile, err)
	}
	return parsePayments(paymentsFile, data)
}

// StopWords returns the words of dict/stopwords.yaml in file order, with
// sticker names written as the codes that appear in chats ([捂脸]). A stop
// word that is also a payments term or alias is an error: the segmenter
// would silently keep it a term.
func StopWords() ([]string, error) {
	terms, err := Payments()
	if err != nil {
		return nil, err
	}
	data, err := files.ReadFile("stopwords.yaml")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", stopwordsFile, err)
	}
	return parseStopWords(stopwordsFile, data, terms)
}

// GenericWords returns the words of dict/generic.yaml in file order: words
// threading reads but a thread's keywords leave out (问题, 老师). A word
// that is also a payments term or alias, or a stop word, is an error.
func GenericWords() ([]string, error) {
	terms, err := Payments()
	if err != nil {
		return nil, err
	}
	stop, err := StopWords()
	if err != nil {
		return nil, err
	}
	data, err := files.ReadFile("generic.yaml")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", genericFile, err)
	}
	return parseGenericWords(genericFile, data, terms, stop)
}

// parseGenericWords parses generic.yaml as parseStopWords parses
// stopwords.yaml, and also refuses a word that is one of stop.
func parseGenericWords(file string, data []byte, terms []Term, stop []string) ([]string, error) {
	words, lines, err := parseWordGroups(file, data, terms, "generic word", "talk: [...]", false)
	if err != nil {
		return nil, err
	}
	isStop := make(map[string]bool, len(stop))
	for _, w := range stop {
		isStop[strings.ToLower(w)] = true
	}
	for i, w := range words {
		if isStop[strings.ToLower(w)] {
			return nil, fmt.Errorf("%s:%d: %q is also in %s, and a stop word is never a keyword already: remove it from %s", file, lines[i], w, stopwordsFile, file)
		}
	}
	return words, nil
}

// A LegacySticker is a sticker code of older WeChat clients and the name
// of the sticker it stands for.
type LegacySticker struct {
	Code string // the code as chats write it, e.g. /::)
	Name string // the sticker's name, e.g. 微笑 for the code [微笑]
}

// LegacyStickers returns the codes of dict/legacy-stickers.yaml in file
// order.
func LegacyStickers() ([]LegacySticker, error) {
	data, err := files.ReadFile("legacy-stickers.yaml")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", legacyFile, err)
	}
	return parseLegacyStickers(legacyFile, data)
}

// parseLegacyStickers parses a legacy sticker file: a mapping from codes,
// each starting with /:, to sticker names.
func parseLegacyStickers(file string, data []byte) ([]LegacySticker, error) {
	root, err := parseRoot(file, data, yaml.MappingNode, "no sticker codes", "codes mapped to sticker names (\"/::)\": 微笑)")
	if err != nil {
		return nil, err
	}
	seen := make(map[string]int)
	var out []LegacySticker
	for i := 0; i+1 < len(root.Content); i += 2 {
		code, name := root.Content[i], root.Content[i+1]
		c, err := word(file, code)
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(c, "/:") || c != code.Value {
			return nil, fmt.Errorf("%s:%d: code %q: a legacy sticker code starts with /: and has no spaces around it", file, code.Line, code.Value)
		}
		n, err := word(file, name)
		if err != nil {
			return nil, err
		}
		if first, ok := seen[c]; ok {
			return nil, fmt.Errorf("%s:%d: duplicate code %q (first at line %d)", file, code.Line, c, first)
		}
		seen[c] = code.Line
		out = append(out, LegacySticker{Code: c, Name: n})
	}
	return out, nil
}

// parsePayments parses a payments file: a sequence of mappings with the
// keys term, gloss and aliases.
func parsePayments(file string, data []byte) ([]Term, error) {
	root, err := parseRoot(file, data, yaml.SequenceNode, "no terms", "a list of terms")
	if err != nil {
		return nil, err
	}
	seen := make(map[string]int) // folded term or alias -> line
	claim := func(word string, line int) error {
		key := strings.ToLower(word)
		if first, ok := seen[key]; ok {
			return fmt.Errorf("%s:%d: duplicate term %q (first at line %d)", file, line, word, first)
		}
		seen[key] = line
		return nil
	}
	terms := make([]Term, 0, len(root.Content))
	for _, item := range root.Content {
		if item.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s:%d: want a mapping like {term: 分账, gloss: ...}, got %s", file, item.Line, kindName(item))
		}
		var t Term
		haveTerm := false
		for i := 0; i+1 < len(item.Content); i += 2 {
			key, val := item.Content[i], item.Content[i+1]
			switch key.Value {
			case "term":
				w, err := word(file, val)
				if err != nil {
					return nil, err
				}
				t.Term, haveTerm = w, true
			case "gloss":
				if val.Kind != yaml.ScalarNode {
					return nil, fmt.Errorf("%s:%d: gloss: want text, got %s", file, val.Line, kindName(val))
				}
				t.Gloss = strings.TrimSpace(val.Value)
			case "aliases":
				if val.Kind != yaml.SequenceNode {
					return nil, fmt.Errorf("%s:%d: aliases: want a list, got %s", file, val.Line, kindName(val))
				}
				for _, a := range val.Content {
					w, err := word(file, a)
					if err != nil {
						return nil, err
					}
					t.Aliases = append(t.Aliases, w)
				}
			default:
				return nil, fmt.Errorf("%s:%d: unknown key %q (want term, gloss or aliases)", file, key.Line, key.Value)
			}
		}
		if !haveTerm {
			return nil, fmt.Errorf("%s:%d: entry has no term", file, item.Line)
		}
		if utf8.RuneCountInString(t.Term) < 2 {
			return nil, fmt.Errorf("%s:%d: term %q is a single character", file, item.Line, t.Term)
		}
		if err := claim(t.Term, item.Line); err != nil {
			return nil, err
		}
		for _, a := range t.Aliases {
			if utf8.RuneCountInString(a) < 2 {
				return nil, fmt.Errorf("%s:%d: alias %q is a single character", file, item.Line, a)
			}
			if err := claim(a, item.Line); err != nil {
				return nil, err
			}
		}
		terms = append(terms, t)
	}
	// 帐 is an old spelling of 账 that chats still use (挂帐, 对帐): every
	// spelling with 账 gets its 帐 twin as an alias, unless the file lists
	// that spelling itself.
	for k := range terms {
		for _, w := range append([]string{terms[k].Term}, terms[k].Aliases...) {
			twin := strings.ReplaceAll(w, "账", "帐")
			if _, ok := seen[strings.ToLower(twin)]; twin != w && !ok {
				seen[strings.ToLower(twin)] = 0
				terms[k].Aliases = append(terms[k].Aliases, twin)
			}
		}
	}
	return terms, nil
}

// parseStopWords parses a stop-word file: a mapping from group names to
// lists of words. Entries of the stickers group are returned in brackets.
// A word that is one of terms (a term or an alias) is an error.
func parseStopWords(file string, data []byte, terms []Term) ([]string, error) {
	words, _, err := parseWordGroups(file, data, terms, "stop word", "filler: [...]", true)
	return words, err
}

// parseWordGroups parses a file of named groups of words, each word a
// what ("stop word"), and returns the words in file order with the line
// of each; example is a group as the file writes one ("filler: [...]").
// With stickers, the entries of the stickers group are returned in
// brackets. A word listed twice, or that is one of terms (a term or an
// alias), is an error.
func parseWordGroups(file string, data []byte, terms []Term, what, example string, stickers bool) ([]string, []int, error) {
	root, err := parseRoot(file, data, yaml.MappingNode, "no "+what+"s", "groups of words ("+example+")")
	if err != nil {
		return nil, nil, err
	}
	isTerm := make(map[string]string) // lowercased spelling -> its term
	for _, t := range terms {
		for _, w := range append([]string{t.Term}, t.Aliases...) {
			isTerm[strings.ToLower(w)] = t.Term
		}
	}
	seen := make(map[string]int)
	groups := make(map[string]int) // group name -> line
	var words []string
	var lines []int
	for i := 0; i+1 < len(root.Content); i += 2 {
		group, list := root.Content[i], root.Content[i+1]
		if first, ok := groups[group.Value]; ok {
			return nil, nil, fmt.Errorf("%s:%d: duplicate group %q (first at line %d)", file, group.Line, group.Value, first)
		}
		groups[group.Value] = group.Line
		if list.Kind != yaml.SequenceNode {
			return nil, nil, fmt.Errorf("%s:%d: %s: want a list of words, got %s", file, list.Line, group.Value, kindName(list))
		}
		for _, n := range list.Content {
			w, err := word(file, n)
			if err != nil {
				return nil, nil, err
			}
			if stickers && group.Value == stickerGroup {
				w = "[" + w + "]"
			}
			key := strings.ToLower(w)
			if first, ok := seen[key]; ok {
				return nil, nil, fmt.Errorf("%s:%d: duplicate word %q (first at line %d)", file, n.Line, w, first)
			}
			if term, ok := isTerm[key]; ok {
				return nil, nil, fmt.Errorf("%s:%d: %q is also in %s (under %s); a word is a payments term or a %s, not both: remove it from one of the files", file, n.Line, w, paymentsFile, term, what)
			}
			seen[key] = n.Line
			words = append(words, w)
			lines = append(lines, n.Line)
		}
	}
	return words, lines, nil
}

// word returns the trimmed text of a scalar node that must not be empty.
func word(file string, n *yaml.Node) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", fmt.Errorf("%s:%d: want a word, got %s", file, n.Line, kindName(n))
	}
	w := strings.TrimSpace(n.Value)
	if w == "" {
		return "", fmt.Errorf("%s:%d: empty word", file, n.Line)
	}
	return w, nil
}

// kindName names a node's kind for error messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	default:
		return "text"
	}
}
