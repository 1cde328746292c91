package thread

import (
	"cmp"
	"fmt"
	"iter"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
)

// linkContext is what the scorer knows about the day when it scores a link.
type linkContext struct {
	msgs    []chatlog.Message
	fs      []features
	targets [][]string // resolved mention targets per message
	quotes  []int      // resolved quote target per message, -1 if none
	links   []Link
	talks   []talk
	p       Params
	m       *Model
	keys    *senderKeys // the keys msgs were keyed by (keyedLog), nil when no two accounts share a name

	bySender map[string][]int // message indices per sender, ascending
	nextSame []int            // index of the sender's next message, len(msgs) after their last
	explain  bool             // fill in the readable details of features (only for chosen links)
	// allFeatures keeps the features the model weighs 0 (training needs
	// them all; scoring skips them).
	allFeatures bool
	ranking     bool          // rerank is scoring: also the features only the Rank weights use
	scratch     []feature     // reused feature buffer of the scoring loop
	treeInput   []float64     // reused input of the rank trees (see rankScore)
	seconds     bool          // the log's times have seconds (see typingRate)
	listings                  // the export's second listings of messages (see listings)
	wordDF      map[int32]int // messages of the day that use each content word, built on first use

	talkMember []bool                 // message is part of a talk, built on first use
	answerers  [][answerBackTurns]int // nextAnswerers, built on first use
	repeated   []int                  // per message, the latest earlier turn of its plain text by someone else (-1: none), built on first use (see repeatOf)
	roots      []int                  // rootOf's memo, -1 where not yet known

	place threadPlaces // where the candidates of one message stand in their threads

	scoredLink []bool               // the scoring loop linked the message
	reranked   map[int]rerankedLink // messages the Rank weights move, applied by applyRerank
}

// A rerankedLink is the parent the Rank weights choose for a message, and
// the evidence for it.
type rerankedLink struct {
	parent   int
	score    float64 // the parent's score under the link weights
	evidence []Evidence
}

// indexSenders records each sender's messages for latestBy, and each
// message's next one by the same sender (nextSame).
func (c *linkContext) indexSenders() {
	c.bySender = map[string][]int{}
	c.nextSame = make([]int, len(c.msgs))
	for i, m := range c.msgs {
		if c.isNotice(i) {
			c.nextSame[i] = len(c.msgs) // a notice's empty sender is nobody who speaks
			continue
		}
		idx := c.bySender[m.Sender]
		if len(idx) > 0 {
			c.nextSame[idx[len(idx)-1]] = i
		}
		c.nextSame[i] = len(c.msgs)
		c.bySender[m.Sender] = append(idx, i)
	}
}

// linkRest scores candidate parents for every message not yet decided by the
// talk and wave passes, and keeps the best one above the new-thread score
// (and, with Rank weights, records which message of its thread the reply
// link should name: see rerank).
func linkRest(c *linkContext, decided []bool) {
	var ranked []rankedCandidate
	c.scoredLink = make([]bool, len(c.msgs))
	for i := range c.msgs {
		if decided[i] {
			continue
		}
		if j := c.quotes[i]; j >= 0 {
			c.setLink(i, j, c.p.Quote, Evidence{Kind: "quote", Detail: fmt.Sprintf("quotes message %d", j), Weight: c.p.Quote})
			continue
		}
		if j := c.repeatOf(i); j >= 0 {
			c.setLink(i, j, c.p.Quote, Evidence{Kind: "repeat", Detail: fmt.Sprintf("repeats message %d", j), Weight: c.p.Quote})
			if c.speaksOn(i) {
				c.links[i].Evidence = append(c.links[i].Evidence, Evidence{Kind: "takes-up", Detail: fmt.Sprintf("%s speaks on right after: the repeat takes message %d up, as a quote would", c.msgs[i].Sender, j)})
			}
			continue
		}
		if j, rest := c.pastedQuestion(i); j >= 0 {
			c.fs[i].question = isQuestion(rest) // what it says beside the question it quotes
			c.setLink(i, j, c.p.Quote, Evidence{Kind: "quote", Detail: fmt.Sprintf("takes up question %d in its own words", j), Weight: c.p.Quote})
			continue
		}
		if c.linkReaction(i) {
			continue
		}
		if j := c.echoOf(i); j >= 0 {
			c.setLink(i, j, 1, Evidence{Kind: "echo", Detail: fmt.Sprintf("asks about words of message %d", j), Weight: 1})
			continue
		}
		if j := c.talkAddendum(i); j >= 0 {
			c.addToTalk(i)
			c.setLink(i, j, 1, Evidence{Kind: "talk", Detail: fmt.Sprintf("%s adds to their talk", c.msgs[i].Sender), Weight: 1})
			continue
		}
		self, _, selfEv := c.m.score(c.selfFeatures(i))
		best, bestScore := -1, math.Inf(-1)
		var bestEv []Evidence
		ranked = ranked[:0]
		for j := range c.inReach(i) {
			fs := c.pairFeaturesInto(c.scratch[:0], i, j)
			if fs == nil {
				continue
			}
			c.scratch = fs
			s, ok := c.m.total(fs)
			if ok && s > bestScore {
				best, bestScore = j, s
			}
			if ok && c.m.ranks {
				ranked = append(ranked, rankedCandidate{j, s})
			}
		}
		if best >= 0 {
			c.explain = true
			_, _, bestEv = c.m.score(c.pairFeaturesInto(nil, i, best))
			c.explain = false
		}
		linked := best >= 0 && bestScore >= self
		if linked && c.msgs[i].Quote == nil && (c.fs[i].question && c.inTalk(best) || c.asksSpeaker(i)) && !c.goesOnWithSpeaker(i, best) {
			c.links[i].Evidence = append(c.links[i].Evidence, Evidence{Kind: "thread-start", Detail: "a question or comment to the speaker after a talk opens its own thread"})
			continue
		}
		if linked {
			c.links[i].Parent = best
			c.links[i].Score = round2(bestScore)
			c.links[i].Evidence = append(c.links[i].Evidence, bestEv...)
			c.scoredLink[i] = true
			c.rerank(i, best, ranked)
			continue
		}
		if k := c.praiseTarget(i); k >= 0 {
			c.setLink(i, k, 1, Evidence{Kind: "praise", Detail: fmt.Sprintf("praise or a comment no conversation claims: on the story %s shared", c.msgs[k].Sender), Weight: 1})
			continue
		}
		if k := c.remarkTarget(i); k >= 0 {
			c.setLink(i, k, 1, Evidence{Kind: "remark", Detail: fmt.Sprintf("a short remark opens no subject: it comments on message %d", k), Weight: 1})
			continue
		}
		reason := "no earlier message scored above the new-thread score"
		if best >= 0 {
			reason = fmt.Sprintf("best candidate %d scored %.2f < %.2f", best, bestScore, self)
		}
		c.links[i].Evidence = append(c.links[i].Evidence, Evidence{Kind: "thread-start", Detail: reason})
		c.links[i].Evidence = append(c.links[i].Evidence, selfEv...)
	}
}

// inReach yields, nearest first, the messages that message i may reply to:
// the turns within the window before it (a reply goes to a message's first
// listing, and passes over notices and the side threads i is not in).
func (c *linkContext) inReach(i int) iter.Seq[int] {
	return c.turnsBefore(i, c.p.Window)
}

// A rankedCandidate is a candidate parent that passed the gate, with its
// score under the link weights.
type rankedCandidate struct {
	j     int
	score float64
}

