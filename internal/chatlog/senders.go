package chatlog

// Two accounts may show one display name in a chat: two people called
// "Bob Li" in a Telegram group. Threading tells senders apart by
// Message.Sender, so it would read the second Bob's answer to the first
// Bob's question as Bob going on with his own message. The formats that give
// each message its sender's account id (SenderID: Telegram's from_id,
// Discord's author id, Slack's user, WeChat's wxid in the WeFlow, chatlog,
// MemoTrace and ChatLab exports) let the readers tell them apart: within one
// log, the account that first sends under a name keeps it, and every other
// account sending under it has its id added, "Bob Li (user202)". Only the
// accounts after the first are renamed so that a log read as a stream is
// renamed as it is read (a name is the first account's until another one
// uses it), the same way a whole log is; and the names of a log without such
// a clash stay as the export writes them.
//
// A mention whose export names the mentioned account (a Telegram
// mention_name entity, with its user_id) names that account's distinct name;
// any other mention of the shared name ("@Bob Li" typed) keeps it, and so
// reads as the first account's. A message without a sender id keeps its
// name.
//
// Parse, ParseIn, ParseFile, ParsePath, ParsePathIn and the Scan functions
// rename so; the format's own ParseX functions (ParseTelegram, ...) return
// the names as the export writes them.

// senderNames renames the accounts of one log that share a display name
// (see above), message by message.
type senderNames struct {
	holder map[string]string // display name -> id of the first account sending under it
}

// newSenderNames returns the renamer of a log not yet read.
func newSenderNames() *senderNames {
	return &senderNames{holder: make(map[string]string)}
}

// observe records the account m is sent from as the holder of its name
// when no account sent under that name before.
func (s *senderNames) observe(m *Message) {
	if m.Sender == "" || m.SenderID == "" {
		return
	}
	if _, ok := s.holder[m.Sender]; !ok {
		s.holder[m.Sender] = m.SenderID
	}
}

// rename observes m, then gives its sender and the mentions that name an
// account their distinct names.
func (s *senderNames) rename(m *Message) {
	s.observe(m)
	m.Sender = s.distinct(m.Sender, m.SenderID)
	for k, id := range m.mentionIDs {
		if k < len(m.Mentions) {
			m.Mentions[k] = s.distinct(m.Mentions[k], id)
		}
	}
}

// distinct returns the name account id goes by in the log: name, or, when
// another account sent under name first, name with the id in brackets.
func (s *senderNames) distinct(name, id string) string {
	if name == "" || id == "" {
		return name
	}
	if holder, ok := s.holder[name]; !ok || holder == id {
		return name
	}
	return name + " (" + id + ")"
}

// distinctSenders renames the accounts of a whole log that share a display
// name (see senderNames).
func distinctSenders(msgs []Message) {
	s := newSenderNames()
	for i := range msgs {
		s.observe(&msgs[i])
	}
	for i := range msgs {
		s.rename(&msgs[i])
	}
}
