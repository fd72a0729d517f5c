# Sourced by product-tests.sh (it defines run, pass, fail, one_line, ij, ij_script, count_rows, wait_for_line,
# $cqp, $work, and the 60,000 registrations of $work/gros.csv):
# the data-safety tests of the materialised product, as a hostile user tries the commands —
# private files whatever the umask, a full disk, killed upgrades and creations, a database an
# older release left half upgraded, sharing through the server, broken referential files.

sources=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# ---- files are their owner's alone, whatever the umask
priv="$work/prive"
mkdir -p "$priv"
(
	umask 000
	export CQP_DATA="$priv/donnees"
	"$cqp" data generate --candidates 20 --db "$priv/base" >"$work/generated-prive" 2>/dev/null &&
		"$cqp" data export --db "$priv/base" --format excel --out "$priv/exports/oemm.csv" >/dev/null 2>&1 &&
		"$cqp" report run inscriptions --format pdf,xlsx --db "$priv/base" --out "$priv/rapports" >/dev/null 2>&1 &&
		"$cqp" referential export CMI --format csv --out "$priv/exports/cmi.csv" >/dev/null 2>&1
) && code=0 || code=$?
open_files=$(find "$priv" -mindepth 1 \( -type f -perm /077 -o -type d -perm /077 \) -print)
if [ "$code" -eq 0 ] && [ -z "$open_files" ] && [ -f "$priv/rapports/inscriptions.pdf" ] &&
	[ "$(stat -c %a "$priv/donnees")" = 700 ] && [ "$(stat -c %a "$priv/base/seg0")" = 700 ]; then
	pass "under umask 000, the data folder, the database, exports and reports are their owner's alone"
else
	printf '%s\n' "$open_files" >"$work/out"
	fail "private files under umask 000 (code $code)"
fi