// rerank records, for message i that the link weights link to best, the
// candidate of best's thread that scores highest with the Rank weights
// added, when that is another message: the link weights decide the thread,
// the Rank weights only which message of it the reply link names
// (applyRerank; linkAndAssignRoles reads roles from both).
func (c *linkContext) rerank(i, best int, ranked []rankedCandidate) {
	if !c.m.ranks {
		return
	}
	root, top, topScore, topLinkScore, chosenScore, chosenLinkScore := c.rootOf(best), best, math.Inf(-1), 0.0, 0.0, 0.0
	c.ranking = true // the features only the Rank weights use, too
	for _, rc := range ranked {
		if c.rootOf(rc.j) != root {
			continue
		}
		c.scratch = c.pairFeaturesInto(c.scratch[:0], i, rc.j)
		score := rc.score + c.m.rankScore(c.scratch, c.rankTreeInput())
		if score > topScore {
			top, topScore, topLinkScore = rc.j, score, rc.score
		}
		if rc.j == best {
			chosenScore, chosenLinkScore = score, rc.score
		}
	}
	c.ranking = false
	if top == best {
		return
	}
	c.explain = true
	_, _, ev := c.m.score(c.pairFeaturesInto(nil, i, top))
	_, _, chosenEv := c.m.score(c.pairFeaturesInto(nil, i, best))
	c.explain = false
	detail := fmt.Sprintf("the link weights chose message %d of this thread (%s); with the rank weights this one scores higher by the weight", best, linkScoreSummary(chosenLinkScore, chosenEv))
	if why := c.rankDifference(i, top, best); why != "" {
		detail += "; most of all " + why
	}
	ev = append(ev, Evidence{Kind: "rerank", Detail: detail, Weight: round2(topScore - chosenScore)})
	if c.reranked == nil {
		c.reranked = map[int]rerankedLink{}
	}
	c.reranked[i] = rerankedLink{top, topLinkScore, ev}
}

// linkScoreSummary says what made the link weights choose a candidate:
// its score and the three largest positive weights of its evidence
// ("score 0.66: answers +1.50, adjacent +0.65"), so that a reply the rank
// weights moved inside the thread still shows why it joined the thread.
func linkScoreSummary(score float64, ev []Evidence) string {
	pos := slices.DeleteFunc(slices.Clone(ev), func(e Evidence) bool { return e.Weight <= 0 })
	slices.SortStableFunc(pos, func(a, b Evidence) int { return cmp.Compare(b.Weight, a.Weight) })
	var parts []string
	for _, e := range pos[:min(3, len(pos))] {
		parts = append(parts, fmt.Sprintf("%s %+.2f", e.Kind, e.Weight))
	}
	if len(parts) == 0 {
		return fmt.Sprintf("score %.2f", score)
	}
	return fmt.Sprintf("score %.2f: %s", score, strings.Join(parts, ", "))
}

// rankTreeInput returns the reused input buffer of the model's rank trees.
func (c *linkContext) rankTreeInput() []float64 {
	if c.m.RankTrees != nil && c.treeInput == nil {
		c.treeInput = make([]float64, len(c.m.RankTrees.Features))
	}
	return c.treeInput
}

// rankDifference names what most favours candidate top over candidate
// best for message i among the rank weights, each with how much it favours
// top and which of the two has it ("typed-before +1.84 (message 49 has
// it), shared-words-1 +1.01 (this one has it)"), and the rank trees taken
// together ("rank trees +0.35"): the three largest, each at least 0.1.
func (c *linkContext) rankDifference(i, top, best int) string {
	var favour [numFeatures]float64
	var onTop, onBest [numFeatures]bool
	trees := 0.0
	c.ranking = true
	c.scratch = c.pairFeaturesInto(c.scratch[:0], i, top)
	for _, f := range c.scratch {
		favour[f.id] += c.m.r[f.id] * f.value
		onTop[f.id] = true
	}
	if c.m.RankTrees != nil {
		trees = c.m.RankTrees.value(c.scratch, c.rankTreeInput())
	}
	c.scratch = c.pairFeaturesInto(c.scratch[:0], i, best)
	for _, f := range c.scratch {
		favour[f.id] -= c.m.r[f.id] * f.value
		onBest[f.id] = true
	}
	if c.m.RankTrees != nil {
		trees -= c.m.RankTrees.value(c.scratch, c.rankTreeInput())
	}
	c.ranking = false
	type reason struct {
		text   string
		favour float64
	}
	var reasons []reason
	for id, v := range favour {
		if v < 0.1 {
			continue
		}
		has := "both have it"
		switch {
		case !onBest[id]:
			has = "this one has it"
		case !onTop[id]:
			has = fmt.Sprintf("message %d has it", best)
		}
		reasons = append(reasons, reason{fmt.Sprintf("%s %+.2f (%s)", featureNames[id], v, has), v})
	}
	if trees >= 0.1 {
		reasons = append(reasons, reason{fmt.Sprintf("rank trees %+.2f", trees), trees})
	}
	sort.SliceStable(reasons, func(a, b int) bool { return reasons[a].favour > reasons[b].favour })
	var out []string
	for _, r := range reasons[:min(len(reasons), 3)] {
		out = append(out, r.text)
	}
	return strings.Join(out, ", ")
}

// applyRerank moves the reply links rerank recorded, once threads and
// thread starts are settled; linkAndAssignRoles reads the answers again from
// the moved links.
func (c *linkContext) applyRerank() {
	for i, r := range c.reranked {
		c.links[i].Parent = r.parent
		c.links[i].Score = round2(r.score)
		c.links[i].Evidence = r.evidence
	}
}

// rootOf returns the first message of j's thread as linked so far; j must
// come before the message being linked, so that its links are final.
func (c *linkContext) rootOf(j int) int {
	if c.roots == nil {
		c.roots = make([]int, len(c.msgs))
		for k := range c.roots {
			c.roots[k] = -1
		}
	}
	r := j
	for c.roots[r] < 0 && c.links[r].Parent >= 0 && c.links[r].Parent < r {
		r = c.links[r].Parent
	}
	if c.roots[r] >= 0 {
		r = c.roots[r]
	}
	for k := j; c.roots[k] < 0; k = c.links[k].Parent {
		c.roots[k] = r
		if k == r {
			break
		}
	}
	return r
}

// repeatMinRunes is the shortest text whose repetition counts as a re-post.
const repeatMinRunes = 5

// repeatOf returns the earlier message whose text message i repeats word for
// word (a re-post, or "me too" by copying), or -1.
func (c *linkContext) repeatOf(i int) int {
	f := &c.fs[i]

	if f.runes < repeatMinRunes || f.welcome || f.sticker || f.ack || f.thanks {
		return -1
	}
	if c.repeated == nil {
		c.repeated = c.earlierTurnsByOthers()
	}
	return c.repeated[i]
}

// earlierTurnsByOthers returns, for every message, the latest earlier turn
// with the same plain text by another sender, or -1. One pass in file
// order keeps, per text, the latest turn and the latest turn by someone
// other than its sender: one of the two is by someone other than any
// sender, so a sender who says one text all day costs no walk back over
// their own copies.
func (c *linkContext) earlierTurnsByOthers() []int {
	type latest struct{ turn, other int } // other: the latest turn by someone else than turn's sender
	seen := make(map[string]latest)
	out := make([]int, len(c.fs))
	for i := range c.fs {
		text := c.fs[i].plain
		l, ok := seen[text]
		if !ok {
			l = latest{-1, -1}
		}
		out[i] = l.other
		if l.turn >= 0 && c.msgs[l.turn].Sender != c.msgs[i].Sender {
			out[i] = l.turn
		}
		if c.isTurn(i) {
			if l.turn >= 0 && c.msgs[l.turn].Sender != c.msgs[i].Sender {
				l.other = l.turn
			}
			l.turn = i
			seen[text] = l
		}
	}
	return out
}

