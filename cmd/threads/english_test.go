package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// helpDesk is a synthetic English help-desk chat, exported by WhatsApp: one
// asker's exchange with a helper, then two newcomers' questions that the
// same helper answers.
const helpDesk = `[05/03/2024, 10:00:00] Alice Smith: Does anyone know how to exclude a sensor from the recorder?
[05/03/2024, 10:01:30] Bob Jones: Add it under recorder: exclude: entities: in configuration.yaml
[05/03/2024, 10:02:00] Alice Smith: where exactly, at the top level?
[05/03/2024, 10:02:30] Bob Jones: yes, top level, same indentation as http:
[05/03/2024, 10:03:00] Alice Smith: got it, works now
[05/03/2024, 10:03:20] Bob Jones: great
[05/03/2024, 10:04:30] Carol White: Anyone using the Aqara FP2 presence sensor with HomeKit?
[05/03/2024, 10:05:30] Bob Jones: Yes, pair it in the Aqara app first, then add it through HomeKit Device
[05/03/2024, 10:06:30] Dan Brown: How do I change the port of the web UI?
[05/03/2024, 10:07:30] Bob Jones: Set server_port under http: and restart
`

// TestEnglishHelpDeskNewcomersOpenThreads checks that a newcomer's question
// with an English asking phrase (Anyone using…, How do I…) opens its own
// thread, with its answer, rather than carrying on the exchange before it
// among the same helper (the handover rule).
func TestEnglishHelpDeskNewcomersOpenThreads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "WhatsApp Chat with Home Assistant.txt")
	writeFile(t, path, helpDesk)
	days := extractDays(t, path)
	if len(days) != 1 {
		t.Fatalf("%d days, want 1", len(days))
	}
	day := days[0]
	if len(day.Messages) != 10 {
		t.Fatalf("%d messages, want 10", len(day.Messages))
	}
	thread := func(k int) string { return day.Messages[k].Thread }
	for _, start := range []int{6, 8} {
		m := day.Messages[start]
		if m.ReplyTo != nil || m.Role != "question" {
			t.Errorf("message %d: reply_to %v, role %q; want a thread start (null) and a question", start, replyTo(m.ReplyTo), m.Role)
		}
		if thread(start) == thread(0) || thread(start+1) != thread(start) || day.Messages[start+1].Role != "answer" {
			t.Errorf("message %d in thread %s, its answer in %s (%q), the first exchange in %s; want a thread of its own with its answer",
				start, thread(start), thread(start+1), day.Messages[start+1].Role, thread(0))
		}
	}
	if thread(6) == thread(8) {
		t.Errorf("the two newcomers' questions share thread %s", thread(6))
	}
	for k := 1; k < 6; k++ {
		if thread(k) != thread(0) {
			t.Errorf("message %d of the first exchange is in thread %s, not %s", k, thread(k), thread(0))
		}
	}
}

// replyTo writes a reply link as the JSON does: a message index or null.
func replyTo(p *int) string {
	if p == nil {
		return "null"
	}
	return strconv.Itoa(*p)
}

// TestCaptionQuestionAnswered checks that a question written as a picture's
// caption is a question, answered by the reply to it: a WhatsApp
// attachment followed by its text, and a Telegram photo with a caption.
func TestCaptionQuestionAnswered(t *testing.T) {
	tests := []struct{ name, data string }{
		{"WhatsApp Chat with Home Assistant.txt", `30/12/2023, 21:00 - Alice Smith: IMG-20231230-WA0001.jpg (file attached)
Is this error normal after updating to 2024.1?
30/12/2023, 21:02 - Bob Jones: Yes, restart once and it goes away
30/12/2023, 21:03 - Alice Smith: thanks
`},
		{"result.json", `{"name": "Home Assistant EN", "type": "public_supergroup", "id": 1, "messages": [
 {"id": 1, "type": "message", "date": "2023-12-30T21:00:00", "from": "Alice Smith", "from_id": "user1",
  "photo": "photos/photo_1.jpg", "width": 800, "height": 600,
  "text": "Is this error normal after updating to 2024.1?", "text_entities": [{"type": "plain", "text": "Is this error normal after updating to 2024.1?"}]},
 {"id": 2, "type": "message", "date": "2023-12-30T21:02:00", "from": "Bob Jones", "from_id": "user2",
  "text": "Yes, restart once and it goes away", "text_entities": [{"type": "plain", "text": "Yes, restart once and it goes away"}]},
 {"id": 3, "type": "message", "date": "2023-12-30T21:03:00", "from": "Alice Smith", "from_id": "user1",
  "text": "thanks", "text_entities": [{"type": "plain", "text": "thanks"}]}
]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.name)
			writeFile(t, path, tt.data)
			days := extractDays(t, path)
			if len(days) != 1 {
				t.Fatalf("%d days, want 1", len(days))
			}
			day := days[0]
			if len(day.Messages) != 3 {
				t.Fatalf("%d messages, want 3", len(day.Messages))
			}
			if q, a := day.Messages[0], day.Messages[1]; q.Role != "question" || a.Role != "answer" || replyTo(a.ReplyTo) != "0" {
				t.Errorf("roles %q, %q, the answer's reply_to %s; want the captioned picture a question and the reply its answer",
					q.Role, a.Role, replyTo(a.ReplyTo))
			}
			// The FAQ quotes the caption with the picture.
			_, md, _ := runCmd(t, "", "extract", path)
			if !strings.Contains(md, "Is this error normal after updating to 2024.1?\n\n- **Bob Jones**") {
				t.Errorf("the FAQ does not quote the caption:\n%s", md)
			}
		})
	}
}