# ---- a full disk: every output complete or absent, one sentence, exit 1
full="$work/plein"
mkdir -p "$full"
if mount -t tmpfs -o size=64k tmpfs "$full" 2>"$work/err"; then
	verdicts=""
	for format in html pdf xlsx; do
		rm -rf "${full:?}"/*
		run "$cqp" report run all --format "$format" --db "$priv/base" --out "$full/r"
		partial=$(find "$full" -name '.*.part' | wc -l)
		broken=0
		for f in "$full"/r/*."$format"; do
			[ -f "$f" ] || continue
			case $format in
			html) tail -c 20 "$f" | grep -q '</html>' || broken=$((broken + 1)) ;;
			pdf) pdfinfo "$f" >/dev/null 2>&1 || broken=$((broken + 1)) ;;
			xlsx) python3 -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' "$f" 2>/dev/null || broken=$((broken + 1)) ;;
			esac
		done
		written=$(find "$full/r" -name "*.$format" 2>/dev/null | wc -l)
		if [ $code -eq 1 ] && one_line "$work/err" && no_java "$work/err" && grep -q 'le disque est plein' "$work/err" &&
			[ "$partial" -eq 0 ] && [ "$broken" -eq 0 ] && [ "$written" -lt 7 ]; then
			verdicts="$verdicts ok"
		else
			verdicts="$verdicts $format:code=$code,partial=$partial,broken=$broken,written=$written"
		fi
	done
	rm -rf "${full:?}"/*
	cat /dev/zero >"$full/remplissage" 2>/dev/null # the disk is now full to the last byte
	run "$cqp" data export --db "$priv/base" --out "$full/oemm.csv"
	export_code=$code
	export_ok=$(one_line "$work/err" && no_java "$work/err" && [ ! -e "$full/oemm.csv" ] && echo yes)
	"$cqp" data export --db "$priv/base" >"$full/sortie.csv" 2>"$work/err" </dev/null
	stdout_code=$?
	stdout_ok=$(one_line "$work/err" && no_java "$work/err" && grep -q "La sortie standard n'a pas pu être écrite" "$work/err" && echo yes)
	umount "$full"
	if [ "$verdicts" = " ok ok ok" ] && [ "$export_code" -eq 1 ] && [ "$export_ok" = yes ] &&
		[ "$stdout_code" -eq 1 ] && [ "$stdout_ok" = yes ]; then
		pass "on a full disk, reports (HTML, PDF, XLSX) and exports (to a file or redirected) are complete or absent, with one sentence and exit 1"
	else
		echo "$verdicts / export $export_code / standard output $stdout_code" >"$work/out"
		fail "full disk"
	fi
else
	fail "full disk: cannot mount a small tmpfs (the tests need root, as on CI)"
fi

# ---- a large database at the first schema, as release 0.1.0 left it
run "$cqp" data import "$work/gros.csv" --db "$work/ancienne"
downgrade="DROP FUNCTION STAGED_REGISTRATIONS;
DROP FUNCTION STAGED_CANDIDATES;
DELETE FROM DATABASECHANGELOG WHERE ID = '013-import-jours-en-texte';
DELETE FROM DATABASECHANGELOG WHERE ID = '012-parts-indexees';
DELETE FROM DATABASECHANGELOG WHERE ID = '011-import-en-bloc';
DELETE FROM DATABASECHANGELOG WHERE ID = '010-echeances-datees';
DROP FUNCTION LOAD_IN_BULK;
DELETE FROM DATABASECHANGELOG WHERE ID = '009-chargement-en-bloc';
DROP VIEW SESSION_RULE;
DROP TABLE STAT_REGISTRATION;
DROP TABLE STAT_REGISTRATION_SHARE;
DROP TABLE STAT_DECISION;
DROP TABLE STAT_DECISION_SHARE;
DROP TABLE STAT_DOMAIN;
DROP TABLE STAT_DOMAIN_SHARE;
DROP TABLE STAT_AWARD;
DROP TABLE STAT_AWARD_SHARE;
DROP TABLE STAT_SESSION;
DROP TABLE STAT_SESSION_SHARE;
DROP TABLE STAT_WAITING;
DROP TABLE STAT_WAITING_SHARE;
DROP TABLE STAT_PARTIAL;
DROP TABLE STAT_PARTIAL_SHARE;
DROP TABLE STAT_PENDING;
DROP TABLE STAT_STATE;
DELETE FROM DATABASECHANGELOG WHERE ID = '008-tableaux-statistiques';
DROP VIEW DECISION_RULE;
DROP VIEW REGISTRATION_RULE;
DROP TABLE CERTIFICATION_RULE;
DELETE FROM DATABASECHANGELOG WHERE ID = '006-regles';
DROP VIEW DECISION_SUMMARY;
ALTER TABLE JURY_DECISION DROP COLUMN DOMAINS;
ALTER TABLE JURY_DECISION DROP COLUMN ACQUIRED;
CREATE VIEW DECISION_SUMMARY (SESSION_ID, REGISTRATION_ID, SESSION_DATE, DOMAINS, ACQUIRED) AS SELECT D.SESSION_ID, D.REGISTRATION_ID, S.SESSION_DATE, COUNT(*), SUM(CASE WHEN D.ACQUIRED THEN 1 ELSE 0 END) FROM DOMAIN_DECISION D JOIN JURY_SESSION S ON S.ID = D.SESSION_ID GROUP BY D.SESSION_ID, D.REGISTRATION_ID, S.SESSION_DATE;
DELETE FROM DATABASECHANGELOG WHERE ID = '007-agregats';
DROP TABLE EVALUATOR_ASSIGNMENT;
DROP TABLE USER_ACCOUNT;
DROP TABLE AUDIT_TRAIL;
DROP TABLE ACCESS_GUARD;
DELETE FROM DATABASECHANGELOG WHERE ID = '005-acces';
ALTER TABLE JURY_DECISION DROP COLUMN ADVICE;
ALTER TABLE VAE_DOSSIER DROP COLUMN ADMISSIBILITY_REASON;
ALTER TABLE VAE_DOSSIER DROP COLUMN ADMISSIBILITY_DATE;
ALTER TABLE VAE_DOSSIER DROP COLUMN ADMISSIBILITY;
DROP TABLE CERTIFICATE_SEQUENCE;
DROP TABLE CERTIFICATE_HISTORY;
DELETE FROM DATABASECHANGELOG WHERE ID = '004-certificats';
DROP TABLE BOOKLET_STATUS;
ALTER TABLE TRAINING_MODULE DROP COLUMN TRAINER;
ALTER TABLE ANSWER DROP CONSTRAINT ANSWER_PART;
ALTER TABLE ANSWER ADD CONSTRAINT ANSWER_PART CHECK (PART IN ('FINAL', 'VAE'));
DELETE FROM DATABASECHANGELOG WHERE ID = '003-livrets';
DROP VIEW DECISION_SUMMARY;
DROP INDEX JURY_SESSION_DATE;
DROP INDEX REGISTRATION_CERTIFICATION_DATE;
DELETE FROM DATABASECHANGELOG WHERE ID = '002-statistiques'"
if [ $code -eq 0 ] && ij "jdbc:derby:$work/ancienne;user=CQP" "$downgrade" >"$work/out" 2>"$work/err" &&
	ij "jdbc:derby:$work/ancienne;user=CQP" "SELECT COUNT(*) FROM DATABASECHANGELOG" 2>&1 | grep -qE '^1 *$'; then

	# killed at any moment of its upgrade, it opens afterwards, at the new version, nothing lost
	kills=0 midway=0 bad=""
	for delay in 0 0.15 0.3 0.5 0.8 1.2; do
		copy="$work/coupee-$delay"
		cp -a "$work/ancienne" "$copy"
		"$cqp" data export --db "$copy" --out "$work/coupee.csv" >"$work/kill.out" 2>"$work/kill.err" &
		victim=$!
		wait_for_line "$work/kill.err" '^Mise à jour de la structure' "$victim"
		sleep "$delay"
		if kill -9 "$victim" 2>/dev/null; then
			kills=$((kills + 1))
			grep -q 'mise à jour (002' "$work/kill.err" || midway=$((midway + 1))
		fi
		wait "$victim" 2>/dev/null
		run "$cqp" data export --db "$copy" --out "$work/apres.csv"
		rows=$(count_rows "$work/apres.csv" 2>/dev/null)
		# the export opens the database, upgrading it when the kill came first: it succeeds only at the new version
		if [ $code -ne 0 ] || [ "$rows" != 60001 ]; then
			bad="$bad $delay:code=$code,rows=$rows"
			cp "$work/err" "$work/err.kill"
		fi
		rm -rf "$copy"
	done
	if [ -z "$bad" ] && [ $midway -ge 3 ]; then
		pass "an upgrade killed (kill -9) at $midway moments of its run leaves a database that opens, upgraded, with its 60,000 rows"
	else
		echo "kills $kills, during the upgrade $midway, failures:$bad" >"$work/out"
		cp "$work/err.kill" "$work/err" 2>/dev/null
		fail "killed upgrades"
	fi

	# a database an older release left half upgraded: one sentence with the way out, which works
	half="$work/moitie"
	cp -a "$work/ancienne" "$half"
	# what release 0.1.0 left when killed between the step's commit and its changelog row
	ij_script "jdbc:derby:$half;user=CQP" "$sources/bundles/fr.mutualite.cqp.store/db/002-statistiques.sql" >"$work/half.out" 2>&1
	run "$cqp" data export --db "$half"
	refused=$code
	cp "$work/err" "$work/half.err"
	run "$cqp" database repair --db "$half"
	repaired=$code
	run "$cqp" data export --db "$half" --out "$work/moitie.csv"
	if [ $refused -eq 1 ] && one_line "$work/half.err" && grep -q "cqp database repair --db $half" "$work/half.err" &&
		[ $repaired -eq 0 ] && [ $code -eq 0 ] && [ "$(count_rows "$work/moitie.csv")" -eq 60001 ]; then
		pass "a database an older release left half upgraded is refused in one sentence naming cqp database repair, which repairs it"
	else
		cp "$work/half.err" "$work/err"
		echo "refused $refused, repair $repaired, export $code" >"$work/out"
		fail "half-upgraded database"
	fi
else
	fail "a database at the first schema for the upgrade tests (code $code)"
fi

# ---- killed while creating a database: afterwards it is absent or whole
bad=""
for delay in 0.5 1.5 2.5 3.5; do
	fresh="$work/nee-$delay"
	"$cqp" data generate --candidates 400 --db "$fresh" >/dev/null 2>"$work/kill.err" &
	victim=$!
	sleep "$delay"
	kill -9 "$victim" 2>/dev/null
	wait "$victim" 2>/dev/null
	run "$cqp" data export --db "$fresh"
	if [ $code -eq 0 ]; then
		:
	elif [ $code -eq 1 ] && one_line "$work/err" && grep -q '^Aucune base de données dans' "$work/err"; then
		run "$cqp" data generate --candidates 5 --db "$fresh"
		[ $code -eq 0 ] || bad="$bad $delay:regenerate=$code"
	else
		bad="$bad $delay:export=$code"
	fi
done
if [ -z "$bad" ]; then
	pass "a creation killed at any moment leaves no database, or a whole one"
else
	echo "$bad" >"$work/out"
	fail "killed creations"
fi

# ---- sharing an existing database through the server: an added user works, after a restart too
port=$((20000 + RANDOM % 20000))
shared="$work/existante/base" # clients name a shared database by its folder's name: base
run "$cqp" data generate --candidates 15 --db "$shared"
gen=$code
shared_made=$(made)
CQP_DB_PASSWORD=secret-proprio run "$cqp" server start --port "$port" --db "$shared"
started=$code
CQP_DB_PASSWORD=secret-proprio CQP_NEW_PASSWORD=court run "$cqp" user add paul --role analyst --port "$port"
short=$code
CQP_DB_PASSWORD=secret-proprio CQP_NEW_PASSWORD=secret-de-paul run "$cqp" user add paul --role analyst --port "$port"
added=$code
CQP_DB_PASSWORD=secret-de-paul run "$cqp" data export --server "localhost:$port" --user paul
first=$code first_rows=$(count_rows "$work/out")
CQP_DB_PASSWORD=secret-proprio run "$cqp" server stop --port "$port"
CQP_DB_PASSWORD=secret-proprio run "$cqp" server start --port "$port" --db "$shared"
restarted=$code
CQP_DB_PASSWORD=secret-de-paul run "$cqp" data export --server "localhost:$port" --user paul
second=$code second_rows=$(count_rows "$work/out")
CQP_DB_PASSWORD=secret-proprio "$cqp" server stop --port "$port" >/dev/null 2>&1
open_shared=$(find "$work/existante" -mindepth 1 \( -type f -perm /077 -o -type d -perm /077 \) -print | head -n 3)
if [ -z "$open_shared" ] && [ $gen -eq 0 ] && [ $started -eq 0 ] && [ $short -eq 1 ] && [ $added -eq 0 ] && [ $first -eq 0 ] &&
	[ "$first_rows" -eq $((shared_made + 1)) ] && [ $restarted -eq 0 ] && [ $second -eq 0 ] && [ "$second_rows" -eq $((shared_made + 1)) ]; then
	pass "an existing database shared by cqp server start: a user added reads it, after a restart too; a short password is refused; its files and the server's log are private"
else
	echo "generate $gen, start $started, short $short, add $added, read $first ($first_rows), restart $restarted, read $second ($second_rows), open files: $open_shared" >"$work/out"
	fail "sharing an existing database"
fi

# ---- one bad referential file does not stop the others; a reused code and version says which
# one wins; another version of a certification is listed beside the first
mkdir -p "$CQP_DATA/referentiels"
printf '<ref:Referential xmlns:ref="http://www.mutualite.fr/cqp/referential/1.0"><certifications>' >"$CQP_DATA/referentiels/casse.referentiel"
sed -e 's/id="ac"/id="ac-complete"/' \
	"$sources/bundles/fr.mutualite.cqp.referential/referentiels/ac.referentiel" >"$CQP_DATA/referentiels/ac-complete.referentiel"
sed -e 's/id="ac"/id="ac-2"/' -e 's/ version="1.0" validFrom="2013-01-01"/ version="2.0" validFrom="2020-09-01"/' \
	"$sources/bundles/fr.mutualite.cqp.referential/referentiels/ac.referentiel" >"$CQP_DATA/referentiels/ac-2.referentiel"
run "$cqp" referential list
if [ $code -eq 0 ] && [ "$(grep -c . "$work/out")" -eq 8 ] && grep -qE '^AC +1\.0 +2013-01-01 ' "$work/out" &&
	grep -qE '^AC +2\.0 +2020-09-01 ' "$work/out" &&
	grep -q 'casse.referentiel n.est pas un référentiel lisible' "$work/err" &&
	grep -q "ac-complete.referentiel définit le CQP AC, déjà livré dans ac.referentiel : celui de .*ac-complete.referentiel est utilisé" "$work/err" &&
	no_java "$work/err"; then
	pass "a broken referential file is reported and left out, a reused code and version says which file wins, another version is listed beside"
else fail "broken and duplicate referential files (code $code)"; fi
priv_made=$(sed -n 's/.*: [0-9]* candidats, \([0-9]*\) inscriptions.*/\1/p' "$work/generated-prive")
run "$cqp" data export --db "$priv/base"
if [ $code -eq 0 ] && [ -n "$priv_made" ] && [ "$(count_rows "$work/out")" -eq $((priv_made + 1)) ]; then
	pass "commands working on the database go on despite a broken referential file"
