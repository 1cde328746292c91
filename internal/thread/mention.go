package thread

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
)

// announceWords mark a message that introduces the day's guest speaker.
var announceWords = []string{"分享", "嘉宾", "主讲", "主题", "讲座", "做客", "邀请"}

// resolver maps @mention names to senders of the day.
type resolver struct {
	senders    []string          // distinct senders in order of first message
	byNorm     map[string]string // normalised sender name -> sender
	resolved   map[string]Alias  // mention -> resolution, learned once per day
	resolvedTo map[string]bool   // the senders of resolved, for anyResolvesTo
	idx        senderIndex       // the senders by the keys the rules compare

	normOf  map[string]string    // normaliseName of names seen, computed once
	partsOf map[string][]string  // nameParts of names seen, computed once
	forms   map[string]formMatch // byForm of names seen, computed once

	mentionedIn map[string][]int // the messages that mention each name, for byReply, built on its first call
	names       [][]string       // each message's mention names, taken on to a sender's whole name (fullMentions)

	sharedN, sharedBy []int              // per sender, scratch of bySharedParts: the parts shared, the pass that last counted one
	sharedPass        int                // the pass of bySharedParts, one per part of a name
	sharedSenders     []int              // scratch of bySharedParts: the senders sharing a part
	orgHitsOf         map[string]orgHits // organisationHits of parts seen, computed once
}

// norm is normaliseName(s), remembered.
func (r *resolver) norm(s string) string {
	n, ok := r.normOf[s]
	if !ok {
		n = normaliseName(s)
		r.normOf[s] = n
	}
	return n
}

// parts is nameParts(s), remembered.
func (r *resolver) parts(s string) []string {
	p, ok := r.partsOf[s]
	if !ok {
		p = nameParts(s)
		r.partsOf[s] = p
	}
	return p
}

