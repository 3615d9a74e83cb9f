package whosaid

import (
	"net/url"
	"strings"
)

// IsWebURL reports whether raw is an absolute http or https URL, the only
// kind of article URL kept: a javascript: or data: URL stored in the
// archive would become a live link in every page that shows the article.
func IsWebURL(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return false
	}
	return strings.EqualFold(u.Scheme, "http") || strings.EqualFold(u.Scheme, "https")
}
