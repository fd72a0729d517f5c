package fr.mutualite.cqp.referential.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.CriteriaGroup;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** The six certifications shipped, as the branch's guide describes them. */
class ShippedReferentialsTest {

	private static ReferentialLibrary library;

	@BeforeAll
	static void load() throws Exception {
		library = ReferentialLibrary.shipped();
	}

	private static Certification cqp(String code) {
		return library.certification(code).orElseThrow(() -> new AssertionError("no certification " + code));
	}

	@Test
	void sixCertificationsWithTheirNumberOfDomains() {
		Map<String, Integer> domains = new LinkedHashMap<>();
		library.certifications().forEach(c -> domains.put(c.getCode(), c.getDomains().size()));
		assertEquals(Map.of("AC", 7, "CARC", 7, "CMC", 8, "CMI", 7, "CRD", 6, "SPSP", 6), domains);
		assertEquals("Conseiller(ère) mutualiste individuels", cqp("CMI").getTitle());
		assertEquals("Spécialiste prestations santé-prévoyance", cqp("spsp").getTitle());
	}

	/** Counted by hand from the referential of the guide (seed lines 435-632). */
	@Test
	void theIndividualsReferentialHasEveryCompetenceGroupAndCriterionOfTheGuide() {
		int[][] expected = { // competences, criteria groups, criteria per group...
				{ 2, 2, 2, 3 }, { 3, 2, 3, 4 }, { 10, 5, 2, 8, 4, 2, 2 }, { 4, 3, 1, 2, 3 }, { 4, 3, 4, 2, 3 },
				{ 4, 3, 3, 3, 2 }, { 5, 2, 3, 5 } };
		List<DomainUse> domains = cqp("CMI").getDomains();
		assertEquals(7, domains.size());
		int competences = 0, groups = 0, criteria = 0;
		for (int i = 0; i < 7; i++) {
			DomainUse use = domains.get(i);
			assertEquals(i + 1, use.getNumber());
			CompetenceDomain domain = use.getDomain();
			assertEquals(expected[i][0], domain.getCompetences().size(), "competences of domain " + (i + 1));
			assertEquals(expected[i][1], domain.getCriteriaGroups().size(), "criteria groups of domain " + (i + 1));
			for (int g = 0; g < expected[i][1]; g++) {
				CriteriaGroup group = domain.getCriteriaGroups().get(g);
				assertEquals(expected[i][2 + g], group.getCriteria().size(), "criteria of " + group.getWording());
				criteria += group.getCriteria().size();
			}
			competences += domain.getCompetences().size();
			groups += domain.getCriteriaGroups().size();
		}
		assertEquals(32, competences);
		assertEquals(20, groups);
		assertEquals(61, criteria);
		assertEquals("Les impacts sur les autres services de la mutuelle des propositions commerciales réalisées sont identifiés et pris en compte",
				domains.get(6).getDomain().getCriteriaGroups().get(1).getCriteria().get(4).getWording());
	}

	@Test
	void sharedDomainsAreOneElementReferencedByEachCertification() {
		CompetenceDomain commercial = cqp("CMI").getDomains().get(2).getDomain();
		assertEquals("TECHNIQUES-COMMERCIALES", commercial.getCode());
		assertSame(commercial, cqp("CMC").getDomains().get(2).getDomain());
		assertSame(commercial, cqp("CRD").getDomains().get(2).getDomain());
		assertSame(cqp("CMI").getDomains().get(4).getDomain(), cqp("CMC").getDomains().get(4).getDomain());
		assertSame(cqp("CMI").getDomains().get(0).getDomain(), cqp("CRD").getDomains().get(0).getDomain());
		assertEquals("Analyser la situation d'un adhérent ou d'un prospect individuel", cqp("CMI").getDomains().get(0).getWording(),
				"the certification keeps its own wording of a shared domain");
		assertEquals("Analyser la situation d'un adhérent ou d'un prospect", cqp("CMI").getDomains().get(0).getDomain().getWording());
	}

	@Test
	void theIndividualsCertificationHasItsJobActivitiesJuryAndSixBooklets() {
		Certification cmi = cqp("CMI");
		assertTrue(cmi.getJobDefinition().startsWith("Le/la conseiller/ère mutualiste individuels accueille"));
		assertEquals(List.of("Conseiller mutualiste", "Chargé de clientèle sédentaire", "Conseiller agence « particuliers »"),
				cmi.getJobTitles());
		assertEquals(5, cmi.getActivityAreas().size());
		assertEquals(List.of(10, 10, 10), cmi.getJuryFormat().getParts().stream().map(p -> p.getMinutes()).toList());
		assertTrue(cmi.getVaeExperience().contains("conseil, de promotion et de vente"));
		assertEquals(List.of(BookletKind.ORIENTATION_GUIDE, BookletKind.TRAINING_EVALUATION, BookletKind.TUTOR_GUIDE,
				BookletKind.FINAL_EVALUATION, BookletKind.VAE_DOSSIER, BookletKind.JURY_DECISION),
				library.booklets(cmi).stream().map(b -> b.getKind()).toList());
		assertEquals(30, cqp("AC").getJuryFormat().getParts().get(0).getMinutes());
		assertEquals(20, cqp("CARC").getJuryFormat().getParts().get(0).getMinutes());
	}

	@Test
	void theOrientationGuideAsksTheExampleQuestionsOfEachDomain() {
		var guide = library.booklets(cqp("CMI")).get(0);
		var first = guide.getSections().get(0);
		assertEquals(4, first.getQuestions().size());
		assertEquals("Quelle expérience avez-vous de l'analyse de la situation des adhérents individuels ? Sur quelle durée ?",
				first.getQuestions().get(0));
		assertEquals(List.of("Pas du tout", "Partiellement", "En totalité"),
				first.getDomainScales().get(0).getLevels().stream().map(l -> l.getLabel()).toList());
	}

	@Test
	void theApprovedTrainingBodiesOfTheGuide() {
		List<TrainingBody> bodies = library.referentials().stream().flatMap(r -> r.getTrainingBodies().stream()).toList();
		assertEquals(9, bodies.size());
		TrainingBody arkos = bodies.stream().filter(b -> b.getName().equals("ARKOS")).findFirst().orElseThrow();
		assertEquals(List.of(Route.TRAINING), arkos.getApprovals().get(0).getRoutes());
		assertSame(cqp("CMI"), arkos.getApprovals().get(0).getCertification());
		assertEquals("caujard@arkos.fr", arkos.getContacts().get(0).getEmail());
	}
}
