// Package segment splits chat text into words with byte offsets and says
// what each word is, so that later stages can compare messages by the words
// that carry meaning.
//
// A Segmenter runs the shortest-path segmenter of github.com/go-ego/gse
// (Segment, what gse's Cut does by default) over gse's embedded
// simplified-Chinese dictionary, and cuts exactly where gse cuts; but it
// neither links nor loads gse. Loading gse's dictionary takes 1.5 s and
// 200 MB, so the dictionary is compiled by go generate (./gen, package
// gsedict) into a hashed word table (package wordtab, zh_s.dict) that is
// embedded and searched in place, and gse's path search is redone over it
// step for step (shortest.go). Tests check the tokens against gse itself
// on every corpus day, and that compiling the dictionary again gives the
// embedded bytes.
//
// Every term and alias of dict/payments.yaml is added to that dictionary,
// when the Segmenter is built, at a frequency that keeps it whole
// (商业委托支付, not 商业|委托|支付), and the stop words it lacks are added
// at a low frequency so that 好的 or 嗯嗯 come out whole; so editing the
// YAML needs no go generate. Before the dictionary sees the text, two kinds
// of span are cut out and kept as single tokens:
//
//   - sticker codes such as [捂脸] or [OK] (KindStop): those listed in
//     dict/stopwords.yaml, and any other bracketed code of one to four Han
//     characters that is not a payments term;
//   - URLs starting with http://, https:// or www. (KindLatin), so that a
//     shared link is one word rather than a spray of fragments; trailing
//     sentence punctuation is left out of the URL.
//
// After gse, runs of spaces become one KindPunct token, runs of other
// punctuation and symbols (emoji included) become one KindPunct token, and
// digit groups joined by . , : / - with an optional % become one KindNumber
// token (0.38%, 1,000, 2018-05-04, 10:30).
//
// gse lowercases Latin letters for its dictionary lookups (so MDR and mdr
// are the same term) but reports byte offsets, and lowercasing ASCII keeps
// lengths, so tokens are cut from the original text: the token texts, in
// order, concatenate to exactly the text given to Tokens, spaces, case and
// invalid bytes included. ContentWords lowercases.
package segment
