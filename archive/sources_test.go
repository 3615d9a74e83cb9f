package archive

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/input"
)

func TestOutletOf(t *testing.T) {
	tests := []struct {
		name string
		a    whosaid.Article
		want string
	}{
		{"outlet field first", whosaid.Article{Outlet: " Harbour  Ledger ", Site: "Other", URL: "https://www.ledger.example/x"}, "Harbour Ledger"},
		{"site name", whosaid.Article{Site: "The Coast Courier", URL: "https://courier.example/x"}, "The Coast Courier"},
		{"site as a host", whosaid.Article{Site: "www.courier.example"}, "courier.example"},
		{"site as a URL", whosaid.Article{Site: "https://news.courier.example/"}, "courier.example"},
		{"URL host without www", whosaid.Article{URL: "https://www.ledger.example/2024/story"}, "ledger.example"},
		{"regional subdomain", whosaid.Article{URL: "https://bc.ledger.example/story"}, "ledger.example"},
		{"two-part public suffix", whosaid.Article{URL: "http://www.gazette.co.uk/a"}, "gazette.co.uk"},
		{"credentials and port dropped", whosaid.Article{URL: "https://user:pw@www.ledger.example:8443/a"}, "ledger.example"},
		{"IP address", whosaid.Article{URL: "http://192.0.2.7/a"}, "192.0.2.7"},
		{"nothing", whosaid.Article{}, ""},
	}
	for _, tt := range tests {
		if got := outletOf(tt.a); got != tt.want {
			t.Errorf("%s: outletOf = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestWilson(t *testing.T) {
	// Reference values of the Wilson score interval (z = 1.96).
	tests := []struct {
		k, n      int
		low, high float64
	}{
		{0, 10, 0, 0.2775},
		{5, 10, 0.2366, 0.7634},
		{81, 263, 0.2553, 0.3662},
		{10, 10, 0.7225, 1},
	}
	for _, tt := range tests {
		got := wilson(tt.k, tt.n)
		if math.Abs(got.Low-tt.low) > 5e-4 || math.Abs(got.High-tt.high) > 5e-4 || got.Value != float64(tt.k)/float64(tt.n) {
			t.Errorf("wilson(%d, %d) = %+v, want %.4f–%.4f", tt.k, tt.n, *got, tt.low, tt.high)
		}
	}
	if wilson(0, 0) != nil {
		t.Error("wilson(0, 0) should be nil")
	}
}

// quoted is a statement of a fixture: its content (found in the text),
// speaker name, kind and gender.
type quoted struct {
	content, name string
	kind          whosaid.SpeakerKind
	gender        string
}

// givenRecords is an extractor that gives each article the statements
// listed for its id, as if extraction had found them.
func givenRecords(statements map[string][]quoted) func(context.Context, whosaid.Article) (whosaid.Record, error) {
	return func(_ context.Context, a whosaid.Article) (whosaid.Record, error) {
		rec := whosaid.Record{ID: a.ID, Statements: []whosaid.Statement{}}
		for _, q := range statements[a.ID] {
			i := strings.Index(a.Text, q.content)
			if i < 0 {
				return rec, fmt.Errorf("fixture %s: %q not in the text", a.ID, q.content)
			}
			st := whosaid.Statement{Type: whosaid.Direct, Content: whosaid.NewSpan(a.Text, i, i+len(q.content)),
				SpeakerKind: q.kind, SpeakerGender: q.gender, Confidence: 0.9}
			if q.name != "" {
				name := q.name
				st.SpeakerName = &name
			}
			rec.Statements = append(rec.Statements, st)
		}
		return rec, nil
	}
}

func ingestGiven(t testing.TB, a *Archive, statements map[string][]quoted, as ...whosaid.Article) {
	t.Helper()
	if _, err := a.Ingest(context.Background(), articles(as...), IngestOptions{Workers: 2, BatchSize: 2, Extract: givenRecords(statements)}); err != nil {
		t.Fatal(err)
	}
}

// sourcesFixture is two outlets over two months: Ana Ruiz quoted by both
// (a woman), Ben Okafor a man in one article and of unknown gender in
// another (a man), Cam Dale female in one article and male in another
// (conflicting: unknown), an organisation, a group, unnamed sources and a
// statement with no speaker.
func sourcesFixture(t testing.TB) *Archive {
	a := openTemp(t)
	text := "“One.” “Two.” “Three.” “Four.” “Five.”"
	arts := []whosaid.Article{
		{ID: "l1", Text: text, Outlet: "Ledger", Published: day("2024-03-02")},
		{ID: "l2", Text: text, URL: "https://www.ledger.example/2", Outlet: "Ledger", Published: day("2024-03-20")},
		{ID: "l3", Text: text, Outlet: "Ledger", Published: day("2024-04-01")},
		{ID: "c1", Text: text, URL: "https://bc.courier.example/1", Published: day("2024-04-05")},
		{ID: "c2", Text: text, URL: "https://courier.example/2"},
	}
	ingestGiven(t, a, map[string][]quoted{
		"l1": {{"“One.”", "Ana Ruiz", whosaid.Person, "female"}, {"“Two.”", "Ben Okafor", whosaid.Person, "male"},
			{"“Three.”", "Harbour Authority", whosaid.Organization, ""}, {"“Four.”", "a spokesperson", whosaid.Person, "unknown"}},
		"l2": {{"“One.”", "Ana Ruiz", whosaid.Person, "female"}, {"“Two.”", "Ben Okafor", whosaid.Person, "unknown"},
			{"“Three.”", "Cam Dale", whosaid.Person, "female"}, {"“Four.”", "officials", whosaid.Group, ""},
			{"“Five.”", "", whosaid.Unknown, ""}},
		"l3": {{"“One.”", "Cam Dale", whosaid.Person, "male"}, {"“Two.”", "The Liberals", whosaid.Group, ""}},
		"c1": {{"“One.”", "Ana Ruiz", whosaid.Person, "female"}, {"“Two.”", "Dee Park", whosaid.Person, "male"}},
	}, arts...)
	return a
}

func TestSources(t *testing.T) {
	a := sourcesFixture(t)
	ledger := SourceGroup{Outlet: "Ledger", Articles: 3, Statements: 11, People: 3, Women: 1, Men: 1, GenderUnknown: 1,
		WomenShare: wilson(1, 2), ByPerson: 6, ByOrganization: 1, ByGroup: 1, ByUnnamed: 2, ByOther: 1}
	courier := SourceGroup{Outlet: "courier.example", Articles: 2, Statements: 2, People: 2, Women: 1, Men: 1,
		WomenShare: wilson(1, 2), ByPerson: 2}
	tests := []struct {
		name string
		q    SourcesQuery
		want []SourceGroup
	}{
		{"by outlet", SourcesQuery{By: Grouping{Outlet: true}}, []SourceGroup{ledger, courier}},
		{"everything", SourcesQuery{}, []SourceGroup{{Articles: 5, Statements: 13, People: 4, Women: 1, Men: 2, GenderUnknown: 1,
			WomenShare: wilson(1, 3), ByPerson: 8, ByOrganization: 1, ByGroup: 1, ByUnnamed: 2, ByOther: 1}}},
		{"by outlet and month", SourcesQuery{By: Grouping{Outlet: true, Month: true}}, []SourceGroup{
			{Outlet: "Ledger", Month: "2024-03", Articles: 2, Statements: 9, People: 3, Women: 2, Men: 1,
				WomenShare: wilson(2, 3), ByPerson: 5, ByOrganization: 1, ByUnnamed: 2, ByOther: 1},
			{Outlet: "Ledger", Month: "2024-04", Articles: 1, Statements: 2, People: 1, Men: 1, WomenShare: wilson(0, 1), ByPerson: 1, ByGroup: 1},
			{Outlet: "courier.example", Month: "", Articles: 1},
			{Outlet: "courier.example", Month: "2024-04", Articles: 1, Statements: 2, People: 2, Women: 1, Men: 1, WomenShare: wilson(1, 2), ByPerson: 2},
		}},
		{"since and until leave out undated articles", SourcesQuery{By: Grouping{Month: true}, Since: "2024-03-10", Until: "2024-04-01"}, []SourceGroup{
			{Month: "2024-03", Articles: 1, Statements: 5, People: 3, Women: 2, GenderUnknown: 1, WomenShare: wilson(2, 2), ByPerson: 3, ByUnnamed: 1, ByOther: 1},
			{Month: "2024-04", Articles: 1, Statements: 2, People: 1, Men: 1, WomenShare: wilson(0, 1), ByPerson: 1, ByGroup: 1},
		}},
	}
	for _, tt := range tests {
		got, err := a.Sources(context.Background(), tt.q)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(tt.want)
			t.Errorf("%s:\n got %s\nwant %s", tt.name, g, w)
		}
	}
	if _, err := a.Sources(context.Background(), SourcesQuery{Since: "March"}); err == nil {
		t.Error("a bad date was accepted")
	}
}

func TestParseGrouping(t *testing.T) {
	for s, want := range map[string]Grouping{"outlet": {Outlet: true}, "month": {Month: true}, "month,outlet": {true, true}, "": {}} {
		if got, err := ParseGrouping(s); err != nil || got != want {
			t.Errorf("ParseGrouping(%q) = %+v, %v", s, got, err)
		}
	}
	if _, err := ParseGrouping("outlet,speaker"); err == nil {
		t.Error(`ParseGrouping("outlet,speaker") accepted`)
	}
}

func TestWriteSourcesCSV(t *testing.T) {
	var b strings.Builder
	groups := []SourceGroup{{Outlet: "Ledger, Daily", Month: "2024-03", Articles: 2, Statements: 4, People: 2, Women: 1, Men: 1,
		WomenShare: wilson(1, 2), ByPerson: 2, ByOrganization: 1, ByUnnamed: 1}, {Outlet: "x", Articles: 1}}
	if err := WriteSourcesCSV(&b, groups); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{SourcesCSVHeader,
		{"Ledger, Daily", "2024-03", "2", "4", "2", "1", "1", "0", "0.5000", "0.0945", "0.9055", "0.5000", "0.2500", "0.0000", "0.2500", "0.0000"},
		{"x", "", "1", "0", "0", "0", "0", "0", "", "", "", "0.0000", "0.0000", "0.0000", "0.0000", "0.0000"}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("CSV:\n%q\nwant\n%q", rows, want)
	}
}

// TestSourcesGGT ingests the GGT dev articles (read as JSON Lines by the
// input package, so their outlet comes from the "outlet" field) with the
// gold quotes as their statements, each speaker a person with the gender
// of the gold lists sourcesFemale, sourcesMale and sourcesUnknown when
// named in one of them. The archive's figures per outlet must equal the
// ones counted here from the gold lists directly.
func TestSourcesGGT(t *testing.T) {
	const path = "../../shared/data/ggt-dev/ggt_dev.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skip("GGT dev set not found at " + path)
	}
	gold, err := corpus.LoadGGT(path)
	if err != nil {
		t.Fatal(err)
	}
	lists, err := ggtSourceLists(path)
	if err != nil {
		t.Fatal(err)
	}

	// Expected, from the gold lists: per outlet the articles, the quotes,
	// the quotes by listed people, and the listed people who have a quote,
	// distinct over the outlet's articles by name (lower case, spaces
	// collapsed), a woman or a man when an article says so and none says
	// otherwise.
	type expected struct {
		articles, statements, byPerson int
		female, male                   map[string]bool
		people                         map[string]bool
	}
	want := map[string]*expected{}
	genders := map[string]map[string]string{} // article id → name → gender
	for _, g := range gold {
		l := lists[g.ID]
		e := want[l.Outlet]
		if e == nil {
			e = &expected{female: map[string]bool{}, male: map[string]bool{}, people: map[string]bool{}}
			want[l.Outlet] = e
		}
		e.articles++
		genders[g.ID] = l.genders()
		for _, q := range g.Quotes {
			e.statements++
			name := normName(q.Reference)
			gender, listed := genders[g.ID][name]
			if !listed {
				continue
			}
			e.byPerson++
			e.people[name] = true
			switch gender {
			case "female":
				e.female[name] = true
			case "male":
				e.male[name] = true
			}
		}
	}

	quotes := map[string][]corpus.GGTQuote{}
	for _, g := range gold {
		quotes[g.ID] = g.Quotes
	}
	extract := func(_ context.Context, a whosaid.Article) (whosaid.Record, error) {
		rec := whosaid.Record{ID: a.ID, Statements: []whosaid.Statement{}}
		for _, q := range quotes[a.ID] {
			st := whosaid.Statement{Type: whosaid.Direct, Content: q.Quote, SpeakerKind: whosaid.Unknown, Confidence: 1}
			if q.Reference != "" {
				ref := q.Reference
				st.SpeakerName = &ref
			}
			if gender, ok := genders[a.ID][normName(q.Reference)]; ok {
				st.SpeakerKind, st.SpeakerGender = whosaid.Person, gender
			}
			rec.Statements = append(rec.Statements, st)
		}
		return rec, nil
	}
	a := openTemp(t)
	if _, err := a.Ingest(context.Background(), input.Articles(path, time.Time{}), IngestOptions{Workers: 2, BatchSize: 10, Extract: extract}); err != nil {
		t.Fatal(err)
	}
	got, err := a.Sources(context.Background(), SourcesQuery{By: Grouping{Outlet: true}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d outlets, want %d: %+v", len(got), len(want), got)
	}
	for _, g := range got {
		e := want[g.Outlet]
		if e == nil {
			t.Errorf("outlet %q is not one of the gold outlets", g.Outlet)
			continue
		}
		women, men := 0, 0
		for name := range e.people {
			switch {
			case e.female[name] && !e.male[name]:
				women++
			case e.male[name] && !e.female[name]:
				men++
			}
		}
		wantCounts := [...]int{e.articles, e.statements, e.byPerson, len(e.people), women, men, len(e.people) - women - men}
		gotCounts := [...]int{g.Articles, g.Statements, g.ByPerson, g.People, g.Women, g.Men, g.GenderUnknown}
		if gotCounts != wantCounts {
			t.Errorf("%s: articles, statements, by people, people, women, men, unknown = %v, gold lists %v", g.Outlet, gotCounts, wantCounts)
		}
		if s := g.WomenShare; s == nil || s.Value != float64(women)/float64(women+men) || s.Low > s.Value || s.High < s.Value {
			t.Errorf("%s: women's share %+v, gold lists %d of %d", g.Outlet, s, women, women+men)
		}
		t.Logf("%s: %d articles, %d statements, %d people quoted (%d women, %d men, %d unknown)",
			g.Outlet, g.Articles, g.Statements, g.People, g.Women, g.Men, g.GenderUnknown)
	}
}

// ggtLists are the gold lists of people quoted in a GGT article.
type ggtLists struct {
	ID      string   `json:"id"`
	Outlet  string   `json:"outlet"`
	Female  []string `json:"sourcesFemale"`
	Male    []string `json:"sourcesMale"`
	Unknown []string `json:"sourcesUnknown"`
}

func (l ggtLists) genders() map[string]string {
	out := map[string]string{}
	for gender, names := range map[string][]string{"female": l.Female, "male": l.Male, "unknown": l.Unknown} {
		for _, n := range names {
			out[normName(n)] = gender
		}
	}
	return out
}

func ggtSourceLists(path string) (map[string]ggtLists, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]ggtLists{}
	err = corpus.DecodeJSONL(f, func(l ggtLists) error {
		out[l.ID] = l
		return nil
	})
	return out, err
}

func normName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// TestMigrateSources upgrades an archive of the schema before the source
// figures: its articles get their outlet from their URL and its
// occurrences their noun phrases; genders stay unknown.
func TestMigrateSources(t *testing.T) {
	sqliteOnly(t)
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range sqliteMigrations {
		if err := m(tx); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO articles (id, ext_id, hash, title, url, published, body, record) VALUES (1, 'a', x'00', '', 'https://www.ledger.example/a', '2024-03-02', 'x', '{}')`,
		`INSERT INTO statements (id, type, content, content_hash, confidence, published, n_sources) VALUES (1, 'direct', 'The carbon tax is a mistake.', 0, 0.9, '2024-03-02', 1)`,
		`INSERT INTO occurrences (article_id, statement_id, type, content_start, content_end, speaker_kind, confidence, rule, resolution, context_start, context_end)
			VALUES (1, 1, 'direct', 0, 1, 'person', 0.9, '', '', 0, 1)`,
		`PRAGMA user_version = 3`,
	} {
		if _, err := tx.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	db.Close()
	a, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var outlet, phrases string
	var gender sql.NullString
	if err := a.db.QueryRow(`SELECT a.outlet, o.speaker_gender, (SELECT group_concat(phrase, ',') FROM occurrence_phrases)
		FROM articles a JOIN occurrences o ON o.article_id = a.id`).Scan(&outlet, &gender, &phrases); err != nil {
		t.Fatal(err)
	}
	if outlet != "ledger.example" || gender.Valid || phrases != "carbon tax,mistake" {
		t.Errorf("after the upgrade: outlet %q, gender %v, phrases %q", outlet, gender, phrases)
	}
}

// FuzzOutletOf checks that any outlet, site or URL gives an outlet of one
// line without surrounding spaces.
func FuzzOutletOf(f *testing.F) {
	for _, s := range []string{"https://www.ledger.example/a", "Harbour Ledger", "www.example.co.uk", "http://[::1]:80/", "://", " "} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, site, u string) {
		got := outletOf(whosaid.Article{Site: site, URL: u})
		if got != strings.TrimSpace(got) || strings.ContainsAny(got, "\n\r\t") {
			t.Fatalf("outletOf(site %q, url %q) = %q", site, u, got)
		}
	})
}

// BenchmarkSources measures the source figures by outlet and month over
// a synthetic archive.
func BenchmarkSources(b *testing.B) {
	a := syntheticArchive(b, 1, 300)
	for b.Loop() {
		if _, err := a.Sources(context.Background(), SourcesQuery{By: Grouping{Outlet: true, Month: true}}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestArticleKeepsGender checks that a stored article gives back the
// speaker genders of its record.
func TestArticleKeepsGender(t *testing.T) {
	a := sourcesFixture(t)
	var id int64
	if err := a.db.QueryRow(`SELECT id FROM articles WHERE ext_id = 'l1'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	art, err := a.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, st := range art.Record.Statements {
		got = append(got, st.SpeakerGender)
	}
	if want := []string{"female", "male", "", "unknown"}; !reflect.DeepEqual(got, want) {
		t.Errorf("genders %q, want %q", got, want)
	}
}
