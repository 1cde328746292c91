package thread

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/cocolian/threads/internal/chatlog"
)

// An AnswerCheck is the `answers:` block of a model, fitted by `threads train
// --answers`: boosted trees that give each answer assignRoles finds the
// probability that an annotator would call it an answer to that question.
// Below Threshold the message keeps its reply link but answers nothing: a
// comment in the conversation, a joke, a side remark. Thread membership and
// reply links stay; a thread left with no answer is a discussion, not qa.
type AnswerCheck struct {
	Threshold float64  `yaml:"threshold"` // answers less likely than this answer nothing
	Features  []string `yaml:"features"`  // the trees' inputs by position, as answerFeatureNames lists them
	Base      float64  `yaml:"base"`      // log-odds before the trees
	Trees     Forest   `yaml:"trees"`     // each adds the log-odds of the leaf an answer reaches

	compiled compiledForest // Trees as probability reads them
}

// newAnswerCheck returns a check with trees that have passed check, ready
// to read.
func newAnswerCheck(threshold, base float64, trees Forest) *AnswerCheck {
	return &AnswerCheck{Threshold: threshold, Features: answerFeatureNames, Base: base, Trees: trees, compiled: compileForest(trees)}
}

// answerFeatureNames name the inputs of an AnswerCheck: how answer a is
// placed against question q, and cues of both texts.
var answerFeatureNames = []string{
	"messages-between",      // log(1 + messages from q to a, second listings left out)
	"minutes-between",       // log(1 + minutes from q to a)
	"replies-to-question",   // a's reply link is q
	"replies-to-own-line",   // a's reply link is the answerer's own line
	"replies-to-asker",      // a's reply link is a line of the asker's
	"goes-on-answer",        // a's reply link answers q too
	"link-score",            // score of a's reply link
	"mention",               // a's link rests on a mention
	"quote",                 // a quotes what it replies to
	"answerer-between",      // log(1 + the answerer's lines between q and a)
	"asker-between",         // log(1 + the asker's lines between q and a)
	"questions-between",     // questions of the same thread between q and a
	"shared-bigrams",        // character pairs a and q share, over those either has
	"shared-words",          // content words a and q share
	"shared-domain",         // domain terms a and q share
	"answer-runes",          // log(1 + length of a)
	"question-runes",        // log(1 + length of q)
	"answer-asks",           // a has a question mark
	"answer-laughs",         // a laughs (哈哈, 呵呵)
	"answer-affirm",         // a is a short yes or no
	"answer-digits",         // a has a number
	"answer-link",           // a has a web link
	"answer-tentative",      // a has 吧 (a guess, a suggestion)
	"answer-first-person",   // a says 我
	"answer-you",            // a says 你 / 您
	"answer-wh",             // a has a question word
	"answer-anaphor",        // a refers back (这个, 那)
	"answer-media",          // a is not plain text (an image, a file, a link card, a red packet)
	"question-asks",         // q has a question mark
	"question-wh",           // q has a question word (什么, 怎么, 多少)
	"question-yes-no",       // q asks yes or no (吗, 有没有, 是不是)
	"question-you",          // q says 你 / 您
	"question-first-person", // q says 我
	"question-digits",       // q has a number
	"question-opener",       // q opens with an asking phrase (请问, 请教)
	"question-confirm",      // q asks to confirm an understanding (…对吧？)
	"question-mentions",     // q mentions someone
}

// Words behind the text cues of an AnswerCheck (plain substring tests: a
// regular expression of the same words took a sixth of the threading time).
// They are wider than the question rules' lists (whWords, whetherWords):
// the check weighs them, it does not decide by them.
var (
	laughWords  = []string{"哈哈", "呵呵", "嘿嘿", "嘻嘻"}
	askingWords = []string{"什么", "怎么", "哪", "谁", "多少", "几个", "几种", "几家", "几天", "啥", "如何"}
	yesNoWords  = []string{"吗", "有没有", "是不是", "能不能", "可不可以", "会不会", "对不对", "是否"}
)

// textCues are the measurements of one message's text that an AnswerCheck
// reads, whether the message stands as answer or as question.
type textCues struct {
	asks, laughs, digits, link, tentative, firstPerson, wh, yesNo bool
	grams                                                         []uint64 // character pairs (spaces and stickers left out), sorted
}

