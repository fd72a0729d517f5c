package fr.mutualite.cqp.referential.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.CriteriaGroup;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Element;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.referential.CaseExchange;
import fr.mutualite.cqp.referential.CaseExchange.Plan;
import fr.mutualite.cqp.referential.ReferentialDiff;
import fr.mutualite.cqp.referential.ReferentialDiff.Kind;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialExport;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * The referentials as IMS Global CASE 1.1 packages: what an export holds, the individuels
 * referential imported back unchanged, an import planned before it is written, a new version
 * and a new certification, and malformed or unknown packages refused in one sentence.
 */
class CaseExchangeTest {

	@TempDir
	Path tmp;

	private static ReferentialLibrary shipped;
	private static Certification cmi;
	private static String export;

	@BeforeAll
	static void exportIndividuels() throws Exception {
		shipped = ReferentialLibrary.shipped();
		cmi = shipped.certification("CMI").orElseThrow();
		StringWriter out = new StringWriter();
		ReferentialExport.write(cmi, shipped, ReferentialExport.Format.CASE, out);
		export = out.toString();
	}

	private static String id(String code) {
		return UUID.nameUUIDFromBytes(("cqp-mutualite:element:" + code).getBytes(StandardCharsets.UTF_8)).toString();
	}

	@Test
	void theExportHoldsEveryElementAndItsPlaceInTheTree() {
		JsonObject root = JsonParser.parseString(export).getAsJsonObject();
		JsonObject document = root.getAsJsonObject("CFDocument");
		assertEquals("urn:cqp-mutualite:referentiel:cmi:CMI:1.0", document.get("uri").getAsString());
		assertEquals(cmi.getTitle(), document.get("title").getAsString());
		assertEquals("1.1", document.get("caseVersion").getAsString());
		assertEquals("2013-01-01", document.get("statusStartDate").getAsString());
		List<String> expected = new ArrayList<>();
		List<String> tree = new ArrayList<>();
		for (DomainUse use : cmi.getDomains()) {
			CompetenceDomain d = use.getDomain();
			expected.add("Domaine de compétences " + d.getCode());
			tree.add("isChildOf " + d.getCode() + " document " + use.getNumber());
			int n = 0;
			for (Competence c : d.getCompetences()) {
				expected.add("Compétence " + c.getCode());
				tree.add("isChildOf " + c.getCode() + " " + d.getCode() + " " + ++n);
			}
			n = 0;
			for (CriteriaGroup g : d.getCriteriaGroups()) {
				expected.add("Groupe de critères " + g.getCode());
				tree.add("isChildOf " + g.getCode() + " " + d.getCode() + " " + ++n);
				int m = 0;
				for (Element c : g.getCriteria()) {
					expected.add("Critère " + c.getCode());
					tree.add("isChildOf " + c.getCode() + " " + g.getCode() + " " + ++m);
				}
			}
		}
		List<String> items = new ArrayList<>();
		for (JsonElement e : root.getAsJsonArray("CFItems")) {
			JsonObject item = e.getAsJsonObject();
			String code = item.get("humanCodingScheme").getAsString();
			items.add(item.get("CFItemType").getAsString() + " " + code);
			assertEquals(id(code), item.get("identifier").getAsString(), "a stable identifier: " + code);
		}
		assertEquals(expected, items);
		String documentId = document.get("identifier").getAsString();
		List<String> associations = new ArrayList<>();
		for (JsonElement e : root.getAsJsonArray("CFAssociations")) {
			JsonObject a = e.getAsJsonObject();
			String destination = a.getAsJsonObject("destinationNodeURI").get("identifier").getAsString();
			associations.add(a.get("associationType").getAsString() + " " + a.getAsJsonObject("originNodeURI").get("title").getAsString()
					+ " " + (destination.equals(documentId) ? "document" : a.getAsJsonObject("destinationNodeURI").get("title").getAsString())
					+ " " + a.get("sequenceNumber").getAsInt());
		}
		assertEquals(tree, associations);
		// the certification's own wording of a shared domain, beside the domain's
		DomainUse first = cmi.getDomains().get(0);
		JsonObject item = root.getAsJsonArray("CFItems").get(0).getAsJsonObject();
		assertEquals(first.getWording(), item.get("fullStatement").getAsString());
		assertEquals(first.getDomain().getWording(), item.get("alternativeLabel").getAsString());
	}

