package output

import (
	"fmt"
	"strings"

	"github.com/whosaid/whosaid"
)

// circumstances describes when, where, to whom and about whom a
// statement was made, where the text tells: "when: 2017-03-02 (Thursday)
// · where: at a news conference · about: Tom Reilly"; "" when it tells
// none of it.
func circumstances(s whosaid.Statement) string {
	var parts []string
	if s.SaidOn != nil {
		parts = append(parts, fmt.Sprintf("when: %s (%s)", s.SaidOn.Value, oneLine(s.SaidOn.Evidence.Text)))
	}
	if s.Setting != nil {
		parts = append(parts, "where: "+oneLine(s.Setting.Text))
	}
	if s.Addressee != nil {
		to := oneLine(s.Addressee.Text)
		if s.Addressee.Name != "" && s.Addressee.Name != to {
			to += " → " + s.Addressee.Name
		}
		parts = append(parts, "to: "+to)
	}
	if len(s.About) > 0 {
		names := make([]string, len(s.About))
		for i, a := range s.About {
			names[i] = a.Name
		}
		parts = append(parts, "about: "+strings.Join(names, ", "))
	}
	return strings.Join(parts, " · ")
}
