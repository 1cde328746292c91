package eval

// Scores holds every metric for one file (or a micro/macro average of
// several). Percentages run from 0 to 100. The count fields carry what
// Micro needs to pool files.
type Scores struct {
	Messages    int `json:"messages"`     // scored messages (N)
	GoldThreads int `json:"gold_threads"` // gold clusters, singletons included
	PredThreads int `json:"pred_threads"` // predicted clusters, singletons included

	OneToOne float64 `json:"one_to_one"` // one-to-one overlap, % of messages
	VI       float64 `json:"vi"`         // 1 - VI/log2 N, in %

	ExactP  float64 `json:"exact_p"`  // exact thread match precision (threads of 2+ messages)
	ExactR  float64 `json:"exact_r"`  // exact thread match recall
	ExactF1 float64 `json:"exact_f1"` // exact thread match F1

	LinkP  float64 `json:"link_p"`  // reply-link precision
	LinkR  float64 `json:"link_r"`  // reply-link recall
	LinkF1 float64 `json:"link_f1"` // reply-link F1

	QuestionP  float64 `json:"question_p"`  // question detection precision
	QuestionR  float64 `json:"question_r"`  // question detection recall
	QuestionF1 float64 `json:"question_f1"` // question detection F1

	QAP  float64 `json:"qa_p"`  // question-answer pair precision
	QAR  float64 `json:"qa_r"`  // question-answer pair recall
	QAF1 float64 `json:"qa_f1"` // question-answer pair F1

	OneToOneOverlap int     `json:"one_to_one_overlap"` // messages covered by the one-to-one matching
	VIBits          float64 `json:"vi_bits"`            // variation of information in bits (pooled over files: message-weighted mean)

	ExactTP   int `json:"exact_tp"`   // predicted threads of 2+ messages that equal a gold thread
	ExactPred int `json:"exact_pred"` // predicted threads of 2+ messages
	ExactGold int `json:"exact_gold"` // gold threads of 2+ messages

	LinkTP   int `json:"link_tp"`   // predicted links that are gold links
	LinkPred int `json:"link_pred"` // predicted links
	LinkGold int `json:"link_gold"` // gold links

	QuestionTP   int `json:"question_tp"`   // predicted questions that are gold questions
	QuestionPred int `json:"question_pred"` // predicted questions
	QuestionGold int `json:"question_gold"` // gold questions

	QATP   int `json:"qa_tp"`   // predicted (answer, question) pairs in gold
	QAPred int `json:"qa_pred"` // predicted pairs
	QAGold int `json:"qa_gold"` // gold pairs

	Files int `json:"files"` // files behind these scores (1 for Score and ScoreLinks)
}

// Exact returns the exact-match counts of s.
func (s Scores) Exact() Count { return Count{s.ExactTP, s.ExactPred, s.ExactGold} }

// Link returns the reply-link counts of s.
func (s Scores) Link() Count { return Count{s.LinkTP, s.LinkPred, s.LinkGold} }

// Questions returns the question-detection counts of s.
func (s Scores) Questions() Count { return Count{s.QuestionTP, s.QuestionPred, s.QuestionGold} }

// QA returns the question-answer pair counts of s.
func (s Scores) QA() Count { return Count{s.QATP, s.QAPred, s.QAGold} }

// setCounts stores the four counts and the percentages derived from them.
func (s *Scores) setCounts(exact, link, question, qa Count) {
	s.ExactTP, s.ExactPred, s.ExactGold = exact.TP, exact.Pred, exact.Gold
	s.ExactP, s.ExactR, s.ExactF1 = exact.P(), exact.R(), exact.F1()
	s.LinkTP, s.LinkPred, s.LinkGold = link.TP, link.Pred, link.Gold
	s.LinkP, s.LinkR, s.LinkF1 = link.P(), link.R(), link.F1()
	s.QuestionTP, s.QuestionPred, s.QuestionGold = question.TP, question.Pred, question.Gold
	s.QuestionP, s.QuestionR, s.QuestionF1 = question.P(), question.R(), question.F1()
	s.QATP, s.QAPred, s.QAGold = qa.TP, qa.Pred, qa.Gold
	s.QAP, s.QAR, s.QAF1 = qa.P(), qa.R(), qa.F1()
}

// clusterScores fills the cluster metrics for two labelings of the same
// messages.
func clusterScores(gold, pred []int) Scores {
	s := Scores{Messages: len(gold), Files: 1}
	s.GoldThreads, s.PredThreads = countClusters(gold), countClusters(pred)
	if len(gold) == 0 {
		return s
	}
	s.OneToOneOverlap = OneToOneOverlap(gold, pred)
	s.OneToOne = 100 * float64(s.OneToOneOverlap) / float64(len(gold))
	s.VIBits = VariationOfInformation(gold, pred)
	s.VI = ScaledVI(s.VIBits, len(gold))
	return s
}

// Score compares a predicted annotation with a gold one over all gold
// messages. Threads come from Thread, or from the components of Parent when
// Thread is nil. Reply links are (i, Parent[i]) pairs, a thread start linking
// to itself; they are not scored (zero counts) on a side whose Parent is nil,
// and likewise for Question and AnswerOf. pred should have gold's length:
// missing predicted messages count as singleton thread starts with no
// question or answer role, and extra ones are ignored.
func Score(gold, pred *Annotation) Scores {
	n := gold.Len()
	gt, pt := gold.threadIDs(n), pred.threadIDs(n)
	s := clusterScores(gt, pt)
	if pred == nil {
		pred = &Annotation{}
	}
	var link, question, qa Count
	if gold.Parent != nil {
		var pl []Link
		if pred.Parent != nil {
			pl = parentLinks(pred.Parent, n)
		}
		link = LinkCounts(parentLinks(gold.Parent, n), pl)
	}
	if gold.Question != nil {
		question = QuestionCounts(gold.Question, pred.Question[:min(len(pred.Question), n)])
	}
	if gold.AnswerOf != nil {
		qa = QAPairCounts(gold.AnswerOf, pred.AnswerOf[:min(len(pred.AnswerOf), n)])
	}
	s.setCounts(ExactMatch(gt, pt), link, question, qa)
	return s
}