// resolveMentions resolves every mention of the day and returns, per message,
// the senders its mentions resolve to (in mention order, unresolved skipped).
// A mention that is the key of an account the export named (keys, nil when
// no two accounts share a name) resolves to that account or to no one.
func resolveMentions(log *chatlog.Log, lst listings, keys *senderKeys) (targets [][]string, aliases []Alias) {
	msgs := log.Messages
	r := &resolver{byNorm: map[string]string{}, resolved: map[string]Alias{}, resolvedTo: map[string]bool{},
		normOf: map[string]string{}, partsOf: map[string][]string{}, forms: map[string]formMatch{}}
	seen := map[string]bool{}
	for _, m := range msgs {
		if m.Sender == "" || seen[m.Sender] {
			continue
		}
		seen[m.Sender] = true
		r.senders = append(r.senders, m.Sender)
		if n := normaliseName(m.Sender); n != "" {
			if _, dup := r.byNorm[n]; !dup {
				r.byNorm[n] = m.Sender
			}
		}
	}
	r.indexSenders()
	r.names = fullMentions(msgs, r.senders)

	// Pass 1: names that match a sender by form alone.
	var pending []string
	isPending := map[string]bool{}
	for i := range msgs {
		for _, name := range r.names[i] {
			if _, asked := r.forms[name]; asked {
				continue // resolved, or pending, already
			}
			if keys.isKey(name) {
				// The export named the account: it is no other sender,
				// whatever their names share, and one not posting today
				// is no one of the day.
				a, ok := Alias{Mention: name, Sender: name, Reason: "exact"}, r.idx.isSender[name]
				r.forms[name] = formMatch{a, ok}
				if ok {
					r.resolve(name, a)
				}
				continue
			}
			if a, ok := r.byForm(name); ok {
				r.resolve(name, a)
			} else {
				pending = append(pending, name)
				isPending[name] = true
			}
		}
	}
	// Pass 2: the day's speaker, introduced by display name in an announcement.
	bySpeaker := ""
	if log.Speaker != "" && seen[log.Speaker] && !r.anyResolvesTo(log.Speaker) {
		for i, m := range msgs {
			if m.Sender == log.Speaker || !containsAny(segment.Canonical(m.Text), announceWords) {
				continue
			}
			for _, name := range r.names[i] {
				if isPending[name] {
					r.resolve(name, Alias{Mention: name, Sender: log.Speaker, Reason: "day's speaker (front matter author) introduced in an announcement"})
					bySpeaker = name
					pending = remove(pending, name)
					delete(isPending, name)
					break
				}
			}
			if r.anyResolvesTo(log.Speaker) {
				break
			}
		}
	}
	// Pass 3: a name part (company, team) that only one sender of the day
	// has, else a person name only one sender has.
	var unresolved []string
	for _, name := range pending {
		if a, ok := r.byUniquePart(name); ok {
			r.resolve(name, a)
		} else if a, ok := r.byPersonName(name); ok {
			r.resolve(name, a)
		} else {
			unresolved = append(unresolved, name)
		}
	}
	pending = unresolved
	// Pass 3b: another display name of a person already resolved, by the
	// handle they share (ark-滴滴-金融 after ark-滴滴-支付). The handles
	// come from the names resolved so far, so the pass does not chain.
	handles := r.personHandles(bySpeaker)
	unresolved = nil
	for _, name := range pending {
		if a, ok := r.bySameHandle(name, handles); ok {
			r.resolve(name, a)
		} else {
			unresolved = append(unresolved, name)
		}
	}
	pending = unresolved
	// Pass 3c: a Chinese name written in pinyin (陈商 ~ cs, 坦克 ~ Tank).
	unresolved = nil
	for _, name := range pending {
		if a, ok := r.byPinyin(name); ok {
			r.resolve(name, a)
		} else {
			unresolved = append(unresolved, name)
		}
	}
	pending = unresolved
	// Pass 4: learn from the day who answers when the name is mentioned.
	for _, name := range pending {
		if a, ok := r.byReply(name, msgs, lst); ok {
			r.resolve(name, a)
		}
	}

	targets = make([][]string, len(msgs))
	for i, m := range msgs {
		for _, name := range r.names[i] {
			if a, ok := r.resolved[name]; ok && a.Sender != m.Sender {
				targets[i] = append(targets[i], a.Sender)
			}
		}
	}
	for _, a := range r.resolved {
		aliases = append(aliases, a)
	}
	sort.Slice(aliases, func(i, j int) bool { return aliases[i].Mention < aliases[j].Mention })
	return targets, aliases
}

// fullMentions returns each message's mention names, with a name that
// stopped at a space inside a sender's display name ("@Bob Jones which
// SSD?" read as Bob; "@杨彧-微众- 支付产品经理" as 杨彧-微众-) taken on to
// that sender's whole name when the text writes it right after that
// mention's @, up to the end of a word: the longest such name. The other
// names are the message's own.
func fullMentions(msgs []chatlog.Message, senders []string) [][]string {
	spaced := map[string][]string{} // the part before the first space -> senders
	for _, s := range senders {
		if i := strings.IndexFunc(s, unicode.IsSpace); i > 0 {
			spaced[s[:i]] = append(spaced[s[:i]], s)
		}
	}
	names := make([][]string, len(msgs))
	for i, m := range msgs {
		names[i] = m.Mentions
		from := 0 // the text after the mentions placed so far
		for k, n := range m.Mentions {
			at := strings.Index(m.Text[from:], "@"+n)
			if at < 0 {
				continue
			}
			rest := m.Text[from+at+1:]
			from += at + 1 + len(n)
			full := n
			for _, s := range spaced[n] {
				if len(s) > len(full) && strings.HasPrefix(rest, s) && endsWord(rest[len(s):]) {
					full = s
				}
			}
			if full != n {
				if &names[i][0] == &m.Mentions[0] { // still the message's own
					names[i] = slices.Clone(m.Mentions)
				}
				names[i][k] = full
				from += len(full) - len(n)
			}
		}
	}
	return names
}

