package thread

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed models/*.yaml
var modelFiles embed.FS

// A featureID names one feature of the link scorer.
type featureID int

// Feature identifiers, in the order of featureNames.
const (
	fMention featureID = iota
	fMentioned
	fSameSender
	fAnswers
	fAskerFollowUp
	fSharedTerms
	fReply
	fAnaphor
	fNewsReaction
	fAdjacent
	fMedia
	fSameSpeaker
	fPrevious
	fCandidateQuestion
	fCandidateSystem
	fAddressedElsewhere
	fCandidateAddressedElsewhere
	fCandidateLatest
	fLogDistance
	fSharedTermsNear
	fMentionFar
	fCandidateAck
	fSameSpeakerPrevious
	fSameAddressee
	fBothQuestions
	fOpener
	fFreshQuestion
	fShare
	fGapMessages
	fGapMinutes
	fNewThread
	fSelfQuestion
	fSelfAddressed
	fSelfFirstPost
	fDist1
	fDist2
	fDist34
	fDist58
	fDist916
	fDist17Plus
	fGap01m
	fGap15m
	fGap515m
	fGap15mPlus
	fSharedWords1
	fSharedWords2
	fSharedWords3
	fQuestionDist1
	fQuestionDist2
	fQuestionDist34
	fQuestionDist58
	fQuestionDist916
	fQuestionDist17Plus
	fSameSpeakerDist1
	fSameSpeakerDist2
	fSameSpeakerDist34
	fSameSpeakerDist58
	fSameSpeakerDist916
	fSameSpeakerDist17Plus
	fRepliesToSender
	fThreadRoot
	fPartner
	fRepliedAlready
	fThreadLatest
	fThreadLatestOther
	fThreadLatestQuestion
	fTypedBefore
	fTypedSoonAfter
	fSharedRare
	fAnsweredBack
	numFeatures
)

// featureNames are the names of the features as model files write them.
var featureNames = [numFeatures]string{
	fMention:                     "mention",
	fMentioned:                   "mentioned",
	fSameSender:                  "same-sender",
	fAnswers:                     "answers",
	fAskerFollowUp:               "asker-follow-up",
	fSharedTerms:                 "shared-terms",
	fReply:                       "reply",
	fAnaphor:                     "anaphor",
	fNewsReaction:                "news-reaction",
	fAdjacent:                    "adjacent",
	fMedia:                       "media",
	fSameSpeaker:                 "same-speaker",
	fPrevious:                    "previous",
	fCandidateQuestion:           "candidate-question",
	fCandidateSystem:             "candidate-system",
	fAddressedElsewhere:          "addressed-elsewhere",
	fCandidateAddressedElsewhere: "candidate-addressed-elsewhere",
	fCandidateLatest:             "candidate-latest",
	fLogDistance:                 "log-distance",
	fSharedTermsNear:             "shared-terms-near",
	fMentionFar:                  "mention-far",
	fCandidateAck:                "candidate-ack",
	fSameSpeakerPrevious:         "same-speaker-previous",
	fSameAddressee:               "same-addressee",
	fBothQuestions:               "both-questions",
	fOpener:                      "opener",
	fFreshQuestion:               "fresh-question",
	fShare:                       "share",
	fGapMessages:                 "gap-messages",
	fGapMinutes:                  "gap-minutes",
	fNewThread:                   "new-thread",
	fSelfQuestion:                "self-question",
	fSelfAddressed:               "self-addressed",
	fSelfFirstPost:               "self-first-post",
	fDist1:                       "dist-1",
	fDist2:                       "dist-2",
	fDist34:                      "dist-3-4",
	fDist58:                      "dist-5-8",
	fDist916:                     "dist-9-16",
	fDist17Plus:                  "dist-17+",
	fGap01m:                      "gap-0-1m",
	fGap15m:                      "gap-1-5m",
	fGap515m:                     "gap-5-15m",
	fGap15mPlus:                  "gap-15m+",
	fSharedWords1:                "shared-words-1",
	fSharedWords2:                "shared-words-2",
	fSharedWords3:                "shared-words-3",
	fQuestionDist1:               "question-dist-1",
	fQuestionDist2:               "question-dist-2",
	fQuestionDist34:              "question-dist-3-4",
	fQuestionDist58:              "question-dist-5-8",
	fQuestionDist916:             "question-dist-9-16",
	fQuestionDist17Plus:          "question-dist-17+",
	fSameSpeakerDist1:            "same-speaker-dist-1",
	fSameSpeakerDist2:            "same-speaker-dist-2",
	fSameSpeakerDist34:           "same-speaker-dist-3-4",
	fSameSpeakerDist58:           "same-speaker-dist-5-8",
	fSameSpeakerDist916:          "same-speaker-dist-9-16",
	fSameSpeakerDist17Plus:       "same-speaker-dist-17+",
	fRepliesToSender:             "replies-to-sender",
	fThreadRoot:                  "thread-root",
	fPartner:                     "partner",
	fRepliedAlready:              "replied-already",
	fThreadLatest:                "thread-latest",
	fThreadLatestOther:           "thread-latest-other",
	fThreadLatestQuestion:        "thread-latest-question",
	fTypedBefore:                 "typed-before",
	fTypedSoonAfter:              "typed-soon-after",
	fSharedRare:                  "shared-rare",
	fAnsweredBack:                "answered-back",
}

// featureByName maps model-file names to identifiers.
var featureByName = func() map[string]featureID {
	m := make(map[string]featureID, numFeatures)
	for id, n := range featureNames {
		m[n] = featureID(id)
	}
	return m
}()

// A Model holds the weights of the link scorer: a linear function over named
// features of a (message, candidate parent) pair.
type Model struct {
	Name string `yaml:"name"` // e.g. "wechat", "irc"
	// Kind is the kind of chat the model was trained on, KindIRC or
	// KindWeChat (see KindOf), "" when the file records none (files
	// written before train recorded it, or trained on both kinds).
	Kind string `yaml:"kind"`
	Gate bool   `yaml:"gate"` // consider a candidate only when its evidence sums above zero
	// Handover joins a thread start to the conversation just before it when
	// the same people carry on and that conversation stops (joinHandovers).
	Handover bool `yaml:"handover"`
	// Remarks links a short remark that would start a thread to the message
	// it comments on (remarkTarget).
	Remarks bool `yaml:"remarks"`
	// PassNotices makes platform notices (joins, leaves, recalls) no turns
	// of the conversation: distances and neighbours pass over them, so a
	// join line changes no link. IRC leaves it off: its joins and quits
	// mark time there, and its weights were trained with them as turns.
	PassNotices bool               `yaml:"pass_notices"`
	Weights     map[string]float64 `yaml:"weights"` // feature name -> weight; missing features weigh 0
	// Rank (optional, from `threads train --rank`) adds to Weights when a
	// message that Weights link chooses its parent among the messages of the
	// thread Weights chose; it changes neither threads nor questions, but
	// answers are read from the links it chooses too (linkAndAssignRoles).
	Rank map[string]float64 `yaml:"rank"`
	// RankTrees (optional, from `threads train --rank`) add boosted trees
	// over the same features to Rank's score: fitted after Rank, on what it
	// leaves unexplained, they weigh features together (a shared word counts
	// for more from far back than from the message just before).
	RankTrees *RankForest `yaml:"rank_trees"`
	// Answers (optional, from `threads train --answers`) takes the role from
	// answers that read as comments; thread membership and reply links stay
	// (a thread left with no answer is a discussion rather than qa).
	Answers *AnswerCheck `yaml:"answers"`

	w     [numFeatures]float64 // Weights by feature identifier
	r     [numFeatures]float64 // Rank by feature identifier
	ranks bool                 // some Rank weight is not zero, or there are RankTrees
	// rankUses marks the features rerank must measure: those with a Rank
	// weight and those the RankTrees split on.
	rankUses [numFeatures]bool
	place    bool // some Weights weight of a thread-place feature is not zero
}

// placeFeatures read where a candidate stands in its thread; the scoring
// loop computes them only for models that weigh them (addThreadPlace).
var placeFeatures = []featureID{fRepliesToSender, fThreadRoot, fPartner, fRepliedAlready, fThreadLatest, fThreadLatestOther, fThreadLatestQuestion}

// untrained marks the features Train leaves out: those only the Rank
// weights use (where a candidate stands in its thread, typing time,
// shared-rare), which TrainRank fits, and answered-back, which the WeChat
// weights set by hand (trained on IRC it left dev link F1 at 63.4).
var untrained = func() [numFeatures]bool {
	var r [numFeatures]bool
	for _, id := range append(slices.Clone(placeFeatures), fTypedBefore, fTypedSoonAfter, fSharedRare, fAnsweredBack) {
		r[id] = true
	}
	return r
}()

// index fills the identifier-indexed weights from Weights and Rank; path
// names the model in errors.
func (m *Model) index(path string) error {
	return m.indexAt(&locator{path: path})
}

// indexAt is index with errors placed by at (a model file's lines when it
// has the file).
func (m *Model) indexAt(at *locator) error {
	var err error
	if m.w, err = indexWeights(m.Weights, "weights", at); err != nil {
		return err
	}
	if m.r, err = indexWeights(m.Rank, "rank", at); err != nil {
		return err
	}
	m.ranks = false
	for id, w := range m.r {
		m.ranks = m.ranks || w != 0
		m.rankUses[id] = w != 0
	}
	if m.RankTrees != nil {
		if err := m.RankTrees.index(at); err != nil {
			return err
		}
		for _, t := range m.RankTrees.Trees {
			for _, n := range t {
				if len(n) == 4 {
					m.rankUses[m.RankTrees.ids[int(n[0])]] = true
				}
			}
		}
		m.ranks = m.ranks || len(m.RankTrees.Trees) > 0
	}
	m.place = false
	for _, id := range placeFeatures {
		m.place = m.place || m.w[id] != 0
	}
	return nil
}

// indexWeights turns the named weights of the model file's block (weights
// or rank) into weights by feature identifier. It checks the names in
// sorted order, so that of two bad names the error is always about the
// same one.
func indexWeights(named map[string]float64, block string, at *locator) ([numFeatures]float64, error) {
	var by [numFeatures]float64
	for _, name := range slices.Sorted(maps.Keys(named)) {
		w := named[name]
		id, ok := featureByName[name]
		if !ok {
			return by, fmt.Errorf("%s: unknown feature %q in `%s:`; correct its name or remove it (known features: %s)", at.key(block, name), name, block, strings.Join(featureNames[:], ", "))
		}
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return by, fmt.Errorf("%s: weight %s in `%s:` is not a finite number; give a number", at.key(block, name), name, block)
		}
		by[id] = w
	}
	return by, nil
}

// penaltyFeatures are the features that never count as evidence for the gate.
var penaltyFeatures = [numFeatures]bool{fGapMessages: true, fGapMinutes: true, fOpener: true, fFreshQuestion: true, fShare: true}

// A feature is one measurement of a candidate link.
type feature struct {
	id     featureID
	value  float64
	detail string
}

// score returns the model's score of a candidate, whether it passes the gate,
// and the evidence (weighted features) behind it.
func (m *Model) score(fs []feature) (float64, bool, []Evidence) {
	total, evidence := 0.0, 0.0
	var ev []Evidence
	for _, f := range fs {
		w := m.w[f.id] * f.value
		if w == 0 {
			continue
		}
		total += w
		if !penaltyFeatures[f.id] {
			evidence += w
		}
		ev = append(ev, Evidence{Kind: featureNames[f.id], Detail: f.detail, Weight: round2(w)})
	}
	return total, !m.Gate || evidence > 0, ev
}

// total is score without the evidence: the scoring loop's fast path.
func (m *Model) total(fs []feature) (float64, bool) {
	total, evidence := 0.0, 0.0
	for _, f := range fs {
		w := m.w[f.id] * f.value
		total += w
		if !penaltyFeatures[f.id] {
			evidence += w
		}
	}
	return total, !m.Gate || evidence > 0
}

// The kinds of chat a model is trained on: each is the name of the
// embedded model that DefaultModel picks for the log formats of that kind.
const (
	KindIRC    = "irc"    // IRC logs
	KindWeChat = "wechat" // group chats in every other format: WeChat exports, Telegram, Slack, ...
)

// kindNames say what each kind of chat is, in a warning.
var kindNames = map[string]string{
	KindIRC:    "IRC logs",
	KindWeChat: "WeChat and every other format but IRC",
}

// KindOf returns the kind of chat of a log format: KindIRC for IRC logs,
// KindWeChat for every other format, as DefaultModel picks their model.
func KindOf(format string) string {
	if format == "irc" {
		return KindIRC
	}
	return KindWeChat
}

// TrainedKind returns the kind of chat of the training days, "" when they
// are of more than one kind (or there are none).
func TrainedKind(days []TrainingDay) string {
	kind := ""
	for k, d := range days {
		switch dk := KindOf(d.Log.Format); {
		case k == 0:
			kind = dk
		case dk != kind:
			return ""
		}
	}
	return kind
}

// KindWarning returns what to tell someone who threads a log of format
// with m, read from the model file path, when m was trained on another
// kind of chat: the threads are likely poor, though it may be meant. It
// returns "" when the kinds agree or m records no kind (an older file).
func (m *Model) KindWarning(path, format string) string {
	kind := KindOf(format)
	if m.Kind == "" || m.Kind == kind {
		return ""
	}
	return fmt.Sprintf("%s: the model was trained on chats of kind %s (%s), but an input is of kind %s (%s): its threads may be poor; train a model on logs of this kind (threads train), or leave out --model to use the embedded %s model",
		path, m.Kind, kindNames[m.Kind], kind, kindNames[kind], kind)
}

// DefaultModel returns the embedded model for a log format (see KindOf):
// "irc" for IRC logs (trained on the Ubuntu IRC train split), "wechat" for
// everything else.
func DefaultModel(format string) *Model {
	m := *embeddedModels[KindOf(format)]()
	return &m
}

// embeddedModels parse each embedded model once: threading an archive asks
// for one per file. Callers get a copy of the parsed model; they must not
// write into its weight maps.
var embeddedModels = map[string]func() *Model{
	"wechat": sync.OnceValue(func() *Model { return parseEmbedded("wechat") }),
	"irc":    sync.OnceValue(func() *Model { return parseEmbedded("irc") }),
}

// parseEmbedded parses the embedded model file models/NAME.yaml.
func parseEmbedded(name string) *Model {
	data, err := modelFiles.ReadFile("models/" + name + ".yaml")
	if err != nil {
		panic(fmt.Sprintf("embedded model %s missing: %v", name, err))
	}
	m, err := ParseModel(data, "models/"+name+".yaml")
	if err != nil {
		panic(err)
	}
	return m
}

// ParseModel reads a model from YAML; path names it in errors. A key the
// model file format does not have is an error, as is a feature name the
// scorer does not know: a misspelt switch would otherwise be dropped.
func ParseModel(data []byte, path string) (*Model, error) {
	var m Model
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil && err != io.EOF {
		return nil, decodeError(path, err)
	}
	if _, ok := kindNames[m.Kind]; !ok && m.Kind != "" {
		at := &locator{path: path, data: data}
		return nil, fmt.Errorf("%s: unknown kind %q; use %s or %s (the kind of chat the model was trained on), or remove the line", at.key("kind"), m.Kind, KindIRC, KindWeChat)
	}
	if len(m.Weights) == 0 {
		return nil, fmt.Errorf("%s: no weights: expected a `weights:` mapping of feature names to numbers", path)
	}
	if err := m.indexAt(&locator{path: path, data: data}); err != nil {
		return nil, err
	}
	if m.Answers != nil {
		if err := m.Answers.validate(path); err != nil {
			return nil, err
		}
	}
	return &m, nil
}

// yamlLineRE matches the line yaml.v3 puts before its messages: "line 3:"
// in a TypeError's entries, "yaml: line 3:" in a syntax error.
var yamlLineRE = regexp.MustCompile(`^line (\d+): (.*)$`)

// unknownKeyRE matches yaml.v3's message for a key that KnownFields refuses.
var unknownKeyRE = regexp.MustCompile(`^field (\S+) not found in type (\S+)$`)

// modelKeys are the keys each block of a model file takes, by the Go type
// yaml.v3 names in its errors.
var modelKeys = map[string][]string{
	"thread.Model":       yamlKeys(Model{}),
	"thread.RankForest":  yamlKeys(RankForest{}),
	"thread.AnswerCheck": yamlKeys(AnswerCheck{}),
}

// yamlKeys lists the YAML keys of the fields of struct v.
func yamlKeys(v any) []string {
	var keys []string
	t := reflect.TypeOf(v)
	for i := range t.NumField() {
		if k, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// decodeError turns a yaml.v3 error about the model file path into one
// error a line each, as path:line: what is wrong (and, for an unknown key,
// which keys there are). Errors of the trees' own reader (Forest), which
// name their line themselves, follow the path as they are.
func decodeError(path string, err error) error {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	} else if rest, ok := strings.CutPrefix(msgs[0], "yaml: "); ok {
		// A file that is no YAML at all is most often not a model file.
		msgs[0] = rest + " (is this a model file? expected the YAML that `threads train` writes)"
	} else {
		return fmt.Errorf("%s: %w", path, err)
	}
	for k, msg := range msgs {
		msgs[k] = path + ": " + msg
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			msgs[k] = path + ":" + m[1] + ": " + describeYAMLError(m[2])
		}
	}
	return errors.New(strings.Join(msgs, "\n"))
}

// describeYAMLError says what to do about an unknown key; other messages
// stay as yaml.v3 wrote them.
func describeYAMLError(msg string) string {
	m := unknownKeyRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	where := "a model file"
	if m[2] != "thread.Model" {
		where = "this block"
	}
	return fmt.Sprintf("unknown key %q; correct its spelling or remove it (the keys of %s: %s)", m[1], where, strings.Join(modelKeys[m[2]], ", "))
}

// A locator places errors about a model: in its file at the line of a key
// when it has the file's text, else at the path (or the model's name).
type locator struct {
	path string
	data []byte     // the model file, nil when the model was not read from one
	root *yaml.Node // data parsed, on the first error that needs a line
}

// key returns "path:line" of the key at keys (each nested under the one
// before, from the top of the file), or the path alone when there is no
// such key in the file.
func (l *locator) key(keys ...string) string {
	if k, _ := l.find(keys); k != nil {
		return fmt.Sprintf("%s:%d", l.path, k.Line)
	}
	return l.path
}

// tree returns "path:line" of tree k (from 0) of the `trees:` text of
// block, or the path alone when that line is not known.
func (l *locator) tree(block string, k int) string {
	if _, v := l.find([]string{block, "trees"}); v != nil && v.Style == yaml.LiteralStyle {
		return fmt.Sprintf("%s:%d", l.path, v.Line+1+k) // as Forest.UnmarshalYAML counts
	}
	return l.path
}

// find returns the key and value nodes at keys, nil when there are none.
// It parses the file on the first call: only errors need it.
func (l *locator) find(keys []string) (key, value *yaml.Node) {
	if l.root == nil && l.data != nil {
		var doc yaml.Node
		if yaml.Unmarshal(l.data, &doc) == nil && len(doc.Content) > 0 {
			l.root = doc.Content[0]
		}
	}
	value = l.root
	for _, name := range keys {
		if value == nil || value.Kind != yaml.MappingNode {
			return nil, nil
		}
		key, value = lookupKey(value, name)
	}
	return key, value
}

// lookupKey returns the key and value nodes of name in mapping node m.
func lookupKey(m *yaml.Node, name string) (key, value *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == name {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// LoadModel reads a model file written by `threads train` or by hand.
func LoadModel(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read model: %w", path, err)
	}
	return ParseModel(data, path)
}

// YAML renders the model with weights sorted by name, for `threads train`.
func (m *Model) YAML(comment string) []byte {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(comment), "\n") {
		b.WriteString("# " + line + "\n")
	}
	b.WriteString(yamlName(m.Name))
	if m.Kind != "" {
		b.WriteString("kind: " + m.Kind + "\n")
	}
	fmt.Fprintf(&b, "gate: %v\n", m.Gate)
	if m.Handover {
		b.WriteString("handover: true\n")
	}
	if m.Remarks {
		b.WriteString("remarks: true\n")
	}
	if m.PassNotices {
		b.WriteString("pass_notices: true\n")
	}
	b.WriteString("weights:\n")
	writeWeights(&b, m.Weights)
	if len(m.Rank) > 0 {
		b.WriteString("rank:\n")
		writeWeights(&b, m.Rank)
	}
	if m.RankTrees != nil {
		writeRankForest(&b, m.RankTrees)
	}
	if m.Answers != nil {
		writeAnswerCheck(&b, m.Answers)
	}
	return []byte(b.String())
}

// yamlName writes the `name:` line of a model file; yaml.v3 quotes the name
// as it needs to read back the same (`my: model`, `#1`, `[x]`).
func yamlName(name string) string {
	out, err := yaml.Marshal(struct {
		Name string `yaml:"name"`
	}{name})
	if err != nil {
		panic(err) // a struct of one string always marshals
	}
	return string(out)
}

// writeWeights writes named weights as YAML mapping lines, sorted by name,
// each exactly: the file reads back the weights that were fitted.
func writeWeights(b *strings.Builder, named map[string]float64) {
	for _, n := range slices.Sorted(maps.Keys(named)) {
		fmt.Fprintf(b, "  %s: %s\n", n, formatNumber(named[n]))
	}
}

// formatNumber writes v with the fewest digits that read back as v.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// writeAnswerCheck writes the `answers:` block, a tree to a line.
func writeAnswerCheck(b *strings.Builder, c *AnswerCheck) {
	fmt.Fprintf(b, "answers:\n  threshold: %s\n  features: [%s]\n  base: %s\n", formatNumber(c.Threshold), strings.Join(c.Features, ", "), formatNumber(c.Base))
	writeTrees(b, c.Trees)
}

// writeTrees writes the `trees:` key of a block, a tree to a line.
func writeTrees(b *strings.Builder, trees Forest) {
	if len(trees) == 0 {
		b.WriteString("  trees: \"\"\n")
		return
	}
	b.WriteString("  trees: |\n")
	for _, t := range trees {
		fmt.Fprintf(b, "    %s\n", t)
	}
}

// rankScore is the Rank part of a candidate's score: the Rank weights, and
// the RankTrees on x, which it fills (len(RankTrees.Features) numbers).
func (m *Model) rankScore(fs []feature, x []float64) float64 {
	total := 0.0
	for _, f := range fs {
		total += m.r[f.id] * f.value
	}
	if m.RankTrees != nil {
		total += m.RankTrees.value(fs, x)
	}
	return total
}

// A RankForest is the `rank_trees:` block of a model: boosted regression
// trees over the link features (their names by position in Features), each
// adding the value of the leaf a candidate reaches to its rank score.
type RankForest struct {
	Features []string `yaml:"features"`
	Trees    Forest   `yaml:"trees"`

	ids      []featureID // the feature at each position of Features
	pos      [numFeatures]int
	compiled compiledForest // Trees as rerank reads them, for every candidate
}

// index maps the forest's feature names to identifiers and checks its
// trees; at places errors in the model file.
func (r *RankForest) index(at *locator) error {
	r.ids = r.ids[:0]
	for k := range r.pos {
		r.pos[k] = -1
	}
	for k, name := range r.Features {
		id, ok := featureByName[name]
		if !ok {
			return fmt.Errorf("%s: rank_trees splits on unknown feature %q; fit the rank block again with `threads train --rank`", at.key("rank_trees", "features"), name)
		}
		r.ids = append(r.ids, id)
		r.pos[id] = k
	}
	for k, t := range r.Trees {
		if err := t.check(len(r.Features)); err != nil {
			return fmt.Errorf("%s: rank_trees tree %d (line %d of the trees block): %w", at.tree("rank_trees", k), k+1, k+1, err)
		}
	}
	r.compiled = compileForest(r.Trees)
	return nil
}

// value is the sum of the trees for the candidate measured by fs; x is
// scratch space of len(Features) numbers.
func (r *RankForest) value(fs []feature, x []float64) float64 {
	clear(x)
	for _, f := range fs {
		if k := r.pos[f.id]; k >= 0 {
			x[k] += f.value
		}
	}
	return r.compiled.sum(x)
}

// writeRankForest writes the `rank_trees:` block, a tree to a line.
func writeRankForest(b *strings.Builder, r *RankForest) {
	fmt.Fprintf(b, "rank_trees:\n  features: [%s]\n", strings.Join(r.Features, ", "))
	writeTrees(b, r.Trees)
}
