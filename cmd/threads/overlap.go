package main

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/digest"
	"github.com/cocolian/threads/internal/thread"
)

// chatKey tells one chat's days from another's across files: its chat ID
// (one WeChat group exported by WeFlow and by chatlog shares its
// …@chatroom id), or, for formats without an ID, its format, title and
// group.
type chatKey struct{ format, id, title, group string }

// chatOf returns the chat of log.
func chatOf(l *chatlog.Log) chatKey {
	if l.ChatID != "" {
		return chatKey{id: l.ChatID}
	}
	return chatKey{format: l.Format, title: l.Title, group: l.Group}
}

// messageKey is what makes two days of one date share a message when
// sameChats weighs whether they are one chat's: its time, type and text.
// The sender is left out: two exporters may name one sender differently (a
// group display name, a remark).
type messageKey struct {
	time       time.Time
	kind, text string
}

func keyOf(m *chatlog.Message) messageKey {
	return messageKey{m.Time.UTC(), string(m.Type), m.Text}
}

// readOverlapsOnce leaves out a day of a chat whose messages another file
// holds all of for that date, as weekly exports that overlap by a day do
// (the week to Sunday noon, then the week from Sunday), in one format or
// two: each message is digested once, so none of its questions counts as a
// second asking. Two days of one date are of one chat when both name the
// same chat ID, when neither names one and their format, title and group
// agree, or else when they share a title or group and at least three
// messages, half the shorter's. Of a chat's days of one date, a day all of
// whose messages (see sameMessage) a fuller one (or an equal one earlier,
// then by file) holds is dropped; days that each hold messages the others
// lack are kept whole, so that an answer is never threaded apart from its
// question, and returned in overlaps, one set a chat and date, for
// countOverlapsOnce to count their shared messages once. The days dropped
// are returned as copies, whose lines count as read (see
// digest.Options.Copies), and a note for each says where it was read.
func readOverlapsOnce(days []digest.Day, notes io.Writer) (kept []digest.Day, copies []*chatlog.Log, overlaps [][]*chatlog.Log) {
	byDate := make(map[string][]int)
	var dates []string
	for i := range days {
		l := days[i].Log
		if l.Date == "" || len(l.Messages) == 0 {
			continue
		}
		if _, ok := byDate[l.Date]; !ok {
			dates = append(dates, l.Date)
		}
		byDate[l.Date] = append(byDate[l.Date], i)
	}
	drop := make(map[int]bool)
	for _, date := range dates {
		if at := byDate[date]; len(at) > 1 {
			for _, chat := range sameChats(days, at) {
				if len(chat) < 2 {
					continue
				}
				dropped, halves := readOnce(days, chat, drop, notes)
				copies = append(copies, dropped...)
				if len(halves) > 1 {
					overlaps = append(overlaps, halves)
				}
			}
		}
	}
	if len(drop) == 0 {
		return days, copies, overlaps
	}
	kept = days[:0]
	for i, d := range days {
		if !drop[i] {
			kept = append(kept, d)
		}
	}
	return kept, copies, overlaps
}

// sameChats splits the days at (indices into days, all of one date) into
// the sets that are one chat's, each in the order of at.
func sameChats(days []digest.Day, at []int) [][]int {
	// Messages shared between each two days.
	holders := make(map[messageKey][]int) // -> positions in at, once each
	shared := make(map[[2]int]int)
	for p, i := range at {
		for k := range days[i].Log.Messages {
			key := keyOf(&days[i].Log.Messages[k])
			hs := holders[key]
			if len(hs) > 0 && hs[len(hs)-1] == p {
				continue
			}
			for _, q := range hs {
				shared[[2]int{q, p}]++
			}
			holders[key] = append(hs, p)
		}
	}
	one := func(p, q int) bool {
		a, b := days[at[p]].Log, days[at[q]].Log
		switch {
		case a.ChatID != "" && b.ChatID != "":
			return a.ChatID == b.ChatID
		case a.ChatID == "" && b.ChatID == "" && chatOf(a) == chatOf(b):
			return true
		}
		n := shared[[2]int{p, q}]
		sameName := a.Title != "" && a.Title == b.Title || a.Group != "" && a.Group == b.Group
		return sameName && n >= 3 && 2*n >= min(len(a.Messages), len(b.Messages))
	}
	parent := make([]int, len(at))
	for p := range parent {
		parent[p] = p
	}
	var root func(int) int
	root = func(p int) int {
		for parent[p] != p {
			p = parent[p]
		}
		return p
	}
	for q := range at {
		for p := range q {
			if one(p, q) {
				parent[root(q)] = root(p)
			}
		}
	}
	var out [][]int
	where := make(map[int]int)
	for p, i := range at {
		r := root(p)
		k, ok := where[r]
		if !ok {
			k = len(out)
			where[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], i)
	}
	return out
}

