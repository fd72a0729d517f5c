#!/usr/bin/env bash
# "releng/cqp bench robustness": the product tried as a hostile user would, printing three
# figures as "passed / tried":
#   - malformed or hostile inputs (CSV, exchange packages, CASE JSON, referential XMI, report
#     parameters, booklet values, SQL-looking and over-long values, wrong encodings): each refused
#     in one sentence that names the problem, without Java text, and the database unchanged
#     (every row of every table compared before and after, through Derby's ij);
#   - kill -9 at random moments of a CSV import, an exchange package's import and a retention
#     run (a save of many dossiers): the database reopens each time, as it was before or as the
#     whole operation leaves it, never in between;
#   - the role matrix: each role tries each operation through ij and through the product, on a
#     database shared by the network server; the expected ones pass, the others are refused.
# Usage: robustness.sh PRODUCT_FOLDER [SEED]. Exit code 0 when every trial passed.
set -u
product=${1:?usage: robustness.sh PRODUCT_FOLDER [SEED]}
RANDOM=${2:-1}
work=$(mktemp -d)
server_port=""
cleanup() {
	[ -n "$server_port" ] && CQP_DB_PASSWORD=proprietaire-secret "$product/cqp" server stop --port "$server_port" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT
export CQP_DATA="$work/data" CQP_LANG=fr
# Hundreds of short commands, each judged on what it does, not on its speed (the benchmarks and the
# other product checks run the product's defaults): without the JIT's second compiler, each costs a
# third less CPU, and the CI runs this suite beside the other checks on two cores.
export CQP_VMARGS="${CQP_VMARGS:-} -XX:TieredStopAtLevel=1"
# shellcheck source=../lib/product-checks.sh
. "$(dirname "$0")/../lib/product-checks.sh"
py() { python3 -W ignore - "$@"; }

base="$work/base"
echo "Robustesse : $product (graine ${2:-1})"
run "$cqp" data generate --candidates 80 --seed 3 --as-of 2026-06-30 --db "$base"
[ $code -eq 0 ] || { fail "the database of the trials (code $code)"; exit 1; }

# ---- the state of a database: every row of every table of the owner's schema, in order
ij "jdbc:derby:$base;user=CQP" "SELECT T.TABLENAME, COUNT(*) FROM SYS.SYSTABLES T JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = T.SCHEMAID \
JOIN SYS.SYSCOLUMNS C ON C.REFERENCEID = T.TABLEID WHERE S.SCHEMANAME = 'CQP' AND T.TABLETYPE = 'T' GROUP BY T.TABLENAME" >"$work/tables"
awk -F'|' '/^[A-Z_]+ *\|/ { gsub(/ /, "", $1); gsub(/ /, "", $2); cols = "1"; for (i = 2; i <= $2; i++) cols = cols "," i;
	printf "SELECT * FROM CQP.%s ORDER BY %s;\n", $1, cols, $1, $1 }' "$work/tables" >"$work/dump.sql"
awk -F'|' '/^[A-Z_]+ *\|/ { gsub(/ /, "", $1); printf "VALUES (SELECT '"'"'%s='"'"' || TRIM(CAST(COUNT(*) AS CHAR(12))) FROM CQP.%s);\n", $1, $1 }' \
	"$work/tables" >"$work/counts.sql"
state() { # state DATABASE: a digest of every row of every table
	ij_script "jdbc:derby:$1;user=CQP" "$work/dump.sql" 2>&1 | sha256sum | cut -c1-16
}
counts() { # counts DATABASE: the rows of each table, one line; empty when the database does not open
	ij_script "jdbc:derby:$1;user=CQP" "$work/counts.sql" 2>&1 | grep -oE '^[A-Z_]+=[0-9]+' | tr '\n' ' '
}
[ "$(grep -c '^SELECT \*' "$work/dump.sql")" -ge 30 ] && [ "$(counts "$base" | wc -w)" -ge 30 ] ||
	{ cp "$work/tables" "$work/out"; fail "the tables of the database"; exit 1; }

