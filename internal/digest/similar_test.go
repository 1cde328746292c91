package digest

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/sharedtest"
)

func TestTerms(t *testing.T) {
	tn := newTerms([]dict.Term{
		{Term: "人民银行", Aliases: []string{"人行", "央行"}},
		{Term: "快捷支付"}, {Term: "快捷"},
		{Term: "I类户"}, {Term: "II类户", Aliases: []string{"二类户"}},
	})
	tests := []struct {
		words []string
		want  string // feature:count:weight, sorted
	}{
		{[]string{"央行", "利息"}, "人民银行:1:1.5 利息:1:1"},
		{[]string{"人行", "人民银行"}, "人民银行:2:1.5"},
		{[]string{"快捷支付"}, "快捷:1:0.75 快捷支付:1:1.5"},
		{[]string{"快捷"}, "快捷:1:1.5"},
		{[]string{"ii类户"}, "ii类户:1:1.5"},
		{[]string{"二类户", "开户"}, "ii类户:1:1.5 开户:1:1"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.words), func(t *testing.T) {
			var got []string
			for w, f := range tn.features(tt.words) {
				got = append(got, fmt.Sprintf("%s:%g:%g", w, f.count, f.weight))
			}
			sort.Strings(got)
			if s := fmt.Sprint(got); s != "["+tt.want+"]" {
				t.Errorf("features = %s, want [%s]", s, tt.want)
			}
		})
	}
	if got := fmt.Sprint(tn.parts["快捷支付"]); got != "[快捷]" {
		t.Errorf("parts of 快捷支付 = %s", got)
	}
	if got := tn.parts["ii类户"]; len(got) != 0 {
		t.Errorf("parts of ii类户 = %v, want none (i类户 is not a word of it)", got)
	}
}

