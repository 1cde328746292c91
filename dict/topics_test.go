package dict

import (
	"strings"
	"testing"
)

func TestTopics(t *testing.T) {
	topics, err := Topics()
	if err != nil {
		t.Fatal(err)
	}
	if len(topics) < 25 {
		t.Errorf("got %d topics, want at least 25", len(topics))
	}
	byName := make(map[string]Topic)
	for _, tp := range topics {
		byName[tp.Name] = tp
		if tp.Gloss == "" || tp.GlossZh == "" {
			t.Errorf("topic %q lacks a gloss: %q, Chinese %q", tp.Name, tp.Gloss, tp.GlossZh)
		}
	}
	required := map[string][]string{
		"分账":  {"分账", "分润", "分佣"},
		"网联":  {"网联", "断直连", "协议支付", "认证支付", "商业委托"},
		"备付金": {"备付金", "集中存管"},
		"对账":  {"对账", "差错"},
	}
	for name, terms := range required {
		tp, ok := byName[name]
		if !ok {
			t.Errorf("missing topic %q", name)
			continue
		}
		have := strings.Join(tp.Terms, " ")
		for _, w := range terms {
			if !strings.Contains(" "+have+" ", " "+w+" ") {
				t.Errorf("topic %q lacks term %q", name, w)
			}
		}
	}
}

