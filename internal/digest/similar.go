package digest

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/cocolian/threads/internal/segment"
	"github.com/cocolian/threads/internal/title"
)

// DefaultThreshold is the cosine similarity at or above which two questions
// of different days are taken to ask the same thing. It was tuned by reading
// every candidate pair above 0.4 on the shared corpus: above 0.7 the pairs
// ask the same thing ("网联的接口文档方便发一个不" / "网联的接口文档谁有？"),
// between 0.5 and 0.7 most share a subject but ask different things
// ("备付金各类账户？" / "不知三方备付金账户能不能用").
const DefaultThreshold = 0.7

// SameDayThreshold is the similarity that two questions of one day, or two
// questions that lean on their conversation (see contextual), need to merge.
// Questions of one day that share words but sit in different threads are
// mostly turns of one conversation the threading split ("深圳的小牛在线？",
// then "小牛在线官网被黑了么"); a question asked again the same day is
// repeated nearly word for word.
const SameDayThreshold = 0.9

// minCoverage is the share of each question's weight that must fall on the
// features the two share at DefaultThreshold: a short question is not the
// same as a long one that contains it and asks more ("你们现在还放代扣通道不？"
// / "我说今天怎么支付路由报代扣通道错误"). A lower threshold asks for less in
// proportion (see coverageFor), so that lowering it merges more.
const minCoverage = 0.5

// coverageFor is the coverage two questions need to merge at threshold:
// minCoverage at DefaultThreshold and above, less in proportion below it
// ("备付金集中存管以后，沉淀资金的利息归谁？" holds "备付金的利息现在归谁所有？"
// with 0.44 of its weight: they merge from threshold 0.62 down).
func coverageFor(threshold float64) float64 {
	return minCoverage * math.Min(1, threshold/DefaultThreshold)
}

// minShared is how many features two questions must share to merge, unless
// one of the shared features is a payments term: two short questions that
// share two common words ("消息可靠吗") say too little to be the same question.
const minShared = 3

// vectorize gives every question a unit TF-IDF vector over its features
// (see terms.features), with IDF from df, the document frequencies over n
// messages (see the package documentation for why these and not gse's
// IDF table).
func vectorize(qs []*question, tok Tokenizer, tn *terms, df map[string]int, n int) {
	total := float64(n)
	idf := func(w string) float64 { return math.Log((total+1)/float64(df[w]+1)) + 1 }
	for _, q := range qs {
		text := title.AskedPart(segment.Canonical(q.plain)) // 問題：… and 這個 read as 问题：… and 这个
		q.contextual = contextual(text)
		fs := tn.features(segment.ContentWords(tok.Tokens(text)))
		q.vec = make(map[string]float64, len(fs))
		q.domain = make(map[string]bool)
		q.part = make(map[string]bool)
		for w, f := range fs {
			q.vec[w] = (1 + math.Log(f.count)) * f.weight * idf(w)
			q.domain[w] = f.weight > 1
			q.part[w] = f.weight < 1
		}
		var norm float64
		for _, w := range q.features() {
			norm += q.vec[w] * q.vec[w]
		}
		norm = math.Sqrt(norm)
		for w := range q.vec {
			q.vec[w] /= norm
		}
	}
}

// deictics are words that point into the conversation around a question
// ("这个余额是指账户余额？", "那就是兴业的代理吧？", "你做过合规？"): such a
// question means something else in another chat.
var deictics = []string{"这", "那", "你", "您", "他", "她", "它", "上面", "刚才", "刚刚", "前面", "楼上"}

// contextual reports whether a question leans on its conversation: it
// points at something said before or at the person it is addressed to.
// "你们" (you all) and "那么" (then) do not count: "你们对账怎么做的" asks
// anyone.
func contextual(text string) bool {
	text = strings.ReplaceAll(text, "你们", "")
	text = strings.ReplaceAll(text, "那么", "")
	for _, d := range deictics {
		if strings.Contains(text, d) {
			return true
		}
	}
	return false
}