func TestContextual(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"微信分账接口怎么申请？", false},
		{"你们对账差错怎么处理？", false},
		{"那么分账要单独开通吗", false},
		{"这个余额是指账户余额？", true},
		{"那存量用户要重新签约吗？", true},
		{"你做过合规？", true},
		{"上面说的是二清吗", true},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := contextual(tt.text); got != tt.want {
				t.Errorf("contextual(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestBuildTitleWithoutMentions checks entry titles of questions that
// mention a group display name with a space in it, of someone who is not
// among the day's senders: the name goes whole, and its words give no topic.
//
// A name the message mentions (its Mentions) goes whole too, written
// without an "@" as a Telegram mention_name entity writes it, or with a
// space in it after its "@".
func TestBuildTitleWithoutMentions(t *testing.T) {
	tests := []struct {
		question string
		mentions []string
		title    string
	}{
		{"@杨彧-微众- 支付产品经理-上海?微众银行的二类户能绑定几张银行卡？", nil, "微众银行的二类户能绑定几张银行卡？"},
		{"@Summer 梁夏-丰瑞祥-GM-BJ 蚂蚁金服的备付金存管在哪家银行？", nil, "蚂蚁金服的备付金存管在哪家银行？"},
		{"Bob Zhang 张波 请教一下，微信分账的退款接口幂等怎么做？", []string{"Bob Zhang 张波"}, "微信分账的退款接口幂等怎么做？"},
		{"@Alex Chan 请问微信分账的退款接口幂等怎么做？", []string{"Alex Chan"}, "请问微信分账的退款接口幂等怎么做？"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			day := qaDay("a.md", "2018-03-01", tt.question, "不清楚")
			day.Log.Messages[0].Mentions = tt.mentions
			d := Build([]Day{day}, segmenter(t), fixtureOptions(t))
			if len(d.Entries) != 1 {
				t.Fatalf("%d entries, want 1", len(d.Entries))
			}
			if e := d.Entries[0]; e.Title != tt.title || slices.Contains(e.Topics, "产品设计") {
				t.Errorf("title %q topics %v, want %q and no 产品设计 from the name", e.Title, e.Topics, tt.title)
			}
		})
	}
}

// unit builds a unit vector from feature weights, the domain words being
// payments terms.
func unit(ws map[string]float64, domain ...string) []component {
	var vec []component
	for _, w := range slices.Sorted(maps.Keys(ws)) {
		vec = append(vec, component{word: w, weight: ws[w], domain: slices.Contains(domain, w)})
	}
	normalize(vec)
	return vec
}

func TestMergeable(t *testing.T) {
	q := func(thread string, day int, contextual bool, ws map[string]float64, domain ...string) *question {
		return &question{occ: Occurrence{Day: day, Thread: thread}, contextual: contextual, vec: unit(ws, domain...)}
	}
	apply := q("a", 0, false, map[string]float64{"分账": 3, "接口": 2, "申请": 2}, "分账")
	interest := q("c", 0, false, map[string]float64{"备付金": 3, "利息": 2, "归谁": 2}, "备付金")
	interestLong := q("d", 1, false, map[string]float64{"备付金": 3, "利息": 2, "归谁": 2, "集中存管": 3, "存管": 2, "沉淀": 2, "资金": 2}, "备付金", "集中存管")
	for _, tt := range []struct {
		threshold float64
		want      bool
	}{{DefaultThreshold, false}, {0.62, true}, {0.6, true}} {
		// A lower threshold asks the shared words to carry less of each.
		if got := mergeable(interest, interestLong, cosine(interest, interestLong), tt.threshold); got != tt.want {
			t.Errorf("a long question holding a short one at %v: mergeable = %v, want %v", tt.threshold, got, tt.want)
		}
	}
	tests := []struct {
		name string
		a, b *question
		want bool
	}{
		{"same words, other day", apply, q("b", 1, false, map[string]float64{"分账": 3, "接口": 2, "申请": 2}, "分账"), true},
		{"same thread, copied", apply, q("a", 0, false, map[string]float64{"分账": 3, "接口": 2, "申请": 2}, "分账"), true},
		{"same thread, a follow-up", apply, q("a", 0, false, map[string]float64{"分账": 3, "接口": 2, "比例": 2, "上限": 2}, "分账"), false},
		{"one extra word", apply, q("b", 1, false, map[string]float64{"分账": 3, "接口": 2, "申请": 2, "开通": 1}, "分账"), true},
		{"same day needs more", apply, q("b", 0, false, map[string]float64{"分账": 3, "接口": 2, "申请": 2, "开通": 2}, "分账"), false},
		{"same day, word for word", apply, q("b", 0, false, map[string]float64{"分账": 3, "接口": 2, "申请": 2}, "分账"), true},
		{"same day, re-posted with its answer", q("c", 0, false, map[string]float64{"柜台": 3, "转账": 2, "信息流": 2, "银联": 2}, "银联"), q("d", 0, false, map[string]float64{"柜台": 3, "转账": 2, "信息流": 2, "银联": 2, "人行": 2, "通道": 2}, "银联", "人行"), true},
		{"same day, a short question inside a reply", q("c", 0, false, map[string]float64{"柜台": 3, "转账": 2, "银联": 2}, "银联"), q("d", 0, false, map[string]float64{"柜台": 3, "转账": 2, "银联": 2, "人行": 2, "通道": 2}, "银联", "人行"), false},
		{"re-post rule is for one day", q("c", 0, false, map[string]float64{"柜台": 3, "转账": 2, "信息流": 2, "银联": 2}, "银联"), q("d", 1, true, map[string]float64{"柜台": 3, "转账": 2, "信息流": 2, "银联": 2, "人行": 2, "通道": 2}, "银联", "人行"), false},
		{"contextual needs more", apply, q("b", 1, true, map[string]float64{"分账": 3, "接口": 2, "申请": 2, "开通": 2}, "分账"), false},
		{"short question inside a long one", q("c", 0, false, map[string]float64{"代扣": 3, "通道": 2}, "代扣"), q("d", 1, false, map[string]float64{"代扣": 3, "通道": 2, "支付路由": 4, "错误": 2}, "代扣", "支付路由"), false},
		{"same day, only payments terms in common", q("c", 0, false, map[string]float64{"信用卡": 3, "还款": 3}, "信用卡", "还款"), q("d", 0, true, map[string]float64{"信用卡": 3, "还款": 3, "业务": 0.5}, "信用卡", "还款"), false},
		{"two common words", q("c", 0, false, map[string]float64{"消息": 1, "可靠": 1}), q("d", 1, false, map[string]float64{"消息": 1, "可靠": 1}), false},
		{"three shared words", q("c", 0, false, map[string]float64{"消息": 1, "可靠": 1, "来源": 1}), q("d", 1, false, map[string]float64{"消息": 1, "可靠": 1, "来源": 1}), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mergeable(tt.a, tt.b, cosine(tt.a, tt.b), DefaultThreshold); got != tt.want {
				t.Errorf("mergeable = %v (cosine %.3f), want %v", got, cosine(tt.a, tt.b), tt.want)
			}
		})
	}
}

