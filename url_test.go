package whosaid

import "testing"

func TestIsWebURL(t *testing.T) {
	tests := map[string]bool{
		"https://example.com/news/1":           true,
		"HTTP://example.com":                   true,
		" https://example.com/a?b=c#d ":        true,
		"javascript:alert(1)":                  false,
		"JavaScript://example.com/%0aalert(1)": false,
		"data:text/html,<b>x</b>":              false,
		"//example.com/a":                      false,
		"/relative/path":                       false,
		"ftp://example.com/a":                  false,
		"https:///no-host":                     false,
		"":                                     false,
		"http://[::1":                          false,
	}
	for raw, want := range tests {
		if got := IsWebURL(raw); got != want {
			t.Errorf("IsWebURL(%q) = %v, want %v", raw, got, want)
		}
	}
}
