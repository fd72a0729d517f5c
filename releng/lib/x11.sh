# Sourced by releng/ scripts that drive the application under X (tests, screenshots).

# cqp_main_window: prints the X id of the product's main window on $DISPLAY: titled
# "CQP Mutualité", at least 800 pixels wide, and mapped (the workbench also makes small hidden
# shells with the same title). Returns 1 when there is none.
cqp_main_window() {
	local id
	for id in $(xwininfo -root -tree 2>/dev/null |
		grep -E '"CQP Mutualité ?": \("CQP Mutualité" "CQP Mutualité"\) +([89][0-9]{2}|[0-9]{4,})x[0-9]{3,}' |
		awk '{print $1}'); do
		xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable' && { echo "$id"; return 0; }
	done
	return 1
}

# cqp_wait_main_window SECONDS PID: waits for the main window while PID lives; prints its id.
cqp_wait_main_window() {
	local tries=$(($1 * 10))
	while [ $tries -gt 0 ]; do
		cqp_main_window && return 0
		kill -0 "$2" 2>/dev/null || return 1
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}

# cqp_window_named TITLE: prints the X id of a viewable window of the product titled TITLE (a
# dialog), at least 400 pixels wide. Returns 1 when there is none.
cqp_window_named() {
	local id
	for id in $(xwininfo -root -tree 2>/dev/null |
		grep -E "\"$1 ?\": \(\"[^\"]*\" \"[^\"]*\"\) +([4-9][0-9]{2}|[0-9]{4,})x[0-9]{3,}" | awk '{print $1}'); do
		xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable' && { echo "$id"; return 0; }
	done
	return 1
}
