package fr.mutualite.cqp.core.dossier;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Stable keys that recognise a candidate or a company whatever the spelling of a spreadsheet
 * (accents, case, hyphens and spaces), and fresh ids.
 */
public final class Identity {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+"); //$NON-NLS-1$
	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+"); //$NON-NLS-1$

	private Identity() {
	}

	/** {@code text} without accents, in capitals, words separated by one space. */
	public static String normalize(String text) {
		if (text == null) {
			return ""; //$NON-NLS-1$
		}
		// a text of ASCII alone has no accent to strip (an import's names, mostly)
		String stripped = text.chars().allMatch(c -> c < 0x80) ? text
				: MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll(""); //$NON-NLS-1$
		return SEPARATORS.matcher(stripped.toUpperCase(Locale.ROOT)).replaceAll(" ").trim(); //$NON-NLS-1$
	}

	/** The key of a candidate: name, first name and birth date. */
	public static String candidateKey(String lastName, String firstName, LocalDate birthDate) {
		return normalize(lastName) + '|' + normalize(firstName) + '|' + (birthDate == null ? "" : birthDate); //$NON-NLS-1$
	}

	/** The key of a company: name and city. */
	public static String companyKey(String name, String city) {
		return normalize(name) + '|' + normalize(city);
	}

	/** A new id starting with {@code prefix}, unique everywhere. */
	public static String newId(String prefix) {
		return prefix + '-' + UUID.randomUUID();
	}
}
