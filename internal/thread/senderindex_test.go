package thread

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// sharedPartCandidates returns, for the tests, the senders of names with three parts or more
// of which a later part may be shared (sharedParts) with one of parts.
func (x *senderIndex) sharedPartCandidates(parts []string) []int {
	var c []int
	for _, p := range parts {
		c = slices.AppendSeq(c, x.sharing(p))
	}
	return distinct(c)
}

// indexSenderNames are display names with the edge cases of the index:
// no parts, Latin handles (in pinyin, with a Kelvin sign, a long s),
// one-part names, parts that are prefixes or substrings of others, Han
// names, invalid UTF-8.
var indexSenderNames = []string{
	"---", "Kevin", "kevin-财付通-深圳", "\u212aevin-腾讯", "ſummer", "乾橙科技_Summer 梁夏",
	"cs", "csp", "wseric", "Tank", "tankeli", "zhangwei", "fangfang", "zengwei", "ls-老王-产品经理-深圳",
	"崔奕", "CSII-崔奕", "哈木-快钱-产品-上海", "李奔-快钱-产品-上海", "蘑菇街_陈宗", "银盈通支付-张三",
	"ark-滴滴-支付", "mark-滴滴-金融", "联金所-产品-马忠信-深圳", "戴明-招行信用卡", "聚合支付_程昱",
	"张泽雄-民生金服 项目总监", "翔远-中金支付-产品-北京", "\xffbad-快钱-产品-\xfe", "架构师-架构-SH", "a", "程超",
	"方块-创建科技（前）-项目经理", "王五-網聯-架構-北京",
}

// indexMentionNames are mention names to look up, with the senders' names.
var indexMentionNames = []string{
	"-", "", "a", "A", "KEVIN", "kevin", "Kevin-腾讯-深圳", "SUMMER", "summer", "陈商-宜贷网-产品经理-成都",
	"王松", "坦克", "邵芳", "曾伟", "张伟", "铁手_蘑菇街_技术_杭州", "银盈通", "快钱", "哈木-快钱", "张泽雄-民生金服-研发-北京",
	"马忠信-赫美微贷产品-深圳", "中金支付-王宇-北京", "聚合支付_程昱_PM", "聚合", "\xfe", "\xffbad", "架构-架构师-深圳",
	"ARK-滴滴-金融", "张三-易联（前）-项目经理", "王五-网联-架构师-北京", "李-快-产-上",
}

