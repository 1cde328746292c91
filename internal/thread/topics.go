package thread

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"

	"github.com/cocolian/threads/internal/chatlog"
)

// topicParts returns the indices of the messages of each forum topic
// (chatlog.Message.Topic), topics in order of their first message and
// messages in file order, or nil when all messages share one topic (or
// none: a log from outside a forum), which is threaded whole.
func topicParts(msgs []chatlog.Message) [][]int {
	one := true
	for i := range msgs {
		if msgs[i].Topic != msgs[0].Topic {
			one = false
			break
		}
	}
	if one {
		return nil
	}
	at := map[string]int{}
	var parts [][]int
	for i := range msgs {
		k, ok := at[msgs[i].Topic]
		if !ok {
			k = len(parts)
			at[msgs[i].Topic] = k
			parts = append(parts, nil)
		}
		parts[k] = append(parts[k], i)
	}
	return parts
}

// buildTopics threads a log whose messages were posted in several forum
// topics, given the messages of each topic (topicParts). Members of a forum
// read one topic at a time and never see two side by side, so each topic is
// threaded as a log of its own, with the same parameters, the log's
// metadata and its messages in file order (Index counting within the
// topic): every pass, from mentions to answers, sees only that topic, and
// counts of messages between two ("3 messages before") count the topic's
// messages. The results are merged back into file order:
//
//   - Links are indexed by the message's index in the log, and Parent and
//     AnswerOf name messages of the log.
//   - Threads are numbered t1, t2, ... by their first message in the log,
//     as a log of one topic numbers them; Messages and Questions name
//     messages of the log, and Topic is the topic's name.
//   - Evidence whose detail names a message by its number ("quotes
//     message 4", "best candidate 2 scored ...") names it by its index in
//     the log (see indexedEvidence).
//   - Aliases are those of every topic, sorted by mention, sender and
//     reason, each once: a name may resolve to another sender in another
//     topic.
func buildTopics(log *chatlog.Log, tok Tokenizer, p Params, parts [][]int) *Result {
	links := make([]Link, len(log.Messages))
	var threads []Thread
	var aliases []Alias
	for _, idx := range parts {
		sub := topicLog(log, idx)
		topic := sub.Messages[0].Topic
		res := buildLog(sub, tok, topicParams(p, idx))
		at := func(k int) int {
			if k < 0 {
				return k
			}
			return idx[k]
		}
		for k, l := range res.Links {
			l.Parent, l.AnswerOf = at(l.Parent), at(l.AnswerOf)
			l.Thread += len(threads)
			l.Evidence = remapEvidence(l.Evidence, idx)
			links[idx[k]] = l
		}
		for _, t := range res.Threads {
			t.Topic = topic
			t.Messages = remapIndices(t.Messages, idx)
			qs := make([]QA, len(t.Questions))
			for q, qa := range t.Questions {
				qs[q] = QA{Question: idx[qa.Question], Answers: remapIndices(qa.Answers, idx)}
				if qa.AskedAgain > 0 {
					qs[q].AskedAgain = idx[qa.AskedAgain]
				}
			}
			if t.Questions == nil {
				qs = nil
			}
			t.Questions = qs
			threads = append(threads, t)
		}
		aliases = append(aliases, res.Aliases...)
	}

	order := make([]int, len(threads))
	for k := range order {
		order[k] = k
	}
	sort.Slice(order, func(a, b int) bool { return threads[order[a]].Messages[0] < threads[order[b]].Messages[0] })
	rank := make([]int, len(threads))
	sorted := make([]Thread, len(threads))
	for r, k := range order {
		rank[k] = r
		sorted[r] = threads[k]
		sorted[r].ID = fmt.Sprintf("t%d", r+1)
	}
	for i := range links {
		links[i].Thread = rank[links[i].Thread]
	}
	return &Result{Links: links, Threads: sorted, Aliases: mergeAliases(aliases)}
}

// topicParams returns p for the topic whose messages idx names: Earlier
// counts its messages within the topic.
func topicParams(p Params, idx []int) Params {
	if p.Earlier == nil {
		return p
	}
	all := p.Earlier
	p.Earlier = nil
	for k, i := range idx {
		if e, ok := all[i]; ok {
			if p.Earlier == nil {
				p.Earlier = make(map[int]Earlier)
			}
			p.Earlier[k] = e
		}
	}
	return p
}

// topicLog returns the log of one topic: log's metadata, and the messages
// idx names (in file order) with Index counting within the topic.
func topicLog(log *chatlog.Log, idx []int) *chatlog.Log {
	sub := *log
	sub.Messages = make([]chatlog.Message, len(idx))
	for k, i := range idx {
		sub.Messages[k] = log.Messages[i]
		sub.Messages[k].Index = k
	}
	return &sub
}

