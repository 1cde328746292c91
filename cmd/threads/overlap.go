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

// chatKey tells one chat's days from another's across files: its format and
// chat ID, or, for formats without an ID, its title and group.
type chatKey struct{ format, id, title, group string }

// chatOf returns the chat of log.
func chatOf(l *chatlog.Log) chatKey {
	k := chatKey{format: l.Format, id: l.ChatID}
	if k.id == "" {
		k.title, k.group = l.Title, l.Group
	}
	return k
}

// messageKey is what makes a message the same message in two exports: its
// time, sender, type and text.
type messageKey struct {
	time               time.Time
	sender, kind, text string
}

func keyOf(m *chatlog.Message) messageKey {
	return messageKey{m.Time.UTC(), m.Sender, string(m.Type), m.Text}
}

// readOverlapsOnce leaves out the messages that two files of one chat both
// hold for one date, as weekly exports that overlap by a day do (the week
// to Sunday noon, then the week from Sunday): each is digested once, so
// none of its questions counts as a second asking. Of a chat's days of one
// date in different files the one with most messages is kept whole; each
// other keeps only the messages none kept before it holds, and is threaded
// again without the others. A day left with none is dropped. The messages
// left out are returned as copies, whose lines count as read (see
// digest.Options.Copies), and a note for each day says what was left out
// and where it was read.
func readOverlapsOnce(days []digest.Day, tok thread.Tokenizer, notes io.Writer) ([]digest.Day, []*chatlog.Log) {
	type group struct {
		chat chatKey
		date string
	}
	byGroup := make(map[group][]int)
	var order []group
	for i := range days {
		l := days[i].Log
		if l.Date == "" || len(l.Messages) == 0 {
			continue
		}
		g := group{chatOf(l), l.Date}
		if _, ok := byGroup[g]; !ok {
			order = append(order, g)
		}
		byGroup[g] = append(byGroup[g], i)
	}
	drop := make(map[int]bool)
	var copies []*chatlog.Log
	for _, g := range order {
		at := byGroup[g]
		if len(at) < 2 {
			continue
		}
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
