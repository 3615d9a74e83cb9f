package output

import (
	"testing"

	"github.com/whosaid/whosaid"
)

func TestCircumstances(t *testing.T) {
	tests := []struct {
		name string
		st   whosaid.Statement
		want string
	}{
		{"none", whosaid.Statement{}, ""},
		{"all", whosaid.Statement{
			SaidOn:    &whosaid.SaidOn{Value: "2021-10-14", Granularity: "day", Evidence: whosaid.Span{Text: "Thursday"}},
			Setting:   &whosaid.Span{Text: "at a news\nconference"},
			Addressee: &whosaid.Addressee{Span: whosaid.Span{Text: "the committee"}, Name: "the Finance Committee"},
			About:     []whosaid.About{{Name: "Tom Reilly"}, {Name: "Democrats"}},
		}, "when: 2021-10-14 (Thursday) · where: at a news conference · to: the committee → the Finance Committee · about: Tom Reilly, Democrats"},
		{"addressee named as written", whosaid.Statement{Addressee: &whosaid.Addressee{Span: whosaid.Span{Text: "CNN"}, Name: "CNN"}}, "to: CNN"},
	}
	for _, tt := range tests {
		if got := circumstances(tt.st); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
