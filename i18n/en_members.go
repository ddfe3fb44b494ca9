package i18n

// The Members tab.
func init() {
	register(EN, map[string]string{
		"members.filter_behind_form": "The roster is filtered to the unit, behind an unsaved form: save it or leave it with esc to see it",
	})
}
