package dict

import (
	_ "embed"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed topics.yaml
var topicsYAML []byte

// topicsFile names the embedded topics file in errors.
const topicsFile = "dict/topics.yaml"

// A Topic is one payments subject and the terms that signal it.
type Topic struct {
	Name    string   // the topic as the digest shows it, e.g. 分账
	Gloss   string   // a short English gloss; "" when none is given
	GlossZh string   // a short Chinese gloss, for the Chinese HTML page (see GlossIn); "" when none is given
	Terms   []string // words that signal the topic, in file order
}

// GlossIn is the topic's gloss for a page in lang ("en", "zh"): its
// Chinese gloss for "zh" when it has one, else its English gloss.
func (t Topic) GlossIn(lang string) string {
	if lang == "zh" && t.GlossZh != "" {
		return t.GlossZh
	}
	return t.Gloss
}

// Topics returns the topics of dict/topics.yaml in file order.
func Topics() ([]Topic, error) {
	return ParseTopics(topicsFile, topicsYAML)
}

// ParseTopics parses a topics file named file (used in errors as
// "file:line:"): a sequence of mappings with the keys topic, gloss,
// gloss_zh and terms.
func ParseTopics(file string, data []byte) ([]Topic, error) {
	root, err := parseRoot(file, data, yaml.SequenceNode, "no topics", "a list of topics")
	if err != nil {
		return nil, err
	}
	seen := make(map[string]int) // topic name -> line
	topics := make([]Topic, 0, len(root.Content))
	for _, item := range root.Content {
		if item.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s:%d: want a mapping like {topic: 分账, terms: [分账, 分润]}, got %s", file, item.Line, kindName(item))
		}
		var t Topic
		haveTerms := false
		terms := make(map[string]int) // folded term -> line
		for i := 0; i+1 < len(item.Content); i += 2 {
			key, val := item.Content[i], item.Content[i+1]
			switch key.Value {
			case "topic":
				w, err := word(file, val)
				if err != nil {
					return nil, err
				}
				t.Name = w
			case "gloss", "gloss_zh":
				if val.Kind != yaml.ScalarNode {
					return nil, fmt.Errorf("%s:%d: %s: want text, got %s", file, val.Line, key.Value, kindName(val))
				}
				if key.Value == "gloss" {
					t.Gloss = strings.TrimSpace(val.Value)
				} else {
					t.GlossZh = strings.TrimSpace(val.Value)
				}
			case "terms":
				if val.Kind != yaml.SequenceNode {
					return nil, fmt.Errorf("%s:%d: terms: want a list, got %s", file, val.Line, kindName(val))
				}
				haveTerms = true
				for _, n := range val.Content {
					w, err := word(file, n)
					if err != nil {
						return nil, err
					}
					k := strings.ToLower(w)
					if first, ok := terms[k]; ok {
						return nil, fmt.Errorf("%s:%d: duplicate term %q in one topic (first at line %d)", file, n.Line, w, first)
					}
					terms[k] = n.Line
					t.Terms = append(t.Terms, w)
				}
			default:
				return nil, fmt.Errorf("%s:%d: unknown key %q (want topic, gloss, gloss_zh or terms)", file, key.Line, key.Value)
			}
		}
		if t.Name == "" {
			return nil, fmt.Errorf("%s:%d: entry has no topic", file, item.Line)
		}
		if !haveTerms || len(t.Terms) == 0 {
			return nil, fmt.Errorf("%s:%d: topic %q has no terms", file, item.Line, t.Name)
		}
		if first, ok := seen[t.Name]; ok {
			return nil, fmt.Errorf("%s:%d: duplicate topic %q (first at line %d)", file, item.Line, t.Name, first)
		}
		seen[t.Name] = item.Line
		topics = append(topics, t)
	}
	return topics, nil
}

// ExtendTopics returns base extended by extra: a topic of extra that base
// already has adds its new terms (and its gloss and Chinese gloss, each
// where base has none), any other is appended. Neither argument is modified.
func ExtendTopics(base, extra []Topic) []Topic {
	out := make([]Topic, len(base))
	index := make(map[string]int, len(base))
	for i, t := range base {
		t.Terms = append([]string(nil), t.Terms...)
		out[i] = t
		index[t.Name] = i
	}
	for _, e := range extra {
		i, ok := index[e.Name]
		if !ok {
			index[e.Name] = len(out)
			out = append(out, Topic{Name: e.Name, Gloss: e.Gloss, GlossZh: e.GlossZh, Terms: append([]string(nil), e.Terms...)})
			continue
		}
		t := &out[i]
		if t.Gloss == "" {
			t.Gloss = e.Gloss
		}
		if t.GlossZh == "" {
			t.GlossZh = e.GlossZh
		}
		have := make(map[string]bool, len(t.Terms))
		for _, w := range t.Terms {
			have[strings.ToLower(w)] = true
		}
		for _, w := range e.Terms {
			if !have[strings.ToLower(w)] {
				have[strings.ToLower(w)] = true
				t.Terms = append(t.Terms, w)
			}
		}
	}
	return out
}
