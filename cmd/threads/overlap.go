package main

import (
	"fmt"
	"io"
	"sort"
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

// readOverlapsOnce leaves out the messages that two files of one chat both
// hold for one date, as weekly exports that overlap by a day do (the week
// to Sunday noon, then the week from Sunday), in one format or two: each
// is digested once, so none of its questions counts as a second asking.
// Two days of one date are of one chat when both name the same chat ID,
// when neither names one and their format, title and group agree, or else
// when at least half the messages of the shorter are in the other. Of a
// chat's days of one date the one with most messages is kept whole; each
// other keeps only the messages none kept before it holds, and is threaded
// again without the others. A day left with none is dropped. The messages
// left out are returned as copies, whose lines count as read (see
// digest.Options.Copies), and a note for each day says what was left out
// and where it was read.
func readOverlapsOnce(days []digest.Day, tok thread.Tokenizer, notes io.Writer) ([]digest.Day, []*chatlog.Log) {
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
					copies = append(copies, readOnce(days, chat, tok, drop, notes)...)
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
		return 2*shared[[2]int{p, q}] >= min(len(a.Messages), len(b.Messages))
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

// readOnce keeps the fullest of one chat's days of one date (at, indices
// into days) whole and the messages of each other that none kept before it
// holds, as readOverlapsOnce says; it marks the days left empty in drop
// and returns the messages left out.
func readOnce(days []digest.Day, at []int, tok thread.Tokenizer, drop map[int]bool, notes io.Writer) []*chatlog.Log {
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
	kept := make(map[messageKey][]string) // message -> the files of the days kept holding it
	for n, i := range at {
		d := &days[i]
		used := make(map[messageKey]int)
		var fresh, seen []chatlog.Message
		from := make(map[string]int) // file -> messages of this day it held
		var froms []string
		for _, m := range d.Log.Messages {
			k := keyOf(&m)
			if paths := kept[k]; used[k] < len(paths) {
				p := paths[used[k]]
				used[k]++
				seen = append(seen, m)
				if from[p] == 0 {
					froms = append(froms, p)
				}
				from[p]++
				continue
			}
			fresh = append(fresh, m)
		}
		for _, m := range fresh {
			k := keyOf(&m)
			kept[k] = append(kept[k], d.Log.Path)
		}
		if n == 0 || len(seen) == 0 {
			continue
		}
		left := *d.Log
		left.Messages = seen
		copies = append(copies, &left)
		for _, p := range froms {
			if len(fresh) == 0 && len(froms) == 1 {
				fmt.Fprintf(notes, "threads: %s: the %d messages of %s are all in %s: read once\n", d.Log.Path, from[p], d.Log.Date, p)
			} else {
				fmt.Fprintf(notes, "threads: %s: %d messages of %s also in %s: read once\n", d.Log.Path, from[p], d.Log.Date, p)
			}
		}
		if len(fresh) == 0 {
			drop[i] = true
			continue
		}
		rest := *d.Log
		rest.Messages = fresh
		d.Log = &rest
		// Threaded anew on what is left; links to the days before are
		// found again when the days are linked across files.
		d.Earlier = nil
		d.Result = thread.BuildWith(d.Log, tok, thread.DefaultParams())
	}
	return copies
}