// readOnce drops, of one chat's days of one date (at, indices into days),
// each all of whose messages a day before it in readOverlapsOnce's order
// holds, marking it in drop, and returns the days dropped and those kept.
func readOnce(days []digest.Day, at []int, drop map[int]bool, notes io.Writer) (dropped, kept []*chatlog.Log) {
	// The fullest day first, then the earliest, then by file.
	sort.SliceStable(at, func(a, b int) bool {
		la, lb := days[at[a]].Log, days[at[b]].Log
		if len(la.Messages) != len(lb.Messages) {
			return len(la.Messages) > len(lb.Messages)
		}
		if ta, tb := la.Messages[0].Time, lb.Messages[0].Time; !ta.Equal(tb) {
			return ta.Before(tb)
		}
		return la.Path < lb.Path
	})
	for _, i := range at {
		l := days[i].Log
		if k := slices.IndexFunc(kept, func(k *chatlog.Log) bool { return holdsAll(k, l) }); k >= 0 {
			drop[i] = true
			dropped = append(dropped, l)
			fmt.Fprintf(notes, "threads: %s: the %d messages of %s are all in %s: read once\n", l.Path, len(l.Messages), l.Date, kept[k].Path)
			continue
		}
		kept = append(kept, l)
	}
	return dropped, kept
}

// holdsAll reports whether log a holds every message of log b (as many
// times as b does; see pairUp).
func holdsAll(a, b *chatlog.Log) bool {
	return !slices.Contains(pairUp(a, b), -1)
}

// pairUp pairs each message of log b with the same message of log a (see
// sameMessage), each of a's with one of b's at most, and returns, for each
// of b's messages, the index of its pair in a, -1 when a lacks it.
func pairUp(a, b *chatlog.Log) []int {
	at := make(map[time.Time][]int, len(a.Messages)) // a's messages by time
	for i := range a.Messages {
		t := a.Messages[i].Time.UTC()
		at[t] = append(at[t], i)
	}
	used := make([]bool, len(a.Messages))
	out := make([]int, len(b.Messages))
	for k := range out {
		out[k] = -1
	}
	sameFormat := a.Format == b.Format
	// The surest pairs first: by ID, by text, then wordless messages.
	for pass := range 3 {
		for k := range b.Messages {
			y := &b.Messages[k]
			if out[k] >= 0 {
				continue
			}
			for _, i := range at[y.Time.UTC()] {
				if !used[i] && sameMessage(&a.Messages[i], y, sameFormat, pass) {
					used[i], out[k] = true, i
					break
				}
			}
		}
	}
	return out
}

// sameMessage reports whether x and y, sent at the same time, are one
// message of a chat exported twice, by the test of pass: 0, the same ID in
// exports of one format (a Telegram message ID); 1, the same type, sender
// (see sameSender) and text; 2, the same type and sender, neither saying
// anything of its own (see wordless): two tools write a voice message
// [语音] and [语音消息], a picture's or a file's address their own way. A
// message whose text differs is never the same by 1 or 2.
func sameMessage(x, y *chatlog.Message, sameFormat bool, pass int) bool {
	switch pass {
	case 0:
		return sameFormat && x.ID != "" && x.ID == y.ID
	case 1:
		return x.Type == y.Type && sameSender(x, y) && x.Text == y.Text
	}
	return x.Type == y.Type && sameSender(x, y) && wordless(x) && wordless(y)
}

// sameSender reports whether x and y may have one sender: the same
// account ID when both exports give one. Names are not compared: two tools
// may name one sender differently (a group display name, a remark).
func sameSender(x, y *chatlog.Message) bool {
	if x.SenderID != "" && y.SenderID != "" && x.Type != chatlog.TypeSystem {
		return x.SenderID == y.SenderID
	}
	return true
}

// placeholderRE matches a bracketed code alone, an exporter's placeholder
// for media ([语音], [视频]) or a sticker's name.
var placeholderRE = regexp.MustCompile(`^\[[^\[\]\r\n]{1,16}\]$`)

// wordless reports whether m says nothing of its own that its text could
// differ by: a text that is a placeholder alone, a picture or file or link
// without a caption, a red packet.
func wordless(m *chatlog.Message) bool {
	switch m.Type {
	case chatlog.TypeText:
		text := strings.TrimSpace(m.Text)
		return text == "" || placeholderRE.MatchString(text)
	case chatlog.TypeImage, chatlog.TypeLink:
		return m.Caption() == ""
	case chatlog.TypeRedPacket:
		return true
	}
	return false
}

