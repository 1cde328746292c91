package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

// TestJSONFollowsREADME checks the JSON writer against the contract in
// README.md: every object has exactly the fields the README's examples give
// it, each of the same JSON type (a field the README shows as null may also
// hold a value), a list is a list even when empty, and a value the README
// gives as alternatives ("qa|discussion|...") is one of them. The examples
// are the README's first JSON block (the plain output), its second (what
// --explain adds) and its third (the fields written only when the input
// gives them, which may be missing but are of their type when present).
// Besides the hand-made day it checks the goldens of
// testdata/sample-day.markdown and of the Telegram forum export
// testdata/chatlog/telegram/forum.json that TestExtractGolden in
// cmd/threads keeps.
func TestJSONFollowsREADME(t *testing.T) {
	plain, explain, optionals := readmeContract(t)
	plain = mergeShape(plain, optionals, true)
	explained := mergeShape(plain, explain, false)

	noAliases := sampleDay()
	noAliases.Result.Aliases = nil
	noEvidence := sampleDay()
	for i := range noEvidence.Result.Links {
		noEvidence.Result.Links[i].Evidence = nil
	}
	sourced := sampleDay() // every optional field given
	for i := range sourced.Log.Messages {
		sourced.Log.Messages[i].ID, sourced.Log.Messages[i].SenderID = "m1", "u1"
		sourced.Log.Messages[i].URL = "https://example.com/x.png"
		sourced.Log.Messages[i].Quote = &chatlog.Quote{Sender: "王五", Text: "微信有分账接口吗？"}
	}
	written := func(days []Day, opts Options) func(*testing.T) []byte {
		return func(t *testing.T) []byte {
			var buf bytes.Buffer
			if err := WriteJSON(&buf, days, opts); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
	}
	golden := func(name string) func(*testing.T) []byte {
		return func(t *testing.T) []byte {
			data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cmd", name))
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
	tests := []struct {
		name     string
		contract any
		output   func(*testing.T) []byte
	}{
		{"a day", plain, written([]Day{sampleDay()}, Options{})},
		{"a day, --explain", explained, written([]Day{sampleDay()}, Options{Explain: true})},
		{"two days", []any{plain}, written([]Day{sampleDay(), sampleDay()}, Options{})},
		{"two days, --explain", []any{explained}, written([]Day{sampleDay(), sampleDay()}, Options{Explain: true})},
		{"no aliases", plain, written([]Day{noAliases}, Options{})},
		{"no aliases, --explain", explained, written([]Day{noAliases}, Options{Explain: true})},
		{"no evidence, --explain", explained, written([]Day{noEvidence}, Options{Explain: true})},
		{"every optional field", plain, written([]Day{sourced}, Options{})},
		{"every optional field, --explain", explained, written([]Day{sourced}, Options{Explain: true})},
		{"sample-day.markdown", plain, golden("sample-day.json")},
		{"sample-day.markdown, --explain", explained, golden("sample-day-explain.json")},
		{"a Telegram forum, --explain", explained, golden("telegram-forum-explain.json")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got any
			if err := json.Unmarshal(tt.output(t), &got); err != nil {
				t.Fatal(err)
			}
			problems := map[string]bool{}
			checkShape(problems, "", tt.contract, got)
			var list []string
			for p := range problems {
				list = append(list, p)
			}
			sort.Strings(list)
			for _, p := range list {
				t.Error(p)
			}
		})
	}
}

// readmeContract reads the three JSON examples of README.md's JSON
// contract: the output, what --explain adds, and the optional fields.
func readmeContract(t *testing.T) (plain, explain, optionals any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	section := regexp.MustCompile("(?s)\n## JSON contract\n(.*?)\n## ").FindSubmatch(data)
	if section == nil {
		t.Fatal("README.md has no JSON contract section")
	}
	var blocks []string
	var cur []string
	in := false
	for _, line := range strings.Split(string(section[1]), "\n") {
		switch l := strings.TrimSpace(line); {
		case !in && l == "```json":
			in, cur = true, nil
		case in && l == "```":
			in = false
			blocks = append(blocks, strings.Join(cur, "\n"))
		case in:
			cur = append(cur, line)
		}
	}
	if len(blocks) != 3 {
		t.Fatalf("README.md's JSON contract has %d JSON examples, want 3 (the output, what --explain adds, the optional fields)", len(blocks))
	}
	for i, v := range []*any{&plain, &explain, &optionals} {
		if err := json.Unmarshal([]byte(blocks[i]), v); err != nil {
			t.Fatalf("README.md's JSON example %d: %v", i+1, err)
		}
	}
	return plain, explain, optionals
}

// An optional field of the contract may be missing; when present it has
// the shape given.
type optional struct{ shape any }

// mergeShape adds the fields of b to the example a: objects merge field by
// field, lists their first elements. With opt, the fields b adds are
// optional ones.
func mergeShape(a, b any, opt bool) any {
	switch av := a.(type) {
	case map[string]any:
		bv, ok := b.(map[string]any)
		if !ok {
			return b
		}
		out := make(map[string]any, len(av)+len(bv))
		for k, v := range av {
			out[k] = v
		}
		for k, v := range bv {
			switch old, ok := out[k]; {
			case ok:
				v = mergeShape(old, v, opt)
			case opt:
				v = optional{v}
			}
			out[k] = v
		}
		return out
	case []any:
		bv, ok := b.([]any)
		if !ok || len(av) == 0 || len(bv) == 0 {
			return b
		}
		return []any{mergeShape(av[0], bv[0], opt)}
	}
	return b
}

// checkShape records in problems where got differs from the example want.
// Paths name list elements by [], so a problem is told once.
func checkShape(problems map[string]bool, path string, want, got any) {
	where := path
	if where == "" {
		where = "the output"
	}
	switch w := want.(type) {
	case nil:
		// null in the README: null, or a value when there is one
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			problems[fmt.Sprintf("%s is %s, want an object", where, jsonType(got))] = true
			return
		}
		for k, wv := range w {
			gv, ok := g[k]
			if o, isOpt := wv.(optional); isOpt {
				if !ok {
					continue
				}
				wv = o.shape
			}
			if !ok {
				problems[fmt.Sprintf("%s lacks %q", where, k)] = true
				continue
			}
			checkShape(problems, path+"."+k, wv, gv)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				problems[fmt.Sprintf("%s has %q, which the README does not list", where, k)] = true
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			problems[fmt.Sprintf("%s is %s, want a list", where, jsonType(got))] = true
			return
		}
		for _, gv := range g {
			checkShape(problems, path+"[]", w[0], gv)
		}
	default:
		if jsonType(got) != jsonType(want) {
			problems[fmt.Sprintf("%s is %s, want %s", where, jsonType(got), jsonType(want))] = true
			return
		}
		if ws, ok := want.(string); ok && strings.Contains(ws, "|") {
			if !contains(strings.Split(ws, "|"), got.(string)) {
				problems[fmt.Sprintf("%s is %q, not one of %q", where, got, ws)] = true
			}
		}
	}
}

// jsonType names the JSON type of a decoded value.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
