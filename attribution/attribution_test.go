package attribution

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/text"
)

// analyze runs the text stage over the whole of src.
func analyze(src string) *text.Text {
	return text.Analyze(src, []whosaid.Span{whosaid.NewSpan(src, 0, len(src))})
}

// analyzeParagraphs runs the text stage over src with its blank-line
// separated blocks as paragraphs.
func analyzeParagraphs(src string) *text.Text {
	var blocks []whosaid.Span
	start := 0
	for _, part := range strings.Split(src, "\n\n") {
		blocks = append(blocks, whosaid.NewSpan(src, start, start+len(part)))
		start += len(part) + 2
	}
	return text.Analyze(src, blocks)
}

// tagsOf parses a tag line like "S S Q C C C" (source, cue, content,
// outside "-"; a lower-case letter begins a new span of the role).
func tagsOf(t *testing.T, line string) []Tag {
	t.Helper()
	var tags []Tag
	for _, f := range strings.Fields(line) {
		var g Tag
		switch f {
		case "-":
			g = Outside
		case "s":
			g = BeginSource
		case "S":
			g = InSource
		case "q":
			g = BeginCue
		case "Q":
			g = InCue
		case "c":
			g = BeginContent
		case "C":
			g = InContent
		default:
			t.Fatalf("bad tag %q", f)
		}
		tags = append(tags, g)
	}
	return tags
}

func TestGroup(t *testing.T) {
	tests := []struct {
		name, src, tags string
		want            []string // content | cue | source of each attribution
	}{
		{
			name: "indirect",
			src:  "The mayor said the bridge will open soon.",
			tags: "s S q c C C C C -",
			want: []string{"the bridge will open soon | said | The mayor"},
		},
		{
			name: "quote then cue",
			src:  `"We are ready," she said.`,
			tags: "c C C C C C s q -",
			want: []string{`"We are ready," | said | she`},
		},
		{
			name: "parenthetical attribution is one content",
			src:  "Harbour fees, the minister said, are too high.",
			tags: "c C - s S q - C C C -",
			want: []string{"Harbour fees, the minister said, are too high | said | the minister"},
		},
		{
			name: "quotation resumed after its attribution is one content",
			src:  `"We are ready," she said. "Really ready."`,
			tags: "c C C C C C s q - c C C C C",
			want: []string{`"We are ready," she said. "Really ready." | said | she`},
		},
		{
			name: "a quotation after an attribution that opens its sentence is a new content",
			src:  `Ann said: "We are ready." She added, "Really ready."`,
			tags: "s q - c C C C C C s q - c C C C C",
			want: []string{`"We are ready." | said | Ann`, `"Really ready." | added | She`},
		},
		{
			name: "a second cue between quotations makes two attributions",
			src:  `"We are ready," she said, adding: "Really ready."`,
			tags: "c C C C C C s q - q - c C C C C",
			want: []string{`"We are ready," | said | she`, `"Really ready." | adding | she`},
		},
		{
			name: "a participle alone between contents makes two attributions",
			src:  "The mayor denied the report, saying the bridge is safe.",
			tags: "s S q c C - q c C C C -",
			want: []string{"the report | denied | The mayor", "the bridge is safe | saying | The mayor"},
		},
		{
			name: "a participle after a dash too",
			src:  "The mayor denied the report — insisting the bridge is safe.",
			tags: "s S q c C - q c C C C -",
			want: []string{"the report | denied | The mayor", "the bridge is safe | insisting | The mayor"},
		},
		{
			name: "quotation not resumed: two contents",
			src:  `"We are ready," she said. Then the vote began.`,
			tags: "c C C C C C s q - c C C C -",
			want: []string{`"We are ready," | said | she`, "Then the vote began | said | she"},
		},
		{
			name: "cue in the next sentence",
			src:  "Taxes will rise. So the council says.",
			tags: "c C C - - s S q -",
			want: []string{"Taxes will rise | says | the council"},
		},
		{
			name: "cue without tagged content takes the rest of its sentence",
			src:  "Officials believe that the plant was closed last year.",
			tags: "s q - - - - - - - -",
			want: []string{"the plant was closed last year | believe | Officials"},
		},
		{
			name: "two attributions",
			src:  "Ann said rates rose. Bob said rents fell.",
			tags: "s q c C - s q c C -",
			want: []string{"rates rose | said | Ann", "rents fell | said | Bob"},
		},
		{
			name: "cue and colon ending the paragraph before",
			src:  "The governor added:\n\n\"Nobody will pay more.\"",
			tags: "s S q - c C C C C C C",
			want: []string{`"Nobody will pay more." | added: | The governor`},
		},
		{
			name: "an untagged paragraph set off below a cue and colon",
			src:  "The governor added:\n\nPrices rose.",
			tags: "s S q - - - -",
			want: []string{"Prices rose. | added: | The governor"},
		},
		{
			name: "a colon inside the paragraph sets nothing off",
			src:  "The governor added: no way.\n\nPrices rose.",
			tags: "s S q - - - - - - -",
			want: []string{},
		},
		{
			name: "a noun phrase opening a cue run goes back to the source",
			src:  "Local voters said the plan failed.",
			tags: "s q Q c C C -",
			want: []string{"the plan failed | said | Local voters"},
		},
		{
			name: "a noun before a form of be is the cue",
			src:  "His concern is that costs rise.",
			tags: "s q Q c C C -",
			want: []string{"that costs rise | concern is | His"},
		},
		{
			name: "content alone",
			src:  "Prices will fall.",
			tags: "c C C -",
			want: []string{"Prices will fall |  | "},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tx := analyzeParagraphs(tc.src)
			tags := tagsOf(t, tc.tags)
			if len(tags) != len(tx.Tokens) {
				var toks []string
				for i := range tx.Tokens {
					toks = append(toks, tx.Str(i))
				}
				t.Fatalf("%d tags for %d tokens %q", len(tags), len(tx.Tokens), toks)
			}
			got := group(newDocContext(tx, nil), tags, make([]float32, len(tags)), keepEdges)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d attributions %+v, want %d", len(got), got, len(tc.want))
			}
			for k, a := range got {
				text := func(s *whosaid.Span) string {
					if s == nil {
						return ""
					}
					return s.Text
				}
				if g := a.Content.Text + " | " + text(a.Cue) + " | " + text(a.Source); g != tc.want[k] {
					t.Errorf("attribution %d = %q, want %q", k, g, tc.want[k])
				}
			}
		})
	}
}

