package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/archive"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/statement"
)

// fixtureGenders are the genders of the sources fixture's speakers, as
// the mention stage would give them.
var fixtureGenders = map[string]string{"Ana Ruiz": "female", "Lena Holt": "female", "Ben Okafor": "male", "Dev Sharma": "male"}

// newSourcesArchive holds articles of two outlets over three months, each
// quoting some of four people of known gender.
func newSourcesArchive(t testing.TB) *archive.Archive {
	t.Helper()
	a, err := archive.Open(filepath.Join(t.TempDir(), "sources.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	quotes := []struct {
		outlet, month string
		speakers      []string
	}{
		{"Harbour Ledger", "2024-01", []string{"Ana Ruiz", "Ben Okafor"}},
		{"Harbour Ledger", "2024-02", []string{"Ben Okafor", "Dev Sharma"}},
		{"Harbour Ledger", "2024-03", []string{"Ana Ruiz", "Lena Holt", "Dev Sharma"}},
		{"Coast Courier", "2024-01", []string{"Dev Sharma"}},
		{"Coast Courier", "2024-03", []string{"Lena Holt", "Ana Ruiz"}},
	}
	var arts []whosaid.Article
	for i, q := range quotes {
		published, err := time.Parse("2006-01", q.month)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		b.WriteString("Ferry Plans\n\n")
		for _, s := range q.speakers {
			fmt.Fprintf(&b, "\u201cThe ferries must run on time,\u201d said %s.\n\n", s)
		}
		arts = append(arts, whosaid.Article{ID: fmt.Sprint("src-", i), Text: b.String(), Outlet: q.outlet, Published: published.AddDate(0, 0, 9)})
	}
	extract := func(ctx context.Context, art whosaid.Article) (whosaid.Record, error) {
		rec, err := pipeline.ExtractContext(ctx, art, statement.Speech)
		for i, st := range rec.Statements {
			if st.SpeakerName != nil {
				rec.Statements[i].SpeakerGender = fixtureGenders[*st.SpeakerName]
			}
		}
		return rec, err
	}
	if _, err := a.Ingest(context.Background(), seq(arts), archive.IngestOptions{Workers: 1, BatchSize: 10, Extract: extract}); err != nil {
		t.Fatal(err)
	}
	return a
}

func newServerOn(t testing.TB, a *archive.Archive) *httptest.Server {
	srv := httptest.NewServer(New(a, Options{}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSourcesAPI(t *testing.T) {
	srv := newServerOn(t, newSourcesArchive(t))
	status, body := do(t, "GET", srv.URL+"/api/sources", "", "")
	var got struct {
		Groups []archive.SourceGroup `json:"groups"`
	}
	if err := json.Unmarshal([]byte(body), &got); status != 200 || err != nil {
		t.Fatalf("GET /api/sources: %d %s (%v)", status, body, err)
	}
	var rows []string
	for _, g := range got.Groups {
		rows = append(rows, fmt.Sprintf("%s %s %d/%d", g.Outlet, g.Month, g.Women, g.People))
	}
	want := "Coast Courier 2024-01 0/1, Coast Courier 2024-03 2/2, Harbour Ledger 2024-01 1/2, Harbour Ledger 2024-02 0/2, Harbour Ledger 2024-03 2/3"
	if strings.Join(rows, ", ") != want {
		t.Errorf("groups: %s, want %s", strings.Join(rows, ", "), want)
	}

	status, body = do(t, "GET", srv.URL+"/api/sources?by=outlet&since=2024-02-01&format=csv", "", "")
	records, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if status != 200 || err != nil || len(records) != 3 {
		t.Fatalf("CSV: %d %q (%v)", status, body, err)
	}
	if r := records[2]; r[0] != "Harbour Ledger" || r[2] != "2" || r[4] != "4" || r[5] != "2" || r[6] != "2" || r[8] != "0.5000" {
		t.Errorf("CSV row %q", r)
	}

	for _, bad := range []string{"by=speaker", "format=xml", "since=March"} {
		if status, body := do(t, "GET", srv.URL+"/api/sources?"+bad, "", ""); status != 400 {
			t.Errorf("GET /api/sources?%s: %d %s, want 400", bad, status, body)
		}
	}
}
