package fr.mutualite.cqp.core.tests;

import static fr.mutualite.cqp.core.tests.DossierFixture.F;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.core.dossier.Awards;
import fr.mutualite.cqp.core.print.BookletSheet;
import fr.mutualite.cqp.core.print.BookletSheet.Field;
import fr.mutualite.cqp.core.print.BookletSheet.Line;
import fr.mutualite.cqp.core.print.BookletSheets;
import fr.mutualite.cqp.model.dossier.Answer;
import fr.mutualite.cqp.model.dossier.ExperiencePeriod;
import fr.mutualite.cqp.model.dossier.Rating;
import fr.mutualite.cqp.model.dossier.VaeDossier;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Certification;

/** The printed booklets, line by line: from the referential's booklet, blank and filled; from the referential alone for a skeleton CQP. */
class BookletSheetsTest {

	private static final String OUI_NON = "[  ] OUI   [  ] NON";
	private DossierFixture fx;
	private Booklet finalBooklet;

	@BeforeEach
	void fixture() throws Exception {
		fx = new DossierFixture();
		finalBooklet = fx.library.booklets(fx.cmi).stream().filter(b -> b.getKind() == BookletKind.FINAL_EVALUATION)
				.findFirst().orElseThrow();
	}

	private static List<Line> section(BookletSheet sheet, int section) {
		return sheet.lines().stream().filter(l -> l.section() == section).toList();
	}

	@Test
	void theBlankFinalBookletHasTheCqpsSectionsItemsScalesAndSynthesisSheet() {
		BookletSheet sheet = BookletSheets.blank(fx.cmi, BookletKind.FINAL_EVALUATION);
		assertEquals("Livret d'évaluation finale en entreprise", sheet.title());
		assertEquals("CMI - Conseiller(ère) mutualiste individuels, référentiel version 1.0", sheet.certification());
		assertEquals(BookletSheet.Copy.BLANK, sheet.copy());
		assertEquals(List.of(new Field("Candidat(e)", ""), new Field("Date de naissance", ""), new Field("Entreprise", ""),
				new Field("Organisme de formation", ""), new Field("Premier évaluateur (responsable hiérarchique)", ""),
				new Field("Second évaluateur", "")), sheet.header());
		// seven domains then the evaluators' declaration
		assertEquals(8, sheet.lines().stream().mapToInt(Line::section).max().orElse(0));
		List<Line> d1 = section(sheet, 1);
		String heading = "Domaine 1 : Analyser la situation d'un adhérent ou d'un prospect individuel";
		BookletSection s1 = finalBooklet.getSections().get(0);
		assertEquals(new Line(1, heading, 0, "Modalité d'évaluation : " + s1.getEvaluationModality(), ""), d1.get(0));
		assertEquals(new Line(1, heading, 1, "Votre avis sur la maîtrise de cette compétence par le stagiaire",
				"[  ] La compétence est maîtrisée   [  ] La compétence n'est pas maîtrisée"), d1.get(1));
		// the booklet's items in its own words: 2 competences, 2 groups of 2 and 3 criteria
		List<String> items = d1.subList(2, 11).stream().map(l -> l.depth() + " " + l.text() + " | " + l.answer()).toList();
		List<String> expected = new java.util.ArrayList<>();
		for (BookletItem item : s1.getItems()) {
			expected.add("1 " + item.getWording() + " | " + (item.getScale() == null ? "" : OUI_NON));
			item.getChildren().forEach(c -> expected.add("2 " + c.getWording() + " | "));
		}
		assertEquals(expected, items);
		assertEquals(List.of("Le candidat a exercé les activités du domaine | [  ] Oui   [  ] Non",
				"Dates de l'évaluation | ",
				"Conditions de l'évaluation | [  ] Observation   [  ] Entretien   [  ] Bilan d'activité",
				"Compétence maîtrisée | [  ] Oui   [  ] Non", "Les deux évaluateurs sont d'accord | [  ] Oui   [  ] Non",
				"Commentaires des évaluateurs :  | ",
				"Signé par Premier évaluateur (responsable hiérarchique) | [  ] Oui   [  ] Non",
				"Signé par Second évaluateur | [  ] Oui   [  ] Non"),
				d1.subList(11, d1.size()).stream().map(l -> l.text() + " | " + l.answer()).toList());
		assertEquals(List.of("Nous déclarons que les informations données dans ce livret sont conformes et sincères.",
				"Premier évaluateur (responsable hiérarchique), le ..../..../........, signature :",
				"Second évaluateur, le ..../..../........, signature :"),
				section(sheet, 8).stream().map(Line::text).toList());
	}

