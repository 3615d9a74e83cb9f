package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/whosaid/whosaid/archive"
)

// sourcesCmd prints who gets quoted: per outlet and/or month, articles,
// statements, people quoted, the share of women among them and the share
// of statements by kind of source.
func sourcesCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sources", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	by := fs.String("by", "outlet", "outlet, month or outlet,month")
	var q archive.SourcesQuery
	fs.StringVar(&q.Since, "since", "", "only articles published from this date (YYYY-MM-DD) on")
	fs.StringVar(&q.Until, "until", "", "only articles published up to this date (YYYY-MM-DD)")
	format := fs.String("format", "text", "text, csv or jsonl")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("sources: unexpected argument %q", rest[0])
	}
	if q.By, err = archive.ParseGrouping(*by); err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	if *format != "text" && *format != "csv" && *format != "jsonl" {
		return fmt.Errorf("sources: unknown format %q (want text, csv or jsonl)", *format)
	}
	a, err := archive.Open(*db, true)
	if err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	defer a.Close()
	groups, err := a.Sources(context.Background(), q)
	if err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	switch *format {
	case "csv":
		err = archive.WriteSourcesCSV(stdout, groups)
	case "jsonl":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, g := range groups {
			if err = enc.Encode(g); err != nil {
				break
			}
		}
	default:
		err = writeSourcesText(stdout, groups, q.By)
	}
	if err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	return nil
}

// writeSourcesText writes source figures as an aligned table.
func writeSourcesText(w io.Writer, groups []archive.SourceGroup, by archive.Grouping) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	if by.Outlet {
		fmt.Fprint(tw, "outlet\t")
	}
	if by.Month {
		fmt.Fprint(tw, "month\t")
	}
	fmt.Fprintln(tw, "articles\tstatements\tpeople\twomen\tmen\tunknown\twomen %\t95% interval\tperson %\torg %\tgroup %\tunnamed %\tother %\t")
	pct := func(x float64) string { return fmt.Sprintf("%.1f", 100*x) }
	for _, g := range groups {
		if by.Outlet {
			fmt.Fprintf(tw, "%s\t", orNone(g.Outlet, "(none)"))
		}
		if by.Month {
			fmt.Fprintf(tw, "%s\t", orNone(g.Month, "undated"))
		}
		share, interval := "-", "-"
		if s := g.WomenShare; s != nil {
			share, interval = pct(s.Value), pct(s.Low)+"–"+pct(s.High)
		}
		fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", g.Articles, g.Statements, g.People, g.Women, g.Men,
			g.GenderUnknown, share, interval, pct(g.Share(g.ByPerson)), pct(g.Share(g.ByOrganization)), pct(g.Share(g.ByGroup)),
			pct(g.Share(g.ByUnnamed)), pct(g.Share(g.ByOther)))
	}
	return tw.Flush()
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}