// TestSimilarPairsComparesEveryPair checks the inverted index of
// similarPairs against comparing every pair of copy sets with cosine and
// linkable: the same pairs, with the same similarity to the bit, on the
// fixture days, on many short questions of a few payments terms, and, when
// it is there, the shared corpus.
func TestSimilarPairsComparesEveryPair(t *testing.T) {
	for name, questions := range questionSets() {
		t.Run(name, func(t *testing.T) {
			qs := questions(t)
			sets := copySets(qs, DefaultThreshold)
			first := func(s int) *question { return qs[sets[s].members[0]] }
			want := map[[2]int32]float64{}
			for i := range sets {
				for j := i + 1; j < len(sets); j++ {
					if s := cosine(first(i), first(j)); linkable(sets[i], sets[j], first(i), first(j), s, DefaultThreshold) {
						want[[2]int32{int32(i), int32(j)}] = s
					}
				}
			}
			got := similarPairs(qs, sets, DefaultThreshold)
			if len(got) != len(want) {
				t.Errorf("similarPairs gives %d pairs of %d copy sets, comparing every pair %d", len(got), len(sets), len(want))
			}
			for _, p := range got {
				if s, ok := want[[2]int32{p.i, p.j}]; !ok || s != p.sim {
					t.Errorf("pair %d %d: similarity %v, comparing every pair %v (linkable %v)", p.i, p.j, p.sim, s, ok)
				}
			}
			if len(want) == 0 {
				t.Error("no mergeable pairs: the test compares nothing")
			}
		})
	}
}

// TestClusterIsCompleteLinkage checks cluster, which merges copies first
// and counts linkable pairs between groups, against complete linkage done
// the plain way: every mergeable pair of questions, most similar first,
// joins two groups when mergeable says yes for every pair across them; at
// the thresholds from 0 to 1.
func TestClusterIsCompleteLinkage(t *testing.T) {
	for name, questions := range questionSets() {
		t.Run(name, func(t *testing.T) {
			qs := questions(t)
			index := make(map[*question]int, len(qs))
			for i, q := range qs {
				index[q] = i
			}
			for _, threshold := range []float64{0, 0.5, DefaultThreshold, 1} {
				got, want := cluster(qs, threshold), completeLinkage(qs, threshold)
				merged := 0
				for _, c := range want {
					merged += len(c) - 1
				}
				if merged == 0 && threshold < 1 {
					t.Fatalf("threshold %v: nothing merges, the test compares nothing", threshold)
				}
				if len(got) != len(want) {
					t.Fatalf("threshold %v: cluster gives %d groups, complete linkage %d", threshold, len(got), len(want))
				}
				for k, c := range got {
					var members []int
					for _, q := range c.members {
						members = append(members, index[q])
					}
					if !slices.Equal(members, want[k]) {
						t.Errorf("threshold %v, group %d: cluster %v, complete linkage %v", threshold, k, members, want[k])
					}
				}
			}
		})
	}
}

