package input

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// sameAsUnmarshal checks scanRecord on line against json.Unmarshal: where
// the fast path takes a line, Unmarshal must take it too and give the same
// record. It reports whether the fast path took it.
func sameAsUnmarshal(t *testing.T, line []byte) bool {
	t.Helper()
	got, ok := scanRecord(line)
	var want record
	err := json.Unmarshal(line, &want)
	if !ok {
		return false
	}
	if err != nil {
		t.Fatalf("scanRecord took %q, which json.Unmarshal refuses: %v", line, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("scanRecord(%q) = %+v, json.Unmarshal gives %+v", line, got, want)
	}
	return true
}

func TestScanRecord(t *testing.T) {
	tests := []struct {
		line string
		fast bool // taken by the fast path (else left to json.Unmarshal)
	}{
		{`{"id": "a1", "text": "The mayor said no.", "outlet": "Daily"}`, true},
		{` {"id":7,"text":"Line one.\nLine two \u00e9\u4e2d \"q\" \\ \/ \b\f\r\t","title":"T"} `, true},
		{`{"text": "x", "extra": {"a": [1, -2.5e+3, 0.0, true, false, null, {}, []], "b": "\ud83d\ude00"}}`, true},
		{`{"text": "x", "id": null, "url": "https://example.com/a", "site": "S", "published": "2017-03-02"}`, true},
		{`{}`, true},
		{`{"title": "no text"}`, true},
		{`{"maintext": "news-please", "date_publish": "2019-04-10 12:30:00", "source_domain": "d.example"}`, true},
		{`{"maintext": "x", "date_publish": null}`, false},
		{`{"text": "caf\u00e9 \ud83d\ude00"}`, false}, // a surrogate pair: decoded by Unmarshal
		{"{\"text\": \"bad \xff byte\"}", false},      // invalid UTF-8 in a kept field
		{"{\"other\": \"bad \xff byte\", \"text\": \"ok\"}", true},
		{`{"Text": "folded key"}`, false},
		{`{"te\u0078t": "escaped key"}`, false},
		{`{"text": "a", "text": "b"}`, false},
		{`{"text": 5}`, false},
		{`{"text": null}`, false},
		{`{"text": "x"} trailing`, false},
		{`{"text": "x",}`, false},
		{`{"text": "x", "n": 01}`, false},
		{`{"text": "x", "n": 1.}`, false},
		{`{"text": "x", "n": -}`, false},
		{`{"text": "x", "n": tru}`, false},
		{`{"text": "x", "n": [1 2]}`, false},
		{"{\"text\": \"raw\ttab\"}", false},
		{`{"text": "bad \x escape"}`, false},
		{`{"text": "short \u12"}`, false},
		{`{"text": "unclosed`, false},
		{`["text"]`, false},
		{`{"text": "x", "deep": ` + string(bytes.Repeat([]byte("["), maxDepth+2)) + string(bytes.Repeat([]byte("]"), maxDepth+2)) + `}`, false},
	}
	for _, tt := range tests {
		if got := sameAsUnmarshal(t, []byte(tt.line)); got != tt.fast {
			t.Errorf("scanRecord(%q) took it: %v, want %v", tt.line, got, tt.fast)
		}
	}
}

// FuzzScanRecord checks that whatever line the fast path takes, json.Unmarshal
// takes too, with the same record.
func FuzzScanRecord(f *testing.F) {
	f.Add([]byte(`{"id": 3, "text": "Line one.\nTwo \u00e9", "title": "T", "quotes": [{"a": -1.5e3}]}`))
	f.Add([]byte(`{"text": "\ud83d\ude00", "url": "x", "site": "", "outlet": "O", "published": "2017"}`))
	f.Add([]byte(`{"Text": "a", "text": null}`))
	f.Fuzz(func(t *testing.T, line []byte) { sameAsUnmarshal(t, line) })
}

func BenchmarkParseRecord(b *testing.B) {
	line := []byte(`{"id": "n1", "outlet": "Daily", "text": "` + string(bytes.Repeat([]byte(`The council met on Tuesday.\n\n\"We will look at it,\" the mayor said. `), 150)) +
		`", "notes": [` + string(bytes.Repeat([]byte(`{"speaker": "the mayor", "start": 120, "end": 154, "kind": "direct"}, `), 300)) + `{}]}`)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		if _, err := parseRecord(line); err != nil {
			b.Fatal(err)
		}
	}
}
