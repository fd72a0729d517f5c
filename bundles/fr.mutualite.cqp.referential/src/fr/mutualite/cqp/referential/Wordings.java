package fr.mutualite.cqp.referential;

import java.util.regex.Pattern;

/** How two wordings are compared: spacing, typographic apostrophes and final punctuation aside. */
public final class Wordings {

	private static final Pattern SPACES = Pattern.compile("\\s+"); //$NON-NLS-1$
	private static final Pattern TRAILING = Pattern.compile("[\\s,.;:]+$"); //$NON-NLS-1$

	private Wordings() {
	}

	/** The wording as compared. */
	public static String normalize(String wording) {
		if (wording == null) {
			return ""; //$NON-NLS-1$
		}
		String s = wording.replace('\u2019', '\'').replace('\u00a0', ' ');
		s = SPACES.matcher(s).replaceAll(" ").strip(); //$NON-NLS-1$
		return TRAILING.matcher(s).replaceAll(""); //$NON-NLS-1$
	}

	/** Whether two wordings say the same. */
	public static boolean same(String a, String b) {
		return normalize(a).equals(normalize(b));
	}
}
