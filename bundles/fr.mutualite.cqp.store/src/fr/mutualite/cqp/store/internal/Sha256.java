package fr.mutualite.cqp.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a text, in hexadecimal: the signatures the store keeps and compares. */
final class Sha256 {

	private Sha256() {
	}

	/** The SHA-256 of {@code text} as UTF-8, in hexadecimal. */
	static String of(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e); // every Java has SHA-256
		}
	}
}