// TestSenderIndexCandidates checks that each lookup of the index returns
// every sender that the rule it serves can accept, by testing every sender
// as the rules did before the index.
func TestSenderIndexCandidates(t *testing.T) {
	r := &resolver{senders: indexSenderNames, normOf: map[string]string{}, partsOf: map[string][]string{}}
	r.indexSenders()
	names := slices.Concat(indexMentionNames, indexSenderNames)
	for _, a := range indexSenderNames { // and names of the parts of two names
		for _, b := range indexMentionNames {
			names = append(names, a+"-"+b, b+"_"+a)
		}
	}
	var parts []string // of all the names, for partOfASender
	missing := func(what, name string, cands []int, i int) {
		if !slices.Contains(cands, i) {
			t.Errorf("%s(%q): %v lacks sender %d %q", what, name, cands, i, r.senders[i])
		}
	}
	for _, name := range names {
		n, mp := r.norm(name), r.parts(name)
		prefixes, persons, shared := r.idx.prefixCandidates(n), r.idx.personCandidates(mp), r.idx.sharedPartCandidates(mp[1:])
		named := r.idx.partCandidates(mp[0])
		for i, s := range r.senders {
			if name == s && !r.idx.isSender[name] {
				t.Errorf("isSender[%q] is false", name)
			}
			sn, sp := r.norm(s), r.parts(s)
			if utf8.RuneCountInString(sn) >= 2 && utf8.RuneCountInString(n) >= 2 && (strings.HasPrefix(sn, n) || strings.HasPrefix(n, sn)) {
				missing("prefixCandidates", n, prefixes, i)
			}
			if strings.EqualFold(mp[0], sp[0]) || len(sp) == 1 && utf8.RuneCountInString(sp[0]) >= 2 && contains(mp, sp[0]) {
				missing("personCandidates", name, persons, i)
			}
			if len(sp) >= 3 && len(sharedParts(mp[1:], sp[1:])) > 0 {
				missing("sharedPartCandidates", name, shared, i)
			}
			if slices.ContainsFunc(sp, func(p string) bool { return strings.EqualFold(p, mp[0]) }) {
				missing("partCandidates", mp[0], named, i)
			}
			for _, p := range mp {
				if utf8.RuneCountInString(p) >= 3 && slices.ContainsFunc(sp, func(q string) bool { return sameOrganisation(p, q) }) {
					missing("organisationCandidates", p, r.idx.organisationCandidates(p), i)
				}
			}
		}
		parts = append(parts, mp...)
		person := mp[0]
		syllables := pinyin.LazyPinyin(person, pinyin.NewArgs())
		if allHan(person) && len(syllables) == utf8.RuneCountInString(person) {
			given, readings := strings.Join(syllables[1:], ""), surnameReadings(person, syllables[0])
			cands := r.idx.pinyinCandidates(given, readings, syllables)
			for i, s := range r.senders {
				if h := strings.ToLower(r.parts(s)[0]); isLatinHandle(h) && !slices.ContainsFunc(r.parts(s)[1:], namesChinesePerson) &&
					spellsInPinyin(h, given, readings, syllables) {
					missing("pinyinCandidates", person, cands, i)
				}
			}
		}
	}
	slices.Sort(parts)
	for _, part := range slices.Compact(parts) {
		for _, own := range r.senders {
			want := false
			for _, s := range r.senders {
				for k, p := range r.parts(s) {
					want = want || strings.EqualFold(p, part) && !(s == own && k == 0)
				}
			}
			if got := r.partOfASender(part, own); got != want {
				t.Errorf("partOfASender(%q, %q) = %v, want %v", part, own, got, want)
			}
		}
	}
}

// TestFoldKey checks foldKey against strings.EqualFold.
func TestFoldKey(t *testing.T) {
	words := []string{"", "k", "K", "\u212a", "s", "S", "ſ", "ß", "ẞ", "σ", "Σ", "ς", "kevin", "KEVIN", "\u212aevin",
		"\xff", "\xfe", "\ufffd", "张", "张三", "Straße", "STRASSE", "ǅ", "ǆ", "Ǆ"}
	for _, a := range words {
		for _, b := range words {
			if got, want := foldKey(a) == foldKey(b), strings.EqualFold(a, b); got != want {
				t.Errorf("foldKey(%q) == foldKey(%q) is %v, EqualFold %v", a, b, got, want)
			}
		}
	}
}