// speaksOn reports whether the sender of message i speaks again in one of
// the next two turns: a message repeated so is the words they reply to
// (超级网银支持公对公7×24小时付款吗？ then 超网目前只支持私对私), where a repeat
// left standing asks again, or echoes.
func (c *linkContext) speaksOn(i int) bool {
	for k := range c.turnsAfter(i, 2, len(c.msgs)) {
		if c.msgs[k].Sender == c.msgs[i].Sender {
			return true
		}
	}
	return false
}

// pastedMinRunes is the shortest question a message that pastes it in
// front of its reply can be taken to quote.
const pastedMinRunes = 8

// pastedQuestion finds the question by someone else that message i pastes
// whole into a longer text, as old WeChat clients quote (超级网银是人行弄的吗
// ------ 是的，也叫做第二代支付系统): the latest such question within
// pastedReach turns, and what i says besides it. It returns -1 when there is
// none.
func (c *linkContext) pastedQuestion(i int) (int, string) {
	f := &c.fs[i]
	if f.runes < pastedMinRunes+2 || f.welcome || f.sticker {
		return -1, ""
	}
	for j := range c.turnsBefore(i, pastedReach) {
		g := &c.fs[j]
		if !g.question || g.runes < pastedMinRunes || c.msgs[j].Sender == c.msgs[i].Sender {
			continue
		}
		if k := strings.Index(f.plain, g.plain); k >= 0 {
			return j, f.plain[:k] + " " + f.plain[k+len(g.plain):]
		}
	}
	return -1, ""
}

// pastedReach is how many turns back a pasted question is looked for.
const pastedReach = 60

// setLink records parent j for message i with one piece of evidence.
func (c *linkContext) setLink(i, j int, score float64, e Evidence) {
	c.links[i].Parent = j
	c.links[i].Score = score
	c.links[i].Evidence = append(c.links[i].Evidence, e)
}

// linkReaction links stickers and praise that address nobody: to the message
// just before when the sender takes part in that conversation, else to the
// talk they praise, else to the message just before. It reports whether it
// decided the link.
func (c *linkContext) linkReaction(i int) bool {
	m, f := &c.msgs[i], &c.fs[i]
	if !(f.sticker || f.thanks) || i == 0 {
		return false
	}
	if len(m.Mentions) > 0 && !c.mentionsOnlySpeakers(i) {
		return false
	}
	prev := c.turnBefore(i)
	if prev < 0 {
		return false
	}
	recent := m.Time.Sub(c.msgs[prev].Time) <= reactionReach
	if p := c.links[prev].Parent; recent && f.sticker && c.fs[prev].sticker && p >= 0 && (c.links[prev].HasEvidence("reaction") || c.links[prev].HasEvidence("praise")) {
		c.setLink(i, p, 1, Evidence{Kind: "reaction", Detail: fmt.Sprintf("cheers message %d with the sticker before", p), Weight: 1})
		return true
	}
	if recent && c.participates(m.Sender, prev) {
		c.setLink(i, prev, 1, Evidence{Kind: "reaction", Detail: "reacts to the conversation it takes part in", Weight: 1})
		return true
	}
	if t, ok := c.talkBefore(i); ok && c.reactsToTalk(i, t) {
		last := t.members[len(t.members)-1]
		c.setLink(i, last, 1, Evidence{Kind: "praise", Detail: fmt.Sprintf("reacts to %s's talk", t.speaker), Weight: 1})
		return true
	}
	if recent && f.sticker {
		c.setLink(i, c.cheered(prev), 1, Evidence{Kind: "reaction", Detail: "sticker right after a message", Weight: 1})
		return true
	}
	if f.sticker && len(m.Mentions) == 0 && m.Time.Sub(c.msgs[prev].Time) <= loneStickerReach {
		c.setLink(i, c.cheered(prev), 1, Evidence{Kind: "reaction", Detail: "a sticker alone opens no conversation: it reacts to the message before", Weight: 1})
		return true
	}
	return false
}

// talkPraiseReach is how long after a talk a sticker or a word of praise
// still reacts to it without naming it.
const talkPraiseReach = 60 * time.Minute

// reactsToTalk reports whether reaction i goes to talk t rather than to what
// was said last: it comes within talkPraiseReach of the talk's end, or names
// it (谢谢分享, a mention of the speaker). Later, a bare [强] or 厉害 cheers the
// conversation running then.
func (c *linkContext) reactsToTalk(i int, t talk) bool {
	end := c.msgs[t.members[len(t.members)-1]].Time
	return c.msgs[i].Time.Sub(end) <= talkPraiseReach || strings.Contains(c.fs[i].plain, "分享") || len(c.msgs[i].Mentions) > 0
}

// cheered returns what message j cheers when j is itself a cheer (a
// sticker, thanks or praise): a sticker after it cheers the same thing (the
// [强] after the [强] after 整理的好全 cheers the shared article), else j.
func (c *linkContext) cheered(j int) int {
	for depth := 0; depth < 20; depth++ {
		p := c.links[j].Parent
		if p < 0 || !(c.fs[j].sticker || c.fs[j].thanks) {
			return j
		}
		j = p
	}
	return j
}

// Limits of a short remark (see remarkTarget).
const (
	remarkRunes = 14               // longest remark
	remarkReach = 60 * time.Minute // longest pause before it
)

// remarkTarget returns the message a short remark comments on, or -1. A
// short statement (对赌, 一看就是做支付的, 0.5元一笔) that asks nothing, or
// only a bare question (打赏？), addresses nobody and is no headline, notice
// or greeting opens no subject of its own: it comments on the last thing
// said (over stickers) within remarkReach.
func (c *linkContext) remarkTarget(i int) int {
	m, f := &c.msgs[i], &c.fs[i]
	if !c.m.Remarks || i == 0 || m.Type != chatlog.TypeText || f.question && !f.bare || f.opener || f.headline || f.notice || f.welcome ||
		f.runes == 0 || f.runes > remarkRunes || len(m.Mentions) > 0 || m.Quote != nil || containsAny(f.plain, vocatives) {
		return -1
	}
	prev := c.turnBefore(i)
	k := prev
	for k > 0 && c.distance(i, k) < 4 && (c.fs[k].sticker || c.msgs[k].Type == chatlog.TypeSystem) {
		k = c.turnBefore(k)
	}
	if k < 0 || c.msgs[k].Type == chatlog.TypeSystem || m.Time.Sub(c.msgs[prev].Time) > remarkReach {
		return -1
	}
	if c.fs[k].question && c.msgs[k].Sender != m.Sender || f.termsIn(&c.fs[k]) {
		return k // 找云闪付 is a pointer in reply to the question just asked
	}
	return -1 // 做一个滚动对账 brings up a subject of its own
}

// vocatives call on someone by title (文通老师): a remark with one speaks to
// a person, not about the last message.
var vocatives = []string{"老师", "大神", "大佬", "同学"}

// readCues tell of reading something (看了里面讨论的…, 这篇文章; not 看了看): with no
// conversation to join, the message comments on the story shared before.
var readCues = []string{"看完", "读完", "文中", "文章", "这篇", "里面"}

// echoRunes is the longest question echoOf considers.
const echoRunes = 8

