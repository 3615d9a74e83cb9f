package web

import (
	"sort"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/archive"
)

// articleView is an article ready to show: its text cut into segments,
// each marked with the role it plays (content, cue, speaker, furniture)
// and the statement it belongs to, so the browser needs no byte offsets.
type articleView struct {
	Article    *archive.ArticleRef `json:"article"`
	Segments   []segment           `json:"segments"`
	Statements []statementView     `json:"statements"`
}

type segment struct {
	Text      string `json:"text"`
	Role      string `json:"role,omitempty"`      // content, cue, speaker, furniture, title or "" for plain text
	Statement int    `json:"statement,omitempty"` // 1-based index into statements; 0 for none
}

type statementView struct {
	whosaid.Statement
	StatementID int64 `json:"statement_id,omitempty"`
	SpeakerID   int64 `json:"speaker_id,omitempty"`
}

// rolePriority decides which role shows where spans overlap: the
// speaker and cue inside a mixed statement's content stay visible.
var rolePriority = map[string]int{"speaker": 4, "cue": 3, "content": 2, "title": 1, "furniture": 1}

type mark struct {
	start, end int
	role       string
	statement  int
}

func newArticleView(ref *archive.ArticleRef, text string, rec whosaid.Record, statementIDs, speakerIDs []int64) articleView {
	view := articleView{Article: ref, Statements: make([]statementView, len(rec.Statements))}
	var marks []mark
	for _, f := range rec.Furniture {
		marks = append(marks, mark{f.Start, f.End, "furniture", 0})
	}
	if rec.Title != nil {
		marks = append(marks, mark{rec.Title.Start, rec.Title.End, "title", 0})
	}
	for i, st := range rec.Statements {
		view.Statements[i] = statementView{Statement: st}
		if i < len(statementIDs) {
			view.Statements[i].StatementID, view.Statements[i].SpeakerID = statementIDs[i], speakerIDs[i]
		}
		marks = append(marks, mark{st.Content.Start, st.Content.End, "content", i + 1})
		if st.Cue != nil {
			marks = append(marks, mark{st.Cue.Start, st.Cue.End, "cue", i + 1})
		}
		if st.Speaker != nil {
			marks = append(marks, mark{st.Speaker.Start, st.Speaker.End, "speaker", i + 1})
		}
	}
	bounds := []int{0, len(text)}
	for _, m := range marks {
		if 0 <= m.start && m.start < m.end && m.end <= len(text) {
			bounds = append(bounds, m.start, m.end)
		}
	}
	sort.Ints(bounds)
	for i := 0; i+1 < len(bounds); i++ {
		lo, hi := bounds[i], bounds[i+1]
		if lo == hi {
			continue
		}
		seg := segment{Text: text[lo:hi]}
		best := 0
		for _, m := range marks {
			if m.start <= lo && hi <= m.end && rolePriority[m.role] > best {
				best, seg.Role, seg.Statement = rolePriority[m.role], m.role, m.statement
			}
		}
		view.Segments = append(view.Segments, seg)
	}
	return view
}