	@Test
	void theIndividuelsReferentialImportsBackUnchanged() throws Exception {
		Path file = write("cmi.json", export);
		Plan plan = CaseExchange.plan(CaseExchange.read(file), tmp);
		assertEquals(List.of(), plan.changes());
		assertEquals(List.of(), plan.notices());
		assertEquals("CMI", plan.before().getCode());
		assertEquals(List.of(file.getFileName().toString()), names(), "planning writes nothing");
	}

	@Test
	void anImportShowsWhatItChangesThenBringsAnEditedCopyBack() throws Exception {
		// the branch's copy of the individuels referential: two wordings changed, a competence added
		ReferentialLibrary mine = ReferentialLibrary.withFolder(tmp);
		Certification edited = mine.certification("CMI").orElseThrow();
		Referential file = ReferentialLibrary.referentialOf(edited);
		CompetenceDomain own = file.getDomains().get(0);
		String wording = own.getWording();
		own.setWording("Un libellé changé");
		Element criterion = own.getCriteriaGroups().get(0).getCriteria().get(0);
		String criterionWording = criterion.getWording();
		criterion.setWording(criterionWording + " (modifié)");
		Competence extra = ReferentialFactory.eINSTANCE.createCompetence();
		extra.setCode("CMI-EXTRA");
		extra.setWording("Compétence ajoutée par la branche");
		own.getCompetences().add(extra);
		save(file);
		Path input = write("cmi.json", export);
		Plan plan = CaseExchange.plan(CaseExchange.read(input), tmp);
		List<String> changes = plan.changes().stream().map(c -> c.kind() + " " + c.element()
				+ (c.kind() == Kind.CHANGED ? " " + c.before() + " -> " + c.after() : "")).sorted().toList();
		assertEquals(List.of("CHANGED Critère d'évaluation " + criterion.getCode() + " " + criterionWording + " (modifié) -> " + criterionWording,
				"CHANGED Domaine de compétences " + own.getCode() + " Un libellé changé -> " + wording,
				"REMOVED Compétence CMI-EXTRA"), changes);
		save(plan.target());
		ReferentialLibrary reloaded = ReferentialLibrary.withFolder(tmp);
		assertEquals(List.of(), ReferentialDiff.of(cmi, shipped, reloaded.certification("CMI").orElseThrow(), reloaded));
	}

	@Test
	void aNewVersionStartsFromTheOneInForce() throws Exception {
		String v2 = export.replace("urn:cqp-mutualite:referentiel:cmi:CMI:1.0", "urn:cqp-mutualite:referentiel:cmi:CMI:2.0")
				.replace("\"version\": \"1.0\"", "\"version\": \"2.0\"").replace("\"statusStartDate\": \"2013-01-01\"", "\"statusStartDate\": \"2027-01-01\"");
		Plan plan = CaseExchange.plan(CaseExchange.read(write("v2.json", v2)), tmp);
		assertEquals("1.0", ReferentialLibrary.versionOf(plan.before()));
		assertEquals(List.of("CHANGED Référentiel Version 1.0 -> 2.0", "CHANGED Référentiel Valable à partir du 2013-01-01 -> 2027-01-01"),
				plan.changes().stream().map(c -> c.kind() + " " + c.element() + " " + c.feature() + " " + c.before() + " -> " + c.after()).toList());
		assertEquals(tmp.resolve("cmi-2.0.referentiel").toString(), plan.target().eResource().getURI().toFileString());
	}

