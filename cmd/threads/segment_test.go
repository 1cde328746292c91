package main

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestSegmentInputs checks how segment reads its argument: a file is
// decoded as chat files are (a byte-order mark, GBK, CR LF and lone CR),
// "-" reads stdin, and an argument that looks like a file name but names
// no file is segmented as text with a note on stderr.
func TestSegmentInputs(t *testing.T) {
	const text = "微信有没有分账接口？\n网联协议支付"
	_, want, _ := runCmd(t, "", "segment", text)
	if strings.Count(want, "\n") != 2 {
		t.Fatalf("segment %q: %q, want two lines", text, want)
	}
	dir := t.TempDir()
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		writeFile(t, p, data)
		return p
	}
	_, notesOut, _ := runCmd(t, "", "segment", "notes.txt")
	_, subOut, _ := runCmd(t, "", "segment", "sub/dir")
	_, dottedOut, _ := runCmd(t, "", "segment", "v1.2")
	tests := []struct {
		name, arg, stdin string
		out, errOut      string // errOut: what stderr contains, "" for nothing
	}{
		{"text", text, "", want, ""},
		{"utf-8 file", write("plain.txt", text+"\n"), "", want, ""},
		{"file with a BOM", write("bom.txt", "\uFEFF"+text), "", want, ""},
		{"gbk file", write("gbk.txt", gbk), "", want, ""},
		{"CR LF file", write("crlf.txt", strings.ReplaceAll(text, "\n", "\r\n")+"\r\n"), "", want, ""},
		{"lone CR file", write("cr.txt", strings.ReplaceAll(text, "\n", "\r")), "", want, ""},
		{"stdin", "-", text + "\n", want, ""},
		{"traditional, read as threading reads it", "微信有沒有分賬接口？\n網聯協議支付", "", want, ""},
		{"stdin with a BOM", "-", "\uFEFF" + strings.ReplaceAll(text, "\n", "\r\n"), want, ""},
		{"a missing file name", "notes.txt", "", notesOut, "no file named notes.txt"},
		{"a missing path", "sub/dir", "", subOut, "no file named sub/dir"},
		{"a dotted word", "v1.2", "", dottedOut, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, "segment", tt.arg)
			if code != exitOK || out != tt.out {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 0, stdout %q", code, out, errOut, tt.out)
			}
			if (tt.errOut == "") != (errOut == "") || !strings.Contains(errOut, tt.errOut) {
				t.Errorf("stderr %q, want %q", errOut, tt.errOut)
			}
		})
	}
}