// endsWord reports whether text, what follows a name, starts with no
// letter or digit: the name ends there.
func endsWord(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return text == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// byForm resolves a name that is a sender's name, its normalised form, a
// prefix of it, or shares its company, role and city parts. The answer
// depends on the day's senders alone, so it is worked out once per name:
// the reply pass asks again for every mention in every turn it looks at.
func (r *resolver) byForm(name string) (Alias, bool) {
	if f, ok := r.forms[name]; ok {
		return f.alias, f.ok
	}
	a, ok := r.matchForm(name)
	r.forms[name] = formMatch{a, ok}
	return a, ok
}

// A formMatch is what byForm found for a name.
type formMatch struct {
	alias Alias
	ok    bool
}

// matchForm is byForm without the memory.
func (r *resolver) matchForm(name string) (Alias, bool) {
	if r.idx.isSender[name] {
		return Alias{Mention: name, Sender: name, Reason: "exact"}, true
	}
	n := r.norm(name)
	if n == "" {
		return Alias{}, false
	}
	if s, ok := r.byNorm[n]; ok {
		return Alias{Mention: name, Sender: s, Reason: "same name after normalising separators"}, true
	}
	// A unique sender whose normalised name starts with the mention's or the reverse.
	var prefixHits []string
	for _, i := range r.idx.prefixCandidates(n) {
		s := r.senders[i]
		sn := r.norm(s)
		if len([]rune(sn)) < 2 || len([]rune(n)) < 2 {
			continue
		}
		if strings.HasPrefix(sn, n) || strings.HasPrefix(n, sn) {
			prefixHits = append(prefixHits, s)
		}
	}
	if len(prefixHits) == 1 {
		return Alias{Mention: name, Sender: prefixHits[0], Reason: "one name is a prefix of the other"}, true
	}
	mp := r.parts(name)
	// The same person name with one more part in common (张泽雄-民生金服-研发-北京 ~
	// 张泽雄-民生金服 项目总监), or a sender whose whole name is one part of the
	// mention (CSII-崔奕 ~ 崔奕).
	var personHits []string
	for _, i := range r.idx.personCandidates(mp) {
		s := r.senders[i]
		sp := r.parts(s)
		samePerson := len([]rune(mp[0])) >= 2 && strings.EqualFold(mp[0], sp[0]) && len(mp) > 1 && len(sp) > 1 && len(sharedParts(mp[1:], sp[1:])) > 0
		wholePart := len(sp) == 1 && len([]rune(sp[0])) >= 2 && len(mp) > 1 && contains(mp, sp[0])
		if samePerson || wholePart {
			personHits = append(personHits, s)
		}
	}
	if len(personHits) == 1 {
		return Alias{Mention: name, Sender: personHits[0], Reason: "same person name"}, true
	}
	return r.bySharedParts(name, mp)
}

// bySharedParts resolves a name of three parts or more to the sender of a
// name of three parts or more that shares the most of its later parts
// (sharedParts; e.g. 哈木-快钱-产品-上海 ~ 李奔-快钱-产品-上海): two at least,
// all but one at most, an organisation among them, and no other sender
// sharing as many. mp are the name's parts.
//
// It counts the shared parts of every sender at once, part by part of the
// name, from the index: testing sharedParts on every sender that shares a
// part took most of the time of a day with thousands of senders, all of
// whom share a city or a role with most names.
func (r *resolver) bySharedParts(name string, mp []string) (Alias, bool) {
	if len(mp) < 3 {
		return Alias{}, false
	}
	if r.sharedN == nil {
		r.sharedN = make([]int, len(r.senders))
		r.sharedBy = make([]int, len(r.senders))
	}
	counted := r.sharedSenders[:0] // the senders sharing a part, whose counts to reset
	for k, x := range mp[1:] {
		if slices.Contains(mp[1:k+1], x) {
			continue // sharedParts counts a part once
		}
		r.sharedPass++
		for i := range r.idx.sharing(x) {
			if r.sharedBy[i] == r.sharedPass {
				continue // another part of the same sender
			}
			r.sharedBy[i] = r.sharedPass
			if r.sharedN[i] == 0 {
				counted = append(counted, i)
			}
			r.sharedN[i]++
		}
	}
	best, bestN, ties := -1, 0, 0
	for _, i := range counted {
		switch n := r.sharedN[i]; {
		case n > bestN:
			best, bestN, ties = i, n, 1
		case n == bestN:
			ties++
		}
		r.sharedN[i] = 0
	}
	r.sharedSenders = counted
	if ties != 1 || bestN < 2 || bestN < len(mp)-2 {
		return Alias{}, false
	}
	s := r.senders[best]
	shared := sharedParts(mp[1:], r.parts(s)[1:])
	if !slices.ContainsFunc(shared, namesOrganisation) {
		return Alias{}, false
	}
	return Alias{Mention: name, Sender: s, Reason: "shared name parts: " + strings.Join(shared, " ")}, true
}

// A handle is the first part of a resolved display name, taken as the
// person's own name or nickname, and the name it came from.
type handle struct {
	sender, via string
}

// personHandles collects, from the names resolved so far (but the one
// resolved as the day's speaker, skip), the first parts that name the
// person: at least two characters, no role or city, no part of any sender's
// name but the person's own first part (a company, 滴滴 or CSII, is no
// handle), and no later part of the display name naming the person instead
// (CSII-崔奕 for 崔奕). A handle two senders claim is dropped.
func (r *resolver) personHandles(skip string) map[string]handle {
	handles := map[string]handle{}
	claimed := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(r.resolved)) {
		a := r.resolved[name]
		if name == skip {
			continue
		}
		mp, sp := r.parts(name), r.parts(a.Sender)
		h := strings.ToLower(mp[0])
		if !namesOrganisation(mp[0]) || slices.ContainsFunc(mp[1:], func(p string) bool { return strings.EqualFold(p, sp[0]) }) ||
			r.partOfASender(mp[0], a.Sender) {
			continue
		}
		if prev, ok := handles[h]; ok && prev.sender != a.Sender {
			claimed[h] = true
		}
		if _, ok := handles[h]; !ok {
			handles[h] = handle{a.Sender, name}
		}
	}
	for h := range claimed {
		delete(handles, h)
	}
	return handles
}