	@Test
	void theFilledFinalBookletTicksWhatTheEvaluatorsGaveAndPrintsTheCandidatesAnswers() {
		var evaluation = fx.registration.getFinalEvaluation();
		BookletSection s2 = finalBooklet.getSections().get(1);
		BookletItem group = s2.getItems().stream().filter(i -> i.getScale() != null).findFirst().orElseThrow();
		var d2 = evaluation.getDomains().get(1);
		Rating rating = F.createRating();
		rating.setSection(s2);
		rating.setItem(group);
		rating.setLevel(group.getScale().getLevels().get(1));
		d2.getRatings().add(rating);
		d2.getConditions().add(fr.mutualite.cqp.model.dossier.EvaluationCondition.INTERVIEW);
		d2.getEvaluationDates().add(LocalDate.of(2019, 9, 2));
		Answer answer = F.createAnswer();
		answer.setSection(s2);
		answer.setQuestion(s2.getQuestions().get(0));
		answer.setText("Je pars des contrats en cours et de la famille.");
		evaluation.getAnswers().add(answer);

		BookletSheet sheet = BookletSheets.filled(fx.registration, BookletKind.FINAL_EVALUATION,
				Awards.decisions(fx.registration));
		assertEquals(BookletSheet.Copy.FILLED, sheet.copy());
		assertEquals(new Field("Candidat(e)", "Bérard Éloïse"), sheet.header().get(0));
		assertEquals(new Field("Inscription", "INS-1 du 01/09/2018, Parcours de formation"), sheet.header().get(2));
		assertEquals(new Field("Entreprise", "Mutuelle d'essai"), sheet.header().get(3));
		List<String> d2lines = section(sheet, 2).stream().map(l -> l.text() + " | " + l.answer()).toList();
		assertEquals(s2.getQuestions().get(0) + " | Je pars des contrats en cours et de la famille.", d2lines.get(1));
		assertEquals(s2.getQuestions().get(1) + " | ", d2lines.get(2));
		assertEquals(1, d2lines.stream().filter(l -> l.equals(group.getWording() + " | [  ] OUI   [X] NON")).count(), d2lines.toString());
		int synthesis = d2lines.indexOf("Le candidat a exercé les activités du domaine | [X] Oui   [  ] Non");
		assertEquals(List.of("Dates de l'évaluation | 02/09/2019",
				"Conditions de l'évaluation | [X] Observation   [X] Entretien   [  ] Bilan d'activité",
				"Compétence maîtrisée | [X] Oui   [  ] Non", "Les deux évaluateurs sont d'accord | [X] Oui   [  ] Non",
				"Commentaires des évaluateurs : Compétence observée à plusieurs reprises. | ",
				"Signé par Évaluateur Responsable d'agence (Responsable d'agence) | [X] Oui   [  ] Non",
				"Signé par Évaluateur Tuteur (Tuteur) | [X] Oui   [  ] Non"),
				d2lines.subList(synthesis + 1, d2lines.size()));
	}

	@Test
	void theJurySheetShowsEachDecisionAndTheCertificate() {
		var early = fx.session("JURY-2019-03", LocalDate.of(2019, 3, 14), fr.mutualite.cqp.model.dossier.JurySide.EMPLOYEE);
		var partial = F.createJuryDecision();
		partial.setRegistration(fx.registration);
		var d = F.createDomainDecision();
		d.setDomain(fx.cmi.getDomains().get(0).getDomain());
		d.setAcquired(false);
		partial.getDomains().add(d);
		early.getDecisions().add(partial);
		partial.setAdvice("Retravailler l'analyse de la situation.");
		BookletSheet sheet = BookletSheets.filled(fx.registration, BookletKind.JURY_DECISION, Awards.decisions(fx.registration));
		assertEquals(List.of("Décision du jury | [X] Acquis   [  ] Non acquis", "Jury du 14/03/2019 | Non acquis",
				"Jury du 15/11/2019 | Acquis"), section(sheet, 1).stream().map(l -> l.text() + " | " + l.answer()).toList());
		List<String> jury = section(sheet, 8).stream().map(Line::text).toList();
		assertEquals("Session du 14/03/2019 à ", jury.get(0));
		assertEquals("EMPLOYEE 2 (Salariés, ), président(e)", jury.get(3));
		assertEquals("Avis du jury : Retravailler l'analyse de la situation.", jury.get(5));
		assertEquals("CQP délivré en totalité, certificat n° CMI-2019-0001 du 15/11/2019", jury.get(jury.size() - 1));
	}

