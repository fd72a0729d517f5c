package fr.mutualite.cqp.store.routines;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The body of the database function {@code CQP.KNOWN_CANDIDATE} (made by the access rules of a
 * shared database), which Derby runs with its owner's rights: the id of the candidate a stable key names, whoever follows them, so
 * that a training body registering a person another body follows adds a registration to that
 * person instead of a second person. It tells the id only; the person's data stay out of reach
 * until the registration brings them into the body's scope. Derby loads this class by name
 * (its bundle imports packages dynamically): the package is exported for that alone.
 */
public final class KnownCandidate {

	private KnownCandidate() {
	}

	/** The id of the candidate whose stable key is {@code matchKey}, or {@code null}. */
	public static String id(String matchKey) throws SQLException {
		try (Connection c = Nested.connection();
				PreparedStatement s = c.prepareStatement("SELECT ID FROM CQP.CANDIDATE WHERE MATCH_KEY = ?")) { //$NON-NLS-1$
			s.setString(1, matchKey);
			try (ResultSet r = s.executeQuery()) {
				return r.next() ? r.getString(1) : null;
			}
		}
	}
}