// echoOf returns the message a short question echoes, or -1: 业务指令？
// right after 业务系统根据业务指令去 asks what those words mean. Every
// content word of the question appears in one of the three messages before
// it, by someone else, and not in the asker's own message among them.
func (c *linkContext) echoOf(i int) int {
	f := &c.fs[i]
	if !f.question || f.runes > echoRunes || len(f.words) == 0 || len(c.msgs[i].Mentions) > 0 || c.msgs[i].Quote != nil {
		return -1
	}
	has := func(k int) bool {
		for _, w := range f.words {
			if _, ok := c.fs[k].wordSet[w]; !ok && hasLetter(w) {
				return false
			}
		}
		return true
	}
	echo := -1
	for k := range c.turnsBefore(i, 3) {
		switch {
		case c.msgs[k].Sender == c.msgs[i].Sender && has(k):
			return -1
		case echo < 0 && c.msgs[k].Sender != c.msgs[i].Sender && has(k):
			echo = k
		}
	}
	return echo
}

// praiseReach is how long after a shared article praise for it still comes.
const praiseReach = 3 * time.Hour

// praiseTarget returns the article or headline shared last within
// praiseReach when message i praises something (整理的好全[强]) or tells of
// reading it, addressing nobody; else -1.
func (c *linkContext) praiseTarget(i int) int {
	f := &c.fs[i]
	if !(f.thanks || !f.question && containsAny(f.plain, readCues)) || len(c.msgs[i].Mentions) > 0 {
		return -1
	}
	for k := i - 1; k >= 0 && c.msgs[i].Time.Sub(c.msgs[k].Time) <= praiseReach; k-- {
		if (c.fs[k].headline || c.msgs[k].Type == chatlog.TypeLink) && c.isTurn(k) {
			return k
		}
	}
	return -1
}

// reactionReach is how soon after a message a sticker or praise reacts to it.
const reactionReach = 10 * time.Minute

// loneStickerReach is how long after a message a sticker still reacts to it
// when nothing else claims it.
const loneStickerReach = 2 * time.Hour

// participates reports whether sender posted in, or was mentioned in, the
// recent reply chain that ends at message j.
func (c *linkContext) participates(sender string, j int) bool {
	for k, depth := j, 0; k >= 0 && depth < 15; k, depth = c.links[k].Parent, depth+1 {
		if c.msgs[k].Sender == sender || contains(c.targets[k], sender) {
			return true
		}
	}
	return false
}

