package fr.mutualite.cqp.referential.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.CriteriaGroup;
import fr.mutualite.cqp.model.referential.Criterion;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.referential.ReferentialExport;
import fr.mutualite.cqp.referential.ReferentialExport.Format;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** The exports for scripts hold the whole tree, in the documented shape. */
class ExportTest {

	private static ReferentialLibrary library;
	private static Certification cmi;

	@BeforeAll
	static void load() throws Exception {
		library = ReferentialLibrary.shipped();
		cmi = library.certification("CMI").orElseThrow();
	}

	private static Set<String> criteria() {
		Set<String> all = new LinkedHashSet<>();
		for (DomainUse use : cmi.getDomains()) {
			for (CriteriaGroup group : use.getDomain().getCriteriaGroups()) {
				for (Criterion criterion : group.getCriteria()) {
					all.add(criterion.getCode() + " " + criterion.getWording());
				}
			}
		}
		return all;
	}

	@Test
	void jsonHoldsEveryCriterionOfTheGuideAndTheBooklets() throws Exception {
		StringWriter out = new StringWriter();
		ReferentialExport.write(cmi, library, Format.JSON, out);
		JsonObject root = JsonParser.parseString(out.toString()).getAsJsonObject();
		assertEquals("cqp-referential-export", root.get("format").getAsString());
		assertEquals(1, root.get("formatVersion").getAsInt());
		JsonObject certification = root.getAsJsonObject("certification");
		assertEquals("CMI", certification.get("code").getAsString());
		Set<String> exported = new LinkedHashSet<>();
		for (JsonElement domain : certification.getAsJsonArray("domains")) {
			for (JsonElement group : domain.getAsJsonObject().getAsJsonArray("criteriaGroups")) {
				for (JsonElement criterion : group.getAsJsonObject().getAsJsonArray("criteria")) {
					JsonObject c = criterion.getAsJsonObject();
					exported.add(c.get("code").getAsString() + " " + c.get("wording").getAsString());
				}
			}
		}
		assertEquals(61, exported.size());
		assertEquals(criteria(), exported);
		assertEquals(6, certification.getAsJsonArray("booklets").size());
		JsonObject third = certification.getAsJsonArray("domains").get(2).getAsJsonObject();
		assertEquals(List.of("CMC", "CRD"), third.getAsJsonArray("sharedWith").asList().stream().map(JsonElement::getAsString).toList());
		assertEquals(3, root.getAsJsonArray("rules").get(0).getAsJsonObject().get("registrationDeadlineYears").getAsInt());
	}

	@Test
	void csvHasOneLinePerElementOfTheReferential() throws Exception {
		StringWriter out = new StringWriter();
		ReferentialExport.write(cmi, library, Format.CSV, out);
		List<CSVRecord> records = new ArrayList<>(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new StringReader(out.toString())).getRecords());
		assertEquals(7 + 32 + 20 + 61, records.size());
		assertEquals(ReferentialExport.CSV_COLUMNS, records.get(0).getParser().getHeaderNames());
		Set<String> csvCriteria = new LinkedHashSet<>();
		for (CSVRecord r : records) {
			if (r.get("level").equals("CRITERION")) {
				csvCriteria.add(r.get("code") + " " + r.get("wording"));
			}
		}
		assertEquals(criteria(), csvCriteria);
		assertTrue(records.stream().anyMatch(r -> r.get("wording").contains("(organisation, économie, historique, valeurs, ...)")),
				"commas inside wordings are quoted, not split");
	}

	@Test
	void aSharedCompetenceIsExportedInTheDomainItIsAttachedToWithItsHome() throws Exception {
		ReferentialLibrary own = ReferentialLibrary.shipped();
		Certification individuals = own.certification("CMI").orElseThrow();
		DomainUse first = individuals.getDomains().get(0);
		var shared = individuals.getDomains().get(1).getDomain().getCompetences().get(0);
		first.getSharedCompetences().add(shared);

		StringWriter json = new StringWriter();
		ReferentialExport.write(individuals, own, Format.JSON, json);
		JsonObject domain = JsonParser.parseString(json.toString()).getAsJsonObject().getAsJsonObject("certification")
				.getAsJsonArray("domains").get(0).getAsJsonObject();
		List<JsonObject> competences = domain.getAsJsonArray("competences").asList().stream().map(JsonElement::getAsJsonObject)
				.toList();
		assertEquals(first.getDomain().getCompetences().size() + 1, competences.size());
		JsonObject last = competences.get(competences.size() - 1);
		assertEquals(shared.getCode(), last.get("code").getAsString());
		assertEquals(individuals.getDomains().get(1).getDomain().getCode(), last.get("sharedFrom").getAsString());
		assertEquals(1, competences.stream().filter(c -> c.has("sharedFrom")).count());

		StringWriter csv = new StringWriter();
		ReferentialExport.write(individuals, own, Format.CSV, csv);
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new StringReader(csv.toString())).getRecords().stream().filter(r -> r.get("code").equals(shared.getCode()))
				.toList();
		assertEquals(List.of(first.getDomain().getCode(), individuals.getDomains().get(1).getDomain().getCode()),
				rows.stream().map(r -> r.get("parent_code")).toList(), "listed in the domain it is attached to, and in its own");
	}
}
