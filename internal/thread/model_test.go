package thread

import (
	"maps"
	"math"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

// TestModelYAMLWritesWeightsExactly checks that the weights a model file
// is written with read back as the same numbers, however many digits they
// have: a model fitted by `threads train --rank` must be the one it writes.
func TestModelYAMLWritesWeightsExactly(t *testing.T) {
	for _, tt := range []struct {
		name string
		w    float64
	}{
		{"four decimals", -5.2792},
		{"five digits", 1.23456},
		{"small", -0.0013},
		{"tiny", 1e-7},
		{"large", 123456789.123},
		{"huge", 1e21},
		{"a sum", 0.1 + 0.2},
		{"smallest", 5e-324},
		{"largest", math.MaxFloat64},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := &Model{Name: "x", Weights: map[string]float64{"adjacent": tt.w}, Rank: map[string]float64{"mention": tt.w}}
			data := m.YAML("exact")
			back, err := ParseModel(data, "x.yaml")
			if err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			if back.Weights["adjacent"] != tt.w || back.Rank["mention"] != tt.w {
				t.Errorf("weight %v written as\n%s", tt.w, data)
			}
		})
	}
}

// TestEmbeddedModelsRoundTrip checks that both embedded models, written as
// `threads train` writes them and read back, hold the same weights and
// switches: a model fitted with --rank or --answers on top of one threads
// as it does.
func TestEmbeddedModelsRoundTrip(t *testing.T) {
	type switches struct{ gate, handover, remarks, passNotices bool }
	for _, format := range []string{"cocolian", "irc"} {
		m := DefaultModel(format)
		back, err := ParseModel(m.YAML("again"), m.Name+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(back.Weights, m.Weights) || !maps.Equal(back.Rank, m.Rank) {
			t.Errorf("%s: weights or rank weights changed when written and read back", m.Name)
		}
		want := switches{m.Gate, m.Handover, m.Remarks, m.PassNotices}
		if got := (switches{back.Gate, back.Handover, back.Remarks, back.PassNotices}); got != want {
			t.Errorf("%s: switches %+v written and read back as %+v", m.Name, want, got)
		}
	}
}

// TestModelNameRoundTrips checks that any --name reads back from the model
// file as it was given.
func TestModelNameRoundTrips(t *testing.T) {
	for _, name := range []string{
		"wechat", "my: model", "[x]", "#1", "", "true", "1.5", "null", "~", "- a",
		"x #y", "{a: b}", "'quoted'", `"double"`, "  spaced  ", "a\nb", "a\n", "tab\there", "中文模型", "\x00", "\xff\xfe",
		strings.Repeat("long name ", 40),
	} {
		m := &Model{Name: name, Weights: map[string]float64{"adjacent": 1}}
		data := m.YAML("a name")
		back, err := ParseModel(data, "n.yaml")
		if err != nil {
			t.Errorf("name %q: %v\n%s", name, err, data)
			continue
		}
		if back.Name != name {
			t.Errorf("name %q read back as %q from\n%s", name, back.Name, data)
		}
	}
}

// TestModelFileErrors checks that a model file with a key the format does
// not have, a misspelt feature or a bad number is refused with its file and
// line and what to do.
func TestModelFileErrors(t *testing.T) {
	const good = "name: x\n" + // line 1
		"gate: true\n" +
		"handover: true\n" +
		"pass_notices: true\n" +
		"weights:\n" + // line 5
		"  mention: 6\n" +
		"  adjacent: 1.3\n" +
		"rank:\n" +
		"  shared-terms: 0.5\n" +
		"rank_trees:\n" + // line 10
		"  features: [adjacent, shared-terms]\n" +
		"  trees: |\n" +
		"    1 0.5 1 2; -0.25; 0.75\n" +
		"    0.5\n"
	if _, err := ParseModel([]byte(good), "m.yaml"); err != nil {
		t.Fatalf("the good file: %v", err)
	}
	for _, tt := range []struct {
		name  string
		edits []string // old, new, old, new...
		want  []string
	}{
		{"pass_notice", []string{"pass_notices:", "pass_notice:"}, []string{`m.yaml:4: unknown key "pass_notice"`, "correct its spelling or remove it", "pass_notices"}},
		{"hand_over", []string{"handover:", "hand_over:"}, []string{`m.yaml:3: unknown key "hand_over"`}},
		{"rank-trees", []string{"rank_trees:", "rank-trees:"}, []string{`m.yaml:10: unknown key "rank-trees"`, "rank_trees"}},
		{"a key of rank_trees", []string{"  features:", "  feature:"}, []string{`m.yaml:11: unknown key "feature"`, "features, trees"}},
		{"two unknown keys", []string{"gate:", "gat:", "pass_notices:", "pass_notice:"}, []string{`m.yaml:2: unknown key "gat"`, `m.yaml:4: unknown key "pass_notice"`}},
		{"not a number", []string{"  adjacent: 1.3", "  adjacent: much"}, []string{"m.yaml:7: cannot unmarshal"}},
		{"a syntax error", []string{"  adjacent: 1.3", "  adjacent: [1"}, []string{"m.yaml:", "is this a model file?"}},
		{"a misspelt feature", []string{"  mention: 6", "  mentoin: 6"}, []string{`m.yaml:6: unknown feature "mentoin" in ` + "`weights:`", "correct its name"}},
		{"two misspelt features", []string{"  mention: 6\n  adjacent: 1.3", "  zz-last: 6\n  aa-first: 1.3"}, []string{`m.yaml:7: unknown feature "aa-first"`}},
		{"a misspelt rank feature", []string{"  shared-terms: 0.5", "  shared-term: 0.5"}, []string{`m.yaml:9: unknown feature "shared-term" in ` + "`rank:`"}},
		{"an infinite weight", []string{"  shared-terms: 0.5", "  shared-terms: .inf"}, []string{"m.yaml:9: weight shared-terms in `rank:` is not a finite number"}},
		{"a feature of the trees", []string{"[adjacent, shared-terms]", "[adjacent, shared-term]"}, []string{`m.yaml:11: rank_trees splits on unknown feature "shared-term"`}},
		{"a bad tree", []string{"    0.5\n", "    3 0.5 1 2; 0; 0\n"}, []string{"m.yaml:14: rank_trees tree 2 (line 2 of the trees block): node 0 splits on feature 3"}},
		{"an unknown kind", []string{"name: x\n", "name: x\nkind: slack\n"}, []string{`m.yaml:2: unknown kind "slack"`, "use irc or wechat", "or remove the line"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := good
			for k := 0; k+1 < len(tt.edits); k += 2 {
				if !strings.Contains(bad, tt.edits[k]) {
					t.Fatalf("%q is not in the file", tt.edits[k])
				}
				bad = strings.Replace(bad, tt.edits[k], tt.edits[k+1], 1)
			}
			// Map order varies from run to run: the error must not.
			for range 5 {
				_, err := ParseModel([]byte(bad), "m.yaml")
				if err == nil {
					t.Fatalf("no error for\n%s", bad)
				}
				for _, want := range tt.want {
					if !strings.Contains(err.Error(), want) {
						t.Fatalf("error %q, want it to contain %q", err, want)
					}
				}
			}
		})
	}
}

// TestFitRankNoProgress checks that fitRank reports an optimisation that
// made no progress, and keeps one that ends early after making some (as
// L-BFGS fits end, with "linesearch: failed to converge").
func TestFitRankNoProgress(t *testing.T) {
	// Two candidates; gold is the one that mentions, which the weights
	// should learn to prefer.
	examples := []rankExample{{
		fs:   [][]feature{{{id: fAdjacent, value: 1}}, {{id: fMention, value: 1}}},
		base: []float64{0, 0},
		gold: 1,
	}}
	for _, tt := range []struct {
		name    string
		lambda  float64
		wantErr bool
	}{
		{"a moderate penalty", 1, false},
		{"a small penalty", 1e-3, false},
		{"NaN", math.NaN(), true},
		{"infinite", math.Inf(1), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w, err := fitRank(examples, tt.lambda)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want one: %v", err, tt.wantErr)
			}
			if err == nil && !(w[fMention] > 0 && w[fAdjacent] < 0) {
				t.Errorf("mention %g, adjacent %g: want the gold candidate's feature to gain", w[fMention], w[fAdjacent])
			}
		})
	}
}

