package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.model.dossier.DomainDecision;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JurySession;

/**
 * The counts each jury decision keeps for the statistics (domains ruled on, acquired) equal a
 * full recount of its domain decisions after a bulk load, after a session is saved with a domain
 * changed and a decision taken away, and after a session is emptied.
 */
class DecisionCountsTest {

	@TempDir
	static Path tmp;
	private static DossierStore store;
	private static BranchGenerator branch;

	@BeforeAll
	static void fill() throws Exception {
		store = Stores.open(tmp.resolve("base"));
		branch = Stores.fill(store, 13, 120);
	}

	@AfterAll
	static void close() throws Exception {
		store.close();
	}

	/** Each decision's key, kept counts and recounted ones, where they differ. */
	private static List<String> drift() throws Exception {
		List<String> drift = new ArrayList<>();
		try (Connection c = store.data().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
				"SELECT J.SESSION_ID, J.REGISTRATION_ID, J.DOMAINS, J.ACQUIRED, COUNT(D.DOMAIN_CODE), "
						+ "SUM(CASE WHEN D.ACQUIRED THEN 1 ELSE 0 END) FROM JURY_DECISION J LEFT JOIN DOMAIN_DECISION D "
						+ "ON D.SESSION_ID = J.SESSION_ID AND D.REGISTRATION_ID = J.REGISTRATION_ID "
						+ "GROUP BY J.SESSION_ID, J.REGISTRATION_ID, J.DOMAINS, J.ACQUIRED")) {
			while (r.next()) {
				if (r.getInt(3) != r.getInt(5) || r.getInt(4) != r.getInt(6)) {
					drift.add(r.getString(1) + "/" + r.getString(2) + " " + r.getInt(3) + "/" + r.getInt(4) + " vs "
							+ r.getInt(5) + "/" + r.getInt(6));
				}
			}
		}
		return drift;
	}

	/** The kept counts of one decision, read through the statistics' view. */
	private static String summary(String session, String registration) throws Exception {
		try (Connection c = store.data().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
				"SELECT DOMAINS, ACQUIRED FROM DECISION_SUMMARY WHERE SESSION_ID = '" + session + "' AND REGISTRATION_ID = '"
						+ registration + "'")) {
			return r.next() ? r.getInt(1) + "/" + r.getInt(2) : "none";
		}
	}

	private static long decisions() throws Exception {
		try (Connection c = store.data().connect(); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(DOMAINS), SUM(ACQUIRED) FROM DECISION_SUMMARY")) {
			r.next();
			return r.getLong(1);
		}
	}

	@Test
	void theCountsFollowEveryChangeOfTheDomainDecisions() throws Exception {
		assertEquals(List.of(), drift(), "after the bulk load");
		long expected = branch.dossiers().getJurySessions().stream().mapToLong(j -> j.getDecisions().size()).sum();
		assertEquals(expected, decisions());

		// a session saved with one domain turned over and one decision taken away
		JurySession generated = branch.dossiers().getJurySessions().stream().filter(j -> j.getDecisions().size() >= 2)
				.findFirst().orElseThrow();
		Versioned<JurySession> read = store.juries().find(generated.getId()).orElseThrow();
		JuryDecision changed = read.value().getDecisions().get(0);
		JuryDecision removed = read.value().getDecisions().get(1);
		String removedId = removed.getRegistration().getId();
		DomainDecision turned = changed.getDomains().get(0);
		turned.setAcquired(!turned.isAcquired());
		long acquired = changed.getDomains().stream().filter(DomainDecision::isAcquired).count();
		read.value().getDecisions().remove(removed);
		store.juries().save(read);
		assertEquals(List.of(), drift(), "after a save");
		assertEquals(changed.getDomains().size() + "/" + acquired, summary(generated.getId(), changed.getRegistration().getId()));
		assertEquals("none", summary(generated.getId(), removedId));
		assertEquals(expected - 1, decisions());

		// a session emptied of its decisions
		Versioned<JurySession> again = store.juries().find(generated.getId()).orElseThrow();
		int left = again.value().getDecisions().size();
		assertTrue(left >= 1);
		again.value().getDecisions().clear();
		store.juries().save(again);
		assertEquals(List.of(), drift(), "after the decisions are taken away");
		assertEquals(expected - 1 - left, decisions());
	}
}