// partOfASender reports whether part is a part of some sender's name other
// than the first part of own.
func (r *resolver) partOfASender(part, own string) bool {
	for _, e := range r.idx.anyParts.of(foldKey(part)) {
		if !(r.senders[e.sender] == own && e.k == 0) {
			return true
		}
	}
	return false
}

// bySameHandle resolves a name whose first part, or a Latin part of three
// letters or more, is the handle of a person already resolved: the same
// person under another display name (追梦师-ark and ark-滴滴-金融 after
// ark-滴滴-支付). All its handles must name one sender.
func (r *resolver) bySameHandle(name string, handles map[string]handle) (Alias, bool) {
	var found handle
	for k, p := range r.parts(name) {
		if k > 0 && (hasHan(p) || len(p) < 3) {
			continue
		}
		h, ok := handles[strings.ToLower(p)]
		if !ok {
			continue
		}
		if found.sender != "" && found.sender != h.sender {
			return Alias{}, false
		}
		found = h
	}
	if found.sender == "" {
		return Alias{}, false
	}
	return Alias{Mention: name, Sender: found.sender, Reason: "same handle as " + found.via}, true
}

// namesOrganisation reports whether a name part may name an organisation:
// two characters or more, no role (产品, 技术经理), no city (北京, SH) and
// no remark (前), the parts that many members share (老熊-爱奇艺-技术经理-北京
// is not suevip-技术经理 畅捷通 北京).
func namesOrganisation(part string) bool {
	p := strings.ToLower(part)
	return utf8.RuneCountInString(part) >= 2 && !containsAny(p, roleWords) && !isOneOf(strings.TrimSuffix(part, "市"), cities) &&
		!isOneOf(p, cityCodes) && !isOneOf(part, formerMarks)
}

