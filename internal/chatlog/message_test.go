package chatlog

import (
	"testing"
	"time"
)

func TestExportCopy(t *testing.T) {
	at := time.Date(2017, 12, 20, 17, 33, 0, 0, time.UTC)
	msgs := []Message{
		{Sender: "杜雷", Text: "刚才和一个日本的人聊天", Time: at},
		{Sender: "杜雷-乐天-技术", Text: "刚才和一个日本的人聊天", Time: at},            // the same message again
		{Sender: "胡桥", Text: "刚才和一个日本的人聊天", Time: at.Add(time.Second)}, // a second later: a re-post
		{Sender: "A", Time: at.Add(time.Second)},
		{Sender: "B", Time: at.Add(time.Second)}, // no text to compare
	}
	for i, want := range []bool{false, true, false, false, false} {
		if got := ExportCopy(msgs, i); got != want {
			t.Errorf("ExportCopy(msgs, %d) = %v, want %v", i, got, want)
		}
	}
}

func TestListedTwice(t *testing.T) {
	at := time.Date(2017, 12, 18, 15, 20, 21, 0, time.UTC)
	const url = "http://static.cocolian.cn/img/201712/20171218_152021.png"
	msgs := []Message{
		{Sender: "丁爱民", Type: TypeImage, URL: url, Time: at},
		{Sender: "丁爱民-圣亚云鼎", Type: TypeImage, URL: url, Time: at},             // the same picture again
		{Sender: "丁爱民", Type: TypeImage, URL: url, Time: at.Add(time.Second)}, // a second later: a re-post
		{Sender: "胡桥", Type: TypeLink, URL: url, Time: at.Add(time.Second)},   // a link, not a picture
		{Sender: "胡桥", Type: TypeText, Text: "收到", Time: at.Add(time.Second)},
		{Sender: "胡桥-资邦", Type: TypeText, Text: "收到", Time: at.Add(time.Second)}, // an ExportCopy
		{Sender: "A", Type: TypeImage, Time: at.Add(time.Second)},
		{Sender: "B", Type: TypeImage, Time: at.Add(time.Second)}, // no URL to compare
	}
	for i, want := range []bool{false, true, false, false, false, true, false, false} {
		if got := ListedTwice(msgs, i); got != want {
			t.Errorf("ListedTwice(msgs, %d) = %v, want %v", i, got, want)
		}
	}
}

// TestCaption checks which pictures and files carry a caption of their
// own, and that the text an exporter writes in a caption's place (the
// file's name, the link's title or address, a placeholder or a sticker's
// name) is none.
func TestCaption(t *testing.T) {
	tests := []struct {
		m    Message
		want string
	}{
		{Message{Type: TypeImage, Text: "Is this error normal after updating to 2024.1?", URL: "IMG-20231230-WA0001.jpg"}, "Is this error normal after updating to 2024.1?"},
		{Message{Type: TypeLink, Text: " config.yaml is attached, is the indentation right? ", LinkTitle: "config.yaml", URL: "config.yaml"}, "config.yaml is attached, is the indentation right?"},
		{Message{Type: TypeImage, URL: "IMG-20231230-WA0001.jpg"}, ""},                                       // a picture alone
		{Message{Type: TypeImage, Text: "[捂脸]", URL: "https://example.com/s.html"}, ""},                      // a sticker's name
		{Message{Type: TypeImage, Text: "[视频]"}, ""},                                                         // a placeholder
		{Message{Type: TypeLink, Text: "[合并转发]"}, ""},                                                        // a placeholder with no title
		{Message{Type: TypeLink, Text: "支付清算的未来？", LinkTitle: "支付清算的未来？", URL: "https://example.com/a"}, ""}, // an article's title
		{Message{Type: TypeLink, Text: "https://example.com/a", URL: "https://example.com/a"}, ""},           // a link alone
		{Message{Type: TypeText, Text: "Is this error normal?"}, ""},
	}
	for _, tt := range tests {
		if got := tt.m.Caption(); got != tt.want {
			t.Errorf("Caption(%s %q) = %q, want %q", tt.m.Type, tt.m.Text, got, tt.want)
		}
	}
}
