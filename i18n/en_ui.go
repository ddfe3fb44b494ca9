package i18n

func init() {
	register(EN, map[string]string{
		"form.none": "(none)",
		"form.yes":  "yes",
		"form.no":   "no",
		// keys
		"key.quit":          "quit",
		"key.help":          "help",
		"key.back":          "back",
		"key.tabs":          "switch tab",
		"key.up":            "up",
		"key.down":          "down",
		"key.page_up":       "page up",
		"key.page_down":     "page down",
		"key.home":          "first row",
		"key.end":           "last row",
		"key.search_done":   "keep the filter",
		"key.search_clear":  "clear the search",
		"key.search":        "search",
		"key.open":          "open",
		"key.new":           "new",
		"key.edit":          "edit",
		"key.status":        "change status",
		"key.delete":        "delete",
		"key.sort":          "sort column",
		"key.sort_rev":      "reverse sort",
		"key.filter_unit":   "filter by unit",
		"key.filter_status": "filter by status",
		"key.clear_filter":  "clear filters",
		"key.next_field":    "next field",
		"key.prev_field":    "previous field",
		"key.save":          "save",
		"key.toggle":        "toggle",
		"key.confirm":       "yes",
		"key.cancel":        "cancel",
		"key.unit_members":  "members of this unit",
	})
}

func init() {
	register(EN, map[string]string{
		"picker.hint": "type a name or its pinyin initials",
		"picker.none": "nothing matches",
	})
}

func init() {
	register(EN, map[string]string{
		"stack.discard_confirm":  "This screen has unsaved changes. Discard them? Press y to discard, any other key to keep editing",
		"key.keep_editing":       "keep editing",
		"app.confirm_quit":       "A form has unsaved changes. Quit anyway? Press y to quit, any other key to keep editing",
		"app.backup_failed":      "Today's automatic backup failed: %s. Please back up by hand soon (unionbook backup)",
		"app.starting":           "Starting UnionBook...",
		"app.help_title":         "Help: %s",
		"app.help_footer":        "Number keys 1-9 or a mouse click switch tabs; q quits; any key closes this help",
		"tab.members":            "Members",
		"tab.units":              "Units",
		"col.member_no":          "No",
		"col.name":               "Name",
		"col.gender":             "Sex",
		"col.unit":               "Unit",
		"col.id_number":          "ID number",
		"col.phone":              "Mobile",
		"col.status":             "Status",
		"col.joined":             "Joined",
		"col.unit_name":          "Unit name",
		"col.unit_kind":          "Kind",
		"col.members":            "Members",
		"col.employees":          "Staff",
		"col.chair":              "Chair",
		"col.contract":           "Contract to",
		"form.has_problems":      "%d thing(s) to fix: see the messages in red",
		"problem.whole_number":   "enter a whole number",
		"hint.name":              "e.g. Zhang San",
		"hint.id_number":         "18-character ID number",
		"hint.date":              "e.g. 2023-05-01",
		"hint.phone":             "11-digit mobile",
		"hint.member_no":         "leave empty to number automatically",
		"hint.reason":            "e.g. retired, moved away",
		"hint.to_union":          "required for a transfer",
		"hint.unit_name":         "e.g. XX Co. Ltd. union",
		"hint.credit_code":       "18 characters, optional",
		"hint.unit_phone":        "mobile or landline",
		"hint.union_name":        "e.g. Qingshan Town Federation of Trade Unions",
		"hint.higher_union":      "e.g. XX District Federation",
		"hint.operator":          "who keeps the books",
		"members.search":         "Search",
		"members.search_hint":    "name, pinyin initials, number, mobile, ID",
		"members.search_prompt":  "/ to search",
		"members.empty":          "No member matches",
		"members.all_units":      "all units",
		"members.all_statuses":   "all",
		"members.in_union":       "on the roll (active+retained)",
		"members.count":          "%d / %d members",
		"members.detail_title":   "%s (member no %s)",
		"members.history":        "Membership history",
		"members.no_history":     "joined %s, no change since",
		"members.confirm_delete": "Delete member %s (%s)? Deleting is only for records entered by mistake. y deletes, n cancels",
		"members.deleted":        "Deleted member %s",
		"members.created":        "Added member %s (no %s)",
		"members.updated":        "Saved the changes to member %s (no %s)",
		"members.status_changed": "Recorded the status change of member %s (no %s)",
		"members.no_transition":  "a member whose status is %s cannot change status",
		"members.status_title":   "Change status: %s (now %s)",
		"members.new_title":      "New member",
		"members.edit_title":     "Edit member",
		"units.search_hint":      "unit name or pinyin initials",
		"units.search_prompt":    "/ to search, m for the unit's members",
		"units.empty":            "No units yet; press n to add one",
		"units.no_members":       "This unit has no members yet",
		"units.count":            "%d / %d units",
		"units.deleted":          "Deleted unit %s",
		"units.created":          "Added unit %s",
		"units.updated":          "Saved the changes to unit %s",
		"units.staff_counts":     "%d employees, of whom %d women and %d migrant workers",
		"units.member_count":     "%d members",
		"units.confirm_delete":   "Delete unit %s? Only a unit without members can be deleted. y deletes, n cancels",
		"units.members_title":    "Members of this unit (m shows them in the Members tab)",
		"units.new_title":        "New unit",
		"units.edit_title":       "Edit unit",
		"setup.welcome":          "Welcome to UnionBook",
		"setup.new_db":           "This is a new database: %s",
		"setup.choice_profile":   "Enter this union's details (name, code, higher union) and start",
		"setup.choice_demo":      "Load the demo township (80 units, 7,520 members) to look around first",
		"setup.loading_demo":     "Generating the demo data, please wait...",
		"setup.demo_loaded":      "The demo data is loaded",
		"setup.profile_intro":    "These details head every report; you can change them later.",
		"setup.profile_saved":    "Saved this union's details: %s",
	})
}

// Speed at 300,000 members (issue 18): what shows while the roster is
// read in the background.
func init() {
	register(EN, map[string]string{
		"members.loading": "Reading the roster",
	})
}

func init() {
	register(EN, map[string]string{
		"overview.col_rate": "rate",
		// between the clauses of one line of a member's detail
		"members.clause_sep": "; ",
		// a new user's first steps
		"members.no_units_yet": "No units yet: add one in tab 8 Units (press n), then choose it here.",
		// the chart's month labels, space-separated, January first
		"overview.months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
	})
}