func TestContentType(t *testing.T) {
	tests := []struct {
		src  string
		want whosaid.StatementType
	}{
		{`"We are ready,"`, whosaid.Direct},
		{`"We are ready."`, whosaid.Direct},
		{`the plan was "a disaster"`, whosaid.Mixed},
		{`the plan failed`, whosaid.Indirect},
	}
	for _, tc := range tests {
		tx := analyze(tc.src)
		if got := contentType(tx, span{first: 0, last: len(tx.Tokens)}); got != tc.want {
			t.Errorf("contentType(%q) = %s, want %s", tc.src, got, tc.want)
		}
	}
}

func TestLemma(t *testing.T) {
	for cue, want := range map[string]string{
		"said": "say", "told reporters": "tell", "According to": "according to",
		"argued": "argue", "denies": "deny", "claims": "claim", "warned": "warn",
		"noted": "note", "stated": "state", "saying": "say",
	} {
		if got := lemma(cue); got != want {
			t.Errorf("lemma(%q) = %q, want %q", cue, got, want)
		}
	}
}

func TestGoldTags(t *testing.T) {
	src := "Ann Lee said taxes rose."
	region := func(s, e int) *corpus.Region {
		return &corpus.Region{Fragments: []whosaid.Span{whosaid.NewSpan(src, s, e)}, Text: src[s:e]}
	}
	attrs := []corpus.Attribution{{Source: region(0, 7), Cue: region(8, 12), Content: region(13, 23)}}
	got := goldTags(analyze(src), attrs)
	want := tagsOf(t, "s S q c C -")
	if !slicesEqual(got, want) {
		t.Errorf("goldTags = %v, want %v", got, want)
	}
}