else fail "data export with a broken referential file (code $code)"; fi
rm -f "$CQP_DATA/referentiels/casse.referentiel" "$CQP_DATA/referentiels/ac-2.referentiel" "$CQP_DATA/referentiels/ac-complete.referentiel"

# ---- no Java text, the README's exit codes
printf 'nom,prenom,date_naissance,certification,date_inscription,voie\nA,"B,1990-01-01,CMI,2024-01-02,VAE\n' >"$work/guillemet.csv"
run "$cqp" data import "$work/guillemet.csv" --db "$priv/base"
quote=$code
cp "$work/err" "$work/quote.err"
run "$cqp" data export --db /
root=$code
if [ $quote -eq 1 ] && one_line "$work/quote.err" && no_java "$work/quote.err" && grep -q 'à la ligne 2' "$work/quote.err" &&
	[ $root -eq 1 ] && one_line "$work/err" && no_java "$work/err"; then
	pass "an unterminated quote or --db / get one sentence and exit 1, no Java text"
else fail "Java text or exit codes (import $quote, --db / $root)"; fi

# ---- encryption at rest: an existing database encrypted; without its boot password, or a wrong one, one sentence
enc="$work/chiffree/base"
run "$cqp" data generate --candidates 12 --db "$enc"
enc_made=$(made)
CQP_BOOT_PASSWORD=secret-demarrage run "$cqp" database encrypt --db "$enc"
encrypted=$code
run "$cqp" data export --db "$enc"
missing=$code
cp "$work/err" "$work/enc-missing.err"
CQP_BOOT_PASSWORD=mauvais-demarrage run "$cqp" data export --db "$enc"
wrong=$code
CQP_BOOT_PASSWORD=secret-demarrage run "$cqp" data export --db "$enc"
if [ $encrypted -eq 0 ] && grep -q '^dataEncryption=true$' "$enc/service.properties" && [ $missing -eq 1 ] && [ $wrong -eq 1 ] &&
	one_line "$work/enc-missing.err" && grep -q "est chiffrée : son mot de passe de démarrage manque ou est faux" "$work/enc-missing.err" &&
	[ $code -eq 0 ] && [ "$(count_rows "$work/out")" -eq $((enc_made + 1)) ]; then
	pass "cqp database encrypt: the database opens with its boot password only; without it or with a wrong one, one sentence"
