package digest

import (
	"sort"

	"github.com/cocolian/threads/internal/title"
)

// unanswered returns the unanswered question of cluster c, and whether c
// has one: none when any asking of c was answered (a question answered on
// another day is not unanswered), nor when no asking of c opens its thread
// and says enough out of its chat (see substantial). The question is one
// item however often it was asked: it names the latest of those askings
// and counts them, with the date of the first. entry says whether c is an
// entry.
//
// A question inside a thread is a turn of a conversation already going:
// replies to it often come without the threading linking them as answers,
// and on the shared corpus most of those left unanswered are remarks,
// banter and the rhetorical questions of an argument ("小额你计较什么手续费。。",
// "找工作得心态谈什么创业"). A question that opens its thread asked the group
// something, and nobody took it up.
func unanswered(c *clusterSet, entry bool) (Unanswered, bool) {
	for _, q := range c.members {
		if len(q.occ.Answers) > 0 {
			return Unanswered{}, false
		}
	}
	var first, latest *question
	asked := 0
	for _, q := range c.members {
		if !q.opens || !substantial(q) {
			continue
		}
		asked++
		if first == nil || occLess(&q.occ, &first.occ) {
			first = q
		}
		if latest == nil || occLess(&latest.occ, &q.occ) {
			latest = q
		}
	}
	if asked == 0 {
		return Unanswered{}, false
	}
	o := &latest.occ
	return Unanswered{
		Date: o.Date, Group: o.Group, Asker: o.Asker, Question: title.Of(latest.titled),
		Path: o.Path, Line: o.Line, Day: o.Day, Thread: o.Thread, InEntry: entry,
		Asked: asked, FirstDate: first.occ.Date,
	}, true
}

// askedSince says how often the unanswered question u was asked, "asked 3
// times since 2018-05-04" ("asked 3 times" when the first asking is
// undated); "" when it was asked once. Its words are the HTML page's, in
// lang.
func askedSince(u *Unanswered, lang string) string {
	switch {
	case u.Asked < 2:
		return ""
	case u.Asked == 2 && u.FirstDate == "":
		return pageText(lang, "askedTwice", 0)
	case u.Asked == 2:
		return pageText(lang, "askedTwiceSince", 0, "date", u.FirstDate)
	case u.FirstDate == "":
		return pageText(lang, "askedTimes", u.Asked)
	}
	return pageText(lang, "askedTimesSince", u.Asked, "date", u.FirstDate)
}

// sortUnanswered orders unanswered questions by the date, group, path and
// line of their latest asking.
func sortUnanswered(us []Unanswered) {
	sort.Slice(us, func(i, j int) bool {
		a, b := &us[i], &us[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Group != b.Group {
			return a.Group < b.Group
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Line < b.Line
	})
}
