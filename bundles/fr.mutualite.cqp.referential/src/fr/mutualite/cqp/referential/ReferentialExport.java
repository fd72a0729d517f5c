package fr.mutualite.cqp.referential;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;

import com.google.gson.stream.JsonWriter;

import fr.mutualite.cqp.model.DomainUses;
import fr.mutualite.cqp.model.referential.ActivityArea;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.CriteriaGroup;
import fr.mutualite.cqp.model.referential.Criterion;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Element;
import fr.mutualite.cqp.model.referential.JuryPart;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.model.referential.Scale;
import fr.mutualite.cqp.model.referential.ScaleLevel;

/**
 * Exports the full tree of a certification for scripts, in a stable, documented format
 * (docs/referential-export.md): JSON (everything, booklets included), CSV (one line per
 * element of the competence referential) or IMS Global CASE 1.1 (the competence referential). Keys and columns never change meaning within a
 * format version.
 */
public final class ReferentialExport {

	/** Version of the export formats, written in every JSON export. */
	public static final int FORMAT_VERSION = 1;

	/** The export formats. */
	public enum Format {
		JSON, CSV,
		/** IMS Global CASE 1.1 ({@link CaseExchange}). */
		CASE
	}

	/** Columns of the CSV export, in order. */
	public static final List<String> CSV_COLUMNS = List.of("certification", "domain_number", "domain_code", "level", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"code", "parent_code", "wording"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private ReferentialExport() {
	}

	/** Writes {@code certification} in {@code format} to {@code out}. */
	public static void write(Certification certification, ReferentialLibrary library, Format format, Writer out)
			throws IOException {
		switch (format) {
			case CSV -> csv(certification, out);
			case CASE -> CaseExchange.write(certification, library, out);
			case JSON -> json(certification, library, out);
		}
	}

	private static void csv(Certification certification, Writer out) throws IOException {
		CSVFormat csv = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get();
		SpreadsheetCsv printer = new SpreadsheetCsv(out, csv);
		String code = certification.getCode();
		Map<Element, String> wordings = ConsistencyReport.wordings(certification);
		for (DomainUse use : certification.getDomains()) {
			CompetenceDomain domain = use.getDomain();
			int n = use.getNumber();
			printer.record(code, n, domain.getCode(), "DOMAIN", domain.getCode(), "", //$NON-NLS-1$ //$NON-NLS-2$
					wordings.getOrDefault(domain, domain.getWording()));
			for (Competence competence : DomainUses.competences(use)) {
				printer.record(code, n, domain.getCode(), "COMPETENCE", competence.getCode(), domain.getCode(), //$NON-NLS-1$
						wordings.getOrDefault(competence, competence.getWording()));
			}
			for (CriteriaGroup group : domain.getCriteriaGroups()) {
				printer.record(code, n, domain.getCode(), "CRITERIA_GROUP", group.getCode(), domain.getCode(), //$NON-NLS-1$
						wordings.getOrDefault(group, group.getWording()));
				for (Criterion criterion : group.getCriteria()) {
					printer.record(code, n, domain.getCode(), "CRITERION", criterion.getCode(), group.getCode(), //$NON-NLS-1$
							wordings.getOrDefault(criterion, criterion.getWording()));
				}
			}
		}
		printer.flush();
	}

	private static void json(Certification certification, ReferentialLibrary library, Writer out) throws IOException {
		JsonWriter json = new JsonWriter(out);
		json.setIndent("  "); //$NON-NLS-1$
		json.setSerializeNulls(false);
		json.beginObject();
		json.name("format").value("cqp-referential-export"); //$NON-NLS-1$ //$NON-NLS-2$
		json.name("formatVersion").value(FORMAT_VERSION); //$NON-NLS-1$
		json.name("certification").beginObject(); //$NON-NLS-1$
		json.name("code").value(certification.getCode()); //$NON-NLS-1$
		json.name("title").value(certification.getTitle()); //$NON-NLS-1$
		Referential referential = ReferentialLibrary.referentialOf(certification);
		json.name("referential").beginObject(); //$NON-NLS-1$
		json.name("id").value(referential.getId()); //$NON-NLS-1$
		json.name("version").value(referential.getVersion()); //$NON-NLS-1$
		json.name("validFrom").value(day(referential.getValidFrom())); //$NON-NLS-1$
		json.name("validTo").value(day(referential.getValidTo())); //$NON-NLS-1$
		json.endObject();
		json.name("jobDefinition").value(certification.getJobDefinition()); //$NON-NLS-1$
		strings(json, "jobTitles", certification.getJobTitles()); //$NON-NLS-1$
		json.name("responsibilityAndAutonomy").value(certification.getResponsibilityAndAutonomy()); //$NON-NLS-1$
		json.name("activityAreas").beginArray(); //$NON-NLS-1$
		for (ActivityArea area : certification.getActivityAreas()) {
			json.beginObject().name("title").value(area.getTitle()); //$NON-NLS-1$
			strings(json, "activities", area.getActivities()); //$NON-NLS-1$
			json.endObject();
		}
		json.endArray();
		json.name("vaeExperience").value(certification.getVaeExperience()); //$NON-NLS-1$
		if (certification.getJuryFormat() != null) {
			json.name("jury").beginObject(); //$NON-NLS-1$
			json.name("description").value(certification.getJuryFormat().getDescription()); //$NON-NLS-1$
			json.name("parts").beginArray(); //$NON-NLS-1$
			for (JuryPart part : certification.getJuryFormat().getParts()) {
				json.beginObject().name("title").value(part.getTitle()).name("minutes").value(part.getMinutes()).endObject(); //$NON-NLS-1$ //$NON-NLS-2$
			}
			json.endArray().endObject();
		}
		json.name("domains").beginArray(); //$NON-NLS-1$
		Map<Element, String> wordings = ConsistencyReport.wordings(certification);
		Map<CompetenceDomain, Set<String>> users = new HashMap<>();
		for (Certification other : library.certifications()) {
			if (other != certification) {
				for (DomainUse use : other.getDomains()) {
					users.computeIfAbsent(use.getDomain(), d -> new LinkedHashSet<>()).add(other.getCode());
				}
			}
		}
		for (DomainUse use : certification.getDomains()) {
			domain(json, use, wordings, users.getOrDefault(use.getDomain(), Set.of()));
		}
		json.endArray();
		json.name("booklets").beginArray(); //$NON-NLS-1$
		for (Booklet booklet : library.booklets(certification)) {
			booklet(json, booklet);
		}
		json.endArray();
		json.endObject();
		json.name("rules").beginArray(); //$NON-NLS-1$
		for (Referential r : library.referentials()) {
			for (RuleSet rules : r.getRuleSets()) {
				rules(json, rules);
			}
		}
		json.endArray();
		json.endObject();
		json.flush();
		out.write(System.lineSeparator());
		out.flush();
	}

	private static void domain(JsonWriter json, DomainUse use, Map<Element, String> wordings,
			Set<String> sharedWith) throws IOException {
		CompetenceDomain domain = use.getDomain();
		json.beginObject();
		json.name("number").value(use.getNumber()); //$NON-NLS-1$
		json.name("code").value(domain.getCode()); //$NON-NLS-1$
		json.name("wording").value(wordings.getOrDefault(domain, domain.getWording())); //$NON-NLS-1$
		json.name("referentialWording").value(domain.getWording()); //$NON-NLS-1$
		json.name("note").value(domain.getNote()); //$NON-NLS-1$
		json.name("sharedWith").beginArray(); //$NON-NLS-1$
		for (String other : sharedWith) {
			json.value(other);
		}
		json.endArray();
		json.name("competences").beginArray(); //$NON-NLS-1$
		for (Competence competence : DomainUses.competences(use)) {
			element(json, competence.getCode(), wordings.getOrDefault(competence, competence.getWording()));
			if (competence.eContainer() != domain && competence.eContainer() instanceof CompetenceDomain home) {
				json.name("sharedFrom").value(home.getCode()); //$NON-NLS-1$
			}
			json.endObject();
		}
		json.endArray();
		json.name("criteriaGroups").beginArray(); //$NON-NLS-1$
		for (CriteriaGroup group : domain.getCriteriaGroups()) {
			element(json, group.getCode(), wordings.getOrDefault(group, group.getWording()));
			json.name("criteria").beginArray(); //$NON-NLS-1$
			for (Criterion criterion : group.getCriteria()) {
				element(json, criterion.getCode(), wordings.getOrDefault(criterion, criterion.getWording())).endObject();
			}
			json.endArray().endObject();
		}
		json.endArray();
		json.endObject();
	}

	private static void booklet(JsonWriter json, Booklet booklet) throws IOException {
		json.beginObject();
		json.name("code").value(booklet.getCode()); //$NON-NLS-1$
		json.name("kind").value(booklet.getKind().getLiteral()); //$NON-NLS-1$
		json.name("title").value(booklet.getTitle()); //$NON-NLS-1$
		json.name("filledBy").value(booklet.getFilledBy()); //$NON-NLS-1$
		json.name("instructions").value(booklet.getInstructions()); //$NON-NLS-1$
		json.name("scales").beginArray(); //$NON-NLS-1$
		for (Scale scale : booklet.getScales()) {
			json.beginObject().name("code").value(scale.getCode()).name("title").value(scale.getTitle()) //$NON-NLS-1$ //$NON-NLS-2$
					.name("target").value(scale.getTarget().getLiteral()); //$NON-NLS-1$
			json.name("levels").beginArray(); //$NON-NLS-1$
			for (ScaleLevel level : scale.getLevels()) {
				json.beginObject().name("code").value(level.getCode()).name("label").value(level.getLabel()) //$NON-NLS-1$ //$NON-NLS-2$
						.name("achieved").value(level.isAchieved()).endObject(); //$NON-NLS-1$
			}
			json.endArray().endObject();
		}
		json.endArray();
		json.name("sections").beginArray(); //$NON-NLS-1$
		for (BookletSection section : booklet.getSections()) {
			json.beginObject();
			json.name("code").value(section.getCode()); //$NON-NLS-1$
			json.name("domain").value(section.getDomain() == null ? null : section.getDomain().getCode()); //$NON-NLS-1$
			json.name("wording").value(section.getWording()); //$NON-NLS-1$
			strings(json, "questions", section.getQuestions()); //$NON-NLS-1$
			json.name("evaluationModality").value(section.getEvaluationModality()); //$NON-NLS-1$
			strings(json, "domainScales", section.getDomainScales().stream().map(Scale::getCode).toList()); //$NON-NLS-1$
			items(json, "items", section.getItems()); //$NON-NLS-1$
			json.endObject();
		}
		json.endArray();
		json.endObject();
	}

	private static void items(JsonWriter json, String name, List<BookletItem> items) throws IOException {
		json.name(name).beginArray();
		for (BookletItem item : items) {
			json.beginObject();
			json.name("code").value(item.getCode()); //$NON-NLS-1$
			json.name("kind").value(item.getKind().getLiteral()); //$NON-NLS-1$
			json.name("wording").value(item.getWording()); //$NON-NLS-1$
			json.name("rates").value(item.getRates() == null ? null : item.getRates().getCode()); //$NON-NLS-1$
			json.name("scale").value(item.getScale() == null ? null : item.getScale().getCode()); //$NON-NLS-1$
			items(json, "children", item.getChildren()); //$NON-NLS-1$
			json.endObject();
		}
		json.endArray();
	}

	private static void rules(JsonWriter json, RuleSet rules) throws IOException {
		json.beginObject();
		json.name("validFrom").value(day(rules.getValidFrom())); //$NON-NLS-1$
		json.name("validTo").value(day(rules.getValidTo())); //$NON-NLS-1$
		json.name("registrationDeadlineYears").value(rules.getRegistrationDeadlineYears()); //$NON-NLS-1$
		json.name("trainingHoursMin").value(rules.getTrainingHoursMin()); //$NON-NLS-1$
		json.name("trainingHoursMax").value(rules.getTrainingHoursMax()); //$NON-NLS-1$
		json.name("partialValidityYears").value(rules.getPartialValidityYears()); //$NON-NLS-1$
		json.name("vaeMinExperienceYears").value(rules.getVaeMinExperienceYears()); //$NON-NLS-1$
		json.name("vaeWindowYears").value(rules.getVaeWindowYears()); //$NON-NLS-1$
		json.name("juryMembers").value(rules.getJuryMembers()); //$NON-NLS-1$
		json.name("juryEmployerMembers").value(rules.getJuryEmployerMembers()); //$NON-NLS-1$
		json.name("juryEmployeeMembers").value(rules.getJuryEmployeeMembers()); //$NON-NLS-1$
		json.name("alternatingPresidency").value(rules.isAlternatingPresidency()); //$NON-NLS-1$
		json.name("bonusPoints").value(rules.getBonusPoints()); //$NON-NLS-1$
		BigDecimal value = rules.getPointValue();
		json.name("pointValue").value(value); //$NON-NLS-1$
		json.name("pointValueYear").value(rules.getPointValueYear()); //$NON-NLS-1$
		json.name("personalDataRetentionYears").value(rules.getPersonalDataRetentionYears()); //$NON-NLS-1$
		json.endObject();
	}

	private static JsonWriter element(JsonWriter json, String code, String wording) throws IOException {
		return json.beginObject().name("code").value(code).name("wording").value(wording); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void strings(JsonWriter json, String name, List<String> values) throws IOException {
		json.name(name).beginArray();
		for (String value : values) {
			json.value(value);
		}
		json.endArray();
	}

	private static String day(LocalDate date) {
		return date == null ? null : date.toString();
	}
}
