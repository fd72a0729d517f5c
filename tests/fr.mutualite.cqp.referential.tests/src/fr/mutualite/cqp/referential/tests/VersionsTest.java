package fr.mutualite.cqp.referential.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.ElementWording;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.referential.ConsistencyReport;
import fr.mutualite.cqp.referential.ConsistencyReport.Difference;
import fr.mutualite.cqp.referential.ReferentialDiff;
import fr.mutualite.cqp.referential.ReferentialDiff.Change;
import fr.mutualite.cqp.referential.ReferentialDiff.Kind;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * Versions of a referential: a new version is a full copy kept beside the older one, the one in
 * force is the certification's current one, two versions compare element by element with the
 * words changed; a certification words a shared element its own way; a file referring to what
 * nothing defines is left out.
 */
class VersionsTest {

	@TempDir
	Path tmp;

	private static java.time.LocalDate day(String iso) {
		return java.time.LocalDate.parse(iso);
	}

	@Test
	void aNewVersionIsACopyKeptBesideTheOlderOne() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.withFolder(tmp);
		Certification v1 = library.certification("CMI").orElseThrow();
		Referential copy = library.newVersion(v1, "2.0", day("2025-09-01"), tmp);
		assertEquals(tmp.resolve("cmi-2.0.referentiel").toString(), copy.eResource().getURI().toFileString());
		assertEquals(List.of("1.0", "2.0"), library.versions("cmi").stream().map(ReferentialLibrary::versionOf).toList());
		Certification v2 = library.certification("CMI").orElseThrow();
		assertEquals("2.0", ReferentialLibrary.versionOf(v2), "the version in force is the latest started");
		assertSame(v1, library.certification("CMI", "1.0").orElseThrow(), "the older version stays");
		assertSame(v1.getDomains().get(0).getDomain(), v2.getDomains().get(0).getDomain(), "shared domains stay shared");
		assertEquals(List.of("AC", "CARC", "CMC", "CMI", "CRD", "SPSP"),
				library.certifications().stream().map(Certification::getCode).toList());
		assertEquals(List.of(), ReferentialDiff.of(v2, v2, library));

		// written and read again, both versions are there, with no notice
		copy.eResource().save(null);
		ReferentialLibrary again = ReferentialLibrary.withFolder(tmp);
		assertEquals(List.of(), again.notices());
		assertEquals(List.of("1.0", "2.0"), again.versions("CMI").stream().map(ReferentialLibrary::versionOf).toList());