// TestTrainRankRefusesLambda checks that TrainRank refuses a penalty that
// is not a finite number above 0, before it threads anything.
func TestTrainRankRefusesLambda(t *testing.T) {
	for _, lambda := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if _, _, err := TrainRank(nil, fieldTokenizer{}, linkWeightsOnly(t), RankOptions{Lambda: lambda}); err == nil || !strings.Contains(err.Error(), "finite number above 0") {
			t.Errorf("lambda %g: error %v", lambda, err)
		}
	}
}

// TestTrainNeedsScorerLinks checks that Train fails, rather than give a
// model with no weights, when the passes before the scorer link every
// annotated message (here system lines, which stand alone).
func TestTrainNeedsScorerLinks(t *testing.T) {
	system := msg("", "B 加入了群聊", 1)
	system.Type = chatlog.TypeSystem
	log := day(msg("A", "分账 怎么 开通？", 0), system, msg("C", "找 客户经理", 2))
	for _, tt := range []struct {
		name    string
		gold    map[int][]int
		wantErr bool
	}{
		{"a system line", map[int][]int{1: {1}}, true},
		{"no annotation", map[int][]int{}, true},
		{"a reply", map[int][]int{1: {1}, 2: {0}}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Train([]TrainingDay{{Log: log, Gold: tt.gold}}, fieldTokenizer{}, TrainOptions{Name: "t", Epochs: 1})
			switch {
			case tt.wantErr && (err == nil || !strings.Contains(err.Error(), "give annotated days")):
				t.Errorf("error %v, want one that says what to do", err)
			case !tt.wantErr && err != nil:
				t.Errorf("error %v", err)
			case !tt.wantErr && len(m.Weights) == 0:
				t.Error("no weights")
			}
		})
	}
}