// cosine is the similarity of two questions' unit vectors. Its sum runs
// over the features in sorted order, as every sum over a vector does, so
// that the same questions give the same bits on every run (a map's order
// would change the last bits, and with them ties between pairs).
func cosine(a, b *question) float64 {
	if len(a.vec) > len(b.vec) {
		a, b = b, a
	}
	var s float64
	for _, w := range a.features() {
		s += a.vec[w] * b.vec[w]
	}
	return s
}

// coverage returns the share of question a's unit vector weight (squared)
// that falls on features b has too.
func coverage(a, b *question) float64 {
	var s float64
	for _, w := range a.features() {
		if _, ok := b.vec[w]; ok {
			s += a.vec[w] * a.vec[w]
		}
	}
	return s
}

// features returns the features of q's vector in sorted order, sorting
// them on first use.
func (q *question) features() []string {
	if len(q.sorted) != len(q.vec) {
		q.sorted = slices.Sorted(maps.Keys(q.vec))
	}
	return q.sorted
}

// mergeable reports whether two questions with similarity sim ask the same
// thing: they share minShared features, or two with a payments term; and
// they reach threshold, or SameDayThreshold when they come from one day
// (one thread included: a question copied or quoted to ask it again) or
// one of them leans on its conversation, and then share a word besides
// payments terms unless they share all their features ("信用卡还款是不是不能做了?"
// / "你们也有信用卡还款业务？" share only a subject), with the shared features carrying
// at least coverageFor(threshold) of each one's weight. Questions of one day also
// merge when one holds all the features of the other, at least minRepost
// of them.
func mergeable(a, b *question, sim, threshold float64) bool {
	shared, words, plain, domain := 0, 0, 0, false
	for w := range a.vec {
		if _, ok := b.vec[w]; ok {
			shared++
			domain = domain || a.domain[w]
			if !a.part[w] {
				words++
			}
			if !a.part[w] && !a.domain[w] {
				plain++
			}
		}
	}
	if shared < minShared && (shared < 2 || !domain) {
		return false
	}
	covA, covB := coverage(a, b), coverage(b, a)
	minCov := coverageFor(threshold)
	if a.occ.Day == b.occ.Day && words >= minRepost && math.Max(covA, covB) > 1-1e-9 {
		return true // one repeats the other whole, with its answer or a remark after it
	}
	if a.occ.Day == b.occ.Day || a.contextual || b.contextual {
		if plain == 0 && (shared != len(a.vec) || shared != len(b.vec)) {
			return false // payments terms alone in common: one subject, not one question asked again
		}
		threshold = math.Max(threshold, SameDayThreshold)
	}
	return sim >= threshold && covA >= minCov && covB >= minCov
}

// minRepost is how many words (features other than terms found inside
// longer ones) a question must have for a longer one of
// the same day that holds them all to count as the same question re-posted
// with more after it ("银行柜台转账信息流会通过银联吗？ 不会，目前在柜台转账还是走
// 人行的通道"); fewer would merge a short question with any reply that
// repeats its words.
const minRepost = 4

// A clusterSet is a group of questions merged into one entry.
type clusterSet struct {
	members []*question
}

// A pair is two questions, by index, and their similarity.
type pair struct {
	i, j int
	sim  float64
}

// cluster merges questions that ask the same thing. Mergeable pairs, most
// similar first, join their groups when every pair across the two groups
// is mergeable too (complete linkage: A~B and B~C do not put an unrelated C
// with A). Every question
// ends in exactly one group; groups come out in order of their first
// question, members in input order.
func cluster(qs []*question, threshold float64) []*clusterSet {
	pairs := similarPairs(qs, threshold)
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].sim != pairs[b].sim {
			return pairs[a].sim > pairs[b].sim
		}
		if pairs[a].i != pairs[b].i {
			return pairs[a].i < pairs[b].i
		}
		return pairs[a].j < pairs[b].j
	})
	of := make([]*clusterSet, len(qs))
	index := make(map[*question]int, len(qs))
	for i, q := range qs {
		of[i] = &clusterSet{members: []*question{q}}
		index[q] = i
	}
	// Whether two questions are mergeable is asked again each time their
	// groups meet; a day of many near-identical questions asks it millions
	// of times, so each ordered pair is worked out once.
	known := make(map[[2]int]bool, 2*len(pairs))
	canMerge := func(x, y *question) bool {
		k := [2]int{index[x], index[y]}
		ok, seen := known[k]
		if !seen {
			ok = mergeable(x, y, cosine(x, y), threshold)
			known[k] = ok
		}
		return ok
	}
	for _, p := range pairs {
		a, b := of[p.i], of[p.j]
		if a == b || !linked(a, b, canMerge) {
			continue
		}
		for _, q := range b.members {
			a.members = append(a.members, q)
			of[index[q]] = a
		}
	}
	var out []*clusterSet
	seen := make(map[*clusterSet]bool)
	for i := range qs {
		c := of[i]
		if seen[c] {
			continue
		}
		seen[c] = true
		sort.SliceStable(c.members, func(x, y int) bool { return index[c.members[x]] < index[c.members[y]] })
		out = append(out, c)
	}
	return out
}