	@Test
	void anUnknownCertificationGetsAFileOfItsOwnUsingTheElementsItShares() throws Exception {
		String other = export.replace("urn:cqp-mutualite:referentiel:cmi:CMI:1.0", "urn:cqp-mutualite:referentiel:essai:ESSAI:1.0");
		Plan plan = CaseExchange.plan(CaseExchange.read(write("essai.json", other)), tmp);
		assertNull(plan.before());
		assertEquals(tmp.resolve("essai.referentiel").toString(), plan.target().eResource().getURI().toFileString());
		assertTrue(plan.changes().stream().allMatch(c -> c.kind() == Kind.ADDED));
		save(plan.target());
		ReferentialLibrary reloaded = ReferentialLibrary.withFolder(tmp);
		Certification essai = reloaded.certification("ESSAI").orElseThrow();
		Certification again = reloaded.certification("CMI").orElseThrow();
		assertEquals(again.getDomains().stream().map(DomainUse::getDomain).toList(),
				essai.getDomains().stream().map(DomainUse::getDomain).toList(), "the same elements, shared");
		assertEquals(List.of(), reloaded.notices());
	}

	static Stream<Arguments> refused() {
		return Stream.of(
				Arguments.of("not JSON", (Consumer<Object>) null, "{ \"CFDocument\": ", "Le fichier CASE %s n'est pas un JSON valide (ligne 1, colonne 17)."),
				Arguments.of("an array", null, "[1, 2]", "Fichier CASE %s refusé : ce n'est pas un paquet CASE (il n'a pas de CFDocument)."),
				Arguments.of("no title", edit(r -> r.getAsJsonObject("CFDocument").remove("title")), null,
						"Fichier CASE %s refusé : il manque « title » dans CFDocument."),
				Arguments.of("foreign", edit(r -> r.getAsJsonObject("CFDocument").addProperty("uri", "https://example.org/framework/42")), null,
						"Fichier CASE %s refusé : son document (https://example.org/framework/42) ne vient pas d'un référentiel CQP : son adresse devrait commencer par urn:cqp-mutualite:referentiel: suivi de l'identifiant du référentiel, du code et de la version."),
				Arguments.of("CASE 2", edit(r -> r.getAsJsonObject("CFDocument").addProperty("caseVersion", "2.0")), null,
						"Fichier CASE %s refusé : version de CASE 2.0 non prise en charge (1.0 ou 1.1 attendue)."),
				Arguments.of("unknown type", edit(r -> item(r, 1).addProperty("CFItemType", "Standard")), null,
						"Fichier CASE %s refusé : type d'élément inconnu « Standard » pour " + code(1) + " (types connus : Domaine de compétences, Compétence, Groupe de critères, Critère)."),
				Arguments.of("twice", edit(r -> item(r, 2).addProperty("humanCodingScheme", code(1))), null,
						"Fichier CASE %s refusé : l'élément " + code(1) + " y figure deux fois."),
				Arguments.of("formula code", edit(r -> item(r, 1).addProperty("humanCodingScheme", "=CMD()")), null,
						"Fichier CASE %s refusé : le code « =CMD() » n'est pas valide (de 1 à 60 lettres, chiffres, points, tirets)."),
				Arguments.of("empty wording", edit(r -> item(r, 1).addProperty("fullStatement", " ")), null,
						"Fichier CASE %s refusé : il manque « fullStatement » dans CFItems[1] (" + code(1) + ")."),
				Arguments.of("dangling", edit(r -> association(r, 0).getAsJsonObject("originNodeURI").addProperty("identifier", "nowhere")), null,
						"Fichier CASE %s refusé : CFAssociations[0] relie un élément absent du paquet (nowhere)."),
				Arguments.of("unknown association", edit(r -> association(r, 1).addProperty("associationType", "precedes")), null,
						"Fichier CASE %s refusé : type d'association « precedes » non pris en charge (CFAssociations[1]) : isChildOf ou isPartOf attendu."),
				Arguments.of("orphan", edit(r -> r.getAsJsonArray("CFAssociations").remove(1)), null,
						"Fichier CASE %s refusé : l'élément " + code(1) + " n'est rattaché à rien."),
				Arguments.of("bad date", edit(r -> r.getAsJsonObject("CFDocument").addProperty("statusStartDate", "hier")), null,
						"Fichier CASE %s refusé : « statusStartDate » n'est pas une date (AAAA-MM-JJ) : hier."),
				Arguments.of("number as text", edit(r -> r.getAsJsonObject("CFDocument").addProperty("title", 12)), null,
						"Fichier CASE %s refusé : « title » de CFDocument devrait être un texte."));
	}

