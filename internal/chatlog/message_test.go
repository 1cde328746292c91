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
