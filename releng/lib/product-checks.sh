# Sourced by the product's test scripts (releng/tests/*.sh), after setting $product (the
# materialised product's folder) and $work (a private scratch folder): running the product's
# commands, judging their messages, and Derby's ij from the product's own jars.
cqp="$product/cqp"
plugins="$product/plugins"
failures=0
millis() { date +%s%3N; }
last_verdict=$(millis)
took() { # sets $elapsed to the seconds since the previous verdict: which check costs the CI its time
	local now
	now=$(millis)
	elapsed="$(((now - last_verdict) / 1000)),$(((now - last_verdict) % 1000 / 100)) s"
	last_verdict=$now
}
pass() {
	took
	echo "  ok      $1  [$elapsed]"
}
fail() {
	took
	echo "  ÉCHEC   $1  [$elapsed]"
	sed 's/^/          | /' "$work/out" "$work/err" 2>/dev/null | head -n 20
	failures=$((failures + 1))
}
run() {
	"$@" >"$work/out" 2>"$work/err" </dev/null
	code=$?
}
one_line() { [ "$(grep -c . "$1")" -eq 1 ] && ! grep -q 'Exception\|	at ' "$1"; }
no_java() { ! grep -q 'Exception\|	at \|java\.\|org\.apache\|org\.eclipse' "$1"; }
count_rows() { grep -c . "$1"; }
# The registrations the last `run ... data generate` made (some holders register twice).
made() { sed -n 's/.*: [0-9]* candidats, \([0-9]*\) inscriptions.*/\1/p' "$work/out"; }
cqp_java() { (. "$product/cqp-env.sh" && cqp_find_java); }
ij_script() { # ij_script DATABASE_URL FILE: runs the SQL statements of FILE with Derby's ij, from the product's own jars
	# (its sessions take seconds: the JIT's second compiler would cost them a third of their CPU;
	# one that hangs, as Derby's engine once did at ij's exit, in the checkpoint of its shutdown,
	# is stopped after $ij_limit s and fails its check instead of holding up the whole run)
	{ printf "connect '%s';\n" "$1"; cat "$2"; printf '\nexit;\n'; } |
		timeout --kill-after=10 "$ij_limit" "$(cqp_java)" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "-Dderby.stream.error.file=$work/ij-derby.log" -Dij.maximumDisplayWidth=100000 \
			-cp "$(ls "$plugins"/derby_*.jar "$plugins"/derbyclient_*.jar "$plugins"/org.apache.derby.tools_*.jar \
				"$plugins"/org.apache.derby.shared_*.jar | tr '\n' ':')" org.apache.derby.tools.ij
	local code=$?
	[ "$code" -eq 124 ] || [ "$code" -eq 137 ] && echo "ij stopped: no answer within $ij_limit s" >&2
	return "$code"
}
ij_limit=120
ij() { # ij DATABASE_URL SQL: runs SQL (statements separated by semicolons)
	printf '%s;\n' "$2" >"$work/query.sql"
	ij_script "$1" "$work/query.sql"
}
