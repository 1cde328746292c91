package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/thread"
)

// ircDay is an IRC log of the chatlog tests, threaded here as an input of
// kind irc.
const ircDay = "../../testdata/chatlog/irc/2021-03-14_23.raw.txt"

// kindModel writes the embedded IRC weights as a model file of kind
// ("" for a file written before train recorded the kind) and returns its
// path.
func kindModel(t *testing.T, kind string) string {
	t.Helper()
	m := *thread.DefaultModel("irc")
	m.Kind = kind
	path := filepath.Join(t.TempDir(), "model-"+kind+".yaml")
	writeFile(t, path, string(m.YAML("a model of kind "+kind)))
	return path
}

// TestModelKindWarnings threads an input of each kind with a --model of
// each kind, and one that records none, with each command that takes
// --model: a warning on stderr, once, naming the file, when the kinds
// differ (not with digest -q), and never a failure.
func TestModelKindWarnings(t *testing.T) {
	ircGold := filepath.Join(t.TempDir(), "irc.annotation.txt")
	writeFile(t, ircGold, "1 1 -\n2 1 -\n3 1 -\n4 2 -\n")
	wechatGold, wechatCorpus := writeSampleGold(t, thread.DefaultModel("cocolian"))
	inputs := map[string]struct {
		extract []string // the arguments of extract and digest
		eval    []string // those of eval
	}{
		thread.KindIRC:    {[]string{ircDay}, []string{"--gold", ircGold, ircDay}},
		thread.KindWeChat: {[]string{sampleDay}, []string{"--gold", wechatGold, wechatCorpus}},
	}
	models := map[string]string{}
	for _, kind := range []string{thread.KindIRC, thread.KindWeChat, ""} {
		models[kind] = kindModel(t, kind)
	}
	commands := []struct {
		name  string
		args  func(input string) []string
		quiet bool
	}{
		{"extract", func(in string) []string { return append([]string{"extract"}, inputs[in].extract...) }, false},
		{"digest", func(in string) []string { return append([]string{"digest"}, inputs[in].extract...) }, false},
		{"digest -q", func(in string) []string { return append([]string{"digest", "-q"}, inputs[in].extract...) }, true},
		{"eval", func(in string) []string { return append([]string{"eval"}, inputs[in].eval...) }, false},
	}
	for _, cmd := range commands {
		for _, model := range []string{thread.KindIRC, thread.KindWeChat, ""} {
			for _, input := range []string{thread.KindIRC, thread.KindWeChat} {
				name := cmd.name + ", model of kind " + model + ", input of kind " + input
				if model == "" {
					name = cmd.name + ", model without a kind, input of kind " + input
				}
				t.Run(name, func(t *testing.T) {
					args := append(cmd.args(input), "--model", models[model])
					code, _, errOut := runCmd(t, "", args...)
					if code != exitOK {
						t.Fatalf("%v: exit %d: %s", args, code, errOut)
					}
					want := model != "" && model != input && !cmd.quiet
					warnings := strings.Count(errOut, "threads: warning: "+models[model]+": the model was trained on chats of kind "+model+" ")
					if got := warnings > 0; got != want {
						t.Fatalf("warning %v, want %v; stderr:\n%s", got, want, errOut)
					}
					if want && (warnings != 1 || !strings.Contains(errOut, "input is of kind "+input) || !strings.Contains(errOut, "leave out --model")) {
						t.Errorf("want one warning naming the input's kind %s and what to do; stderr:\n%s", input, errOut)
					}
				})
			}
		}
	}
}

// TestModelKindWarnsOnce checks that an IRC model threading several
// WeChat-kind days (a file and a folder of them) and an IRC log says so
// once, not once a day.
func TestModelKindWarnsOnce(t *testing.T) {
	model := kindModel(t, thread.KindIRC)
	code, _, errOut := runCmd(t, "", "extract", "--model", model, ircDay, sampleDay, "../../testdata/chatlog/cocolian")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := strings.Count(errOut, "threads: warning: "); n != 1 || !strings.Contains(errOut, "input is of kind wechat") {
		t.Errorf("%d warnings, want one about the wechat inputs; stderr:\n%s", n, errOut)
	}
}

// TestTrainRecordsKind checks that train writes the kind of chat of its
// gold's logs into the model, and that train --rank on top of a --model
// of another kind warns as extract does.
func TestTrainRecordsKind(t *testing.T) {
	gold, corpus := writeSampleGold(t, thread.DefaultModel("cocolian"))
	for _, tt := range []struct {
		name string
		args []string
		warn bool
	}{
		{"plain", []string{"--epochs", "1"}, false},
		{"rank on the embedded model", []string{"--rank"}, false},
		{"rank on a model of kind irc", []string{"--rank", "--model", kindModel(t, thread.KindIRC)}, true},
		{"rank on a model without a kind", []string{"--rank", "--model", kindModel(t, "")}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, written, errOut := trainModel(t, append(tt.args, "--gold", gold, corpus)...)
			if !strings.Contains(written, "\nkind: wechat\n") {
				t.Errorf("%s records no kind: wechat:\n%s", out, written)
			}
			if got := strings.Contains(errOut, "the model was trained on chats of kind irc"); got != tt.warn {
				t.Errorf("warning %v, want %v; stderr:\n%s", got, tt.warn, errOut)
			}
		})
	}
}