// formerMarks are remarks in a display name that name no organisation
// (易联（前）: formerly at 易联).
var formerMarks = []string{"前", "原", "离职", "已离职", "待业", "无业"}

// cities are the cities members put in their display names.
var cities = []string{"北京", "上海", "深圳", "广州", "杭州", "成都", "南京", "苏州", "武汉", "西安", "重庆", "天津",
	"厦门", "长沙", "合肥", "珠海", "郑州", "济南", "青岛", "大连", "福州", "石家庄", "南昌", "昆明", "宁波", "无锡",
	"东莞", "佛山", "沈阳", "哈尔滨", "长春", "贵阳", "南宁", "太原", "兰州", "海口", "香港", "台北", "新加坡"}

// cityCodes are the short forms of cities in display names.
var cityCodes = []string{"bj", "sh", "sz", "gz", "hz", "cd", "nj", "wh", "pek", "sha", "szx", "can"}

// byUniquePart resolves a name whose organisation part matches a part of
// exactly one sender of the day (铁手_蘑菇街_技术_杭州 ~ 蘑菇街_陈宗 when no one
// else is from 蘑菇街). Only parts of three or more characters that name no
// role (产品, 架构师, 技术经理) count: roles and cities are shared by many.
func (r *resolver) byUniquePart(name string) (Alias, bool) {
	mp := r.parts(name)
	found, part := "", ""
	for _, p := range mp[1:] {
		if len([]rune(p)) < 3 || containsAny(strings.ToLower(p), roleWords) {
			continue
		}
		hits := r.organisationHits(p)
		switch {
		case hits.n == 0:
		case hits.n > 1 || found != "" && hits.first != found:
			return Alias{}, false
		default:
			found, part = hits.first, p
		}
	}
	if found == "" {
		return Alias{}, false
	}
	return Alias{Mention: name, Sender: found, Reason: "the only sender with the name part " + part}, true
}

// orgHits are the senders with a part that names an organisation: how many
// (two for two or more) and the first.
type orgHits struct {
	n     int
	first string
}

// organisationHits returns the senders with a part that names the
// organisation p, of three runes or more (sameOrganisation), remembered:
// the names of a day repeat their companies.
func (r *resolver) organisationHits(p string) orgHits {
	if h, ok := r.orgHitsOf[p]; ok {
		return h
	}
	var h orgHits
	for _, i := range r.idx.organisationCandidates(p) {
		s := r.senders[i]
		if slices.ContainsFunc(r.parts(s), func(sp string) bool { return sameOrganisation(p, sp) }) {
			if h.n == 0 {
				h.first = s
			}
			h.n = min(h.n+1, 2)
		}
	}
	if r.orgHitsOf == nil {
		r.orgHitsOf = map[string]orgHits{}
	}
	r.orgHitsOf[p] = h
	return h
}