// topicTrainingDays returns days with every forum log (see topicParts) cut
// into one day per topic, as BuildWith threads it, so that training sees
// the candidates and features threading will: gold antecedents and
// questions are renumbered within the topic, and a message annotated only
// with antecedents in another topic is no example (nor is an answer to a
// question of another topic). Other days are returned as they are.
func topicTrainingDays(days []TrainingDay) []TrainingDay {
	out := make([]TrainingDay, 0, len(days))
	for _, d := range days {
		parts := topicParts(d.Log.Messages)
		if parts == nil {
			out = append(out, d)
			continue
		}
		for _, idx := range parts {
			at := make(map[int]int, len(idx)) // index in the log -> index in the topic
			for k, i := range idx {
				at[i] = k
			}
			td := TrainingDay{Log: topicLog(d.Log, idx), Gold: make(map[int][]int)}
			for i, ants := range d.Gold {
				k, ok := at[i]
				if !ok {
					continue
				}
				var mapped []int
				for _, a := range ants {
					if ka, ok := at[a]; ok {
						mapped = append(mapped, ka)
					}
				}
				if len(mapped) > 0 {
					td.Gold[k] = mapped
				}
			}
			if d.Answers != nil {
				td.Answers = make(map[int]int)
				for i, q := range d.Answers {
					k, ok := at[i]
					if !ok {
						continue
					}
					if q < 0 {
						td.Answers[k] = -1
					} else if kq, ok := at[q]; ok {
						td.Answers[k] = kq
					}
				}
			}
			out = append(out, td)
		}
	}
	return out
}

// remapIndices returns the log indices of the topic's messages ks (idx
// gives the log index of each); nil stays nil.
func remapIndices(ks, idx []int) []int {
	if ks == nil {
		return nil
	}
	out := make([]int, len(ks))
	for n, k := range ks {
		out[n] = idx[k]
	}
	return out
}

// mergeAliases sorts the aliases of several topics by mention, sender and
// reason and drops repeats.
func mergeAliases(aliases []Alias) []Alias {
	sort.Slice(aliases, func(a, b int) bool {
		x, y := aliases[a], aliases[b]
		if x.Mention != y.Mention {
			return x.Mention < y.Mention
		}
		if x.Sender != y.Sender {
			return x.Sender < y.Sender
		}
		return x.Reason < y.Reason
	})
	out := aliases[:0]
	for k, a := range aliases {
		if k == 0 || a != aliases[k-1] {
			out = append(out, a)
		}
	}
	return out
}

// indexedEvidence lists the kinds of evidence whose detail names messages
// by their index ("quotes message 4", "takes up question 2 in its own
// words", "best candidate 7 scored 0.41 < 0.60"), with whether only the
// last number is one: in takes-up and greeting-wave the detail carries a
// sender's name or a check-in gesture, as typed, before it. Details of the
// other kinds carry no message index (distances such as "3 messages
// before" are counts) and are left as they are, since they may hold what
// people typed (shared words, names). TestIndexedEvidenceComplete keeps
// the list in step with the details the package writes.
var indexedEvidence = map[string]bool{
	"answer-check":          false,
	"answers-by-first-link": false,
	"copy":                  false,
	"echo":                  false,
	"greeting-wave":         true,
	"handover":              false,
	"introductions":         false,
	"quote":                 false,
	"reaction":              false,
	"remark":                false,
	"repeat":                false,
	"rerank":                false,
	"takes-up":              true,
	"thread-start":          false,
}

// messageNumber matches a message index in an evidence detail.
var messageNumber = regexp.MustCompile(`\b(message|question|candidate) (\d+)\b`)

// remapEvidence returns a copy of ev whose details name messages by their
// index in the log rather than in the topic (idx gives the log index of
// each of the topic's messages).
func remapEvidence(ev []Evidence, idx []int) []Evidence {
	if ev == nil {
		return nil
	}
	out := make([]Evidence, len(ev))
	copy(out, ev)
	for n := range out {
		lastOnly, ok := indexedEvidence[out[n].Kind]
		if !ok {
			continue
		}
		d := out[n].Detail
		found := messageNumber.FindAllStringSubmatchIndex(d, -1)
		if lastOnly && len(found) > 1 {
			found = found[len(found)-1:]
		}
		for f := len(found) - 1; f >= 0; f-- { // from the end, so that earlier offsets stay
			at := found[f]
			k, err := strconv.Atoi(d[at[4]:at[5]])
			if err != nil || k < 0 || k >= len(idx) {
				continue
			}
			d = d[:at[4]] + strconv.Itoa(idx[k]) + d[at[5]:]
		}
		out[n].Detail = d
	}
	return out
}