// cuesOf measures the text of message m with features f.
func cuesOf(m *chatlog.Message, f *features) *textCues {
	return &textCues{
		asks:        strings.ContainsAny(f.plain, "?？"), // not the ? an export writes after a mention
		laughs:      containsAny(m.Text, laughWords),
		digits:      strings.ContainsFunc(f.plain, unicode.IsDigit),
		link:        strings.Contains(m.Text, "http"),
		tentative:   strings.Contains(f.plain, "吧"),
		firstPerson: strings.Contains(f.plain, "我"),
		wh:          containsAny(f.plain, askingWords),
		yesNo:       containsAny(f.plain, yesNoWords),
		grams:       charPairs(normaliseText(f.plain)),
	}
}

// answerFeatures measures the answer a of question q for an AnswerCheck, in
// the order of answerFeatureNames. between counts the turns between them
// (the export's second listings and notices left out); ca and cq are the
// text cues of a and q.
func answerFeatures(msgs []chatlog.Message, fs []features, links []Link, lst listings, between *turnCounts, a, q int, ca, cq *textCues) []float64 {
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	ma, mq := msgs[a], msgs[q]
	fa, fq := &fs[a], &fs[q]
	p := links[a].Parent
	parentSender := ""
	if p >= 0 {
		parentSender = msgs[p].Sender
	}
	minutes := max(0, ma.Time.Sub(mq.Time).Minutes())
	shared := func(x, y map[string]struct{}) float64 {
		n := 0
		for w := range x {
			if _, ok := y[w]; ok {
				n++
			}
		}
		return float64(n)
	}
	return []float64{
		math.Log1p(float64(lst.distance(a, q))),
		math.Log1p(minutes),
		b(p == q),
		b(p >= 0 && parentSender == ma.Sender),
		b(p >= 0 && parentSender == mq.Sender),
		b(p >= 0 && links[p].Role == RoleAnswer && links[p].AnswerOf == q),
		links[a].Score,
		b(links[a].HasEvidence("mention") || links[a].HasEvidence("mentioned")),
		b(links[a].HasEvidence("quote")),
		math.Log1p(float64(inside(between.bySender[ma.Sender], q, a))),
		math.Log1p(float64(inside(between.bySender[mq.Sender], q, a))),
		float64(inside(between.questions[between.root[a]], q, a)),
		overlap(ca.grams, cq.grams),
		shared(fa.wordSet, fq.wordSet),
		shared(fa.domain, fq.domain),
		math.Log1p(float64(fa.runes)),
		math.Log1p(float64(fq.runes)),
		b(ca.asks),
		b(ca.laughs),
		b(fa.affirm),
		b(ca.digits),
		b(ca.link),
		b(ca.tentative),
		b(ca.firstPerson),
		b(fa.you),
		b(ca.wh),
		b(fa.anaphor),
		b(ma.Type != chatlog.TypeText),
		b(cq.asks),
		b(cq.wh),
		b(cq.yesNo),
		b(fq.you),
		b(cq.firstPerson),
		b(cq.digits),
		b(fq.opener),
		b(fq.confirm),
		b(len(mq.Mentions) > 0),
	}
}

// charPairs returns the distinct pairs of neighbouring characters of s,
// each packed in a number, sorted.
func charPairs(s string) []uint64 {
	var out []uint64
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			out = append(out, uint64(prev)<<32|uint64(r))
		}
		prev = r
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sharedPairs counts the character pairs two sorted charPairs lists share.
func sharedPairs(x, y []uint64) int {
	both := 0
	for i, j, ok := nextShared(x, y, 0, 0); ok; i, j, ok = nextShared(x, y, i+1, j+1) {
		both++
	}
	return both
}

// overlap is the number of character pairs two texts share over one more
// than the number either has.
func overlap(x, y []uint64) float64 {
	both := sharedPairs(x, y)
	return float64(both) / float64(1+len(x)+len(y)-both)
}

// probability is the check's probability that x measures a real answer.
func (c *AnswerCheck) probability(x []float64) float64 {
	return 1 / (1 + math.Exp(-(c.Base + c.compiled.sum(x))))
}

