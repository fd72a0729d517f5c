package fr.mutualite.cqp.referential.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.referential.ConsistencyReport;
import fr.mutualite.cqp.referential.ConsistencyReport.Difference;
import fr.mutualite.cqp.referential.ConsistencyReport.Kind;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.referential.Wordings;

/** The booklets of the guide word the individuals referential differently in real places. */
class ConsistencyReportTest {

	private static List<Difference> report;

	@BeforeAll
	static void compute() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.shipped();
		report = ConsistencyReport.of(library.certification("CMI").orElseThrow(), library);
	}

	private static boolean has(Kind kind, String booklet, String element, String bookletWordingStart) {
		return report.stream().anyMatch(d -> d.kind() == kind && (booklet == null ? d.booklet() == null : booklet.equals(d.booklet()))
				&& (element == null || element.equals(d.element()))
				&& (bookletWordingStart == null || d.bookletWording() != null && d.bookletWording().startsWith(bookletWordingStart)));
	}

	@Test
	void theReportOfTheGuideIsNotEmptyAndCoversEveryKindOfDifference() {
		assertFalse(report.isEmpty());
		for (Kind kind : Kind.values()) {
			assertTrue(report.stream().anyMatch(d -> d.kind() == kind), "some difference of kind " + kind);
		}
	}

	@Test
	void theTutorGuideWordsTheFirstCompetenceDifferently() {
		Difference d = report.stream().filter(x -> "CMI-TUT-D1-C1".equals(x.item())).findFirst().orElseThrow();
		assertEquals(Kind.DIFFERENT_WORDING, d.kind());
		assertEquals("Analyser la demande d'un adhérent ou d'un prospect", d.bookletWording());
		assertTrue(d.referentialWording().startsWith("Analyser la situation globale d'un adhérent"));
	}

	@Test
	void theBookletsAddTheCriterionOnSpeakingToGroups() {
		assertTrue(has(Kind.ADDED, "CMI-TRA", null, "Les prises de parole devant des groupes"));
		assertTrue(has(Kind.ADDED, "CMI-FIN", null, "Les prises de parole devant des groupes"));
	}

	@Test
	void theBookletsOmitTheDistanceSellingCriterionAndMoveIntermediation() {
		assertTrue(has(Kind.OMITTED, "CMI-TRA", "OFFRE-MULTIPRODUITS.G2.3", null), "distance selling omitted");
		assertTrue(has(Kind.OMITTED, "CMI-FIN", "OFFRE-MULTIPRODUITS.G2.3", null));
		assertTrue(has(Kind.MOVED, "CMI-TRA", "OFFRE-MULTIPRODUITS.G2.4", "Offre proposée"), "intermediation filed under the offer");
	}

	@Test
	void theCertificationWordsSharedDomainsForIndividuals() {
		assertTrue(has(Kind.DIFFERENT_WORDING, null, "ANALYSE-SITUATION", "Analyser la situation d'un adhérent ou d'un prospect individuel"));
		assertTrue(has(Kind.DIFFERENT_WORDING, "CMI-TUT", "ANALYSE-SITUATION", "Analyser la situation d'un adhérent ou d'un prospect"),
				"the tutor guide titles domain 1 with the generic wording");
		assertTrue(has(Kind.DIFFERENT_WORDING, "CMI-ORI", "TECHNIQUES-COMMERCIALES", null),
				"the orientation guide adds 'individuels' to domain 3");
	}

	@Test
	void wordingsDifferingOnlyInSpacingOrFinalPunctuationAreTheSame() {
		assertTrue(Wordings.same("Mesurer les risques liés au défaut de conseil, pour l'adhérent et pour la mutuelle,",
				"Mesurer les risques liés au défaut de conseil,  pour l’adhérent et pour la mutuelle"));
		assertFalse(Wordings.same("Comptes-rendus d'activité", "Comptes rendus d'activité"));
		assertFalse(report.stream().anyMatch(d -> d.kind() == Kind.DIFFERENT_WORDING && d.item() != null
				&& d.item().equals("CMI-ORI-D2-C2")), "the orientation guide's trailing comma is not a difference");
	}
}