// byPersonName resolves a name whose first part, the person's name or
// handle, names exactly one sender of the day: as that sender's first part
// (戴斌-招行卡中心-技术经理 ~ 戴斌-招行信用卡, freewolf-天金所-技术总监 ~
// freewolf-天津金融资产交易所技术); a Latin handle as any part of it (Summer
// ~ 乾橙科技_Summer 梁夏); or a Chinese name as the sender's third part or
// later, past the usual place of a company, when another part is shared too
// (马忠信-赫美微贷产品-深圳 ~ 联金所-产品-马忠信-深圳, but not 中金支付-王宇-北京
// ~ 翔远-中金支付-产品-北京: a one-part Chinese name may be a city, a first
// part may be a company). The name has at least two characters and is no
// role word.
func (r *resolver) byPersonName(name string) (Alias, bool) {
	mp := r.parts(name)
	person := mp[0]
	if len([]rune(person)) < 2 || containsAny(strings.ToLower(person), roleWords) {
		return Alias{}, false
	}
	var hits []string
	for _, i := range r.idx.partCandidates(person) {
		s := r.senders[i]
		sp := r.parts(s)
		samePart := func(p string) bool { return strings.EqualFold(p, person) }
		if samePart(sp[0]) ||
			!hasHan(person) && slices.ContainsFunc(sp, samePart) ||
			len(mp) > 1 && len(sp) > 2 && slices.ContainsFunc(sp[2:], samePart) && len(sharedParts(mp[1:], sp)) > 0 {
			hits = append(hits, s)
		}
	}
	if len(hits) != 1 {
		return Alias{}, false
	}
	return Alias{Mention: name, Sender: hits[0], Reason: "the only sender named " + person}, true
}

// byPinyin resolves a name whose first part is a Chinese name to the only
// sender of the day whose nickname starts with that name in pinyin: in full,
// or its start past the first syllable (坦克 ~ Tank, but zhang is no more
// than a surname), the given name alone or twice when it has three letters
// or more (邵芳 ~ fangfang), or the initials, alone or before an English
// name (陈商 ~ cs, 王松 ~ wseric; not csp). The first character counts with
// any of its readings (曾伟 ~ zengwei). A sender whose name also has a Chinese part other than a
// role or city is someone else (龙三 is not ls-老王-产品经理-深圳).
func (r *resolver) byPinyin(name string) (Alias, bool) {
	person := r.parts(name)[0]
	n := utf8.RuneCountInString(person)
	if n < 2 || n > 4 || !allHan(person) || containsAny(person, roleWords) {
		return Alias{}, false
	}
	syllables := pinyin.LazyPinyin(person, pinyin.NewArgs())
	if len(syllables) != n {
		return Alias{}, false
	}
	given, readings := strings.Join(syllables[1:], ""), surnameReadings(person, syllables[0])
	var hits []string
	for _, i := range r.idx.pinyinCandidates(given, readings, syllables) {
		s := r.senders[i]
		sp := r.parts(s)
		handle := strings.ToLower(sp[0])
		if !isLatinHandle(handle) || slices.ContainsFunc(sp[1:], namesChinesePerson) {
			continue
		}
		if spellsInPinyin(handle, given, readings, syllables) {
			hits = append(hits, s)
		}
	}
	if len(hits) != 1 {
		return Alias{}, false
	}
	full := strings.Join(syllables, "")
	return Alias{Mention: name, Sender: hits[0], Reason: "the only sender whose nickname is " + person + " in pinyin (" + full + ")"}, true
}

// spellsInPinyin reports whether a lowered handle spells, as byPinyin
// accepts, the Chinese name of these syllables, its first syllable read as
// any of readings and given the rest joined.
func spellsInPinyin(handle, given string, readings, syllables []string) bool {
	matches := len(given) >= 3 && (handle == given || handle == given+given)
	for _, first := range readings {
		full, initials := first+given, first[:1]
		for _, s := range syllables[1:] {
			initials += s[:1]
		}
		matches = matches || handle == full || strings.HasPrefix(handle, full) ||
			len(handle) > len(first) && strings.HasPrefix(full, handle) || // tank ~ tan|ke, not zhang ~ zhang|san
			handle == initials || strings.HasPrefix(handle, initials) && len(handle) >= len(initials)+3
	}
	return matches
}

// surnameReadings returns the readings of a name's first character in
// pinyin without tones: the first one first, then the others (曾 is zeng as
// a surname, ceng elsewhere; 单 is shan).
func surnameReadings(person, first string) []string {
	args := pinyin.NewArgs()
	args.Heteronym = true
	readings := []string{first}
	if all := pinyin.Pinyin(person, args); len(all) > 0 {
		for _, r := range all[0] {
			if !slices.Contains(readings, r) {
				readings = append(readings, r)
			}
		}
	}
	return readings
}