// completeLinkage is cluster's merging written plainly, for
// TestClusterIsCompleteLinkage: groups of question indices, in order of
// their first question.
func completeLinkage(qs []*question, threshold float64) [][]int {
	type scored struct {
		i, j int
		sim  float64
	}
	var pairs []scored
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			if s := cosine(qs[i], qs[j]); mergeable(qs[i], qs[j], s, threshold) {
				pairs = append(pairs, scored{i, j, s})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].sim != pairs[b].sim {
			return pairs[a].sim > pairs[b].sim
		}
		if pairs[a].i != pairs[b].i {
			return pairs[a].i < pairs[b].i
		}
		return pairs[a].j < pairs[b].j
	})
	of := make([][]int, len(qs))
	for i := range qs {
		of[i] = []int{i}
	}
	for _, p := range pairs {
		a, b := of[p.i], of[p.j]
		if a[0] == b[0] {
			continue
		}
		all := true
		for _, x := range a {
			for _, y := range b {
				lo, hi := min(x, y), max(x, y)
				all = all && mergeable(qs[lo], qs[hi], cosine(qs[lo], qs[hi]), threshold)
			}
		}
		if !all {
			continue
		}
		joined := append(slices.Clone(a), b...)
		slices.Sort(joined)
		for _, x := range joined {
			of[x] = joined
		}
	}
	var out [][]int
	for i := range qs {
		if of[i][0] == i {
			out = append(out, of[i])
		}
	}
	return out
}

// questionSets are the question sets the merging tests run on.
func questionSets() map[string]func(t *testing.T) []*question {
	return map[string]func(t *testing.T) []*question{
		"fixture": func(t *testing.T) []*question { return mergeQuestions(t, fixtureDays(t)) },
		"corpus": func(t *testing.T) []*question {
			return mergeQuestions(t, daysIn(t, sharedtest.Dir(t, "corpus", "cocolian")))
		},
		"terms": func(t *testing.T) []*question { return termQuestions(400, 20) },
	}
}

// termQuestions makes n short questions over days days, each a few of
// five payments terms and four common words drawn at random (a fixed seed):
// many copies, and many pairs of near-identical questions, the case where
// merging meets millions of mergeable pairs on a year. 清算机构 brings the
// term inside it, 清算, as a part (see terms.features), which 清算 alone
// is not: the pairs where mergeable must read both questions' flags.
func termQuestions(n, days int) []*question {
	words := []string{"分账", "网联", "代扣", "清算", "清算机构", "费率", "通道", "接口", "商户"}
	rng := rand.New(rand.NewPCG(1, 2))
	var qs []*question
	for k := range n {
		ws := map[string]float64{}
		for range 2 + rng.IntN(3) {
			ws[words[rng.IntN(len(words))]]++
		}
		part := ws["清算机构"] > 0 && ws["清算"] == 0
		if part {
			ws["清算"] = ws["清算机构"]
		}
		for w := range ws {
			ws[w] = (1 + math.Log(ws[w])) * float64(1+len(w)%3)
		}
		vec := unit(ws, words[:5]...) // the first five are payments terms
		for i := range vec {
			if part && vec[i].word == "清算" {
				vec[i].domain, vec[i].part = false, true
				vec[i].weight /= 2
			}
		}
		normalize(vec)
		qs = append(qs, &question{
			occ:        Occurrence{Day: k * days / n},
			contextual: rng.IntN(10) == 0,
			vec:        vec,
		})
	}
	return qs
}

// mergeQuestions returns the questions of days with their vectors, as
// Build makes them before merging.
func mergeQuestions(t *testing.T, days []Day) []*question {
	t.Helper()
	opts := fixtureOptions(t)
	tok := segmenter(t)
	_, qs := readQuestions(sortedDays(days, Range{}), tok, newTopicMatcher(opts.Topics, tok), newTerms(opts.Terms), Range{})
	return qs
}

// BenchmarkCluster measures merging on many short questions of a few
// payments terms (see termQuestions), the case that gives the most
// mergeable pairs: cluster, and complete linkage done the plain way
// (completeLinkage) for the ratio.
func BenchmarkCluster(b *testing.B) {
	qs := termQuestions(1500, 60)
	b.Run("cluster", func(b *testing.B) {
		for range b.N {
			cluster(qs, DefaultThreshold)
		}
	})
	b.Run("plain", func(b *testing.B) {
		for range b.N {
			completeLinkage(qs, DefaultThreshold)
		}
	})
}