// validate reports what is wrong with a check read from path.
func (c *AnswerCheck) validate(path string) error {
	if strings.Join(c.Features, ",") != strings.Join(answerFeatureNames, ",") {
		return fmt.Errorf("%s: the `answers:` block was fitted on other features than this version of threads measures; fit it again with `threads train --answers`", path)
	}
	if !(c.Threshold >= 0 && c.Threshold <= 1) {
		return fmt.Errorf("%s: answers threshold %g is not a probability between 0 and 1", path, c.Threshold)
	}
	if math.IsNaN(c.Base) || math.IsInf(c.Base, 0) {
		return fmt.Errorf("%s: answers base %g is not a finite number", path, c.Base)
	}
	for k, t := range c.Trees {
		if err := t.check(len(c.Features)); err != nil {
			return fmt.Errorf("%s: answers tree %d (line %d of the trees block): %w", path, k+1, k+1, err)
		}
	}
	c.compiled = compileForest(c.Trees)
	return nil
}

// turnCounts index the turns of a day (messages that are neither notices
// nor second listings) so that the answer check counts those between a
// question and its answer by binary search, not by a walk over them: a
// question answered all day long would cost a walk per answer.
type turnCounts struct {
	root      []int            // each message's thread root
	bySender  map[string][]int // each sender's turns, in file order
	questions map[int][]int    // the turns with the question role, by thread root, in file order
}

func newTurnCounts(msgs []chatlog.Message, links []Link, lst listings) *turnCounts {
	tc := &turnCounts{root: threadRoots(links), bySender: map[string][]int{}, questions: map[int][]int{}}
	for k := range msgs {
		if !lst.isTurn(k) {
			continue
		}
		tc.bySender[msgs[k].Sender] = append(tc.bySender[msgs[k].Sender], k)
		if links[k].Role == RoleQuestion {
			tc.questions[tc.root[k]] = append(tc.questions[tc.root[k]], k)
		}
	}
	return tc
}

// inside counts the indices of sorted that lie strictly between lo and hi.
func inside(sorted []int, lo, hi int) int {
	return max(0, sort.SearchInts(sorted, hi)-sort.SearchInts(sorted, lo+1))
}

// answerPairs lists every answer assignRoles found, with its measurements.
func answerPairs(msgs []chatlog.Message, fs []features, links []Link, lst listings) (answers []int, xs [][]float64) {
	between := newTurnCounts(msgs, links, lst)
	cues := map[int]*textCues{}
	cuesFor := func(i int) *textCues {
		if c, ok := cues[i]; ok {
			return c
		}
		c := cuesOf(&msgs[i], &fs[i])
		cues[i] = c
		return c
	}
	for a, l := range links {
		if l.Role == RoleAnswer && l.AnswerOf >= 0 && !l.HasEvidence("copy") {
			answers = append(answers, a)
			xs = append(xs, answerFeatures(msgs, fs, links, lst, between, a, l.AnswerOf, cuesFor(a), cuesFor(l.AnswerOf)))
		}
	}
	return answers, xs
}

// applyTo takes the role from every answer the check finds less likely
// than its threshold, and from the copies of those messages. The
// measurements are taken before any role changes, as in training. It
// returns the evidence to add to each message it changed.
func (c *AnswerCheck) applyTo(msgs []chatlog.Message, fs []features, links []Link, lst listings) map[int]Evidence {
	answers, xs := answerPairs(msgs, fs, links, lst)
	dropped := map[int]Evidence{}
	for k, a := range answers {
		p := c.probability(xs[k])
		if p >= c.Threshold {
			continue
		}
		dropped[a] = Evidence{Kind: "answer-check", Detail: fmt.Sprintf("an answer to message %d with probability %.3f, below %g: a comment, not an answer", links[a].AnswerOf, p, c.Threshold)}
		links[a].Role, links[a].AnswerOf = RoleNone, -1
	}
	for i := range links {
		if p := links[i].Parent; p >= 0 && links[i].HasEvidence("copy") {
			if e, ok := dropped[p]; ok {
				links[i].Role, links[i].AnswerOf = RoleNone, -1
				dropped[i] = e
			}
		}
	}
	return dropped
}