# ---- 1. hostile inputs
hostile_tried=0 hostile_passed=0
before=$(state "$base")
referentials_before=$(find "$CQP_DATA" -path '*referentiels*' -type f -exec sha256sum {} + 2>/dev/null | sort | sha256sum)
group_trials=() group_label=""
hostile() { # hostile EXIT_CODE[+] PATTERN LABEL -- COMMAND...: refused with EXIT_CODE, one sentence matching PATTERN
	# (with "+": one sentence per line refused, and the count); the database is compared at the end of the group
	local expected=${1%+} pattern=$2 label=$3 sentences=one_line
	[ "$1" != "$expected" ] && sentences=true
	shift 4
	hostile_tried=$((hostile_tried + 1))
	run "$@"
	if [ "$code" -eq "$expected" ] && "$sentences" "$work/err" && no_java "$work/err" && grep -q -- "$pattern" "$work/err"; then
		group_trials+=("$label")
	else
		echo "code $code (attendu $expected)" >>"$work/err"
		fail "entrée hostile : $label"
	fi
}
unchanged() { # unchanged GROUP: the trials of the group passed if every row of every table, and the referentials, are as before
	local after referentials
	after=$(state "$base")
	referentials=$(find "$CQP_DATA" -path '*referentiels*' -type f -exec sha256sum {} + 2>/dev/null | sort | sha256sum)
	if [ "$after" = "$before" ] && [ "$referentials" = "$referentials_before" ]; then
		hostile_passed=$((hostile_passed + ${#group_trials[@]}))
	else
		echo "base ${after} (avant ${before}) après : ${group_trials[*]}" >"$work/out"
		: >"$work/err"
		fail "entrées hostiles ($1) : la base ou les référentiels ont changé"
	fi
	group_trials=()
}
db=(--db "$base")

# CSV of registrations
in="$work/entrees"
mkdir -p "$in"
header="nom,prenom,date_naissance,certification,date_inscription,voie"
: >"$in/vide.csv"
py "$in/binaire.csv" <<'PY'
import random, sys
random.seed(7)
open(sys.argv[1], 'wb').write(bytes(random.randrange(256) for _ in range(8192)))
PY
printf '%s\nDurand,Léa,1990-01-01,CMI,2024-09-02,FORMATION\n' "$header" | iconv -f UTF-8 -t UTF-16 >"$in/utf16.csv"
printf 'a,b,c\n1,2,3\n' >"$in/entete.csv"
printf 'nom,prenom,date_naissance,date_inscription,voie\nDurand,Léa,1990-01-01,2024-09-02,FORMATION\n' >"$in/colonne.csv"
printf '%s\nDurand,Léa,1990-01-01,XYZ,2024-09-02,FORMATION\n' "$header" >"$in/certification.csv"
printf '%s\nDurand,Léa,1990-02-31,CMI,2024-09-02,FORMATION\n' "$header" >"$in/date.csv"
printf '%s\nDurand,Léa,1990-01-01,CMI,2024-09-02,AVION\n' "$header" >"$in/voie.csv"
printf '%s\nDurand,Léa,2090-01-01,CMI,2024-09-02,FORMATION\n' "$header" >"$in/futur.csv"
{ echo "$header"; printf 'Durand%05000d,Léa,1990-01-01,CMI,2024-09-02,FORMATION\n' 0; } >"$in/long.csv"
printf '%s,organisme\nDurand,Léa,1990-01-01,CMI,2024-09-02,FORMATION,INCONNU\n' "$header" >"$in/organisme.csv"
{ echo "$header"; head -c 3000000 /dev/zero | tr '\0' 'x'; } >"$in/ligne.csv"
printf '%s\nDurand,"Léa,1990-01-01,CMI,2024-09-02,FORMATION\n' "$header" >"$in/guillemet.csv"
mkdir -p "$in/dossier.csv"
hostile 1 "vide" "CSV vide" -- "$cqp" data import "$in/vide.csv" "${db[@]}"
hostile 1 "colonnes obligatoires" "CSV binaire" -- "$cqp" data import "$in/binaire.csv" "${db[@]}"
hostile 1 "colonnes obligatoires" "CSV en UTF-16" -- "$cqp" data import "$in/utf16.csv" "${db[@]}"
hostile 1 "colonnes obligatoires" "CSV sans les colonnes attendues" -- "$cqp" data import "$in/entete.csv" "${db[@]}"
hostile 1 "colonnes obligatoires" "CSV sans colonne certification" -- "$cqp" data import "$in/colonne.csv" "${db[@]}"
hostile 1+ "certification inconnue « XYZ »" "CSV, certification inconnue" -- "$cqp" data import "$in/certification.csv" "${db[@]}"
hostile 1+ "date « 1990-02-31 » invalide" "CSV, date impossible" -- "$cqp" data import "$in/date.csv" "${db[@]}"
hostile 1+ "voie « AVION » inconnue" "CSV, voie inconnue" -- "$cqp" data import "$in/voie.csv" "${db[@]}"
hostile 1+ "naissance 2090-01-01" "CSV, naissance dans le futur" -- "$cqp" data import "$in/futur.csv" "${db[@]}"
hostile 1+ "« nom » a 5006 caractères" "CSV, nom trop long" -- "$cqp" data import "$in/long.csv" "${db[@]}"
hostile 1+ "organisme de formation inconnu « INCONNU »" "CSV, organisme inconnu" -- "$cqp" data import "$in/organisme.csv" "${db[@]}"
hostile 1+ "a 3000000 caractères" "CSV, ligne de 3 Mo" -- "$cqp" data import "$in/ligne.csv" "${db[@]}"
hostile 1+ "ligne 2\|guillemet" "CSV, guillemet non fermé" -- "$cqp" data import "$in/guillemet.csv" "${db[@]}"
hostile 1 "dossier" "CSV qui est un dossier" -- "$cqp" data import "$in/dossier.csv" "${db[@]}"
hostile 1 "n'existe pas" "CSV absent" -- "$cqp" data import "$in/absent.csv" "${db[@]}"
hostile 1 "fichier" "CSV qui est un périphérique" -- "$cqp" data import /dev/zero "${db[@]}"

unchanged CSV

# exchange packages, made from a real one
run "$cqp" exchange export --training-body IFPASS --out "$in/paquet.zip" "${db[@]}"
[ $code -eq 0 ] || fail "the exchange package of the trials (code $code)"
py "$in" <<'PY'
import hashlib, json, sys, zipfile
d = sys.argv[1]
src = zipfile.ZipFile(d + '/paquet.zip')
parts = {n: src.read(n) for n in src.namelist()}
def write(name, entries, fix=True):
    entries = dict(entries)
    if fix and 'manifeste.json' in entries:
        m = json.loads(entries['manifeste.json'])
        for p in m['parties']:
            if p['nom'] in entries:
                p['sha256'] = hashlib.sha256(entries[p['nom']]).hexdigest(); p['octets'] = len(entries[p['nom']])
        entries['manifeste.json'] = json.dumps(m).encode()
    with zipfile.ZipFile(d + '/' + name, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, b in entries.items():
            z.writestr(n, b)
x = parts['dossiers.dossiers'].decode()
data = open(d + '/paquet.zip', 'rb').read()
open(d + '/tronque.zip', 'wb').write(data[:len(data) // 2])
open(d + '/texte.zip', 'w').write('ceci n\'est pas un paquet')
altered = dict(parts); altered['dossiers.dossiers'] = parts['dossiers.dossiers'].replace(b'Module', b'Modula', 1)
write('altere.zip', altered, fix=False)
write('ajout.zip', {**parts, '../../etc/cqp': b'x'})
write('sans-manifeste.zip', {k: v for k, v in parts.items() if k != 'manifeste.json'})
write('manifeste-casse.zip', {**parts, 'manifeste.json': b'{"format": '}, fix=False)
m = json.loads(parts['manifeste.json']); m['format'] = 'cqp-paquet/9'
write('format.zip', {**parts, 'manifeste.json': json.dumps(m).encode()})
write('sans-versions.zip', {k: v for k, v in parts.items() if k != 'versions.json'})
write('xmi-casse.zip', {**parts, 'dossiers.dossiers': b'<?xml version="1.0"?><dos:Dossiers'})
import re
write('certification.zip', {**parts, 'dossiers.dossiers': re.sub(r'certification="[^"]+"', 'certification="cmi.referentiel#ZZZ"', x, count=1).encode()})
write('organisme.zip', {**parts, 'dossiers.dossiers': x.replace('organisme:/IFPASS#IFPASS', 'organisme:/PIRATE#PIRATE', 1).encode()})
import re
i = x.index('<trainingPath>'); mt = re.compile(r'hours="\d+"').search(x, i)
write('heures.zip', {**parts, 'dossiers.dossiers': (x[:mt.start()] + 'hours="9999"' + x[mt.end():]).encode()})
xxe = x.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1).replace('title="Module', 'title="&x;Module', 1)
write('xxe.zip', {**parts, 'dossiers.dossiers': xxe.encode()})
lol = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' + ''.join('<!ENTITY %s "%s">' % (chr(98 + i), ('&%s;' % chr(97 + i)) * 10) for i in range(9)) + ']><dos:Dossiers xmlns:dos="http://www.mutualite.fr/cqp/dossier/1.0"><companies name="&j;"/></dos:Dossiers>'
write('milliard.zip', {**parts, 'dossiers.dossiers': lol.encode()})
v = json.loads(parts['versions.json']); v[0]['modifiee_le'] = '2026-02-31T00:00:00Z'
write('versions.zip', {**parts, 'versions.json': json.dumps(v).encode()})
with zipfile.ZipFile(d + '/bombe.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('manifeste.json', parts['manifeste.json'])
    with z.open('dossiers.dossiers', 'w', force_zip64=True) as w:
        block = b'\0' * (1 << 20)
        for _ in range(300):
            w.write(block)
with zipfile.ZipFile(d + '/double.zip', 'w') as z:
    for n, b in parts.items():
        z.writestr(n, b)
    z.writestr('versions.json', parts['versions.json'])
zipfile.ZipFile(d + '/vide.zip', 'w').close()
PY
refused="est refusé"
hostile 1 "tronquée" "paquet tronqué" -- "$cqp" exchange import "$in/tronque.zip" "${db[@]}"
hostile 1 "tronquée" "paquet qui n'est pas un ZIP" -- "$cqp" exchange import "$in/texte.zip" "${db[@]}"
hostile 1 "empreinte SHA-256" "paquet altéré" -- "$cqp" exchange import "$in/altere.zip" "${db[@]}"
hostile 1 "inattendue, « ../../etc/cqp »" "paquet avec un chemin hors du dossier" -- "$cqp" exchange import "$in/ajout.zip" "${db[@]}"
hostile 1 "pas de manifeste" "paquet sans manifeste" -- "$cqp" exchange import "$in/sans-manifeste.zip" "${db[@]}"
hostile 1 "manifeste.json est illisible" "manifeste qui n'est pas du JSON" -- "$cqp" exchange import "$in/manifeste-casse.zip" "${db[@]}"
hostile 1 "cqp-paquet/9" "paquet d'un autre format" -- "$cqp" exchange import "$in/format.zip" "${db[@]}"
hostile 1 "versions.json manque" "paquet sans sa partie versions" -- "$cqp" exchange import "$in/sans-versions.zip" "${db[@]}"
hostile 1 "dossiers.dossiers) sont illisibles" "XMI tronqué, empreintes refaites" -- "$cqp" exchange import "$in/xmi-casse.zip" "${db[@]}"
hostile 1 "ZZZ" "XMI, certification inconnue" -- "$cqp" exchange import "$in/certification.zip" "${db[@]}"
hostile 1 "PIRATE" "XMI, organisme inconnu" -- "$cqp" exchange import "$in/organisme.zip" "${db[@]}"
hostile 1 "valeur refusée" "livret : heures de formation au-delà de la règle" -- "$cqp" exchange import "$in/heures.zip" "${db[@]}"
hostile 1 "$refused" "XMI avec une entité externe (XXE)" -- "$cqp" exchange import "$in/xxe.zip" "${db[@]}"
hostile 1 "$refused" "XMI « milliard de rires »" -- "$cqp" exchange import "$in/milliard.zip" "${db[@]}"
hostile 1 "versions.json est illisible" "date impossible dans les versions" -- "$cqp" exchange import "$in/versions.zip" "${db[@]}"
hostile 1 "dépasse 256 Mo" "bombe ZIP (300 Mo de zéros)" -- "$cqp" exchange import "$in/bombe.zip" "${db[@]}"
hostile 1 "deux fois\|inattendue" "partie en double" -- "$cqp" exchange import "$in/double.zip" "${db[@]}"
hostile 1 "tronquée" "ZIP vide" -- "$cqp" exchange import "$in/vide.zip" "${db[@]}"
hostile 1 "n'existe pas" "paquet absent" -- "$cqp" exchange import "$in/absent.zip" "${db[@]}"
hostile 1 "INCONNU" "export d'un organisme inconnu" -- "$cqp" exchange export --training-body INCONNU --out "$in/x.zip" "${db[@]}"
hostile 1 "OR 1=1" "export, organisme au code SQL" -- "$cqp" exchange export --training-body "' OR 1=1 --" --out "$in/x.zip" "${db[@]}"

unchanged paquets

# CASE JSON (referential import) and referential XMI (referential check)
: >"$in/vide.json"
printf '{"CFDocument": ' >"$in/tronque.json"
printf '[1, 2, 3]' >"$in/tableau.json"
printf '{"CFItems": []}' >"$in/sans-document.json"
printf '{"CFDocument": "texte", "CFItems": 12}' >"$in/types.json"
py "$in/profond.json" <<'PY'
import sys
open(sys.argv[1], 'w').write('{"CFDocument": ' + '[' * 200000 + ']' * 200000 + '}')
PY
printf '{"CFDocument": {"title": "x"}}' | iconv -f UTF-8 -t UTF-16 >"$in/utf16.json"
printf '\377\376\000' >"$in/binaire.json"
hostile 1 "lisible\|vide\|JSON" "CASE vide" -- "$cqp" referential import "$in/vide.json"
hostile 1 "lisible\|JSON" "CASE tronqué" -- "$cqp" referential import "$in/tronque.json"
hostile 1 "lisible\|JSON\|CFDocument" "CASE qui est un tableau" -- "$cqp" referential import "$in/tableau.json"
hostile 1 "CFDocument" "CASE sans CFDocument" -- "$cqp" referential import "$in/sans-document.json"
hostile 1 "lisible\|CFDocument\|JSON" "CASE aux types faux" -- "$cqp" referential import "$in/types.json"
hostile 1 "lisible\|JSON\|profond" "CASE imbriqué 200 000 fois" -- "$cqp" referential import "$in/profond.json"
hostile 1 "lisible\|UTF-8\|JSON" "CASE en UTF-16" -- "$cqp" referential import "$in/utf16.json"
hostile 1 "lisible\|UTF-8\|JSON" "CASE binaire" -- "$cqp" referential import "$in/binaire.json"
printf '<ref:Referential xmlns:ref="http://www.mutualite.fr/cqp/referential/1.0"><certifications>' >"$in/tronque.referentiel"
printf 'pas du XML' >"$in/texte.referentiel"
printf '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><ref:Referential xmlns:ref="http://www.mutualite.fr/cqp/referential/1.0" id="&x;"/>' >"$in/xxe.referentiel"
printf '<ref:Referential xmlns:ref="http://example.org/autre" id="x"/>' >"$in/espace.referentiel"
sed 's/validFrom="2013-01-01"/validFrom="2013-02-31"/' "$(dirname "$0")/../../bundles/fr.mutualite.cqp.referential/referentiels/commun.referentiel" >"$in/date.referentiel"
hostile 1 "lisible" "référentiel XMI tronqué" -- "$cqp" referential check "$in/tronque.referentiel"
hostile 1 "lisible" "référentiel qui n'est pas du XML" -- "$cqp" referential check "$in/texte.referentiel"
hostile 1 "lisible" "référentiel avec une entité externe (XXE)" -- "$cqp" referential check "$in/xxe.referentiel"
hostile 1 "lisible" "référentiel d'un autre espace de noms" -- "$cqp" referential check "$in/espace.referentiel"
hostile 1 "2013-02-31" "référentiel, date impossible" -- "$cqp" referential check "$in/date.referentiel"

unchanged référentiels

# report parameters
out=(--out "$work/rapports")
hostile 1 "abc" "paramètre d'année non numérique" -- "$cqp" report run inscriptions --param annee_debut=abc "${db[@]}" "${out[@]}"
hostile 1 "frobnicate" "paramètre inconnu" -- "$cqp" report run inscriptions --param frobnicate=1 "${db[@]}" "${out[@]}"
hostile 1 "OR 1=1" "paramètre au code SQL" -- "$cqp" report run inscriptions --param "certification=' OR 1=1 --" "${db[@]}" "${out[@]}"
hostile 2 "NOM=VALEUR" "paramètre sans valeur" -- "$cqp" report run inscriptions --param annee_debut "${db[@]}" "${out[@]}"
hostile 1 "99999999999" "année hors limites" -- "$cqp" report run inscriptions --param annee_debut=99999999999 "${db[@]}" "${out[@]}"
hostile 1 "inexistant" "rapport inconnu" -- "$cqp" report run inexistant "${db[@]}" "${out[@]}"
hostile 1 "docx" "format de rapport inconnu" -- "$cqp" report run inscriptions --format docx "${db[@]}" "${out[@]}"

unchanged rapports

# SQL-looking, over-long and impossible values given to the commands
long=$(printf 'C%09000d' 0)
hostile 1 "OR '1'='1" "effacement, identifiant au code SQL" -- "$cqp" data erase --candidate "x' OR '1'='1" --yes "${db[@]}"
hostile 1 "DROP TABLE" "données personnelles, identifiant au code SQL" -- "$cqp" data personal --candidate "'; DROP TABLE CQP.CANDIDATE; --" --out "$in/p.zip" "${db[@]}"
hostile 1 "C0000" "journal, identifiant de 9 000 caractères" -- "$cqp" data audit --candidate "$long" "${db[@]}"
hostile 1 "livret\|frobnicate" "livret inconnu" -- "$cqp" booklet print frobnicate --cqp CMI --out "$in/l.pdf" "${db[@]}"
hostile 1 "C-9999999" "livret d'un candidat inconnu" -- "$cqp" booklet print finale --cqp CMI --candidate C-9999999 --out "$in/l.pdf" "${db[@]}"
hostile 2 "2023-02-31" "conservation au 31 février" -- "$cqp" data retention --as-of 2023-02-31 "${db[@]}"
hostile 1 "-1\|positif\|candidats" "génération de -1 candidats" -- "$cqp" data generate --candidates -1 "${db[@]}"
hostile 1 "csv;DROP" "format d'export au code SQL" -- "$cqp" data export --format "csv;DROP" "${db[@]}"
hostile 1 "shutdown\|;" "base nommée avec des options de connexion" -- "$cqp" data export --db "$base;shutdown=true"
hostile 1 "dossier\|périphérique\|fichier" "sortie vers un périphérique" -- "$cqp" data personal --candidate C-0000001 --out /dev/full "${db[@]}"
hostile 1 "effacement\|--yes" "effacement sans confirmation" -- "$cqp" data erase --candidate C-0000001 "${db[@]}"

unchanged valeurs

# ---- 2. kill -9 at random moments
kill_tried=0 kill_passed=0 kill_before=0 kill_after=0
awk 'BEGIN { print "nom,prenom,date_naissance,certification,date_inscription,voie";
	for (i = 0; i < 20000; i++) printf "Robuste%d,Candidat,%d-%02d-%02d,CMI,2024-09-02,FORMATION\n", i, 1960 + i % 40, 1 + i % 12, 1 + i % 28 }' >"$in/gros.csv"
run "$cqp" data generate --candidates 400 --seed 5 --as-of 2026-06-30 --db "$work/source"
run "$cqp" exchange export --training-body IFPASS --out "$in/gros-paquet.zip" --db "$work/source"
trial() { # trial NAME COMMAND...: kills COMMAND at a random moment of its run on a copy of the trials' database
	local name=$1
	shift
	local copy="$work/essai"
	rm -rf "$copy" "$work/reference"
	cp -a "$base" "$work/reference"
	local t0 t1
	t0=$(millis)
	"$@" --db "$work/reference" >/dev/null 2>&1
	t1=$(millis)
	local whole=$((t1 - t0)) reference_counts before_counts
	reference_counts=$(counts "$work/reference")
	before_counts=$(counts "$base")
	for _ in 1 2 3 4 5 6 7; do
		kill_tried=$((kill_tried + 1))
		rm -rf "$copy"
		cp -a "$base" "$copy"
		# a moment of the run, or a little after its end (then the whole operation must be there)
		local delay=$((RANDOM % (whole + whole / 4)))
		"$@" --db "$copy" >"$work/out" 2>"$work/err" </dev/null &
		local pid=$!
		sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		# reopening runs Derby's recovery; the rows are then read table by table
		local now reopened=0
		now=$(counts "$copy")
		[ -n "$now" ] || reopened=1
		if [ "$reopened" -eq 0 ] && [ "$now" = "$before_counts" ]; then
			kill_passed=$((kill_passed + 1)) kill_before=$((kill_before + 1))
		elif [ "$reopened" -eq 0 ] && [ "$now" = "$reference_counts" ]; then
			kill_passed=$((kill_passed + 1)) kill_after=$((kill_after + 1))
		else
			echo "$name tué après ${delay} ms sur ${whole} : réouverture $reopened ; lignes $now ; avant $before_counts ; après $reference_counts" >"$work/out"
			fail "kill -9 : $name"
		fi
	done
}
trial "import CSV de 20 000 inscriptions" "$cqp" data import "$in/gros.csv"
trial "réception d'un paquet de dossiers" "$cqp" exchange import "$in/gros-paquet.zip"
trial "conservation appliquée (effacements)" "$cqp" data retention --as-of 2100-01-01 --yes

# ---- 3. the role matrix, on a database shared by the network server
role_tried=0 role_passed=0
shared="$work/partage/base"
mkdir -p "$work/partage"
cp -a "$base" "$shared"
server_port=$((20000 + RANDOM % 20000))
export CQP_DB_PASSWORD=proprietaire-secret
run "$cqp" server start --port "$server_port" --db "$shared"
[ $code -eq 0 ] || fail "the server of the role matrix (code $code)"
registration=$(ij "jdbc:derby:$base;user=CQP" "SELECT ID FROM REGISTRATION WHERE TRAINING_BODY_CODE = 'IFPASS' ORDER BY ID FETCH FIRST 1 ROWS ONLY" 2>/dev/null | grep -oE '^R-[0-9]+' | head -n 1)
other=$(ij "jdbc:derby:$base;user=CQP" "SELECT ID FROM REGISTRATION WHERE TRAINING_BODY_CODE <> 'IFPASS' ORDER BY ID FETCH FIRST 1 ROWS ONLY" 2>/dev/null | grep -oE '^R-[0-9]+' | head -n 1)
candidate=$(ij "jdbc:derby:$base;user=CQP" "SELECT CANDIDATE_ID FROM REGISTRATION WHERE ID = '$registration'" 2>/dev/null | grep -oE '^C-[0-9]+' | head -n 1)
CQP_NEW_PASSWORD=admin-secret run "$cqp" user add ADMINISTRATEUR --role admin --port "$server_port"
CQP_NEW_PASSWORD=analyste-secret run "$cqp" user add ANALYSTE --role analyst --port "$server_port"
CQP_NEW_PASSWORD=organisme-secret run "$cqp" user add ORGANISME --role training-body --training-body IFPASS --port "$server_port"
CQP_NEW_PASSWORD=evaluateur-secret run "$cqp" user add EVALUATEUR --role evaluator --port "$server_port"
run "$cqp" user assign EVALUATEUR "$registration" --port "$server_port"
CQP_NEW_PASSWORD=jury-secret run "$cqp" user add JURY --role jury --port "$server_port"
password() { case $1 in ADMINISTRATEUR) echo admin-secret ;; ANALYSTE) echo analyste-secret ;; ORGANISME) echo organisme-secret ;;
	EVALUATEUR) echo evaluateur-secret ;; JURY) echo jury-secret ;; esac; }
