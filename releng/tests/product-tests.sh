#!/usr/bin/env bash
# Tests of the materialised product, run as its users run it: the launcher script, headless
# commands and their exit codes, the messages for a missing Java or display, and the window.
# Run by the build (integration-test phase of releng/fr.mutualite.cqp.product) with the
# product's folder as argument; needs an X display (releng/test provides Xvfb).
set -u
product=${1:?usage: product-tests.sh PRODUCT_FOLDER}
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
# shellcheck source=../lib/product-checks.sh
. "$(dirname "$0")/../lib/product-checks.sh"

echo "Product tests: $product"

# the window first: opened while the robustness suite ran beside it, GTK once failed to start
# ("No more handles [gtk_init_check() failed]")
if [ -z "${DISPLAY:-}" ]; then
	echo "x" >"$work/out"
	echo "DISPLAY is not set: run the tests with releng/test, which starts Xvfb." >"$work/err"
	fail "the application window"
elif cqp_main_window >/dev/null; then
	echo "x" >"$work/out"
	echo "A CQP Mutualité window is already open on $DISPLAY: close it first." >"$work/err"
	fail "the application window"
else
	# only what the application logs counts here
	logged=$(wc -l 2>/dev/null <"$CQP_DATA/.metadata/.log" || echo 0)
	t0=$(millis)
	"$cqp" >"$work/ui.out" 2>"$work/ui.err" &
	app=$!
	t_window=""
	cqp_wait_main_window 60 "$app" >/dev/null && t_window=$(($(millis) - t0))
	sleep 1
	errors=$(tail -n +"$((logged + 1))" "$CQP_DATA/.metadata/.log" 2>/dev/null | grep -c '^!ENTRY [^ ]* 4 ')
	if [ -n "$t_window" ] && kill -0 "$app" 2>/dev/null && [ "${errors:-0}" -eq 0 ]; then
		pass "cqp opens the window titled \"CQP Mutualité\", with no error in the log"
	else
		cp "$work/ui.err" "$work/err"
		[ -f "$CQP_DATA/.metadata/.log" ] && tail -n +"$((logged + 1))" "$CQP_DATA/.metadata/.log" >"$work/out"
		fail "the application window"
	fi
	kill "$app" 2>/dev/null
	wait "$app" 2>/dev/null
	app=""
fi

# the robustness suite, as "releng/cqp bench robustness" runs it, beside the other tests (it
# has its own data folder, databases and server port); judged at the end
bash "$(dirname "$0")/robustness.sh" "$product" >"$work/robustness.out" 2>"$work/robustness.err" &
robustness=$!

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

# ---- the store: a synthetic branch that Derby's own ij reads, a crash during an import, a server

wait_for_line() { # wait_for_line FILE PATTERN PID: until FILE has a line matching PATTERN, while PID lives
	for _ in $(seq 1 1200); do
		grep -q "$2" "$1" && return 0
		kill -0 "$3" 2>/dev/null || return 1
		sleep 0.02
	done
	return 1
}

run "$cqp" data generate --candidates 300 --seed 4 --db "$work/base"
# some holders register for a second certification: the registrations the generation tells
made=$(made)
if [ $code -eq 0 ] && [ -n "$made" ] && [ "$made" -ge 300 ] &&
	ij "jdbc:derby:$work/base;user=CQP" "SELECT COUNT(*) AS N FROM REGISTRATION WHERE CERTIFICATION_CODE IN (SELECT CODE FROM CERTIFICATION)" >"$work/out" 2>"$work/err" &&
	grep -qE "^$made *\$" "$work/out"; then
	pass "cqp data generate fills a database that Derby's ij opens and queries"
else fail "data generate and ij (code $code)"; fi

# A large import killed in the middle of its transaction leaves the database as it was.
awk 'BEGIN { print "nom,prenom,date_naissance,certification,date_inscription,voie";
	for (i = 0; i < 60000; i++) printf "Importé%d,Candidat,%d-%02d-%02d,CMI,2024-09-02,FORMATION\n", i, 1960 + i % 40, 1 + i % 12, 1 + i % 28 }' >"$work/gros.csv"