// mentionsOnlySpeakers reports whether every mention of message i names a
// speaker whose talk ended before it.
func (c *linkContext) mentionsOnlySpeakers(i int) bool {
	if len(c.targets[i]) != len(c.msgs[i].Mentions) {
		return false
	}
	for _, s := range c.targets[i] {
		ok := false
		for _, t := range c.talks {
			if t.speaker == s && t.members[len(t.members)-1] < i {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// asksSpeaker reports whether message i mentions a speaker whose talk ended before it.
func (c *linkContext) asksSpeaker(i int) bool {
	for _, t := range c.talks {
		if t.members[len(t.members)-1] < i && contains(c.targets[i], t.speaker) {
			return true
		}
	}
	return false
}

// askingPhraseReach is how far into a message an asking phrase still
// announces a new question (谢谢，再咨询下…, 还要咨询个问题…).
const askingPhraseReach = 8

// speakerExchangeGap is how soon after their own last message a sender
// still goes on with their exchange with a talk's speaker.
const speakerExchangeGap = 10 * time.Minute

// goesOnWithSpeaker reports whether message i, linked best, goes on with
// its sender's exchange with a speaker after the talk: the sender's own last
// message, within speakerExchangeGap, sits in best's thread (not the talk),
// which the speaker has posted in, and i has no asking phrase near its start
// (请教, 谢谢，再咨询下, 还要咨询个问题). Such a follow-up (我的意思是…,
// 能具体一点吗？) stays in that thread; a fresh question to the speaker opens
// its own.
func (c *linkContext) goesOnWithSpeaker(i, best int) bool {
	k := c.latestBy(c.msgs[i].Sender, i)
	if k < 0 || c.fs[i].opener || containsAny(firstRunes(c.fs[i].plain, askingPhraseReach), openers) || c.inTalk(k) || c.inTalk(best) || c.msgs[i].Time.Sub(c.msgs[k].Time) > speakerExchangeGap {
		return false
	}
	root := c.rootOf(k)
	if c.rootOf(best) != root {
		return false
	}
	for _, t := range c.talks {
		if t.members[len(t.members)-1] >= i {
			continue
		}
		for _, j := range c.bySender[t.speaker] {
			if j >= i {
				break
			}
			if !c.inTalk(j) && c.rootOf(j) == root {
				return true
			}
		}
	}
	return false
}

// talkAddendumReach is how long after a talk its speaker may still add to it.
const talkAddendumReach = 3 * time.Hour

// replyOpeners open a message that answers the one before it.
var replyOpeners = []string{"嗯", "是的", "对，", "对的", "没错", "不是", "不对"}

// addendumCues open a message that adds to what its sender said before.
var addendumCues = []string{"还有", "另外", "补充", "再补充", "此外", "顺便说"}

// talkAddendum returns the talk message that message i adds to, or -1: the
// speaker, after the talk, posting a long statement (or one that opens with
// "还有", "另外") that addresses nobody, asks nothing, does not go on from the
// speaker's own conversation of the last two messages, and neither follows a
// question nor takes up another message's words since the speaker last spoke.
func (c *linkContext) talkAddendum(i int) int {
	m, f := &c.msgs[i], &c.fs[i]
	t, ok := c.talkBefore(i)
	if !ok || t.speaker != m.Sender || m.Type != chatlog.TypeText || f.question ||
		len(m.Mentions) > 0 || m.Quote != nil || m.Time.Sub(c.msgs[t.members[len(t.members)-1]].Time) > talkAddendumReach {
		return -1
	}
	if f.runes < talkLongRunes && !startsWithAny(f.plain, addendumCues) {
		return -1
	}
	prev := c.latestBy(m.Sender, i)
	if prev >= 0 && c.distance(i, prev) <= 2 && !c.inTalk(prev) || startsWithAny(f.plain, replyOpeners) {
		return -1 // the speaker goes on with a conversation of their own
	}
	for j := i - 1; j > prev; j-- {
		if _, shared := lexical(f, &c.fs[j], c.p); c.fs[j].question || shared >= 3 {
			return -1 // the speaker is answering, not adding to the talk
		}
	}
	for j := i - 1; j >= t.members[0]; j-- {
		if c.inTalk(j) && c.msgs[j].Sender == m.Sender {
			return j
		}
	}
	return -1
}

// addToTalk makes message i a member of the talk it adds to.
func (c *linkContext) addToTalk(i int) {
	c.inTalk(i) // builds talkMember
	c.talkMember[i] = true
}

// inTalk reports whether message j belongs to a talk.
func (c *linkContext) inTalk(j int) bool {
	if c.talkMember == nil {
		c.talkMember = make([]bool, len(c.msgs))
		for _, t := range c.talks {
			for _, k := range t.members {
				c.talkMember[k] = true
			}
		}
	}
	return c.talkMember[j]
}

// selfFeatures measure message i as the start of a new thread.
func (c *linkContext) selfFeatures(i int) []feature {
	mi, fi := &c.msgs[i], &c.fs[i]
	fs := []feature{{fNewThread, 1, "the score a reply link must reach"}}
	if fi.question {
		fs = append(fs, feature{fSelfQuestion, 1, "the message is a question"})
	}
	if len(mi.Mentions) > 0 {
		fs = append(fs, feature{fSelfAddressed, 1, "the message addresses someone"})
	}
	if c.latestBy(mi.Sender, i) < 0 || mi.Time.Sub(c.msgs[c.latestBy(mi.Sender, i)].Time) > 30*time.Minute {
		fs = append(fs, feature{fSelfFirstPost, 1, "the sender's first message in a while"})
	}
	return fs
}

// pairFeatures measure message j as the parent of message i; nil when j is
// out of reach (too long ago and not mentioned).
func (c *linkContext) pairFeatures(i, j int) []feature {
	return c.pairFeaturesInto(nil, i, j)
}

// pairFeaturesInto is pairFeatures appending to dst. Readable details are
// filled in only when c.explain is set. The candidate j comes before i.
func (c *linkContext) pairFeaturesInto(dst []feature, i, j int) []feature {
	mi, mj := &c.msgs[i], &c.msgs[j]
	fi, fj := &c.fs[i], &c.fs[j]
	gap := mi.Time.Sub(mj.Time)
	mentionsJ := contains(c.targets[i], mj.Sender)
	if gap > c.p.MaxGap && !mentionsJ {
		return nil
	}
	fs := dst
	// wanted reports whether the features kept here include id: scoring
	// skips those the weights in use ignore.
	wanted := func(id featureID) bool {
		return c.allFeatures || c.m.w[id] != 0 || c.ranking && c.m.rankUses[id]
	}
	add := func(id featureID, detail string, value float64) {
		if value != 0 && wanted(id) {
			fs = append(fs, feature{id, value, detail})
		}
	}
	latestBySender := c.nextSame[j] >= i // j is its sender's latest message before i
	d := c.distance(i, j)
	if mentionsJ && c.mentionTarget(i, mj.Sender) == j && !fi.pleads {
		add(fMention, "mentions "+mj.Sender, 1)
	}
	if contains(c.targets[j], mi.Sender) && !c.repliedTo(mi.Sender, j, i) {
		v := 1.0
		if gap > 10*time.Minute {
			v = 0.5
		}
		add(fMentioned, mj.Sender+" mentioned this sender", v)
	}
	lex, nShared := lexical(fi, fj, c.p)
	// One sender posting story after story, or posting a story a while after
	// their last word, starts a new thread each time.
	shareI, shareJ := fi.headline || mi.Type == chatlog.TypeLink, fj.headline || mj.Type == chatlog.TypeLink
	twoStories := shareI && (shareJ && nShared < 3 || gap > ownShareGap)
	if mi.Sender == mj.Sender && latestBySender && !twoStories && (len(c.targets[i]) == 0 || d == 1 && gap <= time.Minute) {
		switch {
		case d == 1 && gap <= 10*time.Minute:
			add(fSameSender, "continues the sender's previous message", 1)
		case gap <= 3*time.Minute:
			add(fSameSender, "the sender's previous message, others spoke since", 0.4)
		case gap <= 10*time.Minute && nShared > 0:
			add(fSameSender, "the sender's previous message on the same subject, others spoke since", 0.4)
		}
	}
	if fj.question && mi.Sender != mj.Sender && !fi.question && !fi.ack && d <= 8 {
		add(fAnswers, "candidate is a recent question", 1)
	}
	if mi.Sender != mj.Sender && !shareI && (c.answersAskerOf(i, j) || fi.ack && latestBySender && c.answerLineFor(i, j)) {
		add(fAskerFollowUp, "asker replies to an answer", 1)
	}
	sharedDetail := ""
	if c.explain && nShared > 0 {
		sharedDetail = strings.Join(sharedWords(fi, fj), " ")
	}
	add(fSharedTerms, sharedDetail, lex)
	if (fi.ack || fi.affirm) && mi.Sender != mj.Sender && d <= 2 {
		add(fReply, "short reply to a recent message", 1)
	}
	if fi.anaphor && d <= 3 && mi.Sender != mj.Sender && c.typingRate(i, j) <= 1 {
		add(fAnaphor, "refers back to something just said", 1)
	}
	newsReaction := fj.headline && !fi.welcome && d <= 3 && mi.Sender != mj.Sender && len(c.targets[i]) == 0 &&
		(!fi.question || fi.runes <= newsQuestionRunes && !fi.opener)
	if newsReaction {
		add(fNewsReaction, "reacts to a headline just posted", 1)
	}
	add(fAdjacent, c.distanceDetail("%d messages before", d), c.adjacency(i, j))
	if mj.Type == chatlog.TypeImage || mj.Type == chatlog.TypeRedPacket {
		add(fMedia, "candidate is media", 1)
	}
	// Plain structure, for models trained on other chats.
	if mi.Sender == mj.Sender {
		add(fSameSpeaker, "same speaker", 1)
	}
	if d == 1 {
		add(fPrevious, "the message just before", 1)
	}
	if fj.question {
		add(fCandidateQuestion, "candidate is a question", 1)
	}
	if mj.Type == chatlog.TypeSystem {
		add(fCandidateSystem, "candidate is a system line", 1)
	}
	if len(c.targets[i]) > 0 && !mentionsJ {
		add(fAddressedElsewhere, "the message addresses someone else", 1)
	}
	if len(c.targets[j]) > 0 && !contains(c.targets[j], mi.Sender) {
		add(fCandidateAddressedElsewhere, "the candidate addressed someone else", 1)
	}
	if latestBySender {
		add(fCandidateLatest, "the candidate's sender has not spoken since", 1)
	}
	dist := float64(d - 1)
	minutes := min(gap.Minutes(), 30)
	scale := 1.0
	if mentionsJ {
		scale = 0.25
	}
	add(fLogDistance, "", logDistance(d-1))
	bucket := distanceBucket(d)
	add(bucket, "", 1)
	if fj.question {
		add(fQuestionDist1+bucket-fDist1, "", 1)
	}
	if mi.Sender == mj.Sender {
		add(fSameSpeakerDist1+bucket-fDist1, "", 1)
	}
	add(gapBucket(gap), "", 1)
	if lex > 0 && d <= 5 {
		add(fSharedTermsNear, "", lex)
	}
	if mentionsJ && d > 5 {
		add(fMentionFar, "", 1)
	}
	if nShared > 0 {
		add(sharedWordsFeature[min(nShared, 3)], "", 1)
	}
	if fj.ack || fj.thanks {
		add(fCandidateAck, "", 1)
	}
	if mi.Sender == mj.Sender && d == 1 {
		add(fSameSpeakerPrevious, "", 1)
	}
	if mi.Sender != mj.Sender && (wanted(fTypedBefore) || wanted(fTypedSoonAfter)) {
		switch rate := c.typingRate(i, j); {
		case rate > 1:
			add(fTypedBefore, "begun before the candidate arrived", 1)
		case rate > 0.5:
			add(fTypedSoonAfter, "", 1)
		}
	}
	if wanted(fSharedRare) && nShared > 0 && c.sharesRare(fi, fj) {
		add(fSharedRare, "", 1)
	}
	if mi.Sender != mj.Sender && wanted(fAnsweredBack) && c.answeredBack(i, j) {
		add(fAnsweredBack, c.senderDetail("%s speaks again right after", mj.Sender), 1)
	}
	if len(c.targets[i]) > 0 && len(c.targets[j]) > 0 && c.targets[i][0] == c.targets[j][0] {
		add(fSameAddressee, "", 1)
	}
	if fi.question && fj.question {
		add(fBothQuestions, "", 1)
	}
	addressed := len(c.targets[i]) > 0 || mi.Quote != nil
	restates := mi.Sender == mj.Sender && latestBySender && fj.question && nShared > 0 && gap <= 10*time.Minute
	// 各位大牛 / [image] / 这个是啥系统，有没有人了解？ asks about the picture just posted.
	captions := mi.Sender == mj.Sender && d == 1 && gap <= time.Minute && (mj.Type == chatlog.TypeImage || mj.Type == chatlog.TypeLink)
	if fi.opener && (!addressed || fi.pleads) && !restates && !captions {
		add(fOpener, "opens with an asking phrase: a new topic", 1)
	} else if fi.question && !addressed && mi.Sender != mj.Sender {
		v := 1.0
		// These exemptions hold even for a question begun before j arrived
		// (typingRate): it still asks about the conversation j is part of
		// (requiring the rate to stay under one character a second here
		// cost one-to-one 0.9 on the 43 annotated days).
		switch {
		case fi.anaphor && d <= 3 && fi.runes <= 20, newsReaction, fi.bare && d <= 3, c.quickQuestion(i, j), fi.confirm && d <= 3,
			fi.you && !fi.opener && !containsAny(fi.plain, pollWords) && latestBySender && c.substantiveDistance(i, j) <= 3:
			v = 0 // "你们咋测的？" asks the one who just spoke
		case fi.runes <= quickQuestionRunes && !fi.opener && nShared > 0 && d <= askAboutReach && !fj.question:
			v = 0 // "小牛在线官网被黑了么" asks about what was just said of 小牛在线
		case c.followUp(i, j):
			v = 0 // "有发卡资质也不行？" a few seconds after the answer joins the exchange
		case (fi.anaphor || lex > 0 || fi.runes <= 12) && !fi.opener:
			v = 0.3
		}
		add(fFreshQuestion, "an unaddressed question tends to start a thread", v)
	}
	ownPrevious := mi.Sender == mj.Sender && d == 1 && gap <= 2*time.Minute
	sameStory := fi.headline && fj.headline && nShared >= 3
	if (!addressed || fi.notice) && !ownPrevious && !sameStory && (fi.headline || (mi.Type == chatlog.TypeLink && (!fj.question || lex == 0 && gap > 10*time.Minute))) {
		add(fShare, "a shared article or headline tends to start a thread", 1)
	}
	if c.ranking || c.allFeatures || c.m.place {
		c.addThreadPlace(add, i, j)
	}
	add(fGapMessages, c.distanceDetail("%d messages earlier", d), dist*scale)
	add(fGapMinutes, c.minutesDetail(gap), minutes*scale)
	return fs
}

// threadPlaces records, for the message being linked, the latest message
// of each thread before it, scanned back from it as far as the candidates
// reach (the Rank weights' thread-place features).
type threadPlaces struct {
	i       int  // the message being linked
	started bool // i is set: the zero value scans afresh
	scanned int  // messages scanned[..i) are recorded
	threads []threadPlace
}

// A threadPlace is where one thread stands just before the message being
// linked.
type threadPlace struct {
	root     int
	latest   int // the thread's latest message
	other    int // its latest message from someone but the linked message's sender, or -1
	question int // its latest question, or -1
}

// addThreadPlace adds the Rank-only features of candidate j for message i
// that depend on j's place in its thread: whether j is the latest message of
// its thread (from another sender, or the latest question), its thread's
// first message, a reply to i's sender, or a message i's sender answered
// already; and whether i's sender, since j, last replied to j's sender.
func (c *linkContext) addThreadPlace(add func(featureID, string, float64), i, j int) {
	mi, mj := &c.msgs[i], &c.msgs[j]
	if p := c.links[j].Parent; p >= 0 && mi.Sender != mj.Sender && c.msgs[p].Sender == mi.Sender {
		add(fRepliesToSender, "", 1)
	}
	if c.links[j].Parent < 0 {
		add(fThreadRoot, "", 1)
	}
	own := c.bySender[mi.Sender]
	for k := sort.SearchInts(own, i) - 1; k >= 0 && own[k] > j; k-- {
		if c.links[own[k]].Parent == j {
			add(fRepliedAlready, "", 1)
			break
		}
	}
	if k := c.latestBy(mi.Sender, i); k > j && mi.Sender != mj.Sender {
		if p := c.links[k].Parent; p >= 0 && c.msgs[p].Sender == mj.Sender {
			add(fPartner, "", 1)
		}
	}
	place := c.threadPlaceOf(i, j)
	if place.latest == j {
		add(fThreadLatest, "", 1)
	}
	if place.other == j {
		add(fThreadLatestOther, "", 1)
	}
	if place.question == j {
		add(fThreadLatestQuestion, "", 1)
	}
}

// threadPlaceOf returns where j's thread stands just before message i,
// scanning back from i no further than j.
func (c *linkContext) threadPlaceOf(i, j int) threadPlace {
	pl := &c.place
	if pl.i != i || !pl.started {
		pl.i, pl.scanned, pl.threads, pl.started = i, i, pl.threads[:0], true
	}
	for ; pl.scanned > j; pl.scanned-- {
		k := pl.scanned - 1
		if !c.isTurn(k) {
			continue // the export's second listing: the first stands for it
		}
		root, t := c.rootOf(k), -1
		for x := range pl.threads {
			if pl.threads[x].root == root {
				t = x
				break
			}
		}
		if t < 0 {
			pl.threads = append(pl.threads, threadPlace{root: root, latest: k, other: -1, question: -1})
			t = len(pl.threads) - 1
		}
		th := &pl.threads[t]
		if th.other < 0 && c.msgs[k].Sender != c.msgs[i].Sender {
			th.other = k
		}
		if th.question < 0 && c.fs[k].question {
			th.question = k
		}
	}
	root := c.rootOf(j)
	for _, th := range pl.threads {
		if th.root == root {
			return th
		}
	}
	return threadPlace{root: root, latest: -1, other: -1, question: -1}
}

// followUp reports whether message i, a question without an asking phrase
// of at most followUpRunes, is posted within a minute of the message before
// it by someone who has not spoken in the last three messages, and j, one of
// those three, asks nothing itself: a bystander's quick question on the
// exchange running (有发卡资质也不行？), not a new topic. On the 43
// annotated days most such questions continue a conversation.
func (c *linkContext) followUp(i, j int) bool {
	fi := &c.fs[i]
	if fi.opener || fi.runes > followUpRunes || c.fs[j].question || c.distance(i, j) > 3 || c.msgs[i].Time.Sub(c.msgs[c.turnBefore(i)].Time) >= time.Minute ||
		containsAny(fi.plain, toTheGroup) {
		return false
	}
	k := c.latestBy(c.msgs[i].Sender, i)
	return k < 0 || c.distance(i, k) > 3
}

// toTheGroup put a question to the whole group (群里有做过基金支付的同行么):
// it opens a topic, however quickly it comes.
var toTheGroup = []string{"群里", "大家", "有人", "有没有人", "谁"}

// followUpRunes is the longest question followUp considers; a longer one
// posted as quickly is as often a topic of its own.
const followUpRunes = 25

// askAboutReach is how many messages back a short question may pick up a
// word from and ask about it rather than open a topic.
const askAboutReach = 8

// pollWords ask about usual practice (你们一般怎么设计的？): put to 你们, such
// a question polls the whole group rather than the last speaker.
var pollWords = []string{"一般", "通常", "平时"}

// ownShareGap is how soon after their last message a sender's shared story
// may still belong to it ("看这个" and the link).
const ownShareGap = 2 * time.Minute

// quickQuestion reports whether message i is a short question (no asking
// phrase) put to message j, one or two before it, in a running exchange:
// j asks nothing itself, i's sender has not just spoken, and i brings up no
// payments term that j does not use (分账回退有时间限制吗？ after talk of
// 备付金 opens a topic).
func (c *linkContext) quickQuestion(i, j int) bool {
	fi, fj := &c.fs[i], &c.fs[j]
	if !fi.question || fi.opener || fi.runes > quickQuestionRunes || c.distance(i, j) > 2 || fj.question {
		return false
	}
	k := c.latestBy(c.msgs[i].Sender, i)
	return fi.termsIn(fj) && (k < 0 || c.distance(i, k) > 2)
}

// termsIn reports whether every payments term of f appears in g: f brings
// up no subject g did not.
func (f *features) termsIn(g *features) bool {
	for t := range f.domain {
		if _, ok := g.wordSet[t]; !ok {
			return false
		}
	}
	return true
}

// quickQuestionRunes is the longest question quickQuestion considers.
const quickQuestionRunes = 12

// newsQuestionRunes is the longest question that, right after a headline,
// is taken as a reaction to it ("要开始松绑了？", "标题党了？").
const newsQuestionRunes = 10

// sharesRare reports whether a and b share a content word that at most
// rareMessages messages of the day use: with two, a word only the pair
// uses, which ties a reply to its parent inside a thread whose messages
// all share its subject's words.
func (c *linkContext) sharesRare(a, b *features) bool {
	if c.wordDF == nil {
		c.wordDF = map[int32]int{}
		for k := range c.fs {
			if !c.isTurn(k) {
				continue // the export lists the message before again
			}
			for _, w := range c.fs[k].wordIDs {
				c.wordDF[w]++
			}
		}
	}
	for x, y, ok := nextShared(a.wordIDs, b.wordIDs, 0, 0); ok; x, y, ok = nextShared(a.wordIDs, b.wordIDs, x+1, y+1) {
		if c.wordDF[a.wordIDs[x]] <= rareMessages {
			return true
		}
	}
	return false
}

// rareMessages is how many messages of the day may use a word sharesRare
// counts as rare.
const rareMessages = 2

// sharedWords lists the words two messages share as lexical counts them
// (their content words, and the ends of longer words: see wordEnds), sorted.
func sharedWords(a, b *features) []string {
	words := func(f *features) map[string]bool {
		set := make(map[string]bool, 3*len(f.wordSet))
		for w := range f.wordSet {
			set[w] = true
			if head, tail, ok := f.wordEnds(w); ok {
				set[head], set[tail] = true, true
			}
		}
		return set
	}
	inB := words(b)
	var out []string
	for w := range words(a) {
		if inB[w] {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// logDistances holds log2(2+d) for the distances the window reaches.
var logDistances = func() [128]float64 {
	var t [128]float64
	for d := range t {
		t[d] = math.Log2(float64(2 + d))
	}
	return t
}()

// logDistance is log2(2+d), from the table when d is small.
func logDistance(d int) float64 {
	if d >= 0 && d < len(logDistances) {
		return logDistances[d]
	}
	return math.Log2(float64(2 + d))
}

// distanceBucket names the distance class of a candidate, for trained models.
func distanceBucket(d int) featureID {
	switch {
	case d == 1:
		return fDist1
	case d == 2:
		return fDist2
	case d <= 4:
		return fDist34
	case d <= 8:
		return fDist58
	case d <= 16:
		return fDist916
	}
	return fDist17Plus
}

// gapBucket names the time-gap class of a candidate, for trained models.
func gapBucket(gap time.Duration) featureID {
	switch {
	case gap <= time.Minute:
		return fGap01m
	case gap <= 5*time.Minute:
		return fGap15m
	case gap <= 15*time.Minute:
		return fGap515m
	}
	return fGap15mPlus
}

// adjacency is the weight of plain succession: a reply to the message just
// before (half for two before; stickers in between do not count), fading
// with the pause, and none where the
// earlier message closes a conversation (thanks, stickers, welcomes), belongs
// to a talk, or where this message addresses someone else or opens a topic.
func (c *linkContext) adjacency(i, j int) float64 {
	mi, mj := &c.msgs[i], &c.msgs[j]
	fi, fj := &c.fs[i], &c.fs[j]
	d := c.substantiveDistance(i, j)
	if d > 2 || mi.Sender == mj.Sender || fi.question && (fi.opener || fi.runes > quickQuestionRunes && !fi.confirm && !c.followUp(i, j)) || fi.headline || mi.Type == chatlog.TypeLink {
		return 0
	}
	if fj.ack || fj.thanks || fj.sticker || fj.welcome || c.inTalk(j) {
		return 0
	}
	if len(c.targets[i]) > 0 && !contains(c.targets[i], mj.Sender) {
		return 0
	}
	w := 1.0
	if d == 2 {
		w /= 2
	}
	switch gap := mi.Time.Sub(mj.Time); {
	case gap <= 10*time.Minute:
		return w
	case gap <= 30*time.Minute || fj.question:
		return w / 2
	}
	return 0
}

// typingRate is how fast message i must have been typed, in Chinese
// characters a second (typingEffort: three letters count as one), to reply
// to message j (+Inf when both came in the same second). A reply is typed
// after what it answers appears, and nobody keeps up more than about one
// character a second: a message faster than that was begun before j
// arrived. Annotators link only about one in ten such messages to the
// message just before, against four in ten of the slower ones. The rate
// is 0 (unknown) where it would say nothing: a message with no text, a
// shared article (its title was not typed), a log whose times have no
// seconds, and a message dated before j (a log that runs past midnight
// without dates, or a lost time). Text pasted as a message counts as typed.
func (c *linkContext) typingRate(i, j int) float64 {
	gap := c.msgs[i].Time.Sub(c.msgs[j].Time)
	if c.fs[i].effort == 0 || c.msgs[i].Type != chatlog.TypeText || !c.seconds || gap < 0 {
		return 0
	}
	return c.fs[i].effort / gap.Seconds()
}

// timedToTheSecond reports whether some message's time has seconds: a log
// whose times all fall on the minute (IRC, some exports) cannot tell how
// fast a message was typed.
func timedToTheSecond(msgs []chatlog.Message) bool {
	for _, m := range msgs {
		if m.Time.Second() != 0 {
			return true
		}
	}
	return false
}

// nextShared returns the positions, from x in a and from y in b, of the next
// value both ascending lists hold (word numbers, character pairs), and
// whether there is one.
func nextShared[T cmp.Ordered](a, b []T, x, y int) (int, int, bool) {
	for x < len(a) && y < len(b) {
		switch {
		case a[x] < b[y]:
			x++
		case a[x] > b[y]:
			y++
		default:
			return x, y, true
		}
	}
	return x, y, false
}

// lexical scores the content words two messages share, and counts them.
func lexical(a, b *features, p Params) (float64, int) {
	n, domain := sharedCount(a, b)
	if n == 0 {
		return 0, 0
	}
	return min(float64(domain)*p.DomainTerm+float64(n-domain)*p.SharedWord, p.MaxLexical), n
}

// sharedCount counts the content words two messages share, and the domain
// terms among them.
func sharedCount(a, b *features) (n, domain int) {
	for x, y, ok := nextShared(a.wordIDs, b.wordIDs, 0, 0); ok; x, y, ok = nextShared(a.wordIDs, b.wordIDs, x+1, y+1) {
		n++
		if a.idDomain != nil && a.idDomain[x] {
			domain++
		}
	}
	return n, domain
}

// sharedWordsFeature names the shared-word-count features.
var sharedWordsFeature = [...]featureID{0, fSharedWords1, fSharedWords2, fSharedWords3}

// distanceDetail describes how many messages back a candidate is, only
// when explaining: the scoring loop calls it for every candidate, so it
// boxes nothing otherwise.
func (c *linkContext) distanceDetail(format string, d int) string {
	if !c.explain {
		return ""
	}
	if d == 1 {
		format = strings.Replace(format, "messages", "message", 1) // "1 message before"
	}
	return fmt.Sprintf(format, d)
}

// minutesDetail describes the pause before a message, when explaining.
func (c *linkContext) minutesDetail(gap time.Duration) string {
	if !c.explain {
		return ""
	}
	return fmt.Sprintf("%.0f min earlier", gap.Minutes())
}

// senderDetail describes a feature that names a sender, only when
// explaining (see distanceDetail).
func (c *linkContext) senderDetail(format, sender string) string {
	if !c.explain {
		return ""
	}
	return fmt.Sprintf(format, sender)
}

// Bounds of answering back (see answeredBack).
const (
	answerBackTurns = 2
	answerBackGap   = 10 * time.Minute
)

// answeredBack reports whether the sender of candidate j speaks in one of
// the next answerBackTurns turns by others after message i, within
// answerBackGap of it: the one a message replies to is most often the one
// who speaks next (A asks, B answers, A thanks B).
func (c *linkContext) answeredBack(i, j int) bool {
	if c.answerers == nil {
		c.answerers = nextAnswerers(c.msgs, c.listings)
	}
	for _, k := range c.answerers[i] {
		if k > 0 && c.msgs[k].Sender == c.msgs[j].Sender {
			return true
		}
	}
	return false
}

// nextAnswerers returns, for each message, the next answerBackTurns turns
// by senders other than its own within answerBackGap of it (0 where there
// are fewer). It jumps over a sender's run of lines in one step, so that a
// bot's burst of thousands of lines costs no more than a chat.
func nextAnswerers(msgs []chatlog.Message, lst listings) [][answerBackTurns]int {
	n := len(msgs)
	next := make([]int, n+1) // the first turn at or after k; n when none
	after := make([]int, n)  // for a turn k, the first turn after it by another sender
	next[n] = n
	for k := n - 1; k >= 0; k-- {
		next[k] = next[k+1]
		if !lst.isTurn(k) {
			continue
		}
		next[k] = k
		if a := next[k+1]; a < n && msgs[a].Sender == msgs[k].Sender {
			after[k] = after[a]
		} else {
			after[k] = a
		}
	}
	out := make([][answerBackTurns]int, n)
	for i := range msgs {
		k := next[min(i+1, n)]
		for t := 0; t < answerBackTurns && k < n; t++ {
			if msgs[k].Sender == msgs[i].Sender {
				if k = after[k]; k >= n {
					break
				}
			}
			if msgs[k].Time.Sub(msgs[i].Time) > answerBackGap {
				break
			}
			out[i][t] = k
			k = next[k+1]
		}
	}
	return out
}

// latestBy returns the index of sender's latest message before i, or -1.
func (c *linkContext) latestBy(sender string, i int) int {
	idx := c.bySender[sender]
	k := sort.SearchInts(idx, i) // first index >= i
	if k == 0 {
		return -1
	}
	return idx[k-1]
}

// latestSubstantiveBy returns sender's latest message before i that says
// something (not a sticker, thanks or welcome), else their latest thanks or
// praise within the window, or -1.
func (c *linkContext) latestSubstantiveBy(sender string, i int) int {
	latest := -1
	for j := range c.inReach(i) {
		f := &c.fs[j]
		if c.msgs[j].Sender == sender {
			if !f.sticker && !f.thanks && !f.welcome {
				return j
			}
			if latest < 0 && f.thanks {
				latest = j
			}
		}
	}
	return latest
}

// mentionTarget is the message of person that message i, mentioning them,
// replies to: their latest substantive message, or, when that message
// replies in a conversation the sender of i took no part in, their latest one
// in a conversation the sender of i did take part in ("@王文 私户充值一般不做吧" picks up what 王文
// said to the sender a few minutes earlier, not 王文's answer to someone else).
func (c *linkContext) mentionTarget(i int, person string) int {
	latest := c.latestSubstantiveBy(person, i)
	sender := c.msgs[i].Sender
	if latest < 0 || c.links[latest].Parent < 0 || c.participates(sender, latest) {
		return latest // a person's new post, or their word in the sender's conversation
	}
	idx := c.bySender[person]
	k := sort.SearchInts(idx, latest)
	for n := 1; n <= mentionLookback && k-n >= 0; n++ {
		j := idx[k-n]
		if c.distance(i, j) > c.p.Window {
			break
		}
		if f := &c.fs[j]; !f.sticker && !f.thanks && !f.welcome && c.participates(sender, j) {
			return j
		}
	}
	return latest
}

// mentionLookback is how many earlier messages of a mentioned person
// mentionTarget considers.
const mentionLookback = 3

// repliedTo reports whether sender has spoken between j and i: replied to j,
// or said anything other than an addition to their talk.
func (c *linkContext) repliedTo(sender string, j, i int) bool {
	idx := c.bySender[sender]
	for _, k := range idx[sort.SearchInts(idx, j+1):] {
		if k >= i {
			break
		}
		if c.links[k].Parent == j || !c.inTalk(k) {
			return true
		}
	}
	return false
}

// answersAskerOf reports whether j directly answers a question asked by sender(i).
func (c *linkContext) answersAskerOf(i, j int) bool {
	p := c.links[j].Parent
	return p >= 0 && c.msgs[p].Sender == c.msgs[i].Sender && c.fs[p].question
}

// answerLineFor reports whether j is a line of an answer to sender(i)'s
// question: its chain reaches that question through j's sender's own lines.
func (c *linkContext) answerLineFor(i, j int) bool {
	for k, depth := c.links[j].Parent, 0; k >= 0 && depth < 4; k, depth = c.links[k].Parent, depth+1 {
		if c.msgs[k].Sender == c.msgs[i].Sender {
			return c.fs[k].question
		}
		if c.msgs[k].Sender != c.msgs[j].Sender {
			return false
		}
	}
	return false
}

// talkBefore returns the latest talk that ended before message i.
func (c *linkContext) talkBefore(i int) (talk, bool) {
	for k := len(c.talks) - 1; k >= 0; k-- {
		t := c.talks[k]
		if t.members[len(t.members)-1] < i {
			return t, true
		}
	}
	return talk{}, false
}

func round2(x float64) float64 {
	if x < 0 {
		return -round2(-x)
	}
	return float64(int64(x*100+0.5)) / 100
}

// substantiveReach bounds the look-through of substantiveDistance.
const substantiveReach = 6

// substantiveDistance is how many messages back j is from i, not counting
// the stickers in between: a remark after a round of [强] still follows the
// message they cheered.
func (c *linkContext) substantiveDistance(i, j int) int {
	if d := c.distance(i, j); d > substantiveReach {
		return d
	}
	d := 1
	for k := j + 1; k < i; k++ {
		if (!c.fs[k].sticker || c.msgs[k].Type != chatlog.TypeText) && c.isTurn(k) {
			d++
		}
	}
	return d
}

// firstRunes returns the first n runes of s (all of s when shorter).
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