// ScoreLinks compares a prediction covering a whole file with a Kummerfeld
// link annotation, following their scripts: only annotated messages are
// scored. Predicted links are (m, Parent[m]) for each annotated message m
// (the lines a system writes for graph-eval.py); predicted conversations are
// the components of those links restricted to annotated messages, built as
// for the gold (so links among unannotated lines play no part). Without a
// predicted Parent, conversations come from Thread and no link is predicted.
// Question and Q&A counts stay zero.
func ScoreLinks(gold *Links, pred *Annotation) Scores {
	ann := gold.Annotated
	goldLabels := labelsOf(gold.Conversations(), ann)
	var pl []Link
	var predLabels []int
	switch {
	case pred != nil && pred.Parent != nil:
		for _, m := range ann {
			p := m
			if m < len(pred.Parent) {
				p = pred.Parent[m]
			}
			pl = append(pl, Link{Message: max(m, p), Antecedent: min(m, p)})
		}
		predLabels = labelsOf(components(pl, ann), ann)
	case len(ann) > 0:
		ids := pred.threadIDs(ann[len(ann)-1] + 1)
		predLabels = make([]int, len(ann))
		for i, m := range ann {
			predLabels[i] = ids[m]
		}
	}
	s := clusterScores(goldLabels, predLabels)
	s.setCounts(ExactMatch(goldLabels, predLabels), LinkCounts(gold.Pairs, pl), Count{}, Count{})
	return s
}

// parentLinks returns the links (i, parent[i]) for i < n; messages beyond
// parent link to themselves.
func parentLinks(parent []int, n int) []Link {
	out := make([]Link, n)
	for i := range out {
		p := i
		if i < len(parent) {
			p = parent[i]
		}
		out[i] = Link{Message: max(i, p), Antecedent: min(i, p)}
	}
	return out
}

// Micro pools several files the way Kummerfeld's scripts pool a data split:
// graph-eval.py and exact_match in conversation-eval.py sum the counts over
// files before computing P/R/F, and conversation-eval.py builds one
// contingency table over all files. So one-to-one is the summed overlap over
// the summed messages (the message-weighted mean), and VI is the
// message-weighted mean of the per-file VI in bits, scaled by log2 of the
// total message count: 1 - VI_pooled/log2 N_total. That is not the
// message-weighted mean of the per-file scaled VI; it is higher, since
// log2 N_total exceeds each file's log2 N.
func Micro(scores []Scores) Scores {
	var s Scores
	var exact, link, question, qa Count
	viSum := 0.0
	for _, x := range scores {
		s.Messages += x.Messages
		s.GoldThreads += x.GoldThreads
		s.PredThreads += x.PredThreads
		s.OneToOneOverlap += x.OneToOneOverlap
		s.Files += x.Files
		viSum += x.VIBits * float64(x.Messages)
		exact = exact.Add(x.Exact())
		link = link.Add(x.Link())
		question = question.Add(x.Questions())
		qa = qa.Add(x.QA())
	}
	if s.Messages > 0 {
		s.OneToOne = 100 * float64(s.OneToOneOverlap) / float64(s.Messages)
		s.VIBits = viSum / float64(s.Messages)
		s.VI = ScaledVI(s.VIBits, s.Messages)
	}
	s.setCounts(exact, link, question, qa)
	return s
}

// Mean macro-averages several files, as reported for the project's gold
// days: each percentage is the plain mean of the per-file values, taken over
// the files where it is defined (one-to-one and VI: files with messages; a
// P/R/F1 group: files with a predicted or a gold item). The counts, VIBits
// and OneToOneOverlap are pooled as in Micro.
func Mean(scores []Scores) Scores {
	m := Micro(scores)
	var sum [14]float64
	var n [5]int
	for _, x := range scores {
		if x.Messages > 0 {
			sum[0] += x.OneToOne
			sum[1] += x.VI
			n[0]++
		}
		groups := []struct {
			c       Count
			p, r, f float64
		}{
			{x.Exact(), x.ExactP, x.ExactR, x.ExactF1},
			{x.Link(), x.LinkP, x.LinkR, x.LinkF1},
			{x.Questions(), x.QuestionP, x.QuestionR, x.QuestionF1},
			{x.QA(), x.QAP, x.QAR, x.QAF1},
		}
		for g, v := range groups {
			if v.c.defined() {
				sum[2+3*g] += v.p
				sum[3+3*g] += v.r
				sum[4+3*g] += v.f
				n[1+g]++
			}
		}
	}
	avg := func(i, k int) float64 {
		if n[k] == 0 {
			return 0
		}
		return sum[i] / float64(n[k])
	}
	m.OneToOne, m.VI = avg(0, 0), avg(1, 0)
	m.ExactP, m.ExactR, m.ExactF1 = avg(2, 1), avg(3, 1), avg(4, 1)
	m.LinkP, m.LinkR, m.LinkF1 = avg(5, 2), avg(6, 2), avg(7, 2)
	m.QuestionP, m.QuestionR, m.QuestionF1 = avg(8, 3), avg(9, 3), avg(10, 3)
	m.QAP, m.QAR, m.QAF1 = avg(11, 4), avg(12, 4), avg(13, 4)
	return m
}