// TestModelKind checks that a model file reads back the kind of chat it
// was trained on, that a file without one (written before train recorded
// it) loads with none, and that each embedded model is of the kind whose
// formats DefaultModel picks it for.
func TestModelKind(t *testing.T) {
	for _, kind := range []string{KindIRC, KindWeChat, ""} {
		m := &Model{Name: "x", Kind: kind, Weights: map[string]float64{"adjacent": 1}}
		data := m.YAML("a kind")
		if got := strings.Contains(string(data), "\nkind:"); got != (kind != "") {
			t.Errorf("kind %q: a kind: line %v in\n%s", kind, got, data)
		}
		back, err := ParseModel(data, "k.yaml")
		if err != nil {
			t.Fatalf("kind %q: %v\n%s", kind, err, data)
		}
		if back.Kind != kind {
			t.Errorf("kind %q read back as %q", kind, back.Kind)
		}
	}
	for _, format := range []string{"irc", "cocolian", "telegram", "slack", "whatsapp", ""} {
		if m := DefaultModel(format); m.Kind != KindOf(format) || m.Name != KindOf(format) {
			t.Errorf("format %q: embedded model %q of kind %q, want %q", format, m.Name, m.Kind, KindOf(format))
		}
	}
}

// TestModelKindWarning checks the warning for a model of each kind, and
// one that records none, on a log of each kind: a warning only when the
// kinds differ, naming the model file, both kinds and what to do.
func TestModelKindWarning(t *testing.T) {
	for _, tt := range []struct {
		model, format string
		want          []string // nil: no warning
	}{
		{KindIRC, "irc", nil},
		{KindIRC, "cocolian", []string{"irc.yaml:", "trained on chats of kind irc (IRC logs)", "input is of kind wechat (WeChat and every other format but IRC)", "train a model on logs of this kind", "leave out --model to use the embedded wechat model"}},
		{KindIRC, "slack", []string{"kind wechat", "embedded wechat model"}},
		{KindWeChat, "cocolian", nil},
		{KindWeChat, "telegram", nil},
		{KindWeChat, "irc", []string{"irc.yaml:", "trained on chats of kind wechat", "input is of kind irc (IRC logs)", "leave out --model to use the embedded irc model"}},
		{"", "irc", nil},
		{"", "cocolian", nil},
	} {
		t.Run(tt.model+" on "+tt.format, func(t *testing.T) {
			m := &Model{Kind: tt.model}
			got := m.KindWarning("irc.yaml", tt.format)
			if (got != "") != (tt.want != nil) {
				t.Fatalf("warning %q, want one: %v", got, tt.want != nil)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("warning %q lacks %q", got, w)
				}
			}
		})
	}
}

// TestTrainedKind checks that training days of one kind give that kind,
// and days of both kinds (or none) give none.
func TestTrainedKind(t *testing.T) {
	for _, tt := range []struct {
		formats []string
		want    string
	}{
		{[]string{"irc", "irc"}, KindIRC},
		{[]string{"cocolian", "telegram"}, KindWeChat},
		{[]string{"cocolian", "irc"}, ""},
		{[]string{"irc", "cocolian", "irc"}, ""},
		{nil, ""},
	} {
		var days []TrainingDay
		for _, f := range tt.formats {
			days = append(days, TrainingDay{Log: &chatlog.Log{Format: f}})
		}
		if got := TrainedKind(days); got != tt.want {
			t.Errorf("days in %v: kind %q, want %q", tt.formats, got, tt.want)
		}
	}
}
