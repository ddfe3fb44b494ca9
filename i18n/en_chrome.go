package i18n

// The app's frame (header, tab bar, footer, help) and the keys every
// screen shares.
func init() {
	register(EN, map[string]string{
		"chrome.help_footer": "Number keys %s or a mouse click switch tabs; q quits; any key closes this help",
		"key.choice_prev":    "previous choice",
		"key.choice_next":    "next choice",
	})
}