"$cqp" data import "$work/gros.csv" --db "$work/base" >"$work/import.out" 2>"$work/import.err" &
importer=$!
wait_for_line "$work/import.err" '^Import : ' "$importer"
if grep -q '^Import : ' "$work/import.err" && kill -9 "$importer" 2>/dev/null; then
	wait "$importer" 2>/dev/null
	run "$cqp" data export --db "$work/base" --out "$work/apres.csv"
	if [ $code -eq 0 ] && [ "$(count_rows "$work/apres.csv")" -eq $((made + 1)) ] && ! grep -q 'Import terminé' "$work/import.out"; then
		pass "an import killed (kill -9) during its transaction leaves the database as before it"
	else fail "crash during an import (code $code, $(count_rows "$work/apres.csv" 2>/dev/null) lines after)"; fi
else
	cp "$work/import.err" "$work/err"
	fail "crash during an import: the import never reported its progress, or ended before it could be killed"
fi

port=$((20000 + RANDOM % 20000))
mkdir -p "$work/partage"
run "$cqp" data generate --candidates 5 --db "$work/partage/autre"
CQP_DB_PASSWORD=secret-proprio run "$cqp" server start --port "$port" --db "$work/partage/base"
started=$code
if [ $started -eq 0 ] && grep -q "Serveur de base de données démarré sur localhost:$port" "$work/out"; then
	CQP_DB_PASSWORD=secret-proprio run "$cqp" data generate --candidates 25 --server "localhost:$port"
	gen=$code
	served=$(made)
	CQP_DB_PASSWORD=secret-proprio CQP_NEW_PASSWORD=secret-marie run "$cqp" user add marie --role analyst --port "$port"
	add=$code
	CQP_DB_PASSWORD=secret-marie run "$cqp" data export --server "localhost:$port" --user marie
	if [ $gen -eq 0 ] && [ $add -eq 0 ] && [ $code -eq 0 ] && [ "$(count_rows "$work/out")" -eq $((served + 1)) ]; then
		pass "cqp server start shares a database: its owner fills it, a second user added with a password reads it"
	else fail "server mode (generate $gen, add-user $add, export $code)"; fi
	CQP_DB_PASSWORD=faux run "$cqp" data export --server "localhost:$port" --user marie
	wrong=$code
	CQP_DB_PASSWORD=nimporte run "$cqp" data export --server "localhost:$port" --user quelquun --database autre
	if [ $wrong -eq 1 ] && [ $code -eq 1 ] && one_line "$work/err" && grep -q "a refusé l'utilisateur ou le mot de passe" "$work/err"; then
		pass "a wrong password, or another database of the folder without credentials: one sentence, exit code 1"
	else fail "credentials (wrong password $wrong, other database $code)"; fi
	run "$cqp" server stop --port "$port"
	refused=$code
	CQP_DB_PASSWORD=secret-proprio run "$cqp" server stop --port "$port"
	stopped=$code
	run "$cqp" server status --port "$port"
	if [ $refused -eq 1 ] && [ $stopped -eq 0 ] && [ $code -eq 1 ]; then
		pass "cqp server stop stops it, with its owner's password only"
	else fail "server stop (without password $refused, with $stopped, status $code)"; fi
else
	fail "cqp server start (code $started)"
	CQP_DB_PASSWORD=secret-proprio "$cqp" server stop --port "$port" >/dev/null 2>&1
fi

run "$cqp" bench store --candidates 150
if [ $code -eq 0 ] && grep -q 'rapport import / SYSCS_IMPORT_TABLE' "$work/out"; then
	pass "cqp bench store prints its figures"
else fail "bench store (code $code)"; fi

run "$cqp" report list
if [ $code -eq 0 ] && [ "$(grep -c '^[a-z-]* : ' "$work/out")" -eq 8 ] && grep -q -- '--param annee_debut' "$work/out"; then
	pass "cqp report list shows the eight reports and their parameters"
else fail "cqp report list (code $code)"; fi