func TestParseTopics(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string // topics as name/gloss[/gloss_zh]:terms joined by "; ", or the error prefix
	}{
		{"Chinese gloss", "- {topic: 分账, gloss: profit sharing, gloss_zh: 交易资金的分润，分佣, terms: [分账]}\n", "分账/profit sharing/交易资金的分润，分佣:分账"},
		{"Chinese gloss only", "- topic: 网联\n  gloss_zh: ' 清算平台 '\n  terms: [网联]\n", "网联//清算平台:网联"},
		{"Chinese gloss not text", "- {topic: a, gloss_zh: [x], terms: [x]}\n", "x.yaml:1: gloss_zh: want text, got a list"},
		{"duplicate Chinese gloss", "- {topic: a, gloss_zh: g, terms: [x], gloss_zh: h}\n", `x.yaml:1: duplicate key "gloss_zh" (first at line 1)`},
		{"flow", "- {topic: 分账, gloss: profit sharing, terms: [分账, 分润]}\n", "分账/profit sharing:分账,分润"},
		{"block", "# c\n- topic: 网联\n  terms:\n    - 网联\n    - 断直连\n", "网联/:网联,断直连"},
		{"two", "- {topic: a, terms: [x]}\n- {topic: b, terms: [y, Y2]}\n", "a/:x; b/:y,Y2"},
		{"two documents", "- {topic: 测试, terms: [a]}\n---\n- {topic: 另一个话题, terms: [分账]}", "测试/:a; 另一个话题/:分账"},
		{"three documents, one empty", "---\n- {topic: a, terms: [x]}\n---\n# nothing\n---\n- {topic: b, terms: [y]}\n---\n", "a/:x; b/:y"},
		{"empty", "", "x.yaml: no topics"},
		{"empty documents", "---\n# nothing yet\n---\n", "x.yaml: no topics"},
		{"duplicate topic across documents", "- {topic: a, terms: [x]}\n---\n- {topic: a, terms: [y]}\n", `x.yaml:3: duplicate topic "a" (first at line 1)`},
		{"second document not a list", "- {topic: a, terms: [x]}\n---\ntopic: b\nterms: [y]\n", "x.yaml:3: want a list of topics, got a mapping"},
		{"syntax in the second document", "- {topic: a, terms: [x]}\n---\n- {topic: b, terms: [y\n", "x.yaml:3: invalid YAML: did not find expected ',' or ']'"},
		{"not a list", "topic: 分账\n", "x.yaml:1: want a list of topics, got a mapping"},
		{"not a mapping", "- 分账\n", "x.yaml:1: want a mapping"},
		{"unknown key", "- {topic: a, terms: [x]}\n- {topic: b, term: [y]}\n", `x.yaml:2: unknown key "term"`},
		{"no topic", "- {terms: [x]}\n", "x.yaml:1: entry has no topic"},
		{"no terms", "- {topic: a}\n", `x.yaml:1: topic "a" has no terms`},
		{"empty terms", "- {topic: a, terms: []}\n", `x.yaml:1: topic "a" has no terms`},
		{"terms not a list", "- {topic: a, terms: x}\n", "x.yaml:1: terms: want a list"},
		{"empty term", "- {topic: a, terms: [x, '']}\n", "x.yaml:1: empty word"},
		{"duplicate term", "- topic: a\n  terms:\n    - POS\n    - pos\n", `x.yaml:4: duplicate term "pos" in one topic (first at line 3)`},
		{"duplicate topic", "- {topic: a, terms: [x]}\n\n- {topic: a, terms: [y]}\n", `x.yaml:3: duplicate topic "a" (first at line 1)`},
		{"duplicate key", "- {topic: 测试, terms: [分账], topic: 别的}\n", `x.yaml:1: duplicate key "topic" (first at line 1)`},
		{"duplicate key in a block", "- topic: a\n  terms: [x]\n  gloss: g\n  terms: [y]\n", `x.yaml:4: duplicate key "terms" (first at line 2)`},
		{"duplicate gloss", "- {topic: a, terms: [x]}\n- {topic: b, gloss: g, terms: [y], gloss: h}\n", `x.yaml:2: duplicate key "gloss" (first at line 2)`},
		{"syntax", "- {topic: a, terms: [x\n", "x.yaml:1: invalid YAML: did not find expected ',' or ']'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			topics, err := ParseTopics("x.yaml", []byte(tt.yaml))
			var got string
			if err != nil {
				got = err.Error()
			} else {
				var parts []string
				for _, tp := range topics {
					parts = append(parts, topicString(tp))
				}
				got = strings.Join(parts, "; ")
			}
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExtendTopics(t *testing.T) {
	base := []Topic{{Name: "分账", Gloss: "profit sharing", GlossZh: "分润", Terms: []string{"分账", "分润"}}, {Name: "网联", Terms: []string{"网联"}}}
	extra := []Topic{{Name: "分账", Gloss: "split", GlossZh: "分拆", Terms: []string{"分账"}}, {Name: "网联", Gloss: "NetsUnion", GlossZh: "清算平台", Terms: []string{"断直连", "网联"}}, {Name: "跨境", GlossZh: "跨境支付", Terms: []string{"跨境"}}}
	got := ExtendTopics(base, extra)
	var parts []string
	for _, tp := range got {
		parts = append(parts, topicString(tp))
	}
	want := "分账/profit sharing/分润:分账,分润; 网联/NetsUnion/清算平台:网联,断直连; 跨境//跨境支付:跨境"
	if s := strings.Join(parts, "; "); s != want {
		t.Errorf("got %q, want %q", s, want)
	}
	if len(base[1].Terms) != 1 || base[1].Gloss != "" || base[1].GlossZh != "" {
		t.Errorf("ExtendTopics modified its argument: %+v", base[1])
	}
}

// topicString is a topic as the tests compare it: name/gloss:terms, or
// name/gloss/gloss_zh:terms when it has a Chinese gloss.
func topicString(tp Topic) string {
	s := tp.Name + "/" + tp.Gloss
	if tp.GlossZh != "" {
		s += "/" + tp.GlossZh
	}
	return s + ":" + strings.Join(tp.Terms, ",")
}

// TestGlossIn checks the gloss a page in each language shows: the Chinese
// one on a Chinese page, the English one when there is none, and the
// English one on an English page.
func TestGlossIn(t *testing.T) {
	both := Topic{Name: "分账", Gloss: "profit sharing", GlossZh: "分润"}
	english := Topic{Name: "Home Assistant", Gloss: "smart home"}
	tests := []struct {
		name  string
		topic Topic
		lang  string
		want  string
	}{
		{"Chinese page, Chinese gloss", both, "zh", "分润"},
		{"Chinese page, English gloss only", english, "zh", "smart home"},
		{"English page", both, "en", "profit sharing"},
		{"no gloss", Topic{Name: "a"}, "zh", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.topic.GlossIn(tt.lang); got != tt.want {
				t.Errorf("GlossIn(%q) = %q, want %q", tt.lang, got, tt.want)
			}
		})
	}
}
