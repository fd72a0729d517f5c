# Sourced by releng/ scripts: installs the Debian packages a fresh machine lacks.

# cqp_ensure_packages PACKAGE...: installs those that are missing, with apt-get when running as
# root; otherwise names them in one sentence and returns 1.
cqp_ensure_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		cqp_say "Paquets manquants : ${missing[*]}. Installez-les (sudo apt-get install ${missing[*]}) puis relancez." \
			"Missing packages: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) and run again."
		return 1
	fi
	cqp_say "Installation des paquets manquants : ${missing[*]}" "Installing missing packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
		apt-get update -q >/dev/null 2>&1
		if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; then
			cqp_say "L'installation de ${missing[*]} a échoué." "Installing ${missing[*]} failed."
			return 1
		fi
	fi
}
