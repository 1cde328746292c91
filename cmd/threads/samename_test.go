package main

import (
	"strings"
	"testing"
)

// TestEvalSameName checks eval on a Telegram chat where two accounts send
// as "Bob Li", against gold whose nick column gives the display name as
// the export writes it: the gold aligns, and the second Bob Li's answer,
// to a question that mentions that account by id, links to the question
// (2 of the 3 gold reply links; 1 when both accounts were one sender).
func TestEvalSameName(t *testing.T) {
	const dir = "../../internal/thread/testdata/samename/"
	code, out, errOut := runCmd(t, "", "eval", "--format", "json", "--gold", dir+"mention-id.gold.tsv", dir+"mention-id.json")
	if code != exitOK || !strings.Contains(out, `"link_p": 66.66666666666667`) || !strings.Contains(out, `"qa_f1": 100`) {
		t.Errorf("exit %d, stderr %q, stdout %s; want exit 0, link_p 66.7 and qa_f1 100", code, errOut, out)
	}
}