		ReferentialException exists = assertThrows(ReferentialException.class,
				() -> again.newVersion(again.certification("CMI").orElseThrow(), "1.0", day("2026-01-01"), tmp));
		assertEquals("Le CQP CMI a déjà une version 1.0.", exists.getMessage());
		ReferentialException bad = assertThrows(ReferentialException.class,
				() -> again.newVersion(again.certification("CMI").orElseThrow(), "3/0", day("2026-01-01"), tmp));
		assertEquals("« 3/0 » n'est pas un numéro de version : de 1 à 20 lettres, chiffres, points, tirets.", bad.getMessage());
	}

	@Test
	void aVersionNotYetStartedIsNotInForce() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.withFolder(tmp);
		Certification v1 = library.certification("AC").orElseThrow();
		library.newVersion(v1, "2.0", day("2999-01-01"), tmp);
		assertSame(v1, library.certification("AC").orElseThrow());
		assertEquals(List.of("1.0", "2.0"), library.versions("AC").stream().map(ReferentialLibrary::versionOf).toList());
	}

	@Test
	void twoVersionsCompareElementByElementWithTheWordsChanged() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.withFolder(tmp);
		Certification v1 = library.certification("CRD").orElseThrow();
		Referential file = library.newVersion(v1, "2.0", day("2025-09-01"), tmp);
		Certification v2 = file.getCertifications().get(0);
		CompetenceDomain own = v2.getDomains().get(4).getDomain();
		assertEquals("CRD-D5", own.getCode());
		String before = own.getWording();
		own.setWording(before.replace("Exploiter", "Maîtriser"));
		Competence added = ReferentialFactory.eINSTANCE.createCompetence();
		added.setCode("CRD-D5.C9");
		added.setWording("Répondre par messagerie instantanée");
		own.getCompetences().add(added);
		v2.setTitle(v2.getTitle() + " (2025)");
		v2.getDomains().remove(5);

		List<Change> changes = ReferentialDiff.of(v1, v2, library);
		List<String> lines = changes.stream().map(c -> c.kind() + " " + c.element() + " | " + c.feature() + " | "
				+ (c.words() != null ? c.words() : c.before() + " -> " + c.after())).toList();
		assertEquals(List.of("CHANGED Référentiel | Version | [-1.0-]{+2.0+}",
				"CHANGED Référentiel | Valable à partir du | [-2013-01-01-]{+2025-09-01+}",
				"CHANGED Certification (CQP) CRD | Intitulé | Chargé(e) de relation à distance{+ (2025)+}",
				"CHANGED Domaine de compétences CRD-D5 | Libellé | " + before.replace("Exploiter", "[-Exploiter-]{+Maîtriser+}"),
				"ADDED Compétence CRD-D5.C9 |  | null -> Répondre par messagerie instantanée",
				"REMOVED Domaine de la certification CRD-D6 |  |  -> null",
				"REMOVED Domaine de compétences CRD-D6 |  | " + v1.getDomains().get(5).getDomain().getWording() + " -> null"), lines);

		StringWriter text = new StringWriter();
		ReferentialDiff.text(changes, "CRD 1.0", "CRD 2.0", text);
		List<String> written = text.toString().lines().toList();
		assertEquals("De CRD 1.0 à CRD 2.0 : 7 différence(s)", written.get(0));
		assertEquals("+ Compétence CRD-D5.C9 : Répondre par messagerie instantanée", written.get(5));
		assertEquals("- Domaine de la certification CRD-D6 : ", written.get(6));
		assertEquals(8, written.size());

		StringWriter json = new StringWriter();
		ReferentialDiff.json(changes, "CRD 1.0", "CRD 2.0", json);
		JsonObject parsed = JsonParser.parseString(json.toString()).getAsJsonObject();
		assertEquals(7, parsed.getAsJsonArray("changes").size());
		JsonObject title = parsed.getAsJsonArray("changes").get(2).getAsJsonObject();
		assertEquals("changed", title.get("kind").getAsString());
		assertEquals("Chargé(e) de relation à distance", title.get("before").getAsString());
		assertEquals("Chargé(e) de relation à distance (2025)", title.get("after").getAsString());
		assertEquals(Kind.REMOVED, changes.get(5).kind());
	}

	@Test
	void wordsChangedAreMarkedOnce() {
		assertEquals("Les [-pièces-]{+justificatifs+} sont réunies", ReferentialDiff.words("Les pièces sont réunies",
				"Les justificatifs sont réunies"));
		assertEquals("Analyser{+ et conseiller+}", ReferentialDiff.words("Analyser", "Analyser et conseiller"));
		assertEquals("[-Ancien-]", ReferentialDiff.words("Ancien", ""));
	}

	@Test
	void aCertificationWordsASharedElementItsOwnWay() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.withFolder(tmp);
		Certification crd = library.certification("CRD").orElseThrow();
		Competence shared = crd.getDomains().get(0).getDomain().getCompetences().get(0);
		ElementWording own = ReferentialFactory.eINSTANCE.createElementWording();
		own.setElement(shared);
		own.setWording(shared.getWording() + " à distance");
		crd.getDomains().get(0).getElementWordings().add(own);
		List<Difference> differences = ConsistencyReport.of(crd, library);
		List<Difference> certification = differences.stream()
				.filter(d -> d.booklet() == null && d.element().equals(shared.getCode())).toList();
		assertEquals(List.of(new Difference(ConsistencyReport.Kind.DIFFERENT_WORDING, null, null, null, shared.getCode(),
				shared.getWording(), shared.getWording() + " à distance")), certification);
		assertEquals(shared.getWording() + " à distance", ConsistencyReport.wordings(crd).get(shared));
		assertEquals(shared.getWording(), ConsistencyReport.wordings(library.certification("CMI").orElseThrow())
				.getOrDefault(shared, shared.getWording()), "the other certification keeps the referential's wording");
	}

	@Test
	void aFileReferringToWhatNothingDefinesIsLeftOutNamingIt() throws Exception {
		Files.writeString(tmp.resolve("gp.referentiel"), LoadingTest.SEVENTH.replace("commun.referentiel#IMAGE-MUTUELLE",
				"commun.referentiel#IMAGE-DISPARUE"));
		ReferentialLibrary library = ReferentialLibrary.withFolder(tmp);
		assertEquals(List.of("AC", "CARC", "CMC", "CMI", "CRD", "SPSP"),
				library.certifications().stream().map(Certification::getCode).toList());
		assertEquals(List.of("Le fichier " + tmp.resolve("gp.referentiel") + " n'est pas un référentiel lisible : il fait "
				+ "référence à « IMAGE-DISPARUE » de commun.referentiel, que rien ne définit. Il est laissé de côté ; les "
				+ "autres référentiels sont utilisés."), library.notices().stream().map(ReferentialLibrary.Notice::message).toList());

		Referential added = ReferentialLibrary.shipped().add(tmp.resolve("gp.referentiel"));
		ReferentialException e = assertThrows(ReferentialException.class,
				() -> ReferentialLibrary.shipped().requireResolved(added));
		assertEquals("Le fichier " + tmp.resolve("gp.referentiel") + " n'est pas un référentiel lisible : il fait référence à "
				+ "« IMAGE-DISPARUE » de commun.referentiel, que rien ne définit.", e.getMessage());
	}

	@Test
	void theGuidesDataFixesAreInTheShippedReferentials() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.shipped();
		Certification cmi = library.certification("CMI").orElseThrow();
		assertEquals(List.of("Organisation de son activité commerciale en fonction des objectifs fixés et de l'analyse du marché",
				"Suivi et mesure de l'efficacité des actions conduites",
				"Analyse des résultats et reporting régulier sur la base des supports mis à disposition",
				"Collecte et transmission des informations terrain dans le cadre de la contribution au plan de développement"),
				cmi.getActivityAreas().get(4).getActivities());
		String source = ReferentialLibrary.referentialOf(library.certification("CRD").orElseThrow()).getSource();
		assertEquals(true, source.endsWith("Les domaines 1 à 4 sont rattachés aux domaines communs du CQP Conseiller(ère) "
				+ "mutualiste individuels sur la seule foi de libellés identiques dans cette liste : le guide ne dit pas que ces "
				+ "domaines sont partagés."), source);
	}
}