else fail "encryption (encrypt $encrypted, without $missing, wrong $wrong, right $code)"; fi

# ---- an output interrupted: the process stopped (Ctrl-C, kill) deletes what it was writing; killed
# outright (kill -9), it leaves a partial file, which the next write of the same file deletes
cut="$work/interrompu"
mkdir -p "$cut/donnees/rapports"
# a design of the observatory whose query runs for a while: three registrations in a row
cat >"$cut/donnees/rapports/croise.rptdesign" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<report xmlns="http://www.eclipse.org/birt/2005/design" version="3.2.23" id="1">
    <text-property name="title">Inscriptions croisées</text-property>
    <parameters>
        <scalar-parameter name="annee_min" id="2">
            <property name="valueType">static</property>
            <property name="dataType">integer</property>
            <property name="isRequired">true</property>
            <property name="controlType">text-box</property>
            <simple-property-list name="defaultValue"><value type="constant">2000</value></simple-property-list>
        </scalar-parameter>
    </parameters>
    <data-sources>
        <oda-data-source extensionID="org.eclipse.birt.report.data.oda.jdbc" name="Base" id="3"/>
    </data-sources>
    <data-sets>
        <oda-data-set extensionID="org.eclipse.birt.report.data.oda.jdbc.JdbcSelectDataSet" name="Croisées" id="4">
            <list-property name="parameters">
                <structure>
                    <property name="name">p1</property>
                    <property name="paramName">annee_min</property>
                    <property name="dataType">integer</property>
                    <property name="position">1</property>
                    <property name="isInput">true</property>
                    <property name="isOutput">false</property>
                </structure>
            </list-property>
            <property name="dataSource">Base</property>
            <xml-property name="queryText"><![CDATA[SELECT A.ID AS UN, B.ID AS DEUX, C.ID AS TROIS
FROM REGISTRATION A, REGISTRATION B, REGISTRATION C WHERE YEAR(A.REGISTRATION_DATE) >= ?
FETCH FIRST 2000000 ROWS ONLY]]></xml-property>
        </oda-data-set>
    </data-sets>
    <body>
        <table id="5">
            <property name="dataSet">Croisées</property>
            <list-property name="boundDataColumns">
                <structure><property name="name">UN</property><expression name="expression">dataSetRow["UN"]</expression><property name="dataType">string</property></structure>
                <structure><property name="name">DEUX</property><expression name="expression">dataSetRow["DEUX"]</expression><property name="dataType">string</property></structure>
                <structure><property name="name">TROIS</property><expression name="expression">dataSetRow["TROIS"]</expression><property name="dataType">string</property></structure>
            </list-property>
            <column id="6"/><column id="7"/><column id="8"/>
            <detail>
                <row id="9">
                    <cell id="10"><data id="11"><property name="resultSetColumn">UN</property></data></cell>
                    <cell id="12"><data id="13"><property name="resultSetColumn">DEUX</property></data></cell>
                    <cell id="14"><data id="15"><property name="resultSetColumn">TROIS</property></data></cell>
                </row>
            </detail>
        </table>
    </body>
