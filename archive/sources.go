package archive

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/publicsuffix"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/syntax"
)

// schemaSources stores what the source figures need: the outlet of each
// article, the gender of each quoted person as the article gives it, and
// the noun phrases of each occurrence (the speaker's topics). Plain SQL
// that PostgreSQL runs too.
const schemaSources = `
ALTER TABLE articles ADD COLUMN outlet TEXT NOT NULL DEFAULT '';   -- see outletOf
ALTER TABLE occurrences ADD COLUMN speaker_gender TEXT;           -- female, male or unknown; NULL when the record gives none
CREATE INDEX articles_outlet ON articles(outlet, published);
CREATE TABLE occurrence_phrases (
	occurrence_id BIGINT NOT NULL REFERENCES occurrences(id) ON DELETE CASCADE,
	phrase TEXT NOT NULL,          -- a noun phrase of the content, lower-cased, head lemmatised
	PRIMARY KEY (occurrence_id, phrase)
);
CREATE INDEX occurrence_phrases_phrase ON occurrence_phrases(phrase);
`

// migrateSources adds the columns and table of schemaSources and fills
// them for what is stored: the outlet from each article's URL, the noun
// phrases of each occurrence (about 0.5 ms a statement). Genders stay
// unknown (NULL) until an article is ingested again with a changed text.
func migrateSources(w *writer) error {
	for q := range strings.SplitSeq(schemaSources, ";\n") {
		if strings.TrimSpace(q) == "" {
			continue
		}
		if _, err := w.tx.Exec(q); err != nil {
			return fmt.Errorf("sources schema: %w", err)
		}
	}
	type article struct {
		id  int64
		url string
	}
	arts, err := rowsOf(w, `SELECT id, url FROM articles WHERE url <> ''`, func(r *sql.Rows, a *article) error { return r.Scan(&a.id, &a.url) })
	if err != nil {
		return fmt.Errorf("outlets: %w", err)
	}
	for _, a := range arts {
		if _, err := w.exec(`UPDATE articles SET outlet = ? WHERE id = ?`, outletOf(whosaid.Article{URL: a.url}), a.id); err != nil {
			return fmt.Errorf("outlets: %w", err)
		}
	}
	m, err := syntax.Default()
	if err != nil {
		return err
	}
	// Statement by statement, in batches: the phrases of a content serve
	// all its occurrences.
	type statement struct {
		id      int64
		content string
	}
	for after := int64(0); ; {
		batch, err := rowsOf(w, `SELECT id, content FROM statements WHERE id > ? ORDER BY id LIMIT 1000`,
			func(r *sql.Rows, s *statement) error { return r.Scan(&s.id, &s.content) }, after)
		if err != nil || len(batch) == 0 {
			return err
		}
		for _, st := range batch {
			for _, p := range nounPhrases(m, st.content) {
				if _, err := w.exec(`INSERT INTO occurrence_phrases (occurrence_id, phrase) SELECT id, ? FROM occurrences WHERE statement_id = ?`,
					p, st.id); err != nil {
					return fmt.Errorf("phrases: %w", err)
				}
			}
		}
		after = batch[len(batch)-1].id
	}
}

// rowsOf reads every row of a query with scan.
func rowsOf[T any](w *writer, query string, scan func(*sql.Rows, *T) error, args ...any) ([]T, error) {
	rows, err := w.query(query, args...)
	return scanRows(rows, err, scan)
}

// outletOf names an article's outlet: the input's outlet field, else its
// site (a name as given, or a host or URL reduced as below), else the
// registrable domain of its URL's host ("https://www.bc.example.co.uk/x"
// → "example.co.uk"; "www." and regional subdomains go), else "".
func outletOf(a whosaid.Article) string {
	if o := strings.Join(strings.Fields(a.Outlet), " "); o != "" {
		return o
	}
	if site := strings.Join(strings.Fields(a.Site), " "); site != "" {
		if host := hostOf(site); host != "" {
			return host
		}
		return site
	}
	return hostOf(a.URL)
}

// hostOf returns the registrable domain of a URL or a bare host name
// ("www.example.org"), or "" when s is neither.
func hostOf(s string) string {
	if !strings.Contains(s, "://") {
		if strings.ContainsAny(s, " /") || !strings.Contains(s, ".") {
			return ""
		}
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return ""
	}
	if domain, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return domain
	}
	return strings.TrimPrefix(host, "www.")
}

// storeOutlet records an article's outlet.
func (w *writer) storeOutlet(artID int64, art whosaid.Article) error {
	if _, err := w.exec(`UPDATE articles SET outlet = ? WHERE id = ?`, outletOf(art), artID); err != nil {
		return fmt.Errorf("outlet: %w", err)
	}
	return nil
}

