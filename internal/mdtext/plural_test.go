package mdtext

import "testing"

func TestPlural(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{0, "thread", "0 threads"},
		{1, "day", "1 day"},
		{2, "day log", "2 day logs"},
		{-1, "day", "-1 days"},
		{1000, "message", "1000 messages"},
	}
	for _, tt := range tests {
		if got := Plural(tt.n, tt.noun); got != tt.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
}

func TestPluralOf(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0 entries"},
		{1, "1 entry"},
		{2, "2 entries"},
	}
	for _, tt := range tests {
		if got := PluralOf(tt.n, "entry", "entries"); got != tt.want {
			t.Errorf("PluralOf(%d, entry, entries) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
