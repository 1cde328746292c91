// Package digest merges the questions of many threaded days into entries:
// the same question asked in March and in June, in other words and maybe
// in another group, becomes one entry with every occurrence (date, group,
// asker, answers, source file and line). It ranks the entries, gives them
// and every thread topics from dict/topics.yaml, and writes them as a
// Markdown digest, JSON, a knowledge base of Markdown files, or one HTML page
// with a timeline per day.
//
// # Similarity
//
// A question is compared by its content words (segment.ContentWords, after
// @mentions and a re-posted answer are cut off; a mentioned group display
// name with a space in it, "@杨彧-微众- 支付产品经理-上海", goes whole, and
// so does the display name a Telegram mention writes without its "@", see
// title.StripMentions), with payments aliases read
// as their term (央行 is 人民银行) and a term also counting the shorter term
// it starts or ends with (快捷支付 is also 快捷). Each feature weighs
// (1 + ln tf) · idf, times 1.5 for payments terms; two questions are
// compared by the cosine of their unit vectors.
//
// The IDF is ln((N+1)/(df+1)) + 1 over the N messages of the run itself,
// not gse's table. gse's TF-IDF extractor (hmm/extracker with
// hmm/relevance.Idf) loads data/dict/zh/idf.txt, 270 000 words: building it
// from the embedded string (relevance.Idf.LoadDictStr(gse.ZhIdf)) takes
// about 0.9 s and LoadIdf from the module's file about 3 s on the machine
// the digest is tuned on, while a whole week digests in about 0.3 s. The
// table also comes from general text (it lacks 微信, and ranks 分账 like any
// rare word), and the extractor segments with gse's own dictionary rather
// than ours with the payments terms. Counting over the run's messages costs
// one pass over tokens already cut, and says what is common in these chats
// (银行, 账户, 支付宝) and what is not.
//
// # Merging
//
// Two questions merge when (see mergeable):
//
//   - their cosine reaches the threshold (DefaultThreshold, 0.7), or
//     SameDayThreshold (0.9) when both come from one day, where similar
//     questions are mostly turns of one conversation, or when one leans on
//     its conversation (这个, 那, 你: see contextual); so two questions of
//     one thread merge only when one copies or quotes the other to ask it
//     again;
//   - the features they share carry at least half of each one's weight, so
//     that a short question is not taken for a longer one asking more;
//   - they share three features, or two with a payments term.
//
// Two questions of one day also merge when one holds every feature of the
// other, four or more: a question re-posted with its answer or a remark
// after it. A question that repeats the message before it in the same
// second is no asking at all: some exports list a message twice, under the
// sender's display name and their group nickname (three devarch days of
// the shared corpus hold over 400 such copies).
//
// Groups are formed by complete linkage: the most similar pairs first, two
// groups join only when every pair across them may merge. An entry's title
// is its most central question, the one most similar to the others, as
// title.Of writes it (the FAQ of threads extract titles its questions so
// too). A
// question asked once and never answered, or one with too little to say out
// of its chat (one word, or two without a payments term or a topic's term),
// is no entry. The questions nobody answered that say enough and open
// their thread are listed as Digest.Unanswered, for a curator to answer
// (see unanswered for why a question inside a thread is not).
//
// The thresholds were tuned by reading every candidate pair above 0.4 on the
// shared corpus (45 days in three groups): above 0.7 the pairs ask the same
// thing; between 0.5 and 0.7 most share a subject (备付金账户, 直连) but ask
// different things. Paraphrases that share a single word (微信分账接口怎么申请
// and 分账功能要单独开通吗) do not merge: that would take knowing that 开通
// and 申请 mean the same here.
//
// # Ranking and topics
//
// Entries rank by occurrences, then occurrences answered, then answers. A
// thread's topics are those whose terms its messages mention, the first
// message and questions counting twice; an entry's, those of its questions
// (twice) and answers. A topic needs a score of 2 (one question, or two
// messages), and a thread or entry keeps its three best. A term of two
// Chinese characters is mentioned only where it cuts no word of the
// segmenter's in half (see topicMatcher.mentions).
//
// Everything is deterministic: the same days, in any order, give
// byte-identical output. Writers take an io.Writer (WriteKB a folder) and
// never print elsewhere.
package digest
