package fr.mutualite.cqp.store.routines;

import java.sql.Connection;
import java.sql.SQLException;

import fr.mutualite.cqp.store.internal.Statistics;

/**
 * The body of the database procedure {@code CQP.STAT_REFRESH} (made by the access rules of a
 * shared database), which Derby runs with its owner's rights, in the caller's transaction: counts
 * again the registrations a save left in {@code STAT_PENDING}, so that a user who may not write
 * the statistics' tables still keeps them right. Counting a registration again is always right,
 * whoever asks. Derby loads this class by name (its bundle imports packages dynamically): the
 * package is exported for that alone.
 */
public final class StatisticsRefresh {

	private StatisticsRefresh() {
	}

	/** Counts again the registrations waiting in {@code STAT_PENDING}. */
	public static void refresh() throws SQLException {
		try (Connection c = Nested.connection()) {
			Statistics.refreshPending(c);
		}
	}
}
