package corpus

import (
	"strings"
	"testing"
)

func TestDecodeJSONL(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		wantErr  string
	}{
		{"lines", "{\"id\":\"a\"}\n{\"id\":\"b\"}\n", []string{"a", "b"}, ""},
		{"blank lines and no final newline", "\n{\"id\":\"a\"}\n\n{\"id\":\"b\"}", []string{"a", "b"}, ""},
		{"bad line", "{\"id\":\"a\"}\nnot json\n", []string{"a"}, "line 2"},
		{"empty", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := DecodeJSONL(strings.NewReader(tt.in), func(v struct{ ID string }) error {
				got = append(got, v.ID)
				return nil
			})
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLoadGoldSets(t *testing.T) {
	ggt, err := LoadGGT("../../shared/data/ggt-dev/ggt_dev.jsonl")
	if err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	if len(ggt) != 42 {
		t.Errorf("GGT dev: %d articles, want 42", len(ggt))
	}
	pol, err := LoadPolNeAR("../../shared/data/polnear/polnear-dev.jsonl")
	if err != nil {
		t.Fatalf("PolNeAR dev: %v", err)
	}
	if len(pol) != 84 {
		t.Errorf("PolNeAR dev: %d primary articles, want 84", len(pol))
	}
}

func FuzzDecodeJSONL(f *testing.F) {
	f.Add("{\"id\":\"a\"}\n")
	f.Add("\n\n{\"text\":\"\\u201c\"}")
	f.Fuzz(func(t *testing.T, in string) {
		_ = DecodeJSONL(strings.NewReader(in), func(v map[string]any) error { return nil })
	})
}