func TestRunePrefixesAndWindows(t *testing.T) {
	tests := []struct {
		s                 string
		min, n            int
		prefixes, windows []string
	}{
		{"", 1, 3, nil, nil},
		{"a", 2, 3, nil, nil},
		{"ab", 2, 3, []string{"ab"}, nil},
		{"abcd", 2, 3, []string{"ab", "abc", "abcd"}, []string{"abc", "bcd"}},
		{"银盈通支付", 2, 3, []string{"银盈", "银盈通", "银盈通支", "银盈通支付"}, []string{"银盈通", "盈通支", "通支付"}},
		{"a张b", 1, 2, []string{"a", "a张", "a张b"}, []string{"a张", "张b"}},
	}
	for _, tt := range tests {
		if got := slices.Collect(runePrefixes(tt.s, tt.min)); !slices.Equal(got, tt.prefixes) {
			t.Errorf("runePrefixes(%q, %d) = %q, want %q", tt.s, tt.min, got, tt.prefixes)
		}
		if got := slices.Collect(runeWindows(tt.s, tt.n)); !slices.Equal(got, tt.windows) {
			t.Errorf("runeWindows(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.windows)
		}
	}
}

// sharedPartsBefore is the rule of bySharedParts as matchForm had it before
// counting from the index: sharedParts tested on every sender in turn.
func (r *resolver) sharedPartsBefore(name string, mp []string) (Alias, bool) {
	if len(mp) < 3 {
		return Alias{}, false
	}
	best, bestN, tie := "", 0, false
	var bestShared []string
	for _, s := range r.senders {
		sp := r.parts(s)
		if len(sp) < 3 {
			continue
		}
		shared := sharedParts(mp[1:], sp[1:])
		switch {
		case len(shared) > bestN:
			best, bestN, tie, bestShared = s, len(shared), false, shared
		case len(shared) == bestN && bestN > 0:
			tie = true
		}
	}
	if !tie && bestN >= 2 && bestN >= len(mp)-2 && slices.ContainsFunc(bestShared, namesOrganisation) {
		return Alias{Mention: name, Sender: best, Reason: "shared name parts: " + strings.Join(bestShared, " ")}, true
	}
	return Alias{}, false
}

// organisationHitsBefore is organisationHits as byUniquePart had it before
// remembering: sameOrganisation tested on every part of every sender.
func (r *resolver) organisationHitsBefore(p string) orgHits {
	var h orgHits
	for _, s := range r.senders {
		if slices.ContainsFunc(r.parts(s), func(sp string) bool { return sameOrganisation(p, sp) }) {
			if h.n == 0 {
				h.first = s
			}
			h.n = min(h.n+1, 2)
		}
	}
	return h
}

// sharedNameParts are the parts randomSharedName draws from: few, so that
// names share parts and tie, with parts equal but for case, parts that start
// others (产品 ~ 产品经理, 银盈通 ~ 银盈通支付), one-rune parts and roles and
// cities, which name no organisation.
var sharedNameParts = []string{"李奔", "哈木", "Kevin", "KEVIN", "快钱", "快钱支付", "银盈通", "银盈通支付", "滴滴", "ark",
	"产品", "产品经理", "架构", "架构师", "研发", "上海", "北京", "SH", "sh", "深圳", "a", "快", "前", "\xff"}

// randomSharedName returns a display name of one to five parts of
// sharedNameParts, joined by various separators, a part now and then twice.
func randomSharedName(r *rand.Rand) string {
	seps := []string{"-", "_", " ", "—", "|"}
	var b strings.Builder
	for k := range 1 + r.IntN(5) {
		if k > 0 {
			b.WriteString(seps[r.IntN(len(seps))])
		}
		b.WriteString(sharedNameParts[r.IntN(len(sharedNameParts))])
	}
	return b.String()
}

// TestSharedPartsAsBefore checks bySharedParts and organisationHits, which
// count and remember from the index, against the rules they replace, which
// tested every sender, on the index's edge cases and on random days whose
// names share parts.
func TestSharedPartsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	days := [][]string{indexSenderNames}
	for range 300 {
		var senders []string
		seen := map[string]bool{}
		for range 1 + rng.IntN(40) {
			if s := randomSharedName(rng); !seen[s] {
				seen[s] = true
				senders = append(senders, s)
			}
		}
		days = append(days, senders)
	}
	for d, senders := range days {
		r := &resolver{senders: senders, normOf: map[string]string{}, partsOf: map[string][]string{}}
		r.indexSenders()
		names := slices.Concat(indexMentionNames, senders)
		for range 100 {
			names = append(names, randomSharedName(rng))
		}
		for _, name := range names {
			mp := r.parts(name)
			gotA, gotOK := r.bySharedParts(name, mp)
			wantA, wantOK := r.sharedPartsBefore(name, mp)
			if gotA != wantA || gotOK != wantOK {
				t.Errorf("day %d: bySharedParts(%q) among %q = %+v, %v; want %+v, %v", d, name, senders, gotA, gotOK, wantA, wantOK)
			}
			for _, p := range mp {
				if utf8.RuneCountInString(p) < 3 {
					continue // byUniquePart looks up no shorter part
				}
				if got, want := r.organisationHits(p), r.organisationHitsBefore(p); got != want {
					t.Errorf("day %d: organisationHits(%q) among %q = %+v, want %+v", d, p, senders, got, want)
				}
			}
		}
	}
}
