package i18n

// What the acceptance pass of issue 13 (dues) found wanting.
func init() {
	register(EN, map[string]string{
		"setup.no_profile":       "This database holds units or members (imported) but not yet this union's details and the first month dues are kept from: %s",
		"dues.report_needs_self": "%s: its dues are collected here, so it sends no reports; if the unit collects its own, set that first with h (how dues are handled)",
		"receipt.payer_name":     "%s (%s)",
	})
}