	@Test
	void aCertificateListsTheDomainsWithTheirFirstJuryAndTheCertificatesIssuedBefore() {
		var early = fx.session("JURY-2019-03", LocalDate.of(2019, 3, 14), fr.mutualite.cqp.model.dossier.JurySide.EMPLOYEE);
		var partial = F.createJuryDecision();
		partial.setRegistration(fx.registration);
		fx.cmi.getDomains().forEach(u -> {
			var d = F.createDomainDecision();
			d.setDomain(u.getDomain());
			d.setAcquired(u.getNumber() <= 2);
			partial.getDomains().add(d);
		});
		early.getDecisions().add(partial);
		var before = F.createCertificate();
		before.setNumber("CMI-2019-P0007");
		before.setDate(LocalDate.of(2019, 3, 14));
		fx.registration.getCertificateHistory().add(before);
		BookletSheet sheet = BookletSheets.certificate(fx.registration, Awards.decisions(fx.registration)).orElseThrow();
		assertEquals("Certificat de qualification professionnelle", sheet.title());
		assertEquals(BookletSheet.Copy.ISSUED, sheet.copy());
		assertEquals(new Field("Numéro", "CMI-2019-0001"), sheet.header().get(3));
		assertEquals(List.of("Le jury paritaire de la branche de la Mutualité, réuni le 15/11/2019, délivre à Éloïse Bérard "
				+ "le certificat de qualification professionnelle « Conseiller(ère) mutualiste individuels » : tous ses "
				+ "domaines de compétences sont acquis."), sheet.notes());
		List<String> domains = section(sheet, 1).stream().map(Line::answer).toList();
		assertEquals(List.of("Acquis (jury du 14/03/2019)", "Acquis (jury du 14/03/2019)", "Acquis (jury du 15/11/2019)",
				"Acquis (jury du 15/11/2019)", "Acquis (jury du 15/11/2019)", "Acquis (jury du 15/11/2019)",
				"Acquis (jury du 15/11/2019)"), domains);
		assertEquals(List.of("CQP délivré en partie, attestation n° CMI-2019-P0007 du 14/03/2019"),
				section(sheet, 2).stream().map(Line::text).toList());
		fx.registration.setCertificate(null);
		assertEquals(java.util.Optional.empty(), BookletSheets.certificate(fx.registration, List.of()));
	}

	@Test
	void aVaeDossierListsTheExperienceItsProofsAndTheAnswersPerDomain() {
		VaeDossier vae = F.createVaeDossier();
		vae.setCvProvided(true);
		ExperiencePeriod period = F.createExperiencePeriod();
		period.setEmployer("Mutuelle d'essai");
		period.setPosition("Conseiller");
		period.setStart(LocalDate.of(2010, 1, 4));
		period.setRelevant(true);
		var proof = F.createProof();
		proof.setKind(fr.mutualite.cqp.model.dossier.ProofKind.PAYSLIP);
		proof.setDescription("Bulletins 2010-2018");
		period.getProofs().add(proof);
		vae.getExperiences().add(period);
		Booklet booklet = fx.library.booklets(fx.cmi).stream().filter(b -> b.getKind() == BookletKind.VAE_DOSSIER)
				.findFirst().orElseThrow();
		Answer answer = F.createAnswer();
		answer.setSection(booklet.getSections().get(6));
		answer.setQuestion("Comment organisez-vous votre semaine ?");
		answer.setText("Par priorités, avec le planning de l'agence.");
		vae.getAnswers().add(answer);
		fx.registration.setVaeDossier(vae);
		BookletSheet sheet = BookletSheets.filled(fx.registration, BookletKind.VAE_DOSSIER, List.of());
		assertEquals(List.of("Curriculum vitae détaillé fourni | [X] Oui   [  ] Non",
				"Accompagnement par un organisme de formation | [  ] Oui   [X] Non",
				"Mutuelle d'essai, Conseiller, du 04/01/2010 au aujourd'hui | Retenue",
				"Justificatif : Bulletin de salaire, Bulletins 2010-2018 | ",
				"Expérience retenue : 8 an(s) et 240 jour(s) dans les 12 années précédant l'inscription (il en faut 3) | Suffisante",
				"Recevabilité | À examiner"),
				section(sheet, 1).stream().map(l -> l.text() + " | " + l.answer()).toList());
		assertEquals(List.of("Comment organisez-vous votre semaine ? | ",
				"Réponse : Par priorités, avec le planning de l'agence. | "),
				section(sheet, 8).stream().map(l -> l.text() + " | " + l.answer()).toList());
		assertEquals(List.of(), section(sheet, 2));
	}

	@Test
	void aCqpWhoseReferentialHasNoBookletPrintsItsReferentialAndSaysWhatIsMissing() {
		Certification cmc = fx.library.certification("CMC").orElseThrow();
		BookletSheet sheet = BookletSheets.blank(cmc, BookletKind.TUTOR_GUIDE);
		assertEquals("Guide du tuteur", sheet.title());
		assertEquals(List.of("Le référentiel de CMC ne décrit pas encore ce livret (Guide du tuteur) : ses questions, ses "
				+ "échelles et ses formulations manquent. Ce document reprend les domaines, compétences et critères du "
				+ "référentiel."), sheet.notes());
		assertEquals(cmc.getDomains().size() + 1, sheet.lines().stream().mapToInt(Line::section).max().orElse(0));
		var use = cmc.getDomains().get(0);
		String heading = "Domaine 1 : Sélectionner une offre adaptée à la situation et aux besoins d'une entreprise";
		assertEquals(use.getDomain().getWording(), heading.substring("Domaine 1 : ".length()));
		// the skeleton referential gives this domain no competence nor criterion yet: it says so
		assertEquals(List.of(new Line(1, heading, 0, "Le référentiel ne détaille pas encore les compétences et les "
				+ "critères de ce domaine.", "")), section(sheet, 1));
		assertEquals(List.of("Bilan du ..../..../........ avec : ................", "Points forts :", "Objectifs de progrès :"),
				section(sheet, cmc.getDomains().size() + 1).stream().map(Line::text).toList());
	}
}