func slicesEqual(a, b []Tag) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestViterbiIsWellFormed(t *testing.T) {
	// Emissions that favour an inside tag first must still decode to a
	// sequence where every inside tag continues a span of its role.
	em := [][tagCount]float32{{InContent: 5}, {InCue: 5, BeginSource: 1}, {InContent: 3, BeginContent: 1}}
	var trans [tagCount + 1][tagCount]float32
	tags := viterbi(em, &trans)
	prev := Outside
	for k, g := range tags {
		if !allowed(prev, g) {
			t.Fatalf("tag %d: %v after %v in %v", k, g, prev, tags)
		}
		prev = g
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	m := tinyModel()
	m.refine = &refiner{w: map[uint32]float32{7: 0.5, 1 << 30: -2}}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.lexicon["said"] != rateAlways || len(back.w.index) != 1 || back.cueBias != -2.5 {
		t.Fatalf("decoded model lost data: %+v", back)
	}
	if got := back.w.rows[int(back.w.index[42])*int(tagCount)+int(BeginCue)]; got < 0.99 || got > 1.01 {
		t.Errorf("weight = %v, want 1", got)
	}
	if back.refine == nil || back.refine.w[7] != 0.5 || back.refine.w[1<<30] != -2 || len(back.refine.w) != 2 {
		t.Errorf("decoded refiner = %+v", back.refine)
	}
	if _, err := Decode(strings.NewReader("not a model")); err == nil {
		t.Error("Decode accepted garbage")
	}
}

// tinyModel is a hand-made model: "said" is a cue word.
func tinyModel() *Model {
	w := &weights{index: map[uint32]int32{42: 0}, rows: make([]float32, tagCount)}
	w.rows[BeginCue] = 1
	return &Model{lexicon: map[string]uint8{"said": rateAlways}, w: w, cueBias: -2.5}
}

func TestDefaultModelPredicts(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	src := "The mayor said on Tuesday that the harbour bridge will open in May."
	got := m.Predict(analyze(src))
	if len(got) != 1 || got[0].Cue == nil || got[0].Source == nil {
		t.Fatalf("Predict = %+v, want one attribution with cue and source", got)
	}
	if got[0].Source.Text != "The mayor" || !strings.Contains(got[0].Content.Text, "harbour bridge will open") {
		t.Errorf("Predict = source %q content %q", got[0].Source.Text, got[0].Content.Text)
	}
}

// TestTrainIsDeterministic trains twice on a slice of PolNeAR train and
// compares the model files byte for byte.
func TestTrainIsDeterministic(t *testing.T) {
	articles, err := corpus.LoadPolNeAR("../../shared/data/polnear/polnear-train.jsonl")
	if err != nil {
		t.Skipf("no PolNeAR train: %v", err)
	}
	articles = articles[:min(len(articles), 15)]
	cfg := TrainConfig{Epochs: 2, MinCount: 1, Seed: 7}
	var files [2]bytes.Buffer
	for k := range files {
		m, err := Train(articles, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Encode(&files[k]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Error("two trainings on the same data gave different models")
	}
}

func FuzzPredict(f *testing.F) {
	f.Add("The mayor said the bridge will open soon.")
	f.Add(`"We are ready," she said. “Really?” he asked — and then: 'no'.`)
	f.Add("Harbour fees, the minister said, are too high.\n\nOfficials believe it.")
	f.Add("\"unclosed quote said\n\n\xff\xfe broken utf-8")
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, a := range m.Predict(analyze(src)) {
			for _, s := range []*whosaid.Span{&a.Content, a.Cue, a.Source} {
				if s == nil {
					continue
				}
				if s.Start < 0 || s.End > len(src) || s.Start > s.End || src[s.Start:s.End] != s.Text {
					t.Fatalf("bad span %+v in %q", *s, src)
				}
			}
			if a.Score < 0 || a.Score > 1 {
				t.Fatalf("score %v out of [0, 1]", a.Score)
			}
		}
	})
}

func BenchmarkPredict(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	src := sampleArticle(b)
	tx := analyze(src)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		m.Predict(tx)
	}
	b.ReportMetric(float64(len(tx.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// sampleArticle is the repository's own fictional sample article.
func sampleArticle(b *testing.B) string {
	data, err := os.ReadFile("../testdata/sample.txt")
	if err != nil {
		b.Skip("no sample article:", err)
	}
	return string(data)
}
