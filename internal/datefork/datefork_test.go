package datefork

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// getter is a GetLocaleData of the upstream shape for the locales below.
const getter = `package data

func GetLocaleData(locale string) (*LocaleData, bool) {
	switch locale {
	case "xa":
		return &xa_Locale, true
	case "xa-YY":
		return &xa_YY_Locale, true
	case "xb-Latn":
		return &xb_Latn_Locale, true
	}
	return nil, false
}
`

const langA = `package data

var (
	xa_Locale    LocaleData
	xa_YY_Locale LocaleData
)

func init() {
	xa_Locale = merge(nil, LocaleData{Name: "xa"})
	xa_YY_Locale = merge(&xa_Locale, LocaleData{Name: "xa-YY"})
}
`

// langB inherits from another file's locale, which must be built first.
const langB = `package data

var (
	xb_Latn_Locale LocaleData
)

func init() {
	xb_Latn_Locale = merge(&xa_Locale, LocaleData{Name: "xb-Latn"})
}
`

func TestLazy(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		want    map[string][]string // file → lines it must contain
		wantErr string
	}{
		{
			name:  "loaders, dependencies and guarded returns",
			files: map[string]string{"00-locale-data.go": getter, "xa.go": langA, "xb-latn.go": langB},
			want: map[string][]string{
				"xa.go":             {"func load_xa() {"},
				"xb-latn.go":        {"func load_xb_latn() {\n\tensure_xa()\n"},
				"00-locale-data.go": {"\t\tensure_xa()\n\t\treturn &xa_YY_Locale, true", "\t\tensure_xb_latn()\n\t\treturn &xb_Latn_Locale, true"},
				"06-lazy.go":        {"func ensure_xa() { once_xa.Do(load_xa) }", "once_xb_latn sync.Once"},
			},
		},
		{
			name:    "no getter",
			files:   map[string]string{"xa.go": langA},
			wantErr: "no 00-locale-data.go",
		},
		{
			name:    "two init functions",
			files:   map[string]string{"00-locale-data.go": getter, "xa.go": langA + "\nfunc init() {\n}\n", "xb-latn.go": langB},
			wantErr: "2 init functions",
		},
		{
			name:    "a parent nobody declares",
			files:   map[string]string{"00-locale-data.go": getter, "xb-latn.go": langB},
			wantErr: "undeclared xa_Locale",
		},
		{
			name:    "a locale read by another file",
			files:   map[string]string{"00-locale-data.go": getter, "xa.go": langA, "xb-latn.go": langB, "07-extra.go": "package data\n\nvar name = xa_Locale.Name\n"},
			wantErr: "07-extra.go uses xa_Locale",
		},
		{
			name:    "a locale the getter never returns",
			files:   map[string]string{"00-locale-data.go": strings.Replace(getter, "\tcase \"xa-YY\":\n\t\treturn &xa_YY_Locale, true\n", "", 1), "xa.go": langA, "xb-latn.go": langB},
			wantErr: "returns 2 of 3 locales",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := map[string][]byte{}
			for k, v := range tt.files {
				in[k] = []byte(v)
			}
			out, err := Lazy(in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for file, lines := range tt.want {
				for _, l := range lines {
					if !bytes.Contains(out[file], []byte(l)) {
						t.Errorf("%s lacks %q:\n%s", file, l, out[file])
					}
				}
			}
			for name, b := range out {
				if bytes.Contains(b, []byte("func init()")) {
					t.Errorf("%s still has an init function", name)
				}
			}
		})
	}
}

// TestForkIsGenerated checks that third_party/go-dateparser is exactly what
// Fork makes of the upstream module, when the module is in the cache.
func TestForkIsGenerated(t *testing.T) {
	env, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	gomodcache := strings.TrimSpace(string(env))
	src := filepath.Join(gomodcache, "github.com", "markusmobius", "go-dateparser@v1.4.7")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("upstream module not in the module cache: %v", err)
	}
	out := t.TempDir()
	if err := Fork(src, out); err != nil {
		t.Fatal(err)
	}
	committed := filepath.Join("..", "..", "third_party", "go-dateparser")
	seen := 0
	err = filepath.WalkDir(committed, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(committed, path)
		if err != nil {
			return err
		}
		seen++
		want, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil {
			t.Errorf("%s is not generated: %v", rel, err)
			return nil
		}
		got, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the generator writes", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	generated := 0
	if err := filepath.WalkDir(out, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			generated++
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if seen != generated {
		t.Errorf("third_party/go-dateparser has %d files, the generator writes %d", seen, generated)
	}
}

func TestPatch(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		edits   []edit
		want    string
		wantErr string
	}{
		{"applied and formatted", "package p\n\nvar a = 1\n", []edit{{"p.go", "var a = 1", "var a   = 2"}}, "package p\n\nvar a = 2\n", ""},
		{"missing text", "package p\n", []edit{{"p.go", "var a", "var b"}}, "", "has 0 of"},
		{"text twice", "package p\n\nvar x, y = 1, 1\n", []edit{{"p.go", "1", "2"}}, "", "has 2 of"},
		{"missing file", "package p\n", []edit{{"q.go", "p", "q"}}, "", "no q.go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{"p.go": []byte(tt.src)}
			err := patch(files, tt.edits)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := string(files["p.go"]); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