// linked reports whether every pair across two groups is mergeable (x of a
// and y of b, in that order).
func linked(a, b *clusterSet, mergeable func(x, y *question) bool) bool {
	for _, x := range a.members {
		for _, y := range b.members {
			if !mergeable(x, y) {
				return false
			}
		}
	}
	return true
}

// similarPairs returns every mergeable pair of questions with its
// similarity. Only questions sharing two features or more are compared
// (mergeable needs two), and their cosine is summed from an inverted
// index: each question's features, in sorted order, add their products to
// the later questions that have them, which is the sum cosine makes, term
// for term, so the similarities are the same bits. A year of three groups'
// questions has words (支付, 怎么) that most questions share; computing
// cosine afresh for every pair that shares one took most of a digest's time.
func similarPairs(qs []*question, threshold float64) []pair {
	type posting struct {
		q      int
		weight float64
	}
	feature := make(map[string]int)
	var postings [][]posting
	for i, q := range qs {
		for _, w := range q.features() {
			f, ok := feature[w]
			if !ok {
				f = len(postings)
				feature[w] = f
				postings = append(postings, nil)
			}
			postings[f] = append(postings[f], posting{i, q.vec[w]})
		}
	}
	next := make([]int, len(postings)) // postings[f][next[f]] is the question being compared, the earlier ones are done
	dot := make([]float64, len(qs))
	shared := make([]int, len(qs))
	var met []int
	var pairs []pair
	for i, q := range qs {
		for _, w := range q.features() {
			f := feature[w]
			weight := q.vec[w]
			for _, p := range postings[f][next[f]+1:] {
				if shared[p.q] == 0 {
					met = append(met, p.q)
				}
				shared[p.q]++
				dot[p.q] += weight * p.weight
			}
			next[f]++
		}
		for _, j := range met {
			// Questions of different days need threshold at least (see
			// mergeable); most pairs fall short, and are let go here.
			short := dot[j] < threshold && q.occ.Day != qs[j].occ.Day
			if shared[j] >= 2 && !short && mergeable(q, qs[j], dot[j], threshold) {
				pairs = append(pairs, pair{i, j, dot[j]})
			}
			dot[j], shared[j] = 0, 0
		}
		met = met[:0]
	}
	return pairs
}

// central returns the member most similar to the others: the entry's most
// representative question. Ties go to the one with more answers, then to
// the earlier one.
func central(members []*question) *question {
	best, bestScore := members[0], -1.0
	for _, x := range members {
		var s float64
		for _, y := range members {
			if x != y {
				s += cosine(x, y)
			}
		}
		switch {
		case s > bestScore+1e-9:
			best, bestScore = x, s
		case s > bestScore-1e-9 && len(x.occ.Answers) > len(best.occ.Answers):
			best = x
		}
	}
	return best
}

// substantial reports whether a question says enough, out of its chat, to
// be an entry on its own: three features, or two with a payments term
// ("聚合支付还能做二清吗？") or a term of a topic (a topics file's HACS in
// "How do I update HACS?"), but not "balance？", "有啥问题？" or "消息可靠吗？".
func substantial(q *question) bool {
	domain := q.topical
	for _, d := range q.domain {
		domain = domain || d
	}
	return len(q.vec) >= minShared || (len(q.vec) >= 2 && domain)
}
