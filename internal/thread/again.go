package thread

import (
	"slices"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
)

// askedAgainWithin is how long after a question its asker's later
// question can still be the same one asked again: the same day's
// conversation, not next week's.
const askedAgainWithin = 24 * time.Hour

// askedAgainReach is how many of an asker's later questions are looked at
// when the log gives no times.
const askedAgainReach = 20

// markAskedAgain sets QA.AskedAgain of every question in threads: the
// first later question by the same asker that asks the same thing
// (sameQuestion), within askedAgainWithin. Someone told to wait (这个等分享完
// 一起讨论) or ignored asks again, often in other words (请教沈总，…还有利息收入吗？
// after …还能拿到利息收入吗？), and is answered there. A copy of a message the
// export listed twice is no asking.
func markAskedAgain(msgs []chatlog.Message, fs []features, links []Link, threads []Thread) {
	bySender := map[string][]int{}
	for i := range links {
		if links[i].Role != RoleQuestion || msgs[i].Sender == "" || links[i].HasEvidence("copy") || chatlog.ListedTwice(msgs, i) {
			continue
		}
		bySender[msgs[i].Sender] = append(bySender[msgs[i].Sender], i)
	}
	for k := range threads {
		for q := range threads[k].Questions {
			qa := &threads[k].Questions[q]
			qa.AskedAgain = askedAgain(msgs, fs, bySender[msgs[qa.Question].Sender], qa.Question)
		}
	}
}

// askedAgain returns the first of questions (one asker's, in file order)
// after question i that asks what i asks, or 0 when none does.
func askedAgain(msgs []chatlog.Message, fs []features, questions []int, i int) int {
	k, _ := slices.BinarySearch(questions, i+1)
	for seen, j := range questions[k:] {
		if seen >= askedAgainReach && msgs[i].Time.IsZero() {
			break
		}
		if !msgs[i].Time.IsZero() && msgs[j].Time.Sub(msgs[i].Time) > askedAgainWithin {
			break
		}
		if sameQuestion(&fs[i], &fs[j]) {
			return j
		}
	}
	return 0
}

// sameQuestion reports whether two questions ask the same thing: they
// share at least three content words, and those make up most (60%) of
// the words of each: the same question in other words (有前辈玩过cassandra吗？,
// 请教下 cassandra相关的问题，有前辈玩过吗？), not a follow-up on part of it.
func sameQuestion(a, b *features) bool {
	n, _ := sharedCount(a, b)
	return n >= 3 && 10*n >= 6*max(len(a.wordIDs), len(b.wordIDs))
}