// isLatinHandle reports whether a name part is a handle of Latin letters and
// digits, starting with a letter.
func isLatinHandle(s string) bool {
	for k, c := range s {
		if c > unicode.MaxASCII || !unicode.IsLetter(c) && (k == 0 || !unicode.IsDigit(c)) {
			return false
		}
	}
	return s != ""
}

// namesChinesePerson reports whether a name part is Chinese and has no role,
// city, remark or organisation word in it (支付, 银行): most likely a
// person (老王, 李金).
func namesChinesePerson(part string) bool {
	return allHan(part) && !containsAny(part, roleWords) && !isOneOf(strings.TrimSuffix(part, "市"), cities) && !isOneOf(part, formerMarks) &&
		!containsAny(part, organisationWords)
}

// organisationWords mark a name part that names a company, not a person.
var organisationWords = []string{"支付", "银行", "金融", "科技", "金服", "集团", "公司", "网络", "信息", "数据"}

// allHan reports whether s is all Chinese characters.
func allHan(s string) bool {
	for _, c := range s {
		if !unicode.Is(unicode.Han, c) {
			return false
		}
	}
	return s != ""
}

// roleWords mark a name part that is a job or group role, not an organisation.
var roleWords = []string{"产品", "技术", "开发", "架构", "经理", "总监", "工程师", "研发", "设计", "运营", "市场",
	"销售", "商务", "风控", "财务", "测试", "主管", "专家", "总裁", "创始", "负责人", "群主", "群管理", "合作", "合规",
	"pm", "cto", "ceo", "java", "dev", "lead", "pl"}

// sameOrganisation reports whether two name parts name one organisation:
// equal, or one containing the other when the shorter is Chinese and has
// three or more characters (银盈通 ~ 银盈通支付; ark is not mark).
func sameOrganisation(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if len([]rune(a)) > len([]rune(b)) {
		a, b = b, a
	}
	return a == b || len([]rune(a)) >= 3 && hasHan(a) && strings.Contains(b, a)
}

// byReply learns an alias from the day: the sender who posts right after the
// name is mentioned, most of all one who mentions the mentioner back. A
// candidate that shares a name part with the mention counts extra. The
// export's second listings are no replies: they repeat the message before.
func (r *resolver) byReply(name string, msgs []chatlog.Message, lst listings) (Alias, bool) {
	if r.mentionedIn == nil {
		r.mentionedIn = make(map[string][]int)
		for i, names := range r.names {
			for k, n := range names {
				if !slices.Contains(names[:k], n) {
					r.mentionedIn[n] = append(r.mentionedIn[n], i)
				}
			}
		}
	}
	score := map[string]int{}
	for _, i := range r.mentionedIn[name] {
		m := msgs[i]
		if lst.isSecond(i) {
			continue
		}
		first := true
		for j := range lst.turnsAfter(i, 8, len(msgs)) { // a second listing answers nobody
			c := msgs[j]
			if c.Time.Sub(m.Time) > 10*time.Minute {
				break
			}
			if c.Sender == m.Sender || c.Sender == "" || r.anyResolvesTo(c.Sender) {
				continue
			}
			if r.mentionsSender(r.names[j], m.Sender) {
				score[c.Sender] += 2
			} else if first && c.Type == chatlog.TypeText {
				score[c.Sender]++
			}
			first = false
		}
	}
	mp := r.parts(name)
	best, bestN := "", 0
	for s, n := range score {
		if otherCompanies(mp, r.parts(s)) {
			continue // 老王-易宝-技术-北京 is not 张伟-拉卡拉-产品-北京, whoever answers first
		}
		if len(mp) > 1 && len(sharedParts(mp[1:], r.parts(s))) > 0 || sharesHan(mp[0], s) {
			n++
		}
		if n > bestN || (n == bestN && s < best) {
			best, bestN = s, n
		}
	}
	if bestN >= 2 {
		return Alias{Mention: name, Sender: best, Reason: "answered right after being mentioned"}, true
	}
	return Alias{}, false
}

