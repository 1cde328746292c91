package digest

import (
	"fmt"
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
		q.vec = make([]component, 0, len(fs))
		for _, w := range slices.Sorted(maps.Keys(fs)) {
			f := fs[w]
			q.vec = append(q.vec, component{word: w, weight: (1 + math.Log(f.count)) * f.weight * idf(w), domain: f.weight > 1, part: f.weight < 1})
		}
		normalize(q.vec)
	}
}

// A component is one feature of a question's vector and its weight.
type component struct {
	word   string
	weight float64 // TF-IDF, the vector being of unit length
	domain bool    // the word is a payments term
	part   bool    // the word is a term found inside a longer one (快捷 of 快捷支付)
}

// normalize scales vec, sorted by word, to unit length. Every sum over a
// vector runs over its features in sorted order, so that the same
// questions give the same bits on every run (and with them the same ties
// between pairs).
func normalize(vec []component) {
	var norm float64
	for _, f := range vec {
		norm += f.weight * f.weight
	}
	norm = math.Sqrt(norm)
	for i := range vec {
		vec[i].weight /= norm
	}
}

// overlap calls shared with the index in a and in b of each feature the
// two vectors share, in sorted order.
func overlap(a, b []component, shared func(i, j int)) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].word == b[j].word:
			shared(i, j)
			i++
			j++
		case a[i].word < b[j].word:
			i++
		default:
			j++
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

// cosine is the similarity of two questions' unit vectors.
func cosine(a, b *question) float64 {
	var s float64
	overlap(a.vec, b.vec, func(i, j int) { s += a.vec[i].weight * b.vec[j].weight })
	return s
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
	return mergeableOn(a, b, sim, threshold, a.occ.Day == b.occ.Day)
}

