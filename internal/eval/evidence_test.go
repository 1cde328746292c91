package eval

import (
	"reflect"
	"strings"
	"testing"
)

func TestTallyEvidence(t *testing.T) {
	// Gold: threads {0,1,2} (1 and 2 reply to 0) and {3,4} (4 replies to 3).
	gold := &Annotation{Parent: []int{0, 0, 0, 3, 3}}
	tests := []struct {
		name   string
		parent []int
		kinds  [][]string
		want   []EvidenceTally
	}{
		{
			name:   "perfect prediction",
			parent: []int{-1, 0, 0, -1, 3},
			kinds:  [][]string{{"start"}, {"mention"}, {"mention"}, {"start"}, {"adjacent"}},
			want: []EvidenceTally{
				{Kind: "mention", Messages: 2, Parent: 2, Thread: 2},
				{Kind: "start", Messages: 2, Parent: 2, Thread: 2},
				{Kind: "adjacent", Messages: 1, Parent: 1, Thread: 1},
			},
		},
		{
			// 2 replies to 1: the right thread, not the gold parent. 3 joins
			// thread {0,1,2} where gold starts one. 4 starts where gold links.
			name:   "parent, thread and start errors",
			parent: []int{0, 0, 1, 2, 4},
			kinds:  [][]string{nil, {"adjacent"}, {"adjacent", "adjacent"}, {"adjacent"}, {"start"}},
			want: []EvidenceTally{
				{Kind: "adjacent", Messages: 3, Parent: 1, Thread: 2},
				{Kind: "start", Messages: 1},
			},
		},
		{
			name:   "messages beyond gold are not scored",
			parent: []int{0, 0, 0, 3, 3, 4},
			kinds:  [][]string{nil, nil, nil, nil, nil, {"adjacent"}},
			want:   []EvidenceTally{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TallyEvidence(gold, tt.parent, tt.kinds)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("TallyEvidence = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestTallyEvidenceLinks(t *testing.T) {
	// Gold: line 0 is context; 1 replies to 0, 2 to 1 and to 0, 3 starts,
	// 4 replies to 3.
	gold := &Links{
		Pairs:     []Link{{1, 0}, {2, 0}, {2, 1}, {3, 3}, {4, 3}},
		Annotated: []int{1, 2, 3, 4},
	}
	parent := []int{-1, 0, 1, 0, -1}
	kinds := [][]string{{"start"}, {"adjacent"}, {"adjacent"}, {"mention"}, {"start"}}
	want := []EvidenceTally{
		{Kind: "adjacent", Messages: 2, Parent: 2, Thread: 2}, // 2 -> 1 is one of its gold links
		{Kind: "mention", Messages: 1},                        // 3 -> 0 joins another conversation
		{Kind: "start", Messages: 1},                          // 4 starts where gold links; 0 is context
	}
	if got := TallyEvidenceLinks(gold, parent, kinds); !reflect.DeepEqual(got, want) {
		t.Errorf("TallyEvidenceLinks = %+v, want %+v", got, want)
	}
}

func TestSumTallies(t *testing.T) {
	a := []EvidenceTally{{Kind: "mention", Messages: 2, Parent: 1, Thread: 2}, {Kind: "quote", Messages: 1, Parent: 1, Thread: 1}}
	b := []EvidenceTally{{Kind: "quote", Messages: 2, Parent: 1, Thread: 2}, {Kind: "adjacent", Messages: 3}}
	want := []EvidenceTally{
		{Kind: "adjacent", Messages: 3},
		{Kind: "quote", Messages: 3, Parent: 2, Thread: 3},
		{Kind: "mention", Messages: 2, Parent: 1, Thread: 2},
	}
	if got := SumTallies(a, nil, b); !reflect.DeepEqual(got, want) {
		t.Errorf("SumTallies = %+v, want %+v", got, want)
	}
	if got := SumTallies(); len(got) != 0 {
		t.Errorf("SumTallies() = %+v, want none", got)
	}
}

func TestWriteEvidence(t *testing.T) {
	var b strings.Builder
	ts := []EvidenceTally{{Kind: "mention", Messages: 4, Parent: 3, Thread: 4}, {Kind: "remark", Messages: 0}}
	if err := WriteEvidence(&b, "day", ts); err != nil {
		t.Fatal(err)
	}
	want := "day: evidence behind the predicted links, % of the links carrying it that gold agrees with\n" +
		"  kind                           messages  parent  thread\n" +
		"  mention                               4    75.0   100.0\n" +
		"  remark                                0     0.0     0.0\n"
	if b.String() != want {
		t.Errorf("WriteEvidence wrote\n%s\nwant\n%s", b.String(), want)
	}
}
