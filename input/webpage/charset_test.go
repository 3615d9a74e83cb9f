package webpage

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestParseHTMLDecodes(t *testing.T) {
	sentence := "The caf\xe9 owner said the new harbour would bring more visitors to the town this summer. "
	tests := []struct {
		name, page, contentType, want string
	}{
		{"UTF-8 whatever the page declares", `<meta charset="iso-8859-1"><p>The café owner said so.</p>`, "text/html; charset=iso-8859-1", "The café owner said so."},
		{"declared Latin-1", `<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>` + sentence + `</p>`, "", "The café owner"},
		{"undeclared Latin-1, by the detector", `<p>` + strings.Repeat(sentence, 8) + `</p>`, "", "The café owner"},
		{"declared windows-1251", "<meta charset=\"windows-1251\"><p>\xcc\xee\xf0\xe5</p>", "", "Море"},
		{"windows-1251 by the HTTP header", "<p>\xcc\xee\xf0\xe5</p>", "text/html; charset=windows-1251", "Море"},
		{"NFC, no soft hyphens", "<p>Cafe\u0301 co\u00adop</p>", "", "Café coop"},
		{"ASCII as is", "<p>Plain &amp; simple.</p>", "", "Plain & simple."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseHTML([]byte(tt.page), tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if got := nodeText(doc); !strings.Contains(got, tt.want) {
				t.Errorf("text %q lacks %q", got, tt.want)
			}
		})
	}
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}
