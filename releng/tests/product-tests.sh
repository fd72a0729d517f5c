#!/usr/bin/env bash
# Tests of the materialised product, run as its users run it: the launcher script, headless
# commands and their exit codes, the messages for a missing Java or display, and the window.
# Run by the build (integration-test phase of releng/fr.mutualite.cqp.product) with the
# product's folder as argument; needs an X display (releng/test provides Xvfb).
set -u
product=${1:?usage: product-tests.sh PRODUCT_FOLDER}
cqp="$product/cqp"
# shellcheck source=../lib/x11.sh
. "$(dirname "$0")/../lib/x11.sh"
work=$(mktemp -d)
app=""
cleanup() {
	[ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
export CQP_DATA="$work/data" CQP_LANG=fr
failures=0
pass() { echo "  ok      $1"; }
fail() {
	echo "  ÉCHEC   $1"
	sed 's/^/          | /' "$work/out" "$work/err" 2>/dev/null | head -n 20
	failures=$((failures + 1))
}
run() {
	"$@" >"$work/out" 2>"$work/err"
	code=$?
}
millis() { date +%s%3N; }
one_line() { [ "$(grep -c . "$1")" -eq 1 ] && ! grep -q 'Exception\|	at ' "$1"; }

echo "Product tests: $product"

t0=$(millis); run "$cqp" --version; t_version=$(($(millis) - t0))
if [ $code -eq 0 ] && grep -qE '^CQP Mutualité 0\.1\.0 \(version [0-9]{12}\)$' "$work/out"; then
	pass "cqp --version prints the product's version"
else fail "cqp --version (code $code)"; fi

run "$cqp" --help
if [ $code -eq 0 ] && grep -q 'Utilisation : cqp' "$work/out" && grep -q 'Codes de sortie' "$work/out"; then
	pass "cqp --help lists options and exit codes"
else fail "cqp --help (code $code)"; fi

run "$cqp" frobnicate --vite
if [ $code -eq 2 ] && one_line "$work/err" && grep -q 'Commande inconnue : « frobnicate »' "$work/err"; then
	pass "an unknown command: one sentence, exit code 2"
else fail "unknown command (code $code)"; fi

CQP_LANG=en run "$cqp" frobnicate
if [ $code -eq 2 ] && one_line "$work/err" && grep -q 'Unknown command: "frobnicate"' "$work/err"; then
	pass "messages in English with CQP_LANG=en"
else fail "English messages (code $code)"; fi

run "$cqp" referential list
if [ $code -eq 0 ] && grep -qE '^CMI +1\.0 .* 7 +32 +20 +61 +6 +Conseiller' "$work/out" && [ "$(grep -c . "$work/out")" -eq 7 ]; then
	pass "cqp referential list shows the six certifications"
else fail "cqp referential list (code $code)"; fi

printf '<ref:Referential xmlns:ref="http://www.mutualite.fr/cqp/referential/1.0"><certifications>' >"$work/casse.referentiel"
run "$cqp" referential check "$work/casse.referentiel"
if [ $code -eq 1 ] && one_line "$work/err" && grep -q "n'est pas un référentiel lisible" "$work/err"; then
	pass "a malformed referential: one sentence, exit code 1"
else fail "malformed referential (code $code)"; fi

# A machine without any Java 21: no JAVA_HOME, no JVM folder, a PATH holding only the tools
# the launcher uses (and no java).
mkdir -p "$work/bin"
for tool in bash dirname readlink sed head ls grep cat env mktemp; do
	ln -s "$(command -v "$tool")" "$work/bin/$tool"
done
run env -i HOME="$work" PATH="$work/bin" CQP_JVM_DIRS="$work/no-jvm" "$cqp" --version
if [ $code -eq 3 ] && one_line "$work/err" && grep -q 'Java 21' "$work/err"; then
	pass "no Java 21: one sentence, exit code 3"
else fail "missing Java (code $code)"; fi

run env -u DISPLAY -u WAYLAND_DISPLAY "$cqp"
if [ $code -eq 4 ] && one_line "$work/err" && grep -q "Pas d'écran" "$work/err"; then
	pass "no display: one sentence, exit code 4"
else fail "missing display (code $code)"; fi

if [ -z "${DISPLAY:-}" ]; then
	echo "x" >"$work/out"
	echo "DISPLAY is not set: run the tests with releng/test, which starts Xvfb." >"$work/err"
	fail "the application window"
elif cqp_main_window >/dev/null; then
	echo "x" >"$work/out"
	echo "A CQP Mutualité window is already open on $DISPLAY: close it first." >"$work/err"
	fail "the application window"
else
	t0=$(millis)
	"$cqp" >"$work/ui.out" 2>"$work/ui.err" &
	app=$!
	t_window=""
	cqp_wait_main_window 60 "$app" >/dev/null && t_window=$(($(millis) - t0))
	sleep 1
	errors=$(grep -c '^!ENTRY [^ ]* 4 ' "$CQP_DATA/.metadata/.log" 2>/dev/null)
	if [ -n "$t_window" ] && kill -0 "$app" 2>/dev/null && [ "${errors:-0}" -eq 0 ]; then
		pass "cqp opens the window titled \"CQP Mutualité\", with no error in the log"
	else
		cp "$work/ui.err" "$work/err"
		[ -f "$CQP_DATA/.metadata/.log" ] && cp "$CQP_DATA/.metadata/.log" "$work/out"
		fail "the application window"
	fi
	kill "$app" 2>/dev/null
	wait "$app" 2>/dev/null
	app=""
fi

echo "Product timings: headless command (cqp --version) ${t_version} ms, start to window ${t_window:-?} ms"
if [ $failures -gt 0 ]; then
	echo "$failures product test(s) failed."
	exit 1
fi
echo "All product tests passed."
