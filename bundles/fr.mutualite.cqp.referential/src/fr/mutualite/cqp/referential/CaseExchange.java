package fr.mutualite.cqp.referential;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.osgi.util.NLS;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

import fr.mutualite.cqp.model.CqpResourceFactory;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.CriteriaGroup;
import fr.mutualite.cqp.model.referential.Criterion;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Element;
import fr.mutualite.cqp.model.referential.ElementWording;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.referential.ReferentialDiff.Change;
import fr.mutualite.cqp.referential.internal.Messages;

/**
 * A certification's competence referential as an IMS Global CASE 1.1 package, the format the
 * education world exchanges frameworks in: a CFDocument for the certification, a CFItem per
 * domain, competence, criteria group and criterion (their CFItemType naming which), "isChildOf"
 * CFAssociations for the tree (the domains' numbers as sequence numbers), "isPartOf" ones for
 * the competences a domain borrows from another. An element keeps the same identifier in every
 * version and every certification using it: a shared domain is one item in several documents.
 * An import is planned first ({@link #plan}): what it would add, remove or change, in the terms
 * of a comparison of versions, before anything is written. What CASE cannot carry (booklets,
 * dated rules, jobs and activities, the jury's format) stays as the referential has it.
 */
public final class CaseExchange {

	/** The CASE version written and read. */
	public static final String CASE_VERSION = "1.1"; //$NON-NLS-1$
	/** How the documents of this product are named: urn:cqp-mutualite:referentiel:ID:CODE:VERSION. */
	public static final String DOCUMENT_URN = "urn:cqp-mutualite:referentiel:"; //$NON-NLS-1$
	private static final String ITEM_URN = "urn:cqp-mutualite:element:"; //$NON-NLS-1$
	private static final String TYPE_URN = "urn:cqp-mutualite:type:"; //$NON-NLS-1$
	private static final String ASSOCIATION_URN = "urn:cqp-mutualite:association:"; //$NON-NLS-1$
	/** Who publishes the referentials, as written in every document. */
	public static final String CREATOR = "CPNEFP de la Mutualit\u00e9"; //$NON-NLS-1$
	private static final String CHILD = "isChildOf", PART = "isPartOf"; //$NON-NLS-1$ //$NON-NLS-2$
	/** The largest CASE file read: far above a referential's size, far below what hurts memory. */
	public static final long MAX_BYTES = 20L * 1024 * 1024;
	private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._-]{1,60}"); //$NON-NLS-1$
	private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)"); //$NON-NLS-1$

	/** The kinds of CFItems, by the CFItemType written. */
	public enum ItemType {
		DOMAIN("Domaine de comp\u00e9tences"), COMPETENCE("Comp\u00e9tence"), //$NON-NLS-1$ //$NON-NLS-2$
		CRITERIA_GROUP("Groupe de crit\u00e8res"), CRITERION("Crit\u00e8re"); //$NON-NLS-1$ //$NON-NLS-2$

		/** The CFItemType, as written. */
		public final String label;

		ItemType(String label) {
			this.label = label;
		}

		static ItemType of(Element element) {
			return switch (element) {
				case CompetenceDomain d -> DOMAIN;
				case Competence c -> COMPETENCE;
				case CriteriaGroup g -> CRITERIA_GROUP;
				default -> CRITERION;
			};
		}
	}

	/**
	 * One CFItem read: its code ({@code humanCodingScheme}), its wording in the certification
	 * ({@code fullStatement}), its own wording when the certification words it otherwise
	 * ({@code alternativeLabel}, else {@code null}), its note.
	 */
	public record Item(String identifier, String code, ItemType type, String statement, String ownWording,
			String note) {
	}

	/**
	 * A CASE package read and checked: the certification it describes, its items in order, the
	 * children of each (by identifier; the document's identifier for the domains, each with its
	 * number) and the competences each domain borrows.
	 */
	public record Package(String identifier, String referentialId, String code, String version, String title,
			String description, String source, LocalDate validFrom, LocalDate validTo, Map<String, Item> items,
			Map<String, List<String>> children, Map<String, Integer> numbers, Map<String, List<String>> borrowed) {
	}

	/**
	 * What an import would do: the certification before ({@code null} for a new one) and after,
	 * the differences between them, what the import leaves as it is and why, and the referential
	 * to write (in {@code library}, a library of its own).
	 */
	public record Plan(Certification before, Certification after, List<Change> changes, List<String> notices,
			Referential target, ReferentialLibrary library) {

		/** Whether the import changes nothing. */
		public boolean unchanged() {
			return changes.isEmpty();
		}
	}

	private CaseExchange() {
	}

	/** The stable identifier of a thing named {@code key}: the same in every version and every export. */
	static String uuid(String kind, String key) {
		return UUID.nameUUIDFromBytes(("cqp-mutualite:" + kind + ':' + key).getBytes(StandardCharsets.UTF_8)).toString(); //$NON-NLS-1$
	}

	// ------------------------------------------------------------------ export

	/** Writes {@code certification}'s referential as a CASE 1.1 package. */
	public static void write(Certification certification, ReferentialLibrary library, Writer out) throws IOException {
		Referential file = ReferentialLibrary.referentialOf(certification);
		String documentUri = DOCUMENT_URN + file.getId() + ':' + certification.getCode() + ':' + file.getVersion();
		String documentId = uuid("document", file.getId() + ':' + certification.getCode() + ':' + file.getVersion()); //$NON-NLS-1$
		String changed = (file.getValidFrom() == null ? LocalDate.EPOCH : file.getValidFrom()) + "T00:00:00+00:00"; //$NON-NLS-1$
		Map<Element, String> wordings = ConsistencyReport.wordings(certification);
		JsonWriter json = new JsonWriter(out);
		json.setIndent("  "); //$NON-NLS-1$
		json.setSerializeNulls(false);
		json.beginObject();
		json.name("CFDocument").beginObject(); //$NON-NLS-1$
		json.name("identifier").value(documentId); //$NON-NLS-1$
		json.name("uri").value(documentUri); //$NON-NLS-1$
		json.name("caseVersion").value(CASE_VERSION); //$NON-NLS-1$
		json.name("creator").value(CREATOR); //$NON-NLS-1$
		json.name("publisher").value(CREATOR); //$NON-NLS-1$
		json.name("title").value(certification.getTitle()); //$NON-NLS-1$
		json.name("description").value(certification.getJobDefinition()); //$NON-NLS-1$
		json.name("notes").value(file.getSource()); //$NON-NLS-1$
		json.name("language").value("fr"); //$NON-NLS-1$ //$NON-NLS-2$
		json.name("version").value(file.getVersion()); //$NON-NLS-1$
		json.name("adoptionStatus").value(file.getValidTo() == null ? "Adopted" : "Deprecated"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		json.name("statusStartDate").value(day(file.getValidFrom())); //$NON-NLS-1$
		json.name("statusEndDate").value(day(file.getValidTo())); //$NON-NLS-1$
		json.name("lastChangeDateTime").value(changed); //$NON-NLS-1$
		json.name("CFPackageURI"); //$NON-NLS-1$
		link(json, certification.getTitle(), documentId, documentUri);
		json.endObject();

		List<Element> items = new ArrayList<>();
		List<String[]> associations = new ArrayList<>(); // type, origin code or null, destination code or null (document), sequence
		for (DomainUse use : certification.getDomains()) {
			CompetenceDomain domain = use.getDomain();
			if (domain == null) {
				continue;
			}
			items.add(domain);
			associations.add(new String[] { CHILD, domain.getCode(), null, String.valueOf(use.getNumber()) });
			int n = 0;
			for (Competence c : domain.getCompetences()) {
				items.add(c);
				associations.add(new String[] { CHILD, c.getCode(), domain.getCode(), String.valueOf(++n) });
			}
			n = 0;
			for (CriteriaGroup g : domain.getCriteriaGroups()) {
				items.add(g);
				associations.add(new String[] { CHILD, g.getCode(), domain.getCode(), String.valueOf(++n) });
				int m = 0;
				for (Criterion c : g.getCriteria()) {
					items.add(c);
					associations.add(new String[] { CHILD, c.getCode(), g.getCode(), String.valueOf(++m) });
				}
			}
			n = 0;
			for (Competence shared : use.getSharedCompetences()) {
				if (!items.contains(shared)) {
					items.add(shared);
				}
				associations.add(new String[] { PART, shared.getCode(), domain.getCode(), String.valueOf(++n) });
			}
		}
		Map<String, Element> byCode = new HashMap<>();
		json.name("CFItems").beginArray(); //$NON-NLS-1$
		for (Element element : items) {
			byCode.put(element.getCode(), element);
			String statement = wordings.getOrDefault(element, element.getWording());
			json.beginObject();
			json.name("identifier").value(uuid("element", element.getCode())); //$NON-NLS-1$ //$NON-NLS-2$
			json.name("uri").value(ITEM_URN + element.getCode()); //$NON-NLS-1$
			json.name("fullStatement").value(statement); //$NON-NLS-1$
			if (!Objects.equals(statement, element.getWording())) {
				json.name("alternativeLabel").value(element.getWording()); //$NON-NLS-1$
			}
			json.name("humanCodingScheme").value(element.getCode()); //$NON-NLS-1$
			ItemType type = ItemType.of(element);
			json.name("CFItemType").value(type.label); //$NON-NLS-1$
			json.name("CFItemTypeURI"); //$NON-NLS-1$
			link(json, type.label, uuid("type", type.name()), TYPE_URN + type.name()); //$NON-NLS-1$
			if (element instanceof CompetenceDomain domain && domain.getNote() != null) {
				json.name("notes").value(domain.getNote()); //$NON-NLS-1$
			}
			json.name("language").value("fr"); //$NON-NLS-1$ //$NON-NLS-2$
			json.name("CFDocumentURI"); //$NON-NLS-1$
			link(json, certification.getTitle(), documentId, documentUri);
			json.name("lastChangeDateTime").value(changed); //$NON-NLS-1$
			json.endObject();
		}
		json.endArray();
		json.name("CFAssociations").beginArray(); //$NON-NLS-1$
		for (String[] a : associations) {
			Element origin = byCode.get(a[1]);
			String key = a[0] + ':' + a[1] + ':' + (a[2] == null ? documentId : a[2]) + ':' + documentId;
			String identifier = uuid("association", key); //$NON-NLS-1$
			json.beginObject();
			json.name("identifier").value(identifier); //$NON-NLS-1$
			json.name("uri").value(ASSOCIATION_URN + identifier); //$NON-NLS-1$
			json.name("associationType").value(a[0]); //$NON-NLS-1$
			json.name("sequenceNumber").value(Integer.parseInt(a[3])); //$NON-NLS-1$
			json.name("originNodeURI"); //$NON-NLS-1$
			link(json, origin.getCode(), uuid("element", origin.getCode()), ITEM_URN + origin.getCode()); //$NON-NLS-1$
			json.name("destinationNodeURI"); //$NON-NLS-1$
			if (a[2] == null) {
				link(json, certification.getTitle(), documentId, documentUri);
			} else {
				link(json, a[2], uuid("element", a[2]), ITEM_URN + a[2]); //$NON-NLS-1$
			}
			json.name("CFDocumentURI"); //$NON-NLS-1$
			link(json, certification.getTitle(), documentId, documentUri);
			json.name("lastChangeDateTime").value(changed); //$NON-NLS-1$
			json.endObject();
		}
		json.endArray();
		json.name("CFDefinitions").beginObject(); //$NON-NLS-1$
		json.name("CFItemTypes").beginArray(); //$NON-NLS-1$
		for (ItemType type : ItemType.values()) {
			json.beginObject();
			json.name("identifier").value(uuid("type", type.name())); //$NON-NLS-1$ //$NON-NLS-2$
			json.name("uri").value(TYPE_URN + type.name()); //$NON-NLS-1$
			json.name("title").value(type.label); //$NON-NLS-1$
			json.name("description").value(type.label); //$NON-NLS-1$
			json.name("hierarchyCode").value(String.valueOf(type.ordinal() + 1)); //$NON-NLS-1$
			json.name("lastChangeDateTime").value(changed); //$NON-NLS-1$
			json.endObject();
		}
		json.endArray();
		json.endObject();
		json.endObject();
		json.flush();
		out.write('\n');
		out.flush();
	}

	private static void link(JsonWriter json, String title, String identifier, String uri) throws IOException {
		json.beginObject().name("title").value(title).name("identifier").value(identifier).name("uri").value(uri) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.endObject();
	}

	private static String day(LocalDate date) {
		return date == null ? null : date.toString();
	}

	// ------------------------------------------------------------------ reading

	/** Reads and checks the CASE package of {@code file}; refuses, in one sentence, one it cannot use. */
	public static Package read(Path file) throws ReferentialException {
		String name = file.toString();
		try {
			if (!Files.isRegularFile(file)) {
				throw new ReferentialException(NLS.bind(Messages.Case_notAFile, name));
			}
			if (Files.size(file) > MAX_BYTES) {
				throw new ReferentialException(NLS.bind(Messages.Case_tooLarge, name, MAX_BYTES / (1024 * 1024)));
			}
			try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file),
					StandardCharsets.UTF_8.newDecoder())) {
				return read(reader, name);
			}
		} catch (NoSuchFileException e) {
			throw new ReferentialException(NLS.bind(Messages.Case_notAFile, name), e);
		} catch (CharacterCodingException e) {
			throw new ReferentialException(NLS.bind(Messages.Case_notUtf8, name), e);
		} catch (IOException e) {
			throw new ReferentialException(NLS.bind(Messages.Case_unreadable, name, e.getLocalizedMessage()), e);
		}
	}

	/** Reads and checks a CASE package; {@code name} names it in what is refused. */
	public static Package read(Reader reader, String name) throws ReferentialException, IOException {
		JsonElement root;
		try {
			root = JsonParser.parseReader(reader);
		} catch (JsonParseException e) {
			if (e.getCause() instanceof CharacterCodingException coding) {
				throw coding;
			}
			Matcher where = WHERE.matcher(String.valueOf(e.getMessage()));
			throw new ReferentialException(where.find() ? NLS.bind(Messages.Case_malformedAt, name, where.group(1), where.group(2))
					: NLS.bind(Messages.Case_malformed, name), e);
		}
		return new Reading(name).read(root);
	}

	/** The checks of one package, each refusal naming the file and what is wrong. */
	private static final class Reading {
		private final String name;

		Reading(String name) {
			this.name = name;
		}

		private ReferentialException refuse(String problem) {
			return new ReferentialException(NLS.bind(Messages.Case_refused, name, problem));
		}

		Package read(JsonElement root) throws ReferentialException {
			if (root == null || !root.isJsonObject() || !root.getAsJsonObject().has("CFDocument")) { //$NON-NLS-1$
				throw refuse(Messages.Case_noDocument);
			}
			JsonObject document = object(root.getAsJsonObject(), "CFDocument", "CFDocument"); //$NON-NLS-1$ //$NON-NLS-2$
			String caseVersion = optional(document, "caseVersion", "CFDocument"); //$NON-NLS-1$ //$NON-NLS-2$
			if (caseVersion != null && !caseVersion.equals("1.0") && !caseVersion.equals(CASE_VERSION)) { //$NON-NLS-1$
				throw refuse(NLS.bind(Messages.Case_version, caseVersion));
			}
			String documentId = text(document, "identifier", "CFDocument"); //$NON-NLS-1$ //$NON-NLS-2$
			String uri = text(document, "uri", "CFDocument"); //$NON-NLS-1$ //$NON-NLS-2$
			String title = text(document, "title", "CFDocument"); //$NON-NLS-1$ //$NON-NLS-2$
			text(document, "creator", "CFDocument"); //$NON-NLS-1$ //$NON-NLS-2$
			String[] parts = uri.startsWith(DOCUMENT_URN) ? uri.substring(DOCUMENT_URN.length()).split(":", -1) : new String[0]; //$NON-NLS-1$
			if (parts.length != 3 || !CODE.matcher(parts[0]).matches() || !CODE.matcher(parts[1]).matches()
					|| !CODE.matcher(parts[2]).matches()) {
				throw refuse(NLS.bind(Messages.Case_unknownDocument, uri, DOCUMENT_URN));
			}
			String version = optional(document, "version", "CFDocument"); //$NON-NLS-1$ //$NON-NLS-2$
			if (version != null && !version.equals(parts[2])) {
				throw refuse(NLS.bind(Messages.Case_versionMismatch, version, parts[2]));
			}
			LocalDate from = date(document, "statusStartDate"); //$NON-NLS-1$
			LocalDate to = date(document, "statusEndDate"); //$NON-NLS-1$
			if (from != null && to != null && to.isBefore(from)) {
				throw refuse(NLS.bind(Messages.Case_datesReversed, from, to));
			}
			Map<String, Item> items = new LinkedHashMap<>();
			Set<String> codes = new HashSet<>();
			JsonArray list = array(root.getAsJsonObject(), "CFItems"); //$NON-NLS-1$
			for (int i = 0; i < list.size(); i++) {
				String where = "CFItems[" + i + ']'; //$NON-NLS-1$
				if (!list.get(i).isJsonObject()) {
					throw refuse(NLS.bind(Messages.Case_notObject, where));
				}
				JsonObject item = list.get(i).getAsJsonObject();
				String identifier = text(item, "identifier", where); //$NON-NLS-1$
				String code = text(item, "humanCodingScheme", where); //$NON-NLS-1$
				where = where + " (" + code + ')'; //$NON-NLS-1$
				if (!CODE.matcher(code).matches()) {
					throw refuse(NLS.bind(Messages.Case_badCode, code));
				}
				String statement = text(item, "fullStatement", where); //$NON-NLS-1$
				String typeName = text(item, "CFItemType", where); //$NON-NLS-1$
				ItemType type = null;
				for (ItemType t : ItemType.values()) {
					if (t.label.equalsIgnoreCase(typeName.strip())) {
						type = t;
					}
				}
				if (type == null) {
					throw refuse(NLS.bind(Messages.Case_unknownType, new Object[] { typeName, code, types() }));
				}
				if (items.containsKey(identifier) || !codes.add(code.toUpperCase(Locale.ROOT))) {
					throw refuse(NLS.bind(Messages.Case_duplicate, code));
				}
				items.put(identifier, new Item(identifier, code, type, statement, optional(item, "alternativeLabel", where), //$NON-NLS-1$
						optional(item, "notes", where))); //$NON-NLS-1$
			}
			Map<String, List<String>> children = new LinkedHashMap<>();
			Map<String, Integer> numbers = new HashMap<>();
			Map<String, List<String>> borrowed = new LinkedHashMap<>();
			Map<String, String> parentOf = new HashMap<>();
			Map<String, Map<String, Integer>> sequences = new HashMap<>();
			JsonArray associations = root.getAsJsonObject().has("CFAssociations") //$NON-NLS-1$
					? array(root.getAsJsonObject(), "CFAssociations") : new JsonArray(); //$NON-NLS-1$
			for (int i = 0; i < associations.size(); i++) {
				String where = "CFAssociations[" + i + ']'; //$NON-NLS-1$
				if (!associations.get(i).isJsonObject()) {
					throw refuse(NLS.bind(Messages.Case_notObject, where));
				}
				JsonObject a = associations.get(i).getAsJsonObject();
				String type = text(a, "associationType", where); //$NON-NLS-1$
				String origin = text(object(a, "originNodeURI", where), "identifier", where + ".originNodeURI"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				String destination = text(object(a, "destinationNodeURI", where), "identifier", //$NON-NLS-1$ //$NON-NLS-2$
						where + ".destinationNodeURI"); //$NON-NLS-1$
				Item child = items.get(origin);
				if (child == null) {
					throw refuse(NLS.bind(Messages.Case_unknownNode, where, origin));
				}
				Item parent = items.get(destination);
				if (parent == null && !destination.equals(documentId)) {
					throw refuse(NLS.bind(Messages.Case_unknownNode, where, destination));
				}
				int sequence = a.has("sequenceNumber") ? number(a, "sequenceNumber", where) : i + 1; //$NON-NLS-1$ //$NON-NLS-2$
				if (type.equals(CHILD)) {
					ItemType expected = switch (child.type()) {
						case DOMAIN -> null;
						case COMPETENCE, CRITERIA_GROUP -> ItemType.DOMAIN;
						case CRITERION -> ItemType.CRITERIA_GROUP;
					};
					if (expected == null ? parent != null : parent == null || parent.type() != expected) {
						throw refuse(NLS.bind(Messages.Case_wrongParent, child.code(),
								parent == null ? title : parent.code()));
					}
					if (parentOf.put(origin, destination) != null) {
						throw refuse(NLS.bind(Messages.Case_twoParents, child.code()));
					}
					sequences.computeIfAbsent(destination, k -> new HashMap<>()).put(origin, sequence);
					if (parent == null) {
						if (numbers.containsValue(sequence)) {
							throw refuse(NLS.bind(Messages.Case_sameNumber, sequence));
						}
						numbers.put(origin, sequence);
					}
				} else if (type.equals(PART)) {
					if (child.type() != ItemType.COMPETENCE || parent == null || parent.type() != ItemType.DOMAIN) {
						throw refuse(NLS.bind(Messages.Case_wrongPart, child.code()));
					}
					borrowed.computeIfAbsent(destination, k -> new ArrayList<>()).add(origin);
				} else {
					throw refuse(NLS.bind(Messages.Case_unknownAssociation, type, where));
				}
			}
			for (Item item : items.values()) {
				if (!parentOf.containsKey(item.identifier())
						&& borrowed.values().stream().noneMatch(l -> l.contains(item.identifier()))) {
					throw refuse(NLS.bind(Messages.Case_orphan, item.code()));
				}
			}
			for (Map.Entry<String, Map<String, Integer>> entry : sequences.entrySet()) {
				List<String> ordered = new ArrayList<>(entry.getValue().keySet());
				ordered.sort((a, b) -> Integer.compare(entry.getValue().get(a), entry.getValue().get(b)));
				children.put(entry.getKey(), ordered);
			}
			return new Package(documentId, parts[0], parts[1], parts[2], title, optional(document, "description", "CFDocument"), //$NON-NLS-1$ //$NON-NLS-2$
					optional(document, "notes", "CFDocument"), from, to, items, children, numbers, borrowed); //$NON-NLS-1$ //$NON-NLS-2$
		}

		private static String types() {
			List<String> labels = new ArrayList<>();
			for (ItemType t : ItemType.values()) {
				labels.add(t.label);
			}
			return String.join(", ", labels); //$NON-NLS-1$
		}

		private JsonObject object(JsonObject parent, String key, String where) throws ReferentialException {
			JsonElement value = parent.get(key);
			if (value == null || !value.isJsonObject()) {
				throw refuse(NLS.bind(Messages.Case_missing, key, where));
			}
			return value.getAsJsonObject();
		}

		private JsonArray array(JsonObject parent, String key) throws ReferentialException {
			JsonElement value = parent.get(key);
			if (value == null || !value.isJsonArray()) {
				throw refuse(NLS.bind(Messages.Case_missing, key, "CFPackage")); //$NON-NLS-1$
			}
			return value.getAsJsonArray();
		}

		private String text(JsonObject parent, String key, String where) throws ReferentialException {
			String value = optional(parent, key, where);
			if (value == null || value.isBlank()) {
				throw refuse(NLS.bind(Messages.Case_missing, key, where));
			}
			return value;
		}

		private String optional(JsonObject parent, String key, String where) throws ReferentialException {
			JsonElement value = parent.get(key);
			if (value == null || value.isJsonNull()) {
				return null;
			}
			if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
				throw refuse(NLS.bind(Messages.Case_notText, key, where));
			}
			String text = value.getAsString();
			if (text.length() > 20_000) {
				throw refuse(NLS.bind(Messages.Case_tooLong, key, where));
			}
			return text;
		}

		private int number(JsonObject parent, String key, String where) throws ReferentialException {
			JsonElement value = parent.get(key);
			try {
				int n = value.getAsJsonPrimitive().getAsInt();
				if (n < 1 || value.getAsDouble() != n) {
					throw new NumberFormatException();
				}
				return n;
			} catch (RuntimeException e) {
				throw refuse(NLS.bind(Messages.Case_notNumber, key, where));
			}
		}

		private LocalDate date(JsonObject document, String key) throws ReferentialException {
			String value = optional(document, key, "CFDocument"); //$NON-NLS-1$
			try {
				return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
			} catch (DateTimeParseException e) {
				throw refuse(NLS.bind(Messages.Case_badDate, key, value));
			}
		}
	}

	// ------------------------------------------------------------------ import

	/**
	 * What importing {@code casePackage} into the referentials of {@code folder} would do,
	 * nothing written: the same certification and version is brought to what the package says,
	 * a new version of a known certification starts as a copy of the one in force, an unknown
	 * certification gets a file of its own. Elements that another referential file defines (a
	 * shared domain) are used, never changed: where the package differs, a notice says so.
	 */
	public static Plan plan(Package casePackage, Path folder) throws ReferentialException {
		ReferentialLibrary before = ReferentialLibrary.withFolder(folder);
		ReferentialLibrary after = ReferentialLibrary.withFolder(folder);
		Certification old = before.certification(casePackage.code(), casePackage.version()).orElse(null);
		Certification certification;
		Referential target;
		if (old != null) {
			certification = after.certification(casePackage.code(), casePackage.version()).orElseThrow();
			target = ReferentialLibrary.referentialOf(certification);
		} else if (before.certification(casePackage.code()).isPresent()) {
			old = before.certification(casePackage.code()).get();
			LocalDate from = casePackage.validFrom() != null ? casePackage.validFrom() : LocalDate.now();
			target = after.newVersion(after.certification(casePackage.code()).get(), casePackage.version(), from, folder);
			certification = target.getCertifications().stream()
					.filter(c -> c.getCode().equalsIgnoreCase(casePackage.code())).findFirst().orElseThrow();
		} else {
			if (after.referentials().stream().anyMatch(r -> casePackage.referentialId().equals(r.getId()))) {
				throw new ReferentialException(NLS.bind(Messages.Case_idTaken, casePackage.referentialId(), casePackage.code()));
			}
			Path file = folder.resolve(casePackage.referentialId() + '.' + CqpResourceFactory.REFERENTIAL_EXTENSION);
			if (Files.exists(file)) {
				throw new ReferentialException(NLS.bind(Messages.Version_fileExists, file));
			}
			Resource resource = after.resourceSet().createResource(org.eclipse.emf.common.util.URI.createFileURI(file.toAbsolutePath().toString()));
			target = ReferentialFactory.eINSTANCE.createReferential();
			target.setId(casePackage.referentialId());
			target.setVersion(casePackage.version());
			target.setTitle(casePackage.title());
			target.setValidFrom(casePackage.validFrom() != null ? casePackage.validFrom() : LocalDate.now());
			resource.getContents().add(target);
			certification = ReferentialFactory.eINSTANCE.createCertification();
			certification.setCode(casePackage.code());
			target.getCertifications().add(certification);
		}
		List<String> notices = new ArrayList<>();
		new Applying(casePackage, after, target, certification, notices).apply();
		List<Change> changes = ReferentialDiff.of(old, before, certification, after);
		return new Plan(old, certification, changes, notices, target, after);
	}

	/** Brings a certification and its referential file to what a package says. */
	private static final class Applying {
		private final Package p;
		private final Referential target;
		private final Certification certification;
		private final List<String> notices;
		private final Map<String, Element> known = new HashMap<>();
		private final Map<String, Element> elements = new HashMap<>(); // by item identifier
		private final Map<Element, String> identifiers = new HashMap<>();

		Applying(Package p, ReferentialLibrary library, Referential target, Certification certification,
				List<String> notices) {
			this.p = p;
			this.target = target;
			this.certification = certification;
			this.notices = notices;
			for (Referential r : library.referentials()) {
				if (r != target) {
					index(r);
				}
			}
			index(target);
		}

		private void index(Referential referential) {
			referential.eAllContents().forEachRemaining(o -> {
				if (o instanceof Element e && e.getCode() != null) {
					known.put(e.getCode().toUpperCase(Locale.ROOT), e);
				}
			});
		}

		private boolean own(EObject element) {
			return ReferentialLibrary.referentialOf(element) == target;
		}

		void apply() throws ReferentialException {
			certification.setTitle(p.title());
			if (p.description() != null) {
				certification.setJobDefinition(p.description());
			}
			if (p.validFrom() != null) {
				target.setValidFrom(p.validFrom());
			}
			target.setValidTo(p.validTo());
			if (p.source() != null) {
				target.setSource(p.source());
			}
			for (Item item : p.items().values()) {
				Element element = element(item);
				elements.put(item.identifier(), element);
				identifiers.put(element, item.identifier());
			}
			List<String> domains = p.children().getOrDefault(p.identifier(), List.of());
			for (String id : domains) {
				CompetenceDomain domain = (CompetenceDomain) elements.get(id);
				if (own(domain)) {
					arrange(domain.getCompetences(), p.children().get(id), Competence.class);
					arrange(domain.getCriteriaGroups(), p.children().get(id), CriteriaGroup.class);
					for (CriteriaGroup group : domain.getCriteriaGroups()) {
						arrange(group.getCriteria(), p.children().get(identifiers.get(group)), Criterion.class);
					}
				} else if (!sameTree(domain, id)) {
					notices.add(NLS.bind(Messages.Case_sharedTree, domain.getCode(), ReferentialLibrary.referentialOf(domain).getId()));
				}
			}
			uses(domains);
			// the file's own domains that nothing uses any more go
			Set<CompetenceDomain> used = new HashSet<>();
			for (Certification c : target.getCertifications()) {
				c.getDomains().forEach(u -> used.add(u.getDomain()));
			}
			for (CompetenceDomain domain : List.copyOf(target.getDomains())) {
				if (!used.contains(domain)) {
					EcoreUtil.delete(domain, true);
				}
			}
		}

		/** The element an item names: the one of that code, brought to the item's wording if it is the file's own. */
		private Element element(Item item) throws ReferentialException {
			Element element = known.get(item.code().toUpperCase(Locale.ROOT));
			String wording = item.ownWording() != null ? item.ownWording() : item.statement();
			if (element != null && ItemType.of(element) != item.type()) {
				throw new ReferentialException(NLS.bind(Messages.Case_otherKind, item.code(), item.type().label));
			}
			if (element == null) {
				element = switch (item.type()) {
					case DOMAIN -> {
						CompetenceDomain d = ReferentialFactory.eINSTANCE.createCompetenceDomain();
						target.getDomains().add(d);
						yield d;
					}
					case COMPETENCE -> ReferentialFactory.eINSTANCE.createCompetence();
					case CRITERIA_GROUP -> ReferentialFactory.eINSTANCE.createCriteriaGroup();
					case CRITERION -> ReferentialFactory.eINSTANCE.createCriterion();
				};
				element.setCode(item.code());
				element.setWording(wording);
				known.put(item.code().toUpperCase(Locale.ROOT), element);
			} else if (own(element) || element.eContainer() == null) {
				if (!Objects.equals(element.getWording(), wording)) {
					element.setWording(wording);
				}
			} else if (!Objects.equals(element.getWording(), wording)) {
				notices.add(NLS.bind(Messages.Case_sharedWording, element.getCode(), ReferentialLibrary.referentialOf(element).getId()));
			}
			if (element instanceof CompetenceDomain domain && (own(domain)) && !Objects.equals(domain.getNote(), item.note())) {
				domain.setNote(item.note());
			}
			return element;
		}

		/** Makes {@code list} hold exactly the children of {@code kind} the package gives, in its order. */
		private <T extends Element> void arrange(EList<T> list, List<String> ids, Class<T> kind) {
			List<T> wanted = new ArrayList<>();
			for (String id : ids == null ? List.<String>of() : ids) {
				Element e = elements.get(id);
				if (kind.isInstance(e)) {
					wanted.add(kind.cast(e));
				}
			}
			for (T gone : List.copyOf(list)) {
				if (!wanted.contains(gone)) {
					EcoreUtil.delete(gone, true);
				}
			}
			for (int i = 0; i < wanted.size(); i++) {
				T e = wanted.get(i);
				if (list.contains(e)) {
					list.move(i, e);
				} else {
					list.add(i, e);
				}
			}
		}

		/** Whether a domain of another file holds what the package puts under it. */
		private boolean sameTree(CompetenceDomain domain, String id) {
			List<Element> expected = new ArrayList<>(domain.getCompetences());
			expected.addAll(domain.getCriteriaGroups());
			List<Element> given = new ArrayList<>();
			for (String child : p.children().getOrDefault(id, List.of())) {
				given.add(elements.get(child));
			}
			if (!new HashSet<>(expected).equals(new HashSet<>(given))) {
				return false;
			}
			for (CriteriaGroup g : domain.getCriteriaGroups()) {
				String gid = identifiers.getOrDefault(g, ""); //$NON-NLS-1$
				List<Element> criteria = new ArrayList<>();
				for (String child : p.children().getOrDefault(gid, List.of())) {
					criteria.add(elements.get(child));
				}
				if (!new ArrayList<Element>(g.getCriteria()).equals(criteria)) {
					return false;
				}
			}
			return true;
		}

		/** The certification's uses of domains: number, own wordings, borrowed competences, in order. */
		private void uses(List<String> domains) {
			List<DomainUse> uses = new ArrayList<>();
			for (String id : domains) {
				CompetenceDomain domain = (CompetenceDomain) elements.get(id);
				DomainUse use = certification.getDomains().stream().filter(u -> u.getDomain() == domain).findFirst()
						.orElseGet(() -> {
							DomainUse u = ReferentialFactory.eINSTANCE.createDomainUse();
							u.setDomain(domain);
							return u;
						});
				use.setNumber(p.numbers().get(id));
				Item item = p.items().get(id);
				String wording = Objects.equals(item.statement(), domain.getWording()) ? null : item.statement();
				if (!Objects.equals(use.getWording(), wording)) {
					use.setWording(wording);
				}
				Map<Element, String> own = new LinkedHashMap<>();
				collect(id, own);
				for (ElementWording w : List.copyOf(use.getElementWordings())) {
					String now = own.remove(w.getElement());
					if (now == null) {
						use.getElementWordings().remove(w);
					} else if (!now.equals(w.getWording())) {
						w.setWording(now);
					}
				}
				own.forEach((element, text) -> {
					ElementWording w = ReferentialFactory.eINSTANCE.createElementWording();
					w.setElement(element);
					w.setWording(text);
					use.getElementWordings().add(w);
				});
				List<Competence> borrowed = new ArrayList<>();
				for (String c : p.borrowed().getOrDefault(id, List.of())) {
					borrowed.add((Competence) elements.get(c));
				}
				if (!new ArrayList<Competence>(use.getSharedCompetences()).equals(borrowed)) {
					use.getSharedCompetences().clear();
					use.getSharedCompetences().addAll(borrowed);
				}
				uses.add(use);
			}
			for (DomainUse gone : List.copyOf(certification.getDomains())) {
				if (!uses.contains(gone)) {
					certification.getDomains().remove(gone);
				}
			}
			for (int i = 0; i < uses.size(); i++) {
				if (certification.getDomains().contains(uses.get(i))) {
					certification.getDomains().move(i, uses.get(i));
				} else {
					certification.getDomains().add(i, uses.get(i));
				}
			}
		}

		/** The wordings the certification gives, below item {@code id}, that differ from the elements' own. */
		private void collect(String id, Map<Element, String> own) {
			for (String child : p.children().getOrDefault(id, List.of())) {
				Item item = p.items().get(child);
				Element element = elements.get(child);
				if (element.eContainer() != null && !Objects.equals(item.statement(), element.getWording())) {
					own.put(element, item.statement());
				}
				collect(child, own);
			}
		}
	}
}
