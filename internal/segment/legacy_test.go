package segment

import "testing"

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"好的/::)", "好的[微笑]"},
		{"/:strong/:strong/:handclap", "[强][强][鼓掌]"},
		{"/::D 还是 /::d", "[呲牙] 还是 [白眼]"},
		{"签到/:ok", "签到[OK]"},
		{"/::'(太难了", "[大哭]太难了"},
		{"買/:<W>", "买[西瓜]"},                    // traditional too
		{"/:shared folder", "/:shared folder"}, // a code runs on into a word
		{"/:v5", "[胜利]5"},
		{"http://a.cn/:x /:", "http://a.cn/:x /:"},
		{"没有代码", "没有代码"},
		{"给P2Ｐ平台做存管，Ｔ０结算", "给P2P平台做存管，T0结算"}, // full-width letters and digits
		{"ＰＯＳ機１０００元", "POS机1000元"},
		{"Ｔ＋１到账，T＋2结算", "T+1到账，T+2结算"}, // the full-width plus of a settlement cycle
	}
	for _, tt := range tests {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLegacyStickersSegmentAsStickers checks that every legacy code, read
// canonically, is one sticker token to the segmenter: no word of it (the
// strong of /:strong) counts among a message's content words.
func TestLegacyStickersSegmentAsStickers(t *testing.T) {
	s := testSegmenter(t)
	for _, c := range legacyCodes() {
		text := Canonical("好" + c.Code)
		if words := ContentWords(s.Tokens(text)); len(words) != 0 {
			t.Errorf("%s reads as %q, with content words %q", c.Code, text, words)
		}
	}
}
