package i18n

// Speed at 300,000 members (issue 18): what shows while the roster is
// read in the background.
func init() {
	register(EN, map[string]string{
		"members.loading": "Reading the roster",
	})
}