// storeSpeakerFacts records the speaker's gender of occurrence occ and
// the noun phrases of its content.
func (w *writer) storeSpeakerFacts(occ int64, st whosaid.Statement, phrases []string) error {
	if st.SpeakerGender != "" {
		if _, err := w.exec(`UPDATE occurrences SET speaker_gender = ? WHERE id = ?`, st.SpeakerGender, occ); err != nil {
			return fmt.Errorf("speaker gender: %w", err)
		}
	}
	for _, p := range phrases {
		if _, err := w.exec(`INSERT INTO occurrence_phrases (occurrence_id, phrase) VALUES (?, ?)`, occ, p); err != nil {
			return fmt.Errorf("phrases: %w", err)
		}
	}
	return nil
}

// Grouping says how source figures are grouped.
type Grouping struct {
	Outlet, Month bool
}

// ParseGrouping reads "outlet", "month", "outlet,month" (either order) or
// "" (one group for everything).
func ParseGrouping(s string) (Grouping, error) {
	var g Grouping
	for f := range strings.SplitSeq(s, ",") {
		switch strings.TrimSpace(f) {
		case "outlet":
			g.Outlet = true
		case "month":
			g.Month = true
		case "":
		default:
			return g, fmt.Errorf("archive: group by %q: want outlet, month or outlet,month", f)
		}
	}
	return g, nil
}

// SourcesQuery selects the articles of the source figures and groups
// them.
type SourcesQuery struct {
	By Grouping
	// Since and Until bound the articles' publication dates
	// (YYYY-MM-DD, inclusive); undated articles are left out when either
	// is set.
	Since, Until string
}

// MaxSourceGroups bounds the groups the source figures return.
const MaxSourceGroups = 10000

// SourceGroup is the source figures of one group of articles (one
// outlet, one month, or both).
type SourceGroup struct {
	Outlet string `json:"outlet,omitempty"` // "" for articles with none
	Month  string `json:"month,omitempty"`  // YYYY-MM of publication; "" undated
	// Articles, and statement occurrences in them.
	Articles   int `json:"articles"`
	Statements int `json:"statements"`
	// People is the number of distinct people quoted by name (a person
	// quoted in several of the group's articles counts once). A person is
	// a woman or a man when every article of the group that gives a gender
	// gives that one; otherwise (none given, or conflicting) unknown.
	People        int `json:"people"`
	Women         int `json:"women"`
	Men           int `json:"men"`
	GenderUnknown int `json:"gender_unknown"`
	// WomenShare is Women / (Women + Men) with its 95% Wilson interval;
	// nil when no quoted person has a gender.
	WomenShare *Interval `json:"women_share"`
	// The statements by kind of speaker; they add up to Statements:
	// people, organisations and groups by name (a speaker the archive
	// identifies across articles: its name is a proper name, see
	// isProperName); unnamed sources (a speaker written as a description
	// and not resolved to a name, "a spokesperson", "officials", "the
	// company"); and the others: a name whose kind the mention stage could
	// not tell, or no speaker found.
	ByPerson       int `json:"by_person"`
	ByOrganization int `json:"by_organization"`
	ByGroup        int `json:"by_group"`
	ByUnnamed      int `json:"by_unnamed"`
	ByOther        int `json:"by_other"`
}

