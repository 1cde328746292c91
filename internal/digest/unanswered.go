package digest

import (
	"sort"

	"github.com/cocolian/threads/internal/title"
)

// unanswered returns the askings of cluster c that are listed as
// unanswered questions: none when any asking of c was answered (a question
// answered on another day is not unanswered), else those that open their
// thread and say enough out of their chat (see substantial). entry says
// whether c is an entry.
//
// A question inside a thread is a turn of a conversation already going:
// replies to it often come without the threading linking them as answers,
// and on the shared corpus most of those left unanswered are remarks,
// banter and the rhetorical questions of an argument ("小额你计较什么手续费。。",
// "找工作得心态谈什么创业"). A question that opens its thread asked the group
// something, and nobody took it up.
func unanswered(c *clusterSet, entry bool) []Unanswered {
	for _, q := range c.members {
		if len(q.occ.Answers) > 0 {
			return nil
		}
	}
	var out []Unanswered
	for _, q := range c.members {
		if !q.opens || !substantial(q) {
			continue
		}
		o := &q.occ
		out = append(out, Unanswered{
			Date: o.Date, Group: o.Group, Asker: o.Asker, Question: title.Of(q.titled),
			Path: o.Path, Line: o.Line, Day: o.Day, Thread: o.Thread, InEntry: entry,
		})
	}
	return out
}

// sortUnanswered orders unanswered questions by date, group, path and line.
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
