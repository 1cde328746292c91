package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/digest"
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

// messageKey is what makes a message the same message in two exports: its
// time, type and text. The sender is left out: two exporters may name one
// sender differently (a group display name, a remark).
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
// whose messages a fuller one (or an equal one earlier, then by file)
// holds (a message two tools write differently, [语音] and [语音消息],
// counts as held when the fuller day has one of its type at its time) is
// dropped; a day that holds only some of another's is kept whole,
// so that an answer is never threaded apart from its question. The days
// dropped are returned as copies, whose lines count as read (see
// digest.Options.Copies), and a note for each says where it was read.
func readOverlapsOnce(days []digest.Day, notes io.Writer) ([]digest.Day, []*chatlog.Log) {
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
	var copies []*chatlog.Log
	for _, date := range dates {
		if at := byDate[date]; len(at) > 1 {
			for _, chat := range sameChats(days, at) {
				if len(chat) > 1 {
					copies = append(copies, readOnce(days, chat, drop, notes)...)
				}
			}
		}
	}
	if len(drop) == 0 {
		return days, copies
	}
	out := days[:0]
	for i, d := range days {
		if !drop[i] {
			out = append(out, d)
		}
	}
	return out, copies
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
// holds, marking it in drop, and returns the days dropped.
func readOnce(days []digest.Day, at []int, drop map[int]bool, notes io.Writer) []*chatlog.Log {
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
	var copies []*chatlog.Log
	var kept []int // the days kept, in that order
	for _, i := range at {
		l := days[i].Log
		if k := slices.IndexFunc(kept, func(k int) bool { return holdsAll(days[k].Log, l) }); k >= 0 {
			drop[i] = true
			copies = append(copies, l)
			fmt.Fprintf(notes, "threads: %s: the %d messages of %s are all in %s: read once\n", l.Path, len(l.Messages), l.Date, days[kept[k]].Log.Path)
			continue
		}
		kept = append(kept, i)
	}
	return copies
}

// holdsAll reports whether log a holds every message of log b (as many
// times as b does): the same message, or one that two tools write
// differently ([语音] and [语音消息]): of the same type, at the same time, as
// a message of a that matched none of b's.
func holdsAll(a, b *chatlog.Log) bool {
	count := make(map[messageKey]int, len(a.Messages))
	for k := range a.Messages {
		count[keyOf(&a.Messages[k])]++
	}
	var rest []messageKey // b's messages a does not hold as they are
	for k := range b.Messages {
		key := keyOf(&b.Messages[k])
		if count[key] == 0 {
			rest = append(rest, key)
			continue
		}
		count[key]--
	}
	if len(rest) == 0 {
		return true
	}
	type when struct {
		time time.Time
		kind string
	}
	left := make(map[when]int) // a's messages that matched none of b's
	for key, n := range count {
		left[when{key.time, key.kind}] += n
	}
	for _, key := range rest {
		w := when{key.time, key.kind}
		if left[w] == 0 {
			return false
		}
		left[w]--
	}
	return true
}