// countOverlapsOnce counts once the messages that the days of one chat and
// date in several files (readOverlapsOnce's overlaps, threaded and linked
// across files) share. Each day was threaded whole, so an answer keeps its
// question; then, taking the days as linkAcrossFiles does (the earliest
// first message first, then by file), each day's share is what the days
// before it lack (see pairUp): a question an earlier day holds, and asks
// there too, is asked there only, and its answers only this day holds
// answer it there (as a reply from another export does); a message an
// earlier day holds leaves this day's threads, and a thread left with no
// message leaves the day. A message only one day holds always counts.
func countOverlapsOnce(days []digest.Day, overlaps [][]*chatlog.Log) {
	at := make(map[*chatlog.Log]int, len(days))
	for i := range days {
		at[days[i].Log] = i
	}
	for _, logs := range overlaps {
		var idx []int
		for _, l := range logs {
			if i, ok := at[l]; ok {
				idx = append(idx, i)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool { return readingOrder(days[idx[a]].Log, days[idx[b]].Log) < 0 })
		for k := 1; k < len(idx); k++ {
			held := make([]heldAt, len(days[idx[k]].Log.Messages))
			for m := range held {
				held[m].day = -1
			}
			for _, j := range idx[:k] {
				for m, i := range pairUp(days[j].Log, days[idx[k]].Log) {
					if i >= 0 && held[m].day < 0 {
						held[m] = heldAt{j, i}
					}
				}
			}
			countOnce(&days[idx[k]], held, days)
		}
	}
}

// heldAt is where an earlier day holds a message: days[day].Log.Messages[index];
// day is -1 when none does.
type heldAt struct{ day, index int }

// countOnce leaves out of day d what earlier days hold (held, one per
// message of d): see countOverlapsOnce. It gives d a new Result and
// Earlier; the Log is left whole, so its lines still count as read.
func countOnce(d *digest.Day, held []heldAt, days []digest.Day) {
	if !slices.ContainsFunc(held, func(h heldAt) bool { return h.day >= 0 }) {
		return
	}
	res := d.Result
	earlier := make(map[int]thread.Earlier, len(d.Earlier))
	shown := make([]bool, len(held)) // the messages d's threads keep
	for i, h := range held {
		shown[i] = h.day < 0
	}
	for i, e := range d.Earlier {
		// A reply to an earlier day's message: the earlier export's copy
		// of it answers, unless that copy was not linked.
		if h := held[i]; h.day >= 0 {
			if _, ok := days[h.day].Earlier[h.index]; ok {
				continue
			}
			shown[i] = true
		}
		earlier[i] = e
	}
	questions := make([][]thread.QA, len(res.Threads))
	for t := range res.Threads {
		for _, qa := range res.Threads[t].Questions {
			h := held[qa.Question]
			if h.day < 0 || days[h.day].Result.Links[h.index].Role != thread.RoleQuestion {
				questions[t] = append(questions[t], qa)
				shown[qa.Question] = true
				for _, a := range qa.Answers {
					shown[a] = true
				}
				continue
			}
			// Asked in the earlier day: the answers it lacks answer it there.
			q := days[h.day].Log
			for _, a := range qa.Answers {
				if _, ok := earlier[a]; !ok && held[a].day < 0 {
					earlier[a] = thread.Earlier{Date: q.Date, Index: h.index, Line: q.Messages[h.index].Line, Question: &q.Messages[h.index], Answer: true}
				}
			}
		}
	}
	out := &thread.Result{Links: slices.Clone(res.Links), Aliases: res.Aliases}
	for i := range out.Links {
		out.Links[i].Thread = -1
	}
	for t, th := range res.Threads {
		th.Questions = questions[t]
		th.Messages = slices.DeleteFunc(slices.Clone(th.Messages), func(i int) bool { return !shown[i] })
		if len(th.Messages) == 0 {
			continue
		}
		th.Start, th.End = time.Time{}, time.Time{}
		for _, i := range th.Messages {
			out.Links[i].Thread = len(out.Threads)
			when := d.Log.Messages[i].Time
			switch {
			case when.IsZero():
			case th.Start.IsZero():
				th.Start, th.End = when, when
			case when.Before(th.Start):
				th.Start = when
			case when.After(th.End):
				th.End = when
			}
		}
		out.Threads = append(out.Threads, th)
	}
	d.Result = out
	d.Earlier = earlier
	if len(earlier) == 0 {
		d.Earlier = nil
	}
}
