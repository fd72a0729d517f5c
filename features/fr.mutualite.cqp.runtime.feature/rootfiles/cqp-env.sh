# Shell functions shared by the CQP Mutualité scripts (sourced, never run): messages in the
# user's language and the choice of a Java runtime. Shipped at the product's root and used by
# the scripts of the source tree (releng/).

# Language of messages: CQP_LANG wins; else the language chosen in the application's preferences (of the data folder
# "$data", once the launcher has set it); else French.
cqp_lang() {
	local lang="${CQP_LANG:-}"
	if [ -z "$lang" ] && [ -n "${data:-}" ]; then
		lang=$(sed -n 's/^language=//p' "$data/.metadata/.plugins/org.eclipse.core.runtime/.settings/fr.mutualite.cqp.ui.prefs" 2>/dev/null | head -n 1)
	fi
	case "${lang:-fr}" in en*) echo en ;; *) echo fr ;; esac
}

# cqp_say FRENCH ENGLISH: prints one message, in the user's language, on standard error.
cqp_say() {
	if [ "$(cqp_lang)" = en ]; then printf '%s\n' "$2" >&2; else printf '%s\n' "$1" >&2; fi
}

# cqp_java_feature JAVA: prints the feature release of that java executable (17, 21, 25...).
cqp_java_feature() {
	local v
	v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
	case "$v" in '' | 1.*) echo 0 ;; *) echo "${v%%.*}" ;; esac
}

# cqp_find_java: prints the path of a java executable of release 21 or newer, looking at
# $JAVA_HOME, then the JVMs of ${CQP_JVM_DIRS:-/usr/lib/jvm}, then java on the PATH. Without
# one, says so in one sentence and returns 1.
cqp_find_java() {
	local candidate dir
	local candidates=()
	[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
	for dir in ${CQP_JVM_DIRS:-/usr/lib/jvm}; do
		for candidate in "$dir"/*/bin/java; do
			[ -e "$candidate" ] && candidates+=("$candidate")
		done
	done
	candidate=$(command -v java 2>/dev/null) && candidates+=("$(readlink -f "$candidate")")
	for candidate in "${candidates[@]}"; do
		if [ -x "$candidate" ] && [ "$(cqp_java_feature "$candidate")" -ge 21 ]; then
			printf '%s\n' "$candidate"
			return 0
		fi
	done
	cqp_say "CQP Mutualité a besoin de Java 21 ou plus récent, introuvable (ni JAVA_HOME, ni ${CQP_JVM_DIRS:-/usr/lib/jvm}, ni le PATH) : installez-en un, par exemple le paquet openjdk-21-jre ou Temurin 21." \
		"CQP Mutualité needs Java 21 or newer and found none (not in JAVA_HOME, ${CQP_JVM_DIRS:-/usr/lib/jvm} or the PATH): install one, for example the openjdk-21-jre package or Temurin 21."
	return 1
}

# cqp_java_home JAVA: prints the home folder of that java executable.
cqp_java_home() {
	dirname "$(dirname "$(readlink -f "$1")")"
}
