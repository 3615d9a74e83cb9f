package web

import (
	"bytes"
	"net/http"
	"time"

	"github.com/whosaid/whosaid/archive"
)

// sources answers the source figures: who gets quoted per outlet and/or
// month (by=outlet,month, the default), between since and until, as
// JSON or, with format=csv, as a CSV download. The figures are bounded
// by archive.MaxSourceGroups groups and by the request timeout.
func (s *server) sources(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	by := v.Get("by")
	if !v.Has("by") {
		by = "outlet,month"
	}
	q := archive.SourcesQuery{Since: v.Get("since"), Until: v.Get("until")}
	var err error
	if q.By, err = archive.ParseGrouping(by); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	format := v.Get("format")
	if format != "" && format != "json" && format != "csv" {
		writeError(w, http.StatusBadRequest, "format: want json or csv")
		return
	}
	for _, d := range []string{q.Since, q.Until} {
		if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
			writeError(w, http.StatusBadRequest, "since and until: want YYYY-MM-DD")
			return
		}
	}
	groups, err := s.archive.Sources(r.Context(), q)
	if err != nil {
		fail(w, r, err)
		return
	}
	if format == "csv" {
		var b bytes.Buffer
		if err := archive.WriteSourcesCSV(&b, groups); err != nil {
			fail(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="whosaid-sources.csv"`)
		w.Write(b.Bytes())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"groups": groups})
}