refused() { # refused WHAT OUT_DIR: exit 1, one line naming the problem, nothing written in OUT_DIR
	if [ $code -eq 1 ] && one_line "$work/err" && grep -q "$1" "$work/err" && [ -z "$(ls -A "$2" 2>/dev/null)" ]; then
		return 0
	fi
	return 1
}
run "$cqp" report run budget --db "$work/base" --out "$work/r1"
if refused "budget" "$work/r1"; then pass "cqp report run refuses an unknown report in one line"
else fail "report run budget (code $code)"; fi
run "$cqp" report run inscriptions --param annee=2024 --db "$work/base" --out "$work/r2"
if refused "annee" "$work/r2"; then pass "cqp report run refuses an unknown parameter in one line, writing nothing"
else fail "report run --param annee (code $code)"; fi
run "$cqp" report run all --param annee_debut=deux --db "$work/base" --out "$work/r3"
if refused "deux" "$work/r3"; then pass "cqp report run refuses a bad value in one line, writing nothing"
else fail "report run --param annee_debut=deux (code $code)"; fi
run "$cqp" report run inscriptions --param certification=XYZ --db "$work/base" --out "$work/r4"
if refused "XYZ" "$work/r4"; then pass "cqp report run refuses a value not in the list"
else fail "report run --param certification=XYZ (code $code)"; fi
CQP_DB_PASSWORD=x run "$cqp" report run inscriptions --server 127.0.0.1:1 --out "$work/r5"
if refused "127.0.0.1" "$work/r5"; then pass "cqp report run on an unreachable database says so in one line"
else fail "report run --server 127.0.0.1:1 (code $code)"; fi
run "$cqp" report run all --format pdf,xlsx --param annee_debut=2018 --db "$work/base" --out "$work/r6"
if [ $code -eq 0 ] && [ "$(find "$work/r6" -name '*.pdf' -size +1k | wc -l)" -eq 8 ] \
	&& [ "$(find "$work/r6" -name '*.xlsx' -size +1k | wc -l)" -eq 8 ] \
	&& pdftotext "$work/r6/inscriptions.pdf" - | grep -q 'Inscriptions par certification' \
	&& ! grep -q 'could not find a logging provider' "$CQP_DATA/.metadata/bibliotheques.log" 2>/dev/null \
	&& ! grep -q 'spudsoft' "$CQP_DATA/.metadata/.log" 2>/dev/null; then
	pass "cqp report run all writes the eight reports as PDF and XLSX; the logs get neither a false error nor a notice per workbook"
else fail "report run all (code $code)"; fi

t0=$(millis); run "$cqp" demo --out "$work/demo"; t_demo=$(($(millis) - t0))
if [ $code -eq 0 ] && [ "$(grep -c "^$work/demo/" "$work/out")" -eq 24 ] && [ "$(find "$work/demo" -type f -size +1k | wc -l)" -eq 24 ]; then
	pass "cqp demo creates the demonstration database and renders the pack in PDF, HTML and XLSX"
else fail "cqp demo (code $code)"; fi
run "$cqp" demo --out "$work/demo"
if [ $code -eq 0 ] && grep -q 'réutilisée' "$work/err"; then
	pass "cqp demo reuses its database the second time"
else fail "cqp demo again (code $code)"; fi
# the demo names the command that opens its database in the application: it works (in another
# data folder, so that the following checks keep theirs)
demo_db=$(sed -n 's/.*cqp database use embedded --db \(.*\) », puis.*/\1/p' "$work/err" | tail -n 1)
CQP_DATA="$work/ailleurs" run "$cqp" database use embedded --db "$demo_db"
CQP_DATA="$work/ailleurs" run "$cqp" data export --out "$work/ailleurs-export.csv"
if [ $code -eq 0 ] && [ -n "$demo_db" ] && [ "$(($(wc -l <"$work/ailleurs-export.csv") - 1))" -ge 2000 ]; then
	pass "the command the demo names opens its database: its registrations are exported"
else fail "demo database through cqp database use (code $code, database '$demo_db')"; fi

run "$cqp" bench reports --candidates 150 --format html
if [ $code -eq 0 ] && grep -q 'rapport à chaud / SQL seul' "$work/out" && grep -q 'pic de mémoire' "$work/out" && grep -q '^  sortie la plus longue à chaud : [a-z-]* en html, ' "$work/out"; then
	pass "cqp bench reports prints its figures"
else fail "bench reports (code $code)"; fi

# shellcheck source=data-safety-tests.sh
. "$(dirname "$0")/data-safety-tests.sh"


if wait "$robustness"; then
	pass "robustness: $(tail -n 3 "$work/robustness.out" | paste -sd ';' -)"
else
	cp "$work/robustness.out" "$work/out"
	cp "$work/robustness.err" "$work/err"
	fail "the robustness suite"
fi

echo "Product timings: headless command (cqp --version) ${t_version} ms, demo ${t_demo} ms, start to window ${t_window:-?} ms"
if [ $failures -gt 0 ]; then
	echo "$failures product test(s) failed."
	exit 1
fi
echo "All product tests passed."
