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
		String ascii = asciiNormalized(text);
		if (ascii != null) {
			return ascii;
		}
		String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll(""); //$NON-NLS-1$
		return SEPARATORS.matcher(stripped.toUpperCase(Locale.ROOT)).replaceAll(" ").trim(); //$NON-NLS-1$
	}

	/**
	 * {@code text} normalised in one pass when it is ASCII alone (an import's names, mostly: it
	 * makes two keys per row, and with the expressions below they took a sixth of its reading):
	 * no accent to strip, letters and digits are {@code A-Z a-z 0-9}; {@code null} otherwise.
	 */
	private static String asciiNormalized(String text) {
		StringBuilder normalized = new StringBuilder(text.length());
		boolean separated = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				return null;
			}
			boolean letter = c >= 'a' && c <= 'z';
			if (letter || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				if (separated && normalized.length() > 0) {
					normalized.append(' ');
				}
				separated = false;
				normalized.append(letter ? (char) (c - ('a' - 'A')) : c);
			} else {
				separated = true;
			}
		}
		return normalized.toString();
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
