package thread

import "testing"

// TestScanCuesMatchesContainsAny checks the one-pass scan against asking
// every list with containsAny, on texts that hit and miss each list.
func TestScanCuesMatchesContainsAny(t *testing.T) {
	texts := []string{"", "请教一下各位，微信有没有分账接口？", "欢迎韩总[鼓掌]", "谢谢分享，干货", "好的 ok",
		"刚刚，银保监发文整治民间借贷！", "这个是秋秋老师？", "同问", "我也想问", "求推荐", "今天请到一位朋友",
		"不要问我为什么", "hello world", "什么", "那么", "+1"}
	for k, list := range cueLists {
		for _, p := range *list {
			texts = append(texts, "前"+p+"后", p)
		}
		_ = k
	}
	for _, text := range texts {
		got := scanCues(text)
		for k, list := range cueLists {
			want := containsAny(text, *list)
			if got.has(1<<k) != want {
				t.Errorf("scanCues(%q) list %d = %v, containsAny = %v", text, k, got.has(1<<k), want)
			}
		}
	}
}
