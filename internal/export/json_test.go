package export

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/thread"
)

// TestJSONOptionalFields checks the message fields written only when the
// input gives them: id, sender_id, url, quote and reply_to_id are there, with the
// values of the parsed message, exactly when they are not empty, and the
// quote is not in text.
func TestJSONOptionalFields(t *testing.T) {
	optionalKeys := []string{"id", "sender_id", "url", "quote", "reply_to_id"}
	tests := []struct {
		name     string
		msg      chatlog.Message
		want     map[string]any // the optional fields written, by key
		wantText string
	}{
		{
			name:     "plain text has none",
			msg:      chatlog.Message{Sender: "王五", Type: chatlog.TypeText, Text: "请教一下"},
			want:     map[string]any{},
			wantText: "请教一下",
		},
		{
			name:     "a link gives its address, its title is the text",
			msg:      chatlog.Message{Sender: "甲", Type: chatlog.TypeLink, LinkTitle: "央行发布备付金新规", URL: "https://example.com/a?x=1&y=2"},
			want:     map[string]any{"url": "https://example.com/a?x=1&y=2"},
			wantText: "央行发布备付金新规",
		},
		{
			name:     "an image gives its file",
			msg:      chatlog.Message{Sender: "甲", Type: chatlog.TypeImage, URL: "photos/photo_1.jpg"},
			want:     map[string]any{"url": "photos/photo_1.jpg"},
			wantText: "",
		},
		{
			name:     "a quoted reply gives the quote, cut from the text",
			msg:      chatlog.Message{Sender: "丙", Type: chatlog.TypeText, Text: "要单独申请", Quote: &chatlog.Quote{Sender: "乙-某银行", Text: "这个新规对分账有影响吗？"}},
			want:     map[string]any{"quote": map[string]any{"sender": "乙-某银行", "text": "这个新规对分账有影响吗？"}},
			wantText: "要单独申请",
		},
		{
			name:     "a quote without a sender still has both keys",
			msg:      chatlog.Message{Sender: "丙", Type: chatlog.TypeText, Text: "同问", Quote: &chatlog.Quote{Text: "有人知道吗"}},
			want:     map[string]any{"quote": map[string]any{"sender": "", "text": "有人知道吗"}},
			wantText: "同问",
		},
		{
			name:     "a platform's ids",
			msg:      chatlog.Message{ID: "8412", Sender: "Alice", SenderID: "user123", Type: chatlog.TypeText, Text: "hi"},
			want:     map[string]any{"id": "8412", "sender_id": "user123"},
			wantText: "hi",
		},
		{
			name:     "an explicit reply gives the id it replies to",
			msg:      chatlog.Message{ID: "8413", Sender: "Bob", Type: chatlog.TypeText, Text: "yes", ReplyToID: "8412"},
			want:     map[string]any{"id": "8413", "reply_to_id": "8412"},
			wantText: "yes",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := writtenMessage(t, tt.msg)
			for _, k := range optionalKeys {
				v, ok := got[k]
				w, want := tt.want[k]
				switch {
				case ok != want:
					t.Errorf("%q written = %v, want %v (%v)", k, ok, want, v)
				case ok && !reflect.DeepEqual(v, w):
					t.Errorf("%q = %v, want %v", k, v, w)
				}
			}
			if got["text"] != tt.wantText {
				t.Errorf("text = %q, want %q", got["text"], tt.wantText)
			}
		})
	}
}

// writtenMessage writes a day of the one message m, a thread of its own,
// and returns the message as the JSON holds it.
func writtenMessage(t *testing.T, m chatlog.Message) map[string]any {
	t.Helper()
	day := Day{
		Log: &chatlog.Log{Path: "x.json", Format: "telegram", Messages: []chatlog.Message{m}},
		Result: &thread.Result{
			Links:   []thread.Link{{Parent: -1, AnswerOf: -1}},
			Threads: []thread.Thread{{ID: "t1", Kind: thread.KindOther, Messages: []int{0}}},
		},
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, []Day{day}, Options{}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Messages []map[string]any `json:"messages"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Messages) != 1 {
		t.Fatalf("%d messages written, want 1", len(out.Messages))
	}
	return out.Messages[0]
}
