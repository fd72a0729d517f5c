package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.ItemKind;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** The rules on referentials: the shipped ones break none; each, broken, is reported in French. */
class ReferentialRulesTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

	@TempDir
	Path tmp;

	private ReferentialLibrary library;

	@BeforeEach
	void load() throws Exception {
		library = ReferentialLibrary.shipped();
	}

	private Referential file(String id) {
		return library.referentials().stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow();
	}

	private List<Problem> all() {
		List<Problem> problems = new ArrayList<>();
		for (Referential r : library.referentials()) {
			problems.addAll(Validation.validate(r, TODAY));
		}
		return problems;
	}

	private static List<Problem> rule(List<Problem> problems, String rule) {
		return problems.stream().filter(p -> p.rule().equals(rule)).toList();
	}

	@Test
	void theShippedReferentialsHaveNoErrorOnlyThingsToComplete() {
		List<Problem> problems = all();
		assertEquals(List.of(), problems.stream().filter(p -> p.severity() == Severity.ERROR).toList());
		assertTrue(Validation.validate(file("cmi"), TODAY).stream().noneMatch(p -> p.rule().equals("REF-01")),
				"the individuals certification is complete");
		assertTrue(rule(problems, "REF-01").stream().anyMatch(p -> p.message()
				.equals("Certification (CQP) CMC est à compléter : « Définition du métier » n'est pas renseigné. [REF-01]")),
				rule(problems, "REF-01").toString());
		assertTrue(rule(problems, "REF-02").stream().anyMatch(p -> p.message().contains("CMC-D1 est à compléter")));
		assertEquals(9, rule(problems, "REF-09").size(), "every approval of the guide ended in September 2020");
		List<Problem> shared = rule(problems, "REF-10");
		assertEquals(1, shared.size(), shared.toString());
		assertTrue(shared.get(0).message().contains("sophie.aroud@mutex.fr"), shared.get(0).message());
	}

	@Test
	void domainsAreNumberedWithoutGaps() {
		Certification cmc = library.certification("CMC").orElseThrow();
		assertTrue(rule(Validation.validate(file("cmc"), TODAY), "REF-03").isEmpty());
		cmc.getDomains().get(7).setNumber(10);
		assertTrue(rule(Validation.validate(file("cmc"), TODAY), "REF-03").get(0).message()
				.contains("numérotés de 1 à 8, sans trou ni doublon (numéros trouvés : [1, 2, 3, 4, 5, 6, 7, 10])"));
	}

	@Test
	void bookletSectionsAndItemsStayWithinTheirCertification() {
		Booklet tutor = library.booklets(library.certification("CMI").orElseThrow()).get(2);
		assertTrue(rule(Validation.validate(file("cmi"), TODAY), "REF-04").isEmpty());
		assertTrue(rule(Validation.validate(file("cmi"), TODAY), "REF-05").isEmpty());
		tutor.getSections().get(0).setDomain(library.certification("CMC").orElseThrow().getDomains().get(0).getDomain());
		List<Problem> problems = Validation.validate(file("cmi"), TODAY);
		assertTrue(rule(problems, "REF-04").get(0).message().contains("porte sur le domaine CMC-D1, qui n'est pas un domaine de la certification CMI"));
		assertEquals(Severity.ERROR, rule(problems, "REF-05").get(0).severity(), "its items now rate another domain");
	}

	@Test
	void itemsAreRatedOnAScaleMeantForThem() {
		Booklet tutor = library.booklets(library.certification("CMI").orElseThrow()).get(2);
		BookletItem group = tutor.getSections().get(0).getItems().get(2);
		group.setScale(library.booklets(library.certification("CMI").orElseThrow()).get(5).getScales().get(0));
		assertEquals(Severity.WARNING, rule(Validation.validate(file("cmi"), TODAY), "REF-06").get(0).severity());
	}

	@Test
	void ruleSetsAreCoherentAndDoNotOverlap() {
		RuleSet rules = file("commun").getRuleSets().get(0);
		assertTrue(Validation.validate(file("commun"), TODAY).isEmpty(), "the shipped rules are coherent");
		rules.setTrainingHoursMin(400);
		rules.setJuryEmployeeMembers(1);
		List<Problem> problems = Validation.validate(file("commun"), TODAY);
		assertEquals(2, rule(problems, "REF-07").size(), problems.toString());
		// personal data kept less long than a partial award stays valid
		rules.setPersonalDataRetentionYears(rules.getPartialValidityYears() - 1);
		List<Problem> retention = rule(Validation.validate(file("commun"), TODAY), "REF-07");
		assertEquals(3, retention.size(), retention.toString());
		assertEquals("Règles de certification " + rules.getValidFrom() + " : la conservation des données personnelles ("
				+ (rules.getPartialValidityYears() - 1) + " ans) est plus courte que la validité des acquis partiels ("
				+ rules.getPartialValidityYears() + " ans) : un candidat pourrait revenir devant un jury après l'effacement de son dossier. [REF-07]",
				retention.get(2).message());
		rules.setPersonalDataRetentionYears(0);
		assertEquals(2, rule(Validation.validate(file("commun"), TODAY), "REF-07").size(), "0: kept until erased on request");
		RuleSet later = EcoreUtil.copy(rules);
		later.setValidFrom(LocalDate.of(2020, 1, 1));
		file("commun").getRuleSets().add(later);
		assertEquals(1, rule(Validation.validate(file("commun"), TODAY), "REF-08").size(), "open-ended rules overlap later ones");
		rules.setValidTo(LocalDate.of(2019, 12, 31));
		assertTrue(rule(Validation.validate(file("commun"), TODAY), "REF-08").isEmpty());
		rules.setValidTo(LocalDate.of(2012, 12, 31));
		assertTrue(rule(Validation.validate(file("commun"), TODAY), "REF-11").get(0).message().contains("précède le début"));
	}

	@Test
	void emfBasicChecksSpeakFrenchToo() throws Exception {
		Certification cmi = library.certification("CMI").orElseThrow();
		cmi.getDomains().get(6).getDomain().getCompetences().get(0).setWording(null);
		List<Problem> problems = Validation.validate(file("cmi"), TODAY);
		assertTrue(problems.stream().anyMatch(p -> p.severity() == Severity.ERROR
				&& p.message().equals("« Libellé » de Compétence CMI-D7.C1 doit être renseigné.")), problems.toString());
	}

	@Test
	void aReferenceToAMissingElementIsAnErrorNamingIt() throws Exception {
		Path file = tmp.resolve("bancal.referentiel");
		Files.writeString(file, """
				<?xml version="1.0" encoding="UTF-8"?>
				<ref:Referential xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:ref="http://www.mutualite.fr/cqp/referential/1.0"
				    id="bancal" title="Référentiel bancal" version="1.0" validFrom="2026-01-01">
				  <certifications code="BANCAL" title="Certification bancale">
				    <domains number="1" domain="platform:/plugin/fr.mutualite.cqp.referential/referentiels/commun.referentiel#N-EXISTE-PAS"/>
				  </certifications>
				</ref:Referential>
				""");
		Referential bancal = library.add(file);
		List<Problem> problems = Validation.validate(bancal, TODAY);
		assertTrue(problems.stream().anyMatch(p -> p.severity() == Severity.ERROR
				&& p.message().contains("désigne un élément introuvable") && p.message().contains("N-EXISTE-PAS")), problems.toString());
		assertFalse(Validation.hasErrors(Validation.validate(file("cmi"), TODAY)));
	}

	@Test
	void aCertificationsOwnWordingMustBeAboutAnElementOfItsDomain() {
		Certification crd = library.certification("CRD").orElseThrow();
		var use = crd.getDomains().get(0);
		var inside = use.getDomain().getCompetences().get(0);
		var outside = crd.getDomains().get(1).getDomain().getCompetences().get(0);
		var good = ReferentialFactory.eINSTANCE.createElementWording();
		good.setElement(inside);
		good.setWording("Libellé propre au CRD");
		var bad = ReferentialFactory.eINSTANCE.createElementWording();
		bad.setElement(outside);
		bad.setWording("Libellé égaré");
		use.getElementWordings().add(good);
		use.getElementWordings().add(bad);
		List<String> found = Validation.validate(crd, TODAY).stream().filter(p -> p.rule().equals("REF-12"))
				.map(p -> p.severity() + " " + p.message()).toList();
		assertEquals(List.of("ERROR Libellé propre à la certification Libellé égaré porte sur Compétence " + outside.getCode()
				+ ", qui n'appartient pas à Domaine de compétences " + use.getDomain().getCode() + ". [REF-12]"), found);
	}

	@Test
	void aCompetenceOfAnotherDomainIsSharedThenWordedAndRatedLikeTheDomainsOwn() {
		Certification cmi = library.certification("CMI").orElseThrow();
		var use = cmi.getDomains().get(0);
		// competences of other domains (the skeleton certifications have none yet)
		Competence shared = cmi.getDomains().get(1).getDomain().getCompetences().get(0);
		Competence notShared = cmi.getDomains().get(2).getDomain().getCompetences().get(0);
		Competence own = use.getDomain().getCompetences().get(0);
		use.getSharedCompetences().add(shared);
		var wording = ReferentialFactory.eINSTANCE.createElementWording();
		wording.setElement(shared);
		wording.setWording("Libellé de la compétence partagée propre aux individuels");
		use.getElementWordings().add(wording);
		BookletSection section = library.booklets(cmi).stream().flatMap(b -> b.getSections().stream())
				.filter(s -> s.getDomain() == use.getDomain()).findFirst().orElseThrow();
		BookletItem rated = ReferentialFactory.eINSTANCE.createBookletItem();
		rated.setCode("PARTAGEE-1");
		rated.setKind(ItemKind.COMPETENCE);
		rated.setWording("Évaluer la compétence partagée");
		rated.setRates(shared);
		BookletItem stray = ReferentialFactory.eINSTANCE.createBookletItem();
		stray.setCode("PARTAGEE-2");
		stray.setKind(ItemKind.COMPETENCE);
		stray.setWording("Évaluer une compétence non rattachée");
		stray.setRates(notShared);
		section.getItems().add(rated);
		section.getItems().add(stray);

		List<String> found = Validation.validate(ReferentialLibrary.referentialOf(cmi), TODAY).stream()
				.filter(p -> List.of("REF-05", "REF-12", "REF-13").contains(p.rule())).map(p -> p.severity() + " " + p.message())
				.toList();
		assertEquals(List.of("ERROR Élément du livret PARTAGEE-2 évalue Compétence " + notShared.getCode()
				+ ", qui n'appartient pas au domaine " + use.getDomain().getCode() + " de sa partie. [REF-05]"), found);

		use.getSharedCompetences().add(own);
		found = Validation.validate(cmi, TODAY).stream().filter(p -> p.rule().equals("REF-13"))
				.map(p -> p.severity() + " " + p.message()).toList();
		assertEquals(List.of("ERROR Domaine de la certification 1 : Compétence " + own.getCode()
				+ " est déjà une compétence du domaine " + use.getDomain().getCode() + " ; la rattacher est inutile. [REF-13]"), found);
	}
}
