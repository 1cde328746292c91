// Package uitext holds what the outputs' own words (headings, counts,
// labels: not what people wrote) need in several languages: tables of
// texts by key, one per language, and the rule that chooses a chat's
// language.
package uitext

import (
	"fmt"
	"iter"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Langs are the languages the outputs can be written in.
var Langs = []string{"en", "zh"}

// A Table is an output's own words, one map per language (Langs) with
// the same keys, from key to text. A text's {name}s are filled in by
// Text; a text with "|" has a form for a count of one and one for other
// counts ("{n} thread|{n} threads").
type Table map[string]map[string]string

// ThreadKindsZh are the Chinese names of the thread kinds (the "kind."
// keys, thread.Kind): one wording for the FAQ, the digest and the page,
// as a Chinese reader meets them in each.
var ThreadKindsZh = map[string]string{
	"kind.qa":         "问答",
	"kind.discussion": "讨论",
	"kind.talk":       "分享",
	"kind.news":       "资讯",
	"kind.greeting":   "寒暄签到",
	"kind.other":      "其他",
}

// With returns texts with the entries of more added: a language's table
// built from its own texts and ones shared with another table.
func With(texts, more map[string]string) map[string]string {
	out := maps.Clone(texts)
	maps.Copy(out, more)
	return out
}

// Text is the text of key in lang's table, its {name}s filled in from
// vars (name, value, name, value...) and {n} from n, the form for n when
// it has two. The values are inserted as given, not read for {name}s
// again. A key the table lacks is a programming error: Text panics.
func (t Table) Text(lang, key string, n int, vars ...string) string {
	s, ok := t[lang][key]
	if !ok {
		panic(fmt.Sprintf("uitext: no text %q in %q", key, lang))
	}
	if one, other, found := strings.Cut(s, "|"); found {
		s = other
		if n == 1 {
			s = one
		}
	}
	pairs := append([]string{"{n}", fmt.Sprint(n)}, vars...)
	for i := 2; i < len(pairs); i += 2 {
		pairs[i] = "{" + pairs[i] + "}"
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// Choose is the language to write a chat in: lang when it is one of
// Langs, else (auto) "zh" when most of texts (the chat's messages) that
// have letters in them have Chinese (CJK) characters, else "en"; a message
// of one or two letters alone (ok, OK, T+1) does not count.
func Choose(lang string, texts iter.Seq[string]) string {
	if slices.Contains(Langs, lang) {
		return lang
	}
	cjk, other := 0, 0
	for s := range texts {
		switch letters(s) {
		case 'c':
			cjk++
		case 'l':
			other++
		}
	}
	if cjk > other {
		return "zh"
	}
	return "en"
}

// letters says what writing s is in: 'c' when it has a Chinese, Japanese
// or Korean character, else 'l' when it has three letters or more, else 0:
// an "ok" or a "T+1" in a Chinese chat says nothing of its language.
func letters(s string) byte {
	n := 0
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return 'c'
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	kind := byte(0)
	if n >= 3 {
		kind = 'l'
	}
	return kind
}

// Problems lists, one line each, what is wrong with t's tables: a key
// that another language's table has and lang's lacks (but for the keys in
// only: those one language alone needs), a text that fills in other
// {name}s than the same key's English text, and forms for counts ("|")
// in a language other than English. It is empty when the tables agree.
func (t Table) Problems(only ...string) []string {
	var out []string
	for _, lang := range Langs {
		for _, other := range Langs {
			for key := range t[other] {
				if _, ok := t[lang][key]; !ok && !slices.Contains(only, key) {
					out = append(out, fmt.Sprintf("%s: no %q", lang, key))
				}
			}
		}
		for key, text := range t[lang] {
			en, ok := t["en"][key]
			if ok && !slices.Equal(names(text), names(en)) {
				out = append(out, fmt.Sprintf("%s %q fills in %v, en %v", lang, key, names(text), names(en)))
			}
			if lang != "en" && strings.Contains(text, "|") {
				out = append(out, fmt.Sprintf("%s %q has forms for counts: %q", lang, key, text))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// nameRE matches a {name} of a text.
var nameRE = regexp.MustCompile(`\{\w+\}`)

// names are the {name}s a text fills in, sorted, each once.
func names(text string) []string {
	return slices.Compact(slices.Sorted(slices.Values(nameRE.FindAllString(text, -1))))
}