	private static JsonObject item(JsonObject root, int i) {
		return root.getAsJsonArray("CFItems").get(i).getAsJsonObject();
	}

	private static JsonObject association(JsonObject root, int i) {
		return root.getAsJsonArray("CFAssociations").get(i).getAsJsonObject();
	}

	private static String code(int i) {
		return item(JsonParser.parseString(export).getAsJsonObject(), i).get("humanCodingScheme").getAsString();
	}

	private static Consumer<Object> edit(Consumer<JsonObject> change) {
		return root -> change.accept((JsonObject) root);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void aMalformedOrUnknownPackageIsRefusedInOneSentence(String name, Consumer<Object> change, String text, String expected)
			throws Exception {
		String content = text;
		if (change != null) {
			JsonObject root = JsonParser.parseString(export).getAsJsonObject();
			change.accept(root);
			content = root.toString();
		}
		Path file = write("bad.json", content);
		ReferentialException e = assertThrows(ReferentialException.class, () -> CaseExchange.plan(CaseExchange.read(file), tmp));
		assertEquals(String.format(expected, file), e.getMessage());
		assertEquals(List.of("bad.json"), names(), "nothing written");
	}

	@Test
	void filesThatAreNoCaseTextAreRefusedInOneSentence() throws Exception {
		Path latin1 = tmp.resolve("latin1.json");
		Files.write(latin1, "{\"CFDocument\": {\"title\": \"Qualit\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1));
		assertEquals("Le fichier CASE " + latin1 + " n'est pas encodé en UTF-8.",
				assertThrows(ReferentialException.class, () -> CaseExchange.read(latin1)).getMessage());
		assertEquals("Le fichier CASE " + tmp + " n'existe pas ou n'est pas un fichier.",
				assertThrows(ReferentialException.class, () -> CaseExchange.read(tmp)).getMessage());
		Path huge = tmp.resolve("huge.json");
		try (var channel = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE_NEW,
				java.nio.file.StandardOpenOption.WRITE)) {
			channel.write(java.nio.ByteBuffer.wrap(new byte[] { ' ' }), CaseExchange.MAX_BYTES);
		}
		assertEquals("Le fichier CASE " + huge + " dépasse 20 Mo : ce n'est pas un référentiel.",
				assertThrows(ReferentialException.class, () -> CaseExchange.read(huge)).getMessage());
		Path empty = write("empty.json", "");
		assertEquals("Fichier CASE " + empty + " refusé : ce n'est pas un paquet CASE (il n'a pas de CFDocument).",
				assertThrows(ReferentialException.class, () -> CaseExchange.read(empty)).getMessage());
	}

	@Test
	void aSharedDomainIsNeverChangedByAnImport() throws Exception {
		JsonObject root = JsonParser.parseString(export).getAsJsonObject();
		item(root, 0).addProperty("alternativeLabel", "Autre libellé du domaine commun");
		Plan plan = CaseExchange.plan(CaseExchange.read(write("cmi.json", root.toString())), tmp);
		CompetenceDomain shared = cmi.getDomains().get(0).getDomain();
		assertEquals(List.of(shared.getCode() + " est défini par le référentiel commun : l'import n'en change pas le libellé."),
				plan.notices());
		assertEquals(List.of(), plan.changes());
		assertSame(plan.after().getDomains().get(0).getDomain().eResource(),
				plan.library().referentials().stream().filter(r -> r.getId().equals("commun")).findFirst().orElseThrow().eResource());
	}

	private Path write(String name, String content) throws Exception {
		Path file = tmp.resolve(name);
		Files.writeString(file, content);
		return file;
	}

	private List<String> names() throws Exception {
		try (Stream<Path> files = Files.list(tmp)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	/** Saves a referential file where the product saves it: in the folder, under its own name. */
	private void save(Referential file) throws Exception {
		Path target = ReferentialLibrary.savedPath(file.eResource().getURI(), tmp);
		try (OutputStream out = Files.newOutputStream(target)) {
			file.eResource().save(out, null);
		}
		EcoreUtil.resolveAll(file);
	}
}
