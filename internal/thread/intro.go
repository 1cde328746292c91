package thread

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
)

// introWindow is how long after the last self-introduction (or the call for
// them) a round of introductions stays open.
const introWindow = 2 * time.Hour

// introOpeningRe matches the start of a self-introduction: a greeting and
// 我是 / 我叫 / 自我介绍一下 (大家好，我是季康，产品经理…), or without the
// greeting 自我介绍一下, or 我叫 and a name set off by punctuation (我叫陈商，…;
// not 我叫了个外卖); a bare 我是 starts many a reply (我是觉得…).
var introOpeningRe = regexp.MustCompile(`^(?:(?:大家好|各位好|各位大佬好|各位大神好|各位前辈好|hi|Hi|HI)[，,！!。\s~～]*(?:我是|我叫|自我介绍一下)|我叫[\p{Han}A-Za-z]{2,8}[，,。\s]|自我介绍一下)`)

// introCallWords ask the group to introduce themselves (进群的同学…做一个自我介绍).
var introCallWords = []string{"做一个自我介绍", "做个自我介绍", "做下自我介绍", "做一下自我介绍", "还没做自我介绍", "请自我介绍", "进群需要自我介绍", "先自我介绍"}

// introducesSelf reports whether a text introduces its sender to the group:
// it opens as introOpeningRe says or says 新人报到, asks nothing, and is no
// speaker opening a talk (今天…分享).
func introducesSelf(f *features) bool {
	t := strings.TrimSpace(f.plain)
	if f.question || !strings.Contains(t, "我") && !strings.Contains(t, "新人") ||
		strings.Contains(t, "分享") && strings.Contains(t, "今天") {
		return false
	}
	return introOpeningRe.MatchString(t) || strings.Contains(t, "新人报到") || strings.Contains(t, "新人报道")
}

// newcomerIntro is the evidence of a self-introduction that opens a round
// of introductions and a thread.
const newcomerIntro = "a newcomer introduces themself: opens a round of introductions"

// opensIntroductions reports whether linkIntros made l a newcomer's
// introduction that opens a thread.
func opensIntroductions(l Link) bool {
	return l.Parent < 0 && len(l.Evidence) > 0 && l.Evidence[len(l.Evidence)-1].Detail == newcomerIntro
}

// namedJustBefore reports whether a message in the ten minutes before
// message i mentions or names its sender (a host announcing the guest who
// then introduces themself, a welcome by name): the introduction answers
// it.
func namedJustBefore(msgs []chatlog.Message, i int) bool {
	person := nameParts(msgs[i].Sender)[0]
	for k := i - 1; k >= 0 && msgs[i].Time.Sub(msgs[k].Time) <= 10*time.Minute; k-- {
		for _, name := range msgs[k].Mentions {
			if strings.EqualFold(segment.SimplifyName(name), segment.SimplifyName(msgs[i].Sender)) || strings.EqualFold(nameParts(name)[0], person) {
				return true
			}
		}
		if utf8.RuneCountInString(person) >= 2 && strings.Contains(msgs[k].Text, person) {
			return true
		}
	}
	return false
}

// goesOnFromOwnLine reports whether the turn before message i is its
// sender's (the export's second listings are no turns).
func goesOnFromOwnLine(msgs []chatlog.Message, lst listings, i int) bool {
	for k := range lst.turnsBefore(i, 1) {
		return msgs[k].Sender == msgs[i].Sender
	}
	return false
}

// linkIntros joins a round of self-introductions into one thread, as
// annotators keep it: a call for introductions (进群的同学…做一个自我介绍)
// opens the round, and a thread with it unless it goes on from its sender's
// own line, or else the round's first introduction does; every later
// introduction within introWindow of the last links to that opener.
// Introductions are linked before greeting waves, so that the 大家好 they
// open with does not put them in a round of welcomes.
func linkIntros(msgs []chatlog.Message, fs []features, lst listings, links []Link, decided []bool) {
	root, last := -1, -1
	for i, m := range msgs {
		if decided[i] || m.Type != chatlog.TypeText {
			continue
		}
		f := &fs[i]
		open := root >= 0 && m.Time.Sub(msgs[last].Time) <= introWindow
		switch {
		case strings.Contains(f.plain, "自我介绍") && containsAny(f.plain, introCallWords) && !f.question:
			if open && msgs[root].Sender == m.Sender {
				links[i].Parent = root // the host calling again (入群后还没做自我介绍的同学…)
				links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "introductions", Detail: fmt.Sprintf("calls again for the introductions message %d asked for", root), Weight: 1})
				decided[i] = true
			} else {
				root = i
				if len(m.Mentions) == 0 && m.Quote == nil && !goesOnFromOwnLine(msgs, lst, i) {
					links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "introductions", Detail: "calls for self-introductions: opens their round", Weight: 1})
					decided[i] = true // a thread start, not a welcome of the wave before (its rules name 签到)
				}
			}
			last = i
		case introducesSelf(f) && len(m.Mentions) == 0 && m.Quote == nil:
			if !open {
				root, last = i, i
				if !goesOnFromOwnLine(msgs, lst, i) && !namedJustBefore(msgs, i) {
					links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "introductions", Detail: newcomerIntro, Weight: 1})
					decided[i] = true
				}
				continue
			}
			links[i].Parent = root
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "introductions", Detail: fmt.Sprintf("a self-introduction in the round opened by message %d", root), Weight: 1})
			decided[i] = true
			last = i
		}
	}
}
