package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
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
	code, out, errOut := runCmd(t, "", "extract", "--format", "json", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var day contractDay
	if err := json.Unmarshal([]byte(out), &day); err != nil {
		t.Fatal(err)
	}
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