role_of() { case $1 in ADMINISTRATEUR) echo CQP_ADMIN ;; ANALYSTE) echo CQP_ANALYST ;; ORGANISME) echo CQP_TRAINING_BODY ;;
	EVALUATEUR) echo CQP_EVALUATOR ;; JURY) echo CQP_JURY ;; esac; }
schema_of() { case $1 in ORGANISME | EVALUATEUR) echo CQP_SCOPE ;; *) echo CQP ;; esac; }
# through ij: one session per user tries each operation, undone after; then whether it went through
declare -A went
ij_session() { # ij_session USER: runs every operation of $ops as USER, noting in $went which went through
	local user=$1 k=0 op label sql wanted
	printf 'SET ROLE %s;\nSET SCHEMA %s;\nAUTOCOMMIT OFF;\n' "$(role_of "$user")" "$(schema_of "$user")" >"$work/essai.sql"
	for op in "${ops[@]}"; do
		IFS='|' read -r label sql wanted <<<"$op"
		printf "VALUES 'OPERATION_%d';\n%s;\nROLLBACK;\n" "$k" "$sql" >>"$work/essai.sql"
		k=$((k + 1))
	done
	ij_script "jdbc:derby://localhost:$server_port/base;user=$user;password=$(password "$user")" "$work/essai.sql" >"$work/session" 2>&1
	for ((i = 0; i < k; i++)); do
		if awk -v from="OPERATION_$i" -v to="OPERATION_$((i + 1))" '$0 ~ "^" from "$" { on = 1; next } $0 ~ "^" to "$" { on = 0 }
			on && /ERROR|ERREUR/ { bad = 1 } END { exit bad ? 1 : 0 }' "$work/session" && grep -q "^OPERATION_$i\$" "$work/session"; then
			went["$user|$i"]=1
		fi
	done
}
ij_went() { [ -n "${went["$1|$2"]:-}" ]; }
expect() { # expect LABEL YES|NO CHECK...: the check's outcome is the expected one
	local label=$1 wanted=$2
	shift 2
	role_tried=$((role_tried + 1))
	local got=NO
	"$@" && got=YES
	if [ "$got" = "$wanted" ]; then
		role_passed=$((role_passed + 1))
	else
		echo "attendu $wanted, obtenu $got" >"$work/err"
		fail "rôles : $label"
	fi
}
# the operations, and who may do each (docs/security.md)
#                               admin analyst body evaluator jury
ops=(
	"lire les noms de tous les candidats|SELECT LAST_NAME FROM CQP.CANDIDATE|YES YES NO NO YES"
	"lire ses inscriptions|SELECT COUNT(*) FROM REGISTRATION|YES YES YES YES YES"
	"modifier l'inscription d'un autre organisme|UPDATE CQP.REGISTRATION SET REGISTRATION_DATE = '2020-01-02' WHERE ID = '$other'|YES NO NO NO NO"
	"modifier son inscription|UPDATE CQP.REGISTRATION SET REGISTRATION_DATE = '2020-01-02' WHERE ID = '$registration'|YES NO YES NO NO"
	"écrire un livret de son inscription|UPDATE CQP.ASSESSMENT SET COMMENT_TEXT = 'robustesse' WHERE REGISTRATION_ID = '$registration'|YES NO YES YES NO"
	"ouvrir une session de jury|INSERT INTO CQP.JURY_SESSION (ID, SESSION_DATE, PLACE, VERSION, UPDATED_BY, UPDATED_AT) VALUES ('S-ROBUSTE', CURRENT_DATE, 'Paris', 1, 'x', CURRENT_TIMESTAMP)|YES NO NO NO YES"
	"modifier le journal d'audit|UPDATE CQP.AUDIT_TRAIL SET ITEM = 'x'|NO NO NO NO NO"
	"effacer le journal d'audit|DELETE FROM CQP.AUDIT_TRAIL|NO NO NO NO NO"
	"créer un utilisateur de la base|CALL SYSCS_UTIL.SYSCS_CREATE_USER('INTRUS', 'intrus-secret')|NO NO NO NO NO"
)
users=(ADMINISTRATEUR ANALYSTE ORGANISME EVALUATEUR JURY)
for user in "${users[@]}"; do
	ij_session "$user"