</report>
EOF
interrupt() { # interrupt SIGNAL: runs the long report, sends SIGNAL once its partial file exists; sets $code
	CQP_DATA="$cut/donnees" "$cqp" report run croise --format pdf --db "$work/base" --out "$cut/r" >"$work/out" 2>"$work/err" </dev/null &
	pid=$!
	for _ in $(seq 1 1500); do
		[ -n "$(find "$cut/r" -name '.croise.pdf.*.part' 2>/dev/null)" ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.02
	done
	kill -"$1" "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	code=$?
}
partials() { find "$cut/r" -name '.croise.pdf.*.part' | wc -l; }
interrupt TERM
stopped=$code stopped_left=$(partials)
interrupt KILL
killed=$code killed_left=$(partials)
touch -d '1 minute ago' "$cut"/r/.croise.pdf.*.part
CQP_DATA="$cut/donnees" run "$cqp" report run croise --format pdf --param annee_min=3000 --db "$work/base" --out "$cut/r"
if [ $stopped -eq 143 ] && [ "$stopped_left" -eq 0 ] && [ $killed -eq 137 ] && [ "$killed_left" -eq 1 ] &&
	[ $code -eq 0 ] && [ "$(partials)" -eq 0 ] && [ "$(ls "$cut/r")" = croise.pdf ]; then
	pass "a report stopped while written (kill) leaves nothing; killed outright (kill -9), its partial file goes at the next write of it"
else
	echo "stopped $stopped ($stopped_left left), killed $killed ($killed_left left), written again $code ($(partials) left)" >"$work/out"
	fail "interrupted output"
fi