// Interval is a proportion with its 95% confidence interval.
type Interval struct {
	Value float64 `json:"value"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
}

// wilson returns k of n as a proportion with its 95% Wilson score
// interval, or nil when n is 0.
func wilson(k, n int) *Interval {
	if n == 0 {
		return nil
	}
	const z = 1.959963984540054
	p, fn := float64(k)/float64(n), float64(n)
	denom := 1 + z*z/fn
	center := (p + z*z/(2*fn)) / denom
	half := z / denom * math.Sqrt(p*(1-p)/fn+z*z/(4*fn*fn))
	return &Interval{Value: p, Low: max(0, center-half), High: min(1, center+half)}
}

// Share is n of the group's statements as a proportion (0 when it has none).
func (g SourceGroup) Share(n int) float64 {
	if g.Statements == 0 {
		return 0
	}
	return float64(n) / float64(g.Statements)
}

// Sources computes the source figures of the articles q selects, one
// group per outlet and/or month, ordered by outlet then month.
func (a *Archive) Sources(ctx context.Context, q SourcesQuery) ([]SourceGroup, error) {
	var where []string
	var args []any
	for _, f := range []struct {
		date, cond string
	}{{q.Since, "a.published >= ?"}, {q.Until, "a.published <= ?"}} {
		if f.date == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, f.date); err != nil {
			return nil, fmt.Errorf("archive: sources: bad date %q: want YYYY-MM-DD", f.date)
		}
		where, args = append(where, "a.published <> ''", f.cond), append(args, f.date)
	}
	filter := ""
	if len(where) > 0 {
		filter = " AND " + strings.Join(where, " AND ")
	}
	outlet, month := "''", "''"
	if q.By.Outlet {
		outlet = "a.outlet"
	}
	if q.By.Month {
		month = "substr(a.published, 1, 7)"
	}
	keys := outlet + ", " + month
	groups := map[[2]string]*SourceGroup{}
	group := func(o, m string) *SourceGroup {
		g := groups[[2]string{o, m}]
		if g == nil {
			g = &SourceGroup{Outlet: o, Month: m}
			groups[[2]string{o, m}] = g
		}
		return g
	}
	scan := func(query string, row func(g *SourceGroup, rows *sql.Rows) error) error {
		rows, err := a.db.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var o, m string
			var g SourceGroup
			if err := row(&g, rows); err != nil {
				return err
			}
			o, m = g.Outlet, g.Month
			if len(groups) >= MaxSourceGroups && groups[[2]string{o, m}] == nil {
				return fmt.Errorf("more than %d groups", MaxSourceGroups)
			}
			merge(group(o, m), g)
		}
		return rows.Err()
	}
	err := scan(`SELECT `+keys+`, count(*) FROM articles a WHERE 1 = 1`+filter+` GROUP BY 1, 2`,
		func(g *SourceGroup, r *sql.Rows) error { return r.Scan(&g.Outlet, &g.Month, &g.Articles) })
	if err == nil {
		// One row per group, speaker (0 for none: a description or no
		// speaker) and kind, with the occurrences that give each gender.
		err = scan(`SELECT `+keys+`, coalesce(s.speaker_id, 0), o.speaker_kind,
			CASE WHEN o.speaker_name IS NULL THEN 1 ELSE 0 END, count(*),
			sum(CASE WHEN o.speaker_gender = 'female' THEN 1 ELSE 0 END),
			sum(CASE WHEN o.speaker_gender = 'male' THEN 1 ELSE 0 END)
			FROM occurrences o JOIN articles a ON a.id = o.article_id JOIN statements s ON s.id = o.statement_id
			WHERE 1 = 1`+filter+` GROUP BY 1, 2, 3, 4, 5`,
			func(g *SourceGroup, r *sql.Rows) error {
				var speaker int64
				var kind string
				var noName bool
				var n, female, male int
				if err := r.Scan(&g.Outlet, &g.Month, &speaker, &kind, &noName, &n, &female, &male); err != nil {
					return err
				}
				g.Statements = n
				switch {
				case speaker == 0 && !noName:
					g.ByUnnamed = n
				case speaker == 0:
					g.ByOther = n
				case kind == string(whosaid.Person):
					g.ByPerson, g.People = n, 1
					switch {
					case female > 0 && male == 0:
						g.Women = 1
					case male > 0 && female == 0:
						g.Men = 1
					default:
						g.GenderUnknown = 1
					}
				case kind == string(whosaid.Organization):
					g.ByOrganization = n
				case kind == string(whosaid.Group):
					g.ByGroup = n
				default:
					g.ByOther = n
				}
				return nil
			})
	}
	if err != nil {
		return nil, fmt.Errorf("archive: sources: %w", err)
	}
	out := make([]SourceGroup, 0, len(groups))
	for _, g := range groups {
		g.WomenShare = wilson(g.Women, g.Women+g.Men)
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Outlet != out[j].Outlet {
			return out[i].Outlet < out[j].Outlet
		}
		return out[i].Month < out[j].Month
	})
	return out, nil
}

// merge adds the counts of g to into.
func merge(into *SourceGroup, g SourceGroup) {
	into.Articles += g.Articles
	into.Statements += g.Statements
	into.People += g.People
	into.Women += g.Women
	into.Men += g.Men
	into.GenderUnknown += g.GenderUnknown
	into.ByPerson += g.ByPerson
	into.ByOrganization += g.ByOrganization
	into.ByGroup += g.ByGroup
	into.ByUnnamed += g.ByUnnamed
	into.ByOther += g.ByOther
}

// SourcesCSVHeader is the header row of WriteSourcesCSV.
var SourcesCSVHeader = []string{"outlet", "month", "articles", "statements", "people", "women", "men", "gender_unknown",
	"women_share", "women_low", "women_high", "share_person", "share_organization", "share_group", "share_unnamed", "share_other"}

// WriteSourcesCSV writes source figures as CSV with SourcesCSVHeader;
// shares are proportions with four decimals, the women's share and its
// interval empty when no quoted person has a gender.
func WriteSourcesCSV(w io.Writer, groups []SourceGroup) error {
	cw := csv.NewWriter(w)
	cw.Write(SourcesCSVHeader)
	share := func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
	for _, g := range groups {
		women := []string{"", "", ""}
		if s := g.WomenShare; s != nil {
			women = []string{share(s.Value), share(s.Low), share(s.High)}
		}
		row := []string{g.Outlet, g.Month}
		for _, n := range []int{g.Articles, g.Statements, g.People, g.Women, g.Men, g.GenderUnknown} {
			row = append(row, strconv.Itoa(n))
		}
		row = append(row, women...)
		for _, n := range []int{g.ByPerson, g.ByOrganization, g.ByGroup, g.ByUnnamed, g.ByOther} {
			row = append(row, share(g.Share(n)))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}
