package thread

import (
	"slices"
	"sort"

	"github.com/cocolian/threads/internal/chatlog"
)

// Threading tells senders apart by Message.Sender, the display name an
// export writes. Two accounts may show one display name in a chat (two
// Telegram users "Bob Li", two WeChat members "Bob"), and one's answer to
// the other's question would read as the sender going on. Where a log's
// messages show one display name under two or more account ids
// (SenderID), the log is threaded as a copy in which every holder of that
// name sends under a key of its own, the name with the id added: "Bob Li
// (user201)", "Bob Li (user202)". The key derives from the name and the id
// alone, so it is the same in every day and file, whatever order the
// accounts come in. A name no two accounts share, and a message without a
// SenderID, keep the export's name; the results refer to messages by
// index, so every output names senders as the export does.
//
// In the copy a mention whose export gives the mentioned account
// (MentionIDs) and a quote that gives the quoted account (Quote.SenderID)
// name that account's key; an account such a mention or quote names that
// does not post in the log counts as a holder of the name it is named by,
// so that the one holder who does post is not taken for it. A mention typed without an id
// ("@Bob") names every holder of the shared name, as a WeChat mention
// always is: it may be either of them. A quote without an id naming a
// shared name may match a message of any of its holders (see
// quoteMatcher.match).

// An account is one sender: a display name and an account id.
type account struct{ name, id string }

// senderKeys are the distinct keys of the accounts of one log that share a
// display name with another account.
type senderKeys struct {
	key     map[account]string  // the clashing accounts' keys
	byID    map[string][]string // account id -> its keys (one per clashing name it sends under), sorted
	holders map[string][]string // normalised shared name -> its holders' normalised keys, sorted
	keysOf  map[string][]string // shared name -> its holders' keys, sorted
	isKeyOf map[string]bool     // every key
}

// isKey reports whether name is the key of an account; false for nil keys.
func (k *senderKeys) isKey(name string) bool {
	return k != nil && k.isKeyOf[name]
}

// newSenderKeys returns the keys of the accounts of msgs that share a
// display name; nil when no two accounts do.
func newSenderKeys(msgs []chatlog.Message) *senderKeys {
	ids := map[string][]string{} // display name -> the account ids sending, mentioned or quoted under it
	add := func(name, id string) {
		if name != "" && id != "" && !slices.Contains(ids[name], id) {
			ids[name] = append(ids[name], id)
		}
	}
	sends := map[string]bool{} // account ids that send in msgs
	for i := range msgs {
		add(msgs[i].Sender, msgs[i].SenderID)
		sends[msgs[i].SenderID] = true
	}
	// An account named by a mention or quote but not sending here holds
	// the name it is named by; one that sends is known by its own name (a
	// Telegram mention may name Bob Zhang "Bob").
	for i := range msgs {
		m := &msgs[i]
		for j, id := range m.MentionIDs {
			if j < len(m.Mentions) && !sends[id] {
				add(m.Mentions[j], id)
			}
		}
		if q := m.Quote; q != nil && !sends[q.SenderID] {
			add(q.Sender, q.SenderID)
		}
	}
	var k *senderKeys
	for name, list := range ids {
		if len(list) < 2 {
			continue
		}
		if k == nil {
			k = &senderKeys{key: map[account]string{}, byID: map[string][]string{}, holders: map[string][]string{}, keysOf: map[string][]string{}, isKeyOf: map[string]bool{}}
		}
		n := normaliseName(name)
		for _, id := range list {
			key := name + " (" + id + ")"
			k.key[account{name, id}] = key
			k.byID[id] = append(k.byID[id], key)
			k.holders[n] = append(k.holders[n], normaliseName(key))
			k.keysOf[name] = append(k.keysOf[name], key)
			k.isKeyOf[key] = true
		}
	}
	if k == nil {
		return nil
	}
	for _, list := range k.byID {
		sort.Strings(list)
	}
	for _, list := range k.holders {
		sort.Strings(list)
	}
	for _, list := range k.keysOf {
		sort.Strings(list)
	}
	return k
}

// of returns the name account id goes by in the keyed copy when a message
// names it as name: its key when it holds name with another account, or
// when name is none of its names (a Discord mention by user name) and it
// has one key only; name otherwise.
func (k *senderKeys) of(name, id string) string {
	if id == "" {
		return name
	}
	if key, ok := k.key[account{name, id}]; ok {
		return key
	}
	if keys := k.byID[id]; len(keys) == 1 {
		return keys[0]
	}
	return name
}

// keyedLog returns log with its messages keyed (see above) and the keys;
// log itself and nil when no two accounts share a name. The log and its
// messages are not changed.
func keyedLog(log *chatlog.Log) (*chatlog.Log, *senderKeys) {
	k := newSenderKeys(log.Messages)
	if k == nil {
		return log, nil
	}
	out := *log
	out.Messages = make([]chatlog.Message, len(log.Messages))
	for i, m := range log.Messages {
		m.Sender = k.of(m.Sender, m.SenderID)
		m.Mentions = k.mentions(m.Mentions, m.MentionIDs)
		if q := m.Quote; q != nil && q.SenderID != "" {
			m.Quote = &chatlog.Quote{Sender: k.of(q.Sender, q.SenderID), SenderID: q.SenderID, Text: q.Text}
		}
		out.Messages[i] = m
	}
	return &out, k
}

// mentions returns the mentions of a message in the keyed copy: one the
// export gives an account id for names that account's key, one typed
// without an id naming a shared name names all its holders' keys, any
// other stays. names itself is returned when none changes.
func (k *senderKeys) mentions(names, ids []string) []string {
	var out []string
	for j, name := range names {
		id := ""
		if j < len(ids) {
			id = ids[j]
		}
		keys := []string{k.of(name, id)}
		if id == "" && len(k.keysOf[name]) > 0 {
			keys = k.keysOf[name]
		}
		if out == nil && (len(keys) != 1 || keys[0] != name) {
			out = slices.Clone(names[:j])
		}
		if out != nil {
			out = append(out, keys...)
		}
	}
	if out == nil {
		return names
	}
	return out
}

// exportNames gives the threads of res the participants' names as msgs,
// the log as the export wrote it, name them: the keyed copy's keys become
// the shared name again, once per thread.
func exportNames(res *Result, msgs []chatlog.Message) {
	for t := range res.Threads {
		th := &res.Threads[t]
		th.Participants = th.Participants[:0]
		seen := map[string]bool{}
		for _, i := range th.Messages {
			if s := msgs[i].Sender; s != "" && !seen[s] {
				seen[s] = true
				th.Participants = append(th.Participants, s)
			}
		}
	}
}
