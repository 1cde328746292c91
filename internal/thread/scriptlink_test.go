package thread

import (
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

func TestPostsScriptLink(t *testing.T) {
	tests := []struct {
		name string
		msg  chatlog.Message
		want bool
	}{
		{"bare javascript", chatlog.Message{Type: chatlog.TypeText, Text: "javascript:alert(1)"}, true},
		{"capitals and a space", chatlog.Message{Type: chatlog.TypeText, Text: "JavaScript :void(0)"}, true},
		{"after a lead-in", chatlog.Message{Type: chatlog.TypeText, Text: "点这里 javascript:void(0)"}, true},
		{"wide colon", chatlog.Message{Type: chatlog.TypeText, Text: "点这里javascript：void(0)"}, true},
		{"vbscript", chatlog.Message{Type: chatlog.TypeText, Text: "vbscript:msgbox(1)"}, true},
		{"data document", chatlog.Message{Type: chatlog.TypeText, Text: "data:text/html;base64,PHNjcmlwdD4="}, true},
		{"shared link to a script", chatlog.Message{Type: chatlog.TypeLink, LinkTitle: "分账新规解读：哪些场景必须持牌？", URL: "javascript:alert(document.cookie)"}, true},
		{"a picture's data address is a picture", chatlog.Message{Type: chatlog.TypeImage, URL: "data:image/png;base64,iVBORw0KGgo="}, false},
		{"a text that talks about one", chatlog.Message{Type: chatlog.TypeText, Text: "href 写成 javascript:void(0) 的话点击就不会跳转，用 preventDefault 也行"}, false},
		{"a web address", chatlog.Message{Type: chatlog.TypeText, Text: "https://example.com/refund"}, false},
		{"a short question about one", chatlog.Message{Type: chatlog.TypeText, Text: "javascript:void(0)是什么意思？"}, false},
		{"a short question with a space", chatlog.Message{Type: chatlog.TypeText, Text: "javascript:void(0) 是啥?"}, false},
		{"a field named data", chatlog.Message{Type: chatlog.TypeText, Text: "返回的data:null"}, false},
		{"a word ending in javascript", chatlog.Message{Type: chatlog.TypeText, Text: "notjavascript:1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := messageFeatures(&tt.msg, nil)
			if f.script != tt.want {
				t.Errorf("messageFeatures(%q, %q).script = %v, want %v", tt.msg.Text, tt.msg.URL, f.script, tt.want)
			}
			if f.script && f.question {
				t.Errorf("messageFeatures(%q): a script address posted bare asks", tt.msg.Text)
			}
		})
	}
}
