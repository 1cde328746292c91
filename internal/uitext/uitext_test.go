package uitext

import (
	"slices"
	"testing"
)

func TestText(t *testing.T) {
	tab := Table{
		"en": {"threads": "{n} thread|{n} threads", "read": "Read {thread} of {date}"},
		"zh": {"threads": "{n} 个话题", "read": "阅读 {date} 的 {thread}"},
	}
	tests := []struct {
		lang, key string
		n         int
		vars      []string
		want      string
	}{
		{"en", "threads", 1, nil, "1 thread"},
		{"en", "threads", 0, nil, "0 threads"},
		{"en", "threads", 3, nil, "3 threads"},
		{"zh", "threads", 1, nil, "1 个话题"},
		{"en", "read", 0, []string{"thread", "t{date}", "date", "2018-03-01"}, "Read t{date} of 2018-03-01"},
		{"zh", "read", 0, []string{"thread", "t1", "date", "2018-03-01"}, "阅读 2018-03-01 的 t1"},
	}
	for _, tt := range tests {
		if got := tab.Text(tt.lang, tt.key, tt.n, tt.vars...); got != tt.want {
			t.Errorf("Text(%q, %q, %d, %q) = %q, want %q", tt.lang, tt.key, tt.n, tt.vars, got, tt.want)
		}
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name  string
		table Table
		only  []string
		want  []string
	}{
		{"agreeing", Table{"en": {"a": "{n} thread|{n} threads"}, "zh": {"a": "{n} 个话题"}}, nil, nil},
		{"a key missing", Table{"en": {"a": "A"}, "zh": {"a": "甲", "b": "乙"}}, nil, []string{`en: no "b"`}},
		{"a key one language alone needs", Table{"en": {"a": "A"}, "zh": {"a": "甲", "b": "乙"}}, []string{"b"}, nil},
		{"other names", Table{"en": {"a": "{n} of {date}"}, "zh": {"a": "{day} 的 {n}"}}, nil, []string{`zh "a" fills in [{day} {n}], en [{date} {n}]`}},
		{"forms in Chinese", Table{"en": {"a": "{n} a|{n} as"}, "zh": {"a": "{n} 个|{n} 个"}}, nil, []string{`zh "a" has forms for counts: "{n} 个|{n} 个"`}},
	}
	for _, tt := range tests {
		if got := tt.table.Problems(tt.only...); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Problems() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestChoose(t *testing.T) {
	tests := []struct {
		lang  string
		texts []string
		want  string
	}{
		{"en", []string{"退款多久到账？"}, "en"},
		{"zh", []string{"hello"}, "zh"},
		{"", []string{"退款多久到账？", "T+1", "好的"}, "zh"},
		{"auto", []string{"退款多久到账？", "refund takes a day", "ok"}, "en"},
		{"", []string{"退款", "refund"}, "en"},   // a tie is English
		{"", []string{"123", "👍", "退款"}, "zh"}, // messages without letters do not count
		{"", nil, "en"},
		{"", []string{"明天的会议改到几点？", "ok", "收到", "OK"}, "zh"}, // an ok says nothing of the chat's language
		{"", []string{"ok", "OK", "yes"}, "en"},
	}
	for _, tt := range tests {
		if got := Choose(tt.lang, slices.Values(tt.texts)); got != tt.want {
			t.Errorf("Choose(%q, %q) = %q, want %q", tt.lang, tt.texts, got, tt.want)
		}
	}
}