done
k=0
for op in "${ops[@]}"; do
	IFS='|' read -r label sql wanted <<<"$op"
	read -r -a answers <<<"$wanted"
	for i in "${!users[@]}"; do
		expect "${users[$i]} / ij / $label" "${answers[$i]}" ij_went "${users[$i]}" "$k"
	done
	k=$((k + 1))
done
# through the product: each command, then whether it went through
cqp_try() { # cqp_try USER COMMAND...: 0 when the command succeeded
	local user=$1
	shift
	CQP_DB_PASSWORD=$(password "$user") "$cqp" "$@" --server "localhost:$server_port" --user "$user" >"$work/out" 2>"$work/err" </dev/null
}
pops=(
	"exporter les inscriptions|data export|YES YES YES YES YES"
	"voir le journal d'un candidat|data audit --candidate $candidate|YES YES YES YES YES"
	"remettre ses données à un candidat|data personal --candidate C-0000002 --out $work/perso.zip|YES NO NO NO NO"
	"effacer un candidat|data erase --candidate C-0000003 --yes|YES NO NO NO NO"
	"produire un rapport (sur ses seuls candidats pour un organisme, un évaluateur)|report run inscriptions --format html --out $work/r|YES YES YES YES YES"
	"faire un paquet de son organisme|exchange export --training-body IFPASS --out $work/p.zip|YES YES YES YES YES"
	"recevoir un paquet|exchange import $in/paquet.zip|YES NO NO NO NO"
	"dire qui la conservation effacerait|data retention --as-of 2100-01-01|YES NO NO NO NO"
)
for op in "${pops[@]}"; do
	IFS='|' read -r label command wanted <<<"$op"
	read -r -a answers <<<"$wanted"
	read -r -a args <<<"$command"
	for i in "${!users[@]}"; do
		expect "${users[$i]} / cqp / $label" "${answers[$i]}" cqp_try "${users[$i]}" "${args[@]}"
	done
done
CQP_DB_PASSWORD=proprietaire-secret "$cqp" server stop --port "$server_port" >/dev/null 2>&1
server_port=""

echo "Entrées hostiles refusées, base inchangée : $hostile_passed / $hostile_tried"
echo "kill -9 sans perte ni demi-écriture : $kill_passed / $kill_tried (base trouvée comme avant : $kill_before, comme après : $kill_after)"
echo "Matrice des rôles (ij et produit) : $role_passed / $role_tried"
[ "$failures" -eq 0 ]
