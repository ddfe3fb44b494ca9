package i18n

func init() {
	register(EN, map[string]string{
		"exportui.key_choose_dir":   "choose folder",
		"exportui.choose_dir_title": "Choose the folder for the district package (a USB stick)",
		"exportui.history_list":     "Past exports",
	})
}