// mergeableOn is mergeable for a and b asked on one day (sameDay) or on
// two, whatever days they were asked on.
func mergeableOn(a, b *question, sim, threshold float64, sameDay bool) bool {
	shared, words, plain, domain := 0, 0, 0, false
	var covA, covB float64 // the share of each one's weight (squared) on the features they share
	overlap(a.vec, b.vec, func(i, j int) {
		fa, fb := a.vec[i], b.vec[j]
		// A word is a payments term when either question has it as one, and
		// a part of a longer term only when both do (清算 alone in one, inside
		// 清算机构 in the other): mergeable(a, b) is mergeable(b, a).
		isDomain, isPart := fa.domain || fb.domain, fa.part && fb.part
		shared++
		domain = domain || isDomain
		if !isPart {
			words++
		}
		if !isPart && !isDomain {
			plain++
		}
		covA += fa.weight * fa.weight
		covB += fb.weight * fb.weight
	})
	if shared < minShared && (shared < 2 || !domain) {
		return false
	}
	minCov := coverageFor(threshold)
	if sameDay && words >= minRepost && math.Max(covA, covB) > 1-1e-9 {
		return true // one repeats the other whole, with its answer or a remark after it
	}
	if sameDay || a.contextual || b.contextual {
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

// A copySet is questions that are copies of one another as far as merging
// sees them: the same features with the same weights, the same payments
// terms and the same lean on their conversation. Copies differ only in the
// day they were asked, so whether one merges with another question depends
// only on whether the two share a day; and copies always merge with each
// other, at the highest similarity, so merging takes them together first.
// A busy group asks its weekly question word for word dozens of times a
// year: merging compares each set of copies once instead of every copy.
type copySet struct {
	members []int // the questions, by index, in order
	days    []int // the days they were asked on, distinct, in order
}

// sharesDay reports whether a question of c and one of d were asked on one
// day.
func (c *copySet) sharesDay(d *copySet) bool {
	i, j := 0, 0
	for i < len(c.days) && j < len(d.days) {
		switch {
		case c.days[i] == d.days[j]:
			return true
		case c.days[i] < d.days[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// apart reports whether a question of c and one of d were asked on two
// days.
func (c *copySet) apart(d *copySet) bool {
	return len(c.days) > 1 || len(d.days) > 1 || c.days[0] != d.days[0]
}

// copySets groups qs into sets of copies, in order of their first
// question. A question that would not merge with a copy of itself (too few
// features, see mergeable) stands alone.
func copySets(qs []*question, threshold float64) []*copySet {
	var sets []*copySet
	of := make(map[string]*copySet)
	var key strings.Builder
	for i, q := range qs {
		self := cosine(q, q)
		if !mergeableOn(q, q, self, threshold, true) || !mergeableOn(q, q, self, threshold, false) {
			sets = append(sets, &copySet{members: []int{i}, days: []int{q.occ.Day}})
			continue
		}
		key.Reset()
		fmt.Fprintf(&key, "%t", q.contextual)
		for _, f := range q.vec {
			fmt.Fprintf(&key, "\x00%s\x00%x %t %t", f.word, math.Float64bits(f.weight), f.domain, f.part)
		}
		c, ok := of[key.String()]
		if !ok {
			c = &copySet{}
			of[key.String()] = c
			sets = append(sets, c)
		}
		c.members = append(c.members, i)
		if n := len(c.days); n == 0 || c.days[n-1] != q.occ.Day {
			c.days = append(c.days, q.occ.Day)
		}
	}
	for _, c := range sets {
		slices.Sort(c.days)
		c.days = slices.Compact(c.days)
	}
	return sets
}

// linkable reports whether every question of c merges with every question
// of d, a and b being one of each and sim their similarity.
func linkable(c, d *copySet, a, b *question, sim, threshold float64) bool {
	if c.sharesDay(d) && !mergeableOn(a, b, sim, threshold, true) {
		return false
	}
	return !c.apart(d) || mergeableOn(a, b, sim, threshold, false)
}

// A clusterSet is a group of questions merged into one entry.
type clusterSet struct {
	members []*question
}

// A pair is two sets of copies, by index, and their similarity.
type pair struct {
	i, j int32
	sim  float64
}

// cluster merges questions that ask the same thing. Mergeable pairs, most
// similar first, join their groups when every pair across the two groups
// is mergeable too (complete linkage: A~B and B~C do not put an unrelated C
// with A). Copies of a question (see copySet) are one group from the start.
// Every question ends in exactly one group; groups come out in order of
// their first question, members in input order.
//
// Whether every pair across two groups merges is read from a count kept
// for each two groups, the number of linkable pairs of copy sets between
// them, so that joining two groups costs the number of groups next to
// them, not the product of their sizes: a year of near-identical short
// questions (a few payments terms in every order) gives millions of
// mergeable pairs.
func cluster(qs []*question, threshold float64) []*clusterSet {
	sets := copySets(qs, threshold)
	pairs := similarPairs(qs, sets, threshold)
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].sim != pairs[b].sim {
			return pairs[a].sim > pairs[b].sim
		}
		if pairs[a].i != pairs[b].i {
			return pairs[a].i < pairs[b].i
		}
		return pairs[a].j < pairs[b].j
	})
	of := make([]int32, len(sets))       // the group of each copy set, named by one of its sets
	groups := make([][]int32, len(sets)) // the copy sets of each group
	links := make([]map[int32]int32, len(sets))
	for i := range sets {
		of[i] = int32(i)
		groups[i] = []int32{int32(i)}
	}
	link := func(a, b, n int32) {
		if links[a] == nil {
			links[a] = make(map[int32]int32)
		}
		links[a][b] += n
	}
	for _, p := range pairs {
		link(p.i, p.j, 1)
		link(p.j, p.i, 1)
	}
	for _, p := range pairs {
		a, b := of[p.i], of[p.j]
		if a == b || int64(links[a][b]) != int64(len(groups[a]))*int64(len(groups[b])) {
			continue
		}
		if len(links[a]) < len(links[b]) {
			a, b = b, a // the group with fewer neighbours joins the other
		}
		for _, s := range groups[b] {
			of[s] = a
		}
		groups[a], groups[b] = append(groups[a], groups[b]...), nil
		for c, n := range links[b] {
			if c != a {
				link(a, c, n)
				link(c, a, n)
				delete(links[c], b)
			}
		}
		delete(links[a], b)
		links[b] = nil
	}
	byFirst := make([]*clusterSet, len(qs)) // each group, at the index of its first question
	for _, members := range groups {
		if len(members) == 0 {
			continue
		}
		var idx []int
		for _, s := range members {
			idx = append(idx, sets[s].members...)
		}
		slices.Sort(idx)
		c := &clusterSet{}
		for _, i := range idx {
			c.members = append(c.members, qs[i])
		}
		byFirst[idx[0]] = c
	}
	var out []*clusterSet
	for _, c := range byFirst {
		if c != nil {
			out = append(out, c)
		}
	}
	return out
}

// similarPairs returns every linkable pair of copy sets (see linkable)
// with its similarity. Only sets whose questions share two features or
// more are compared (mergeable needs two), and their cosine is summed from
// an inverted index: each set's features, in sorted order, add their
// products to the later sets that have them, which is the sum cosine
// makes, term for term, so the similarities are the same bits. A year of
// three groups' questions has words (支付, 怎么) that most questions share;
// computing cosine afresh for every pair that shares one took most of a
// digest's time.
func similarPairs(qs []*question, sets []*copySet, threshold float64) []pair {
	type posting struct {
		set    int
		weight float64
	}
	first := func(s int) *question { return qs[sets[s].members[0]] }
	feature := make(map[string]int)
	var postings [][]posting
	for i := range sets {
		for _, f := range first(i).vec {
			k, ok := feature[f.word]
			if !ok {
				k = len(postings)
				feature[f.word] = k
				postings = append(postings, nil)
			}
			postings[k] = append(postings[k], posting{i, f.weight})
		}
	}
	next := make([]int, len(postings)) // postings[f][next[f]] is the set being compared, the earlier ones are done
	dot := make([]float64, len(sets))
	shared := make([]int, len(sets))
	var met []int
	var pairs []pair
	for i := range sets {
		q := first(i)
		for _, qf := range q.vec {
			f := feature[qf.word]
			weight := qf.weight
			for _, p := range postings[f][next[f]+1:] {
				if shared[p.set] == 0 {
					met = append(met, p.set)
				}
				shared[p.set]++
				dot[p.set] += weight * p.weight
			}
			next[f]++
		}
		for _, j := range met {
			// Questions of different days need threshold at least, and
			// questions of one day that fall short of it must share
			// minRepost words (see mergeable); most pairs fall short, and
			// are let go here.
			short := dot[j] < threshold && (shared[j] < minRepost || !sets[i].sharesDay(sets[j]))
			if shared[j] >= 2 && !short && linkable(sets[i], sets[j], q, first(j), dot[j], threshold) {
				pairs = append(pairs, pair{int32(i), int32(j), dot[j]})
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
	for _, f := range q.vec {
		domain = domain || f.domain
	}
	return len(q.vec) >= minShared || (len(q.vec) >= 2 && domain)
}
