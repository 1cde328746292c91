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