// companyOf returns the company of a name written the usual way of these
// groups, person-company-role-city (李奔-快钱-产品-上海): three parts or
// more, the second one that may name an organisation, and a role or a city
// after it. Other names have no company it can tell.
func companyOf(parts []string) (string, bool) {
	if len(parts) < 3 || !namesOrganisation(parts[1]) {
		return "", false
	}
	for _, p := range parts[2:] {
		lp := strings.ToLower(p)
		if containsAny(lp, roleWords) || isOneOf(strings.TrimSuffix(p, "市"), cities) || isOneOf(lp, cityCodes) {
			return parts[1], true
		}
	}
	return "", false
}

// otherCompanies reports whether two names, both written person-company-
// role-city, name two different companies and two people: then they are
// two people, however a reply after a mention looks. One person's two
// names may write the company in two languages (小峰-iFLYTEK-开发组长-合肥,
// 林小峰-科大讯飞-开发组长): persons who share two characters, or the same
// handle, are not told apart by company.
func otherCompanies(a, b []string) bool {
	ca, okA := companyOf(a)
	cb, okB := companyOf(b)
	if !okA || !okB || sameOrganisation(ca, cb) {
		return false
	}
	if strings.EqualFold(a[0], b[0]) {
		return false
	}
	shared := 0
	for _, r := range a[0] {
		if unicode.Is(unicode.Han, r) && strings.ContainsRune(b[0], r) {
			shared++
		}
	}
	return shared < 2
}

// mentionsSender reports whether one of the names resolves to sender by form.
func (r *resolver) mentionsSender(names []string, sender string) bool {
	for _, n := range names {
		if a, ok := r.resolved[n]; ok && a.Sender == sender {
			return true
		}
		if a, ok := r.byForm(n); ok && a.Sender == sender {
			return true
		}
	}
	return false
}

// resolve records that name resolves as a says.
func (r *resolver) resolve(name string, a Alias) {
	r.resolved[name] = a
	r.resolvedTo[a.Sender] = true
}

// anyResolvesTo reports whether a name resolved so far resolves to sender.
func (r *resolver) anyResolvesTo(sender string) bool {
	return r.resolvedTo[sender]
}

// normaliseName folds separators, spaces, lost-character marks and case.
func normaliseName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(segment.SimplifyName(s)) {
		if isNameSeparator(r) || unicode.IsSpace(r) || r == '?' || r == '？' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isNameSeparator(r rune) bool {
	switch r {
	case '-', '~', '_', '－', '～', '—', '|', '｜', '·', '/', '、', '＿', '–', '（', '）', '(', ')':
		return true
	}
	return false
}

// nameParts splits a group display name into its parts (name, company, role, city).
func nameParts(s string) []string {
	f := strings.FieldsFunc(segment.SimplifyName(s), func(r rune) bool {
		return isNameSeparator(r) || unicode.IsSpace(r) || r == '?'
	})
	if len(f) == 0 {
		return []string{""}
	}
	return f
}

// sharedParts returns the distinct parts of a that match a part of b:
// equal, or one a prefix of the other (架构 ~ 架构师).
func sharedParts(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(out, x) {
			continue // ark-滴滴-滴滴 shares 滴滴 once
		}
		lx := strings.ToLower(x)
		nx := utf8.RuneCountInString(lx)
		for _, y := range b {
			ly := strings.ToLower(y)
			short := min(nx, utf8.RuneCountInString(ly))
			if lx == ly || (short >= 2 && (strings.HasPrefix(lx, ly) || strings.HasPrefix(ly, lx))) {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

func sharesHan(a, b string) bool {
	for _, r := range a {
		if unicode.Is(unicode.Han, r) && strings.ContainsRune(b, r) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func remove(list []string, s string) []string {
	out := list[:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}
