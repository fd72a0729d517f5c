package fr.mutualite.cqp.core.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.URIHandlerImpl;
import org.eclipse.osgi.util.NLS;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.IoErrors;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.dossier.CandidateDossier;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.core.internal.Messages;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.model.CqpResourceFactory;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.Dossiers;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * The file a training body that cannot reach the branch's server sends instead: one ZIP holding
 * its candidates' dossiers ({@value #DOSSIERS}, XMI referring to the referentials by file name and
 * code), when and by whom each registration was last changed ({@value #VERSIONS}), and a manifest
 * ({@value #MANIFEST}) naming the sender and giving each part's size and SHA-256. Reading checks
 * everything before anything is used: a part missing, added, altered or cut short, a file that is
 * not such a package, an entry over {@value #MAX_PART} bytes, a dossier referring to a
 * certification or a training body the referentials do not hold, a booklet's value the rules
 * refuse (an error of the dossiers' validation on a booklet's element): one sentence, nothing
 * imported.
 * The digests detect a damaged or altered part; they do not prove who wrote the manifest.
 */
public final class ExchangePackage {

	/** The format this version writes and reads. */
	public static final String FORMAT = "cqp-paquet/1"; //$NON-NLS-1$
	public static final String MANIFEST = "manifeste.json"; //$NON-NLS-1$
	public static final String DOSSIERS = "dossiers." + CqpResourceFactory.DOSSIERS_EXTENSION; //$NON-NLS-1$
	public static final String VERSIONS = "versions.json"; //$NON-NLS-1$
	/** The largest part read, in bytes (a ZIP that would unpack to more is refused). */
	public static final long MAX_PART = 256L << 20;
	private static final List<String> PARTS = List.of(DOSSIERS, VERSIONS);
	/** The scheme of the references to training bodies. */
	private static final String TRAINING_BODY = "organisme"; //$NON-NLS-1$

	/** Who sent the package, for whom, when. */
	public record Sender(String user, String trainingBody, Instant created) {
	}

	/** When and by whom a registration was last changed where the package was made. */
	public record Stamp(Instant updatedAt, String updatedBy) {
	}

	/** A package read and checked: its sender, its dossiers, and the stamps by registration id. */
	public record Contents(Sender sender, Dossiers dossiers, Map<String, Stamp> stamps) {
	}

	private ExchangePackage() {
	}

	/**
	 * Writes the dossiers of the registrations of training body {@code trainingBody} that
	 * {@code store} lets its user see into the package {@code out}; returns how many.
	 */
	public static int export(DossierStore store, String trainingBody, Path out) throws CqpException {
		List<RegistrationSummary> summaries = store.registrations().ofTrainingBody(trainingBody);
		if (summaries.isEmpty()) {
			throw new CqpException(NLS.bind(Messages.Exchange_nothing, trainingBody, store.data().location()));
		}
		Dossiers dossiers = DossierFactory.eINSTANCE.createDossiers();
		Map<String, Candidate> candidates = new LinkedHashMap<>();
		Map<String, Company> companies = new LinkedHashMap<>();
		Map<String, Stamp> stamps = new LinkedHashMap<>();
		for (RegistrationSummary summary : summaries) {
			CandidateDossier dossier = store.registrations().dossier(summary.registrationId()).orElse(null);
			if (dossier == null) {
				continue;
			}
			Registration registration = dossier.registration().value();
			Candidate read = (Candidate) registration.eContainer();
			Candidate candidate = candidates.computeIfAbsent(read.getId(), id -> read);
			candidate.getRegistrations().add(registration);
			candidate.setCompany(shared(candidate.getCompany(), companies));
			registration.setCompany(shared(registration.getCompany(), companies));
			if (registration.getTrainingBody() != null) {
				registration.setTrainingBody(trainingBody(registration.getTrainingBody().getCode()));
			}
			withoutCertificates(registration);
			stamps.put(registration.getId(), new Stamp(dossier.registration().updatedAt(), dossier.registration().updatedBy()));
		}
		dossiers.getCompanies().addAll(companies.values());
		dossiers.getCandidates().addAll(candidates.values());
		write(new Sender(store.user(), trainingBody, Instant.now()), dossiers, stamps, out);
		return stamps.size();
	}

	/**
	 * The training body {@code code} as the package refers to it: by its code, the training bodies
	 * being each database's own ({@value #TRAINING_BODY}{@code /CODE}).
	 */
	private static TrainingBody trainingBody(String code) {
		TrainingBody proxy = ReferentialFactory.eINSTANCE.createTrainingBody();
		((InternalEObject) proxy).eSetProxyURI(URI.createURI(TRAINING_BODY + ":/" + code).appendFragment(code)); //$NON-NLS-1$
		return proxy;
	}

	/**
	 * The training bodies the dossiers refer to by their code, found in the referentials of
	 * {@code library}; the code of the first one they do not hold, if any.
	 */
	private static String trainingBodies(Dossiers dossiers, ReferentialLibrary library) {
		Map<String, TrainingBody> known = new HashMap<>();
		library.referentials().forEach(r -> r.getTrainingBodies().forEach(b -> known.put(b.getCode(), b)));
		for (Candidate candidate : dossiers.getCandidates()) {
			for (Registration registration : candidate.getRegistrations()) {
				TrainingBody body = (TrainingBody) registration.eGet(DossierPackage.Literals.REGISTRATION__TRAINING_BODY, false);
				if (body != null && body.eIsProxy() && TRAINING_BODY.equals(((InternalEObject) body).eProxyURI().scheme())) {
					String code = ((InternalEObject) body).eProxyURI().lastSegment();
					if (!known.containsKey(code)) {
						return code;
					}
					registration.setTrainingBody(known.get(code));
				}
			}
		}
		return null;
	}

	/** Certificates are issued by the branch's jury only: a package neither carries nor brings any. */
	static void withoutCertificates(Registration registration) {
		registration.setCertificate(null);
		registration.getCertificateHistory().clear();
	}

	/** One company object per company in the package. */
	private static Company shared(Company company, Map<String, Company> companies) {
		return company == null ? null : companies.computeIfAbsent(company.getId(), id -> company);
	}

	/** Writes {@code dossiers} and their stamps as a package from {@code sender} into {@code out}; returns the file. */
	public static Path write(Sender sender, Dossiers dossiers, Map<String, Stamp> stamps, Path out) throws CqpException {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		parts.put(DOSSIERS, xmi(dossiers));
		parts.put(VERSIONS, versions(stamps));
		byte[] manifest = manifest(sender, parts);
		return OutputFiles.write(out, stream -> {
			ZipOutputStream zip = new ZipOutputStream(stream, StandardCharsets.UTF_8);
			zip.putNextEntry(new ZipEntry(MANIFEST));
			zip.write(manifest);
			zip.closeEntry();
			for (Map.Entry<String, byte[]> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue());
				zip.closeEntry();
			}
			zip.finish();
		});
	}

	/**
	 * Reads and checks the package {@code file}; its dossiers are loaded beside the referentials of
	 * {@code library}, in a resource the caller removes with {@link #release}.
	 */
	public static Contents read(Path file, ReferentialLibrary library) throws CqpException {
		Map<String, byte[]> entries = entries(file);
		byte[] manifestBytes = entries.remove(MANIFEST);
		if (manifestBytes == null) {
			throw refused(file, NLS.bind(Messages.Exchange_noManifest, MANIFEST));
		}
		Manifest manifest;
		try {
			manifest = Manifest.read(new String(manifestBytes, StandardCharsets.UTF_8));
		} catch (IOException | IllegalStateException | NumberFormatException | DateTimeParseException e) {
			throw refused(file, NLS.bind(Messages.Exchange_badManifest, MANIFEST), e);
		}
		if (!FORMAT.equals(manifest.format)) {
			throw refused(file, NLS.bind(Messages.Exchange_badFormat, manifest.format, FORMAT));
		}
		for (String name : PARTS) {
			if (!manifest.digests.containsKey(name) || !entries.containsKey(name)) {
				throw refused(file, NLS.bind(Messages.Exchange_missingPart, name));
			}
		}
		for (String name : entries.keySet()) {
			if (!PARTS.contains(name) || !manifest.digests.containsKey(name)) {
				throw refused(file, NLS.bind(Messages.Exchange_extraPart, name));
			}
		}
		for (String name : manifest.digests.keySet()) {
			if (!PARTS.contains(name)) {
				throw refused(file, NLS.bind(Messages.Exchange_extraPart, name));
			}
			byte[] bytes = entries.get(name);
			if (bytes.length != manifest.sizes.get(name).longValue() || !sha256(bytes).equals(manifest.digests.get(name))) {
				throw refused(file, NLS.bind(Messages.Exchange_altered, name));
			}
		}
		Map<String, Stamp> stamps;
		try {
			stamps = stamps(new String(entries.get(VERSIONS), StandardCharsets.UTF_8));
		} catch (IOException | IllegalStateException | NumberFormatException | DateTimeParseException e) {
			throw refused(file, NLS.bind(Messages.Exchange_badManifest, VERSIONS), e);
		}
		Dossiers dossiers = dossiers(file, entries.get(DOSSIERS), library);
		return new Contents(new Sender(manifest.user, manifest.trainingBody, manifest.created), dossiers, stamps);
	}

	/** Removes the package's dossiers from the resource set they were loaded in. */
	public static void release(Contents contents) {
		Resource resource = contents.dossiers().eResource();
		if (resource != null && resource.getResourceSet() != null) {
			resource.getResourceSet().getResources().remove(resource);
		}
	}

	/** The entries of the ZIP {@code file}, each at most {@link #MAX_PART} bytes, none twice. */
	private static Map<String, byte[]> entries(Path file) throws CqpException {
		Map<String, byte[]> entries = new HashMap<>();
		try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				if (entries.size() > PARTS.size()) {
					throw refused(file, NLS.bind(Messages.Exchange_extraPart, entry.getName()));
				}
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				byte[] buffer = new byte[1 << 16];
				for (int n; (n = zip.read(buffer)) > 0;) {
					if (bytes.size() + (long) n > MAX_PART) {
						throw refused(file, NLS.bind(Messages.Exchange_tooLarge, entry.getName(), Long.valueOf(MAX_PART >> 20)));
					}
					bytes.write(buffer, 0, n);
				}
				if (entries.put(entry.getName(), bytes.toByteArray()) != null) {
					throw refused(file, NLS.bind(Messages.Exchange_twice, entry.getName()));
				}
			}
		} catch (NoSuchFileException e) {
			throw new CqpException(NLS.bind(Messages.Exchange_noFile, file.toAbsolutePath()), e);
		} catch (ZipException | java.io.EOFException e) {
			throw refused(file, Messages.Exchange_notZip, e);
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Exchange_cannotRead, file.toAbsolutePath(), IoErrors.reason(e)), e);
		}
		if (entries.isEmpty()) {
			throw refused(file, Messages.Exchange_notZip);
		}
		return entries;
	}

	private static CqpException refused(Path file, String why) {
		return new CqpException(NLS.bind(Messages.Exchange_refused, file.toAbsolutePath(), why));
	}

	private static CqpException refused(Path file, String why, Throwable cause) {
		return new CqpException(NLS.bind(Messages.Exchange_refused, file.toAbsolutePath(), why), cause);
	}

	/** Refers to a referential by its file name and an element's code, wherever each side keeps its files. */
	private static final class ByFileName extends URIHandlerImpl {
		private final ResourceSet set;

		ByFileName(ResourceSet set) {
			this.set = set;
		}

		@Override
		public URI deresolve(URI uri) {
			if (CqpResourceFactory.REFERENTIAL_EXTENSION.equals(uri.fileExtension())) {
				return URI.createURI(uri.lastSegment()).appendFragment(uri.fragment());
			}
			return super.deresolve(uri);
		}

		@Override
		public URI resolve(URI uri) {
			if (uri.isRelative() && CqpResourceFactory.REFERENTIAL_EXTENSION.equals(uri.fileExtension())) {
				for (Resource resource : set.getResources()) {
					if (uri.lastSegment().equals(resource.getURI().lastSegment())) {
						return resource.getURI().appendFragment(uri.fragment());
					}
				}
				return URI.createURI("inconnu:/" + uri.lastSegment()).appendFragment(uri.fragment()); //$NON-NLS-1$
			}
			return super.resolve(uri);
		}
	}

	private static byte[] xmi(Dossiers dossiers) throws CqpException {
		Resource resource = new CqpResourceFactory().createResource(URI.createURI("paquet:/" + DOSSIERS)); //$NON-NLS-1$
		resource.getContents().add(dossiers);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			// writing shortens the references only: no resource set to look in
			resource.save(bytes, Map.of(XMLResource.OPTION_URI_HANDLER, new ByFileName(null)));
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Exchange_cannotWrite, IoErrors.reason(e)), e);
		}
		return bytes.toByteArray();
	}

	private static Dossiers dossiers(Path file, byte[] bytes, ReferentialLibrary library) throws CqpException {
		ResourceSet set = library.resourceSet();
		Resource resource = set.createResource(URI.createURI("paquet:/" + Instant.now().toEpochMilli() + '/' + DOSSIERS)); //$NON-NLS-1$
		try {
			resource.load(new ByteArrayInputStream(bytes), Map.of(XMLResource.OPTION_URI_HANDLER, new ByFileName(set)));
			if (resource.getContents().size() != 1 || !(resource.getContents().get(0) instanceof Dossiers dossiers)) {
				throw refused(file, NLS.bind(Messages.Exchange_badDossiers, DOSSIERS));
			}
			if (!resource.getErrors().isEmpty()) {
				throw refused(file, NLS.bind(Messages.Exchange_badDossiers, DOSSIERS),
						new IOException(resource.getErrors().get(0).getMessage()));
			}
			dossiers.getCandidates().forEach(c -> c.getRegistrations().forEach(ExchangePackage::withoutCertificates));
			String unknown = trainingBodies(dossiers, library);
			if (unknown != null) {
				throw refused(file, NLS.bind(Messages.Exchange_unknownTrainingBody, unknown));
			}
			Map<EObject, java.util.Collection<EStructuralFeature.Setting>> unresolved = EcoreUtil.UnresolvedProxyCrossReferencer
					.find(resource);
			for (EObject proxy : unresolved.keySet()) {
				URI uri = EcoreUtil.getURI(proxy);
				throw refused(file, NLS.bind(Messages.Exchange_unknownReference, uri.fragment(), uri.lastSegment()));
			}
			for (Validation.Problem problem : Validation.validate(dossiers, java.time.LocalDate.now())) {
				// the values of the booklets; a registration's own checks (approval, deadlines) are
				// the branch's to review, as after any import
				if (problem.severity() == Validation.Severity.ERROR && problem.element() != null
						&& !(problem.element() instanceof Registration) && !(problem.element() instanceof Candidate)
						&& !(problem.element() instanceof Dossiers)) {
					throw refused(file, NLS.bind(Messages.Exchange_invalid, problem.message()));
				}
			}
			return dossiers;
		} catch (IOException | RuntimeException e) {
			set.getResources().remove(resource);
			throw refused(file, NLS.bind(Messages.Exchange_badDossiers, DOSSIERS), e);
		} catch (CqpException e) {
			set.getResources().remove(resource);
			throw e;
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] manifest(Sender sender, Map<String, byte[]> parts) throws CqpException {
		StringWriter text = new StringWriter();
		try (JsonWriter json = new JsonWriter(text)) {
			json.setIndent("  "); //$NON-NLS-1$
			json.beginObject();
			json.name("format").value(FORMAT); //$NON-NLS-1$
			json.name("expediteur").value(sender.user()); //$NON-NLS-1$
			json.name("organisme").value(sender.trainingBody()); //$NON-NLS-1$
			json.name("cree_le").value(sender.created().toString()); //$NON-NLS-1$
			json.name("parties").beginArray(); //$NON-NLS-1$
			for (Map.Entry<String, byte[]> part : parts.entrySet()) {
				json.beginObject();
				json.name("nom").value(part.getKey()); //$NON-NLS-1$
				json.name("octets").value(part.getValue().length); //$NON-NLS-1$
				json.name("sha256").value(sha256(part.getValue())); //$NON-NLS-1$
				json.endObject();
			}
			json.endArray();
			json.endObject();
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Exchange_cannotWrite, IoErrors.reason(e)), e);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] versions(Map<String, Stamp> stamps) throws CqpException {
		StringWriter text = new StringWriter();
		try (JsonWriter json = new JsonWriter(text)) {
			json.setIndent("  "); //$NON-NLS-1$
			json.beginArray();
			for (Map.Entry<String, Stamp> stamp : stamps.entrySet()) {
				json.beginObject();
				json.name("inscription").value(stamp.getKey()); //$NON-NLS-1$
				json.name("modifiee_le").value(stamp.getValue().updatedAt().toString()); //$NON-NLS-1$
				json.name("modifiee_par").value(stamp.getValue().updatedBy()); //$NON-NLS-1$
				json.endObject();
			}
			json.endArray();
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Exchange_cannotWrite, IoErrors.reason(e)), e);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, Stamp> stamps(String text) throws IOException {
		Map<String, Stamp> stamps = new LinkedHashMap<>();
		try (JsonReader json = new JsonReader(new StringReader(text))) {
			json.beginArray();
			while (json.hasNext()) {
				Map<String, String> fields = strings(json);
				String id = required(fields, "inscription"); //$NON-NLS-1$
				stamps.put(id, new Stamp(Instant.parse(required(fields, "modifiee_le")), required(fields, "modifiee_par"))); //$NON-NLS-1$ //$NON-NLS-2$
			}
			json.endArray();
			if (json.peek() != JsonToken.END_DOCUMENT) {
				throw new IllegalStateException();
			}
		}
		return stamps;
	}

	private static Map<String, String> strings(JsonReader json) throws IOException {
		Map<String, String> fields = new HashMap<>();
		json.beginObject();
		while (json.hasNext()) {
			String name = json.nextName();
			if (json.peek() == JsonToken.NULL) {
				json.nextNull();
			} else {
				fields.put(name, json.nextString());
			}
		}
		json.endObject();
		return fields;
	}

	private static String required(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(name);
		}
		return value;
	}

	/** The manifest, as read. */
	private static final class Manifest {
		String format;
		String user;
		String trainingBody;
		Instant created;
		final Map<String, String> digests = new LinkedHashMap<>();
		final Map<String, Long> sizes = new LinkedHashMap<>();

		static Manifest read(String text) throws IOException {
			Manifest manifest = new Manifest();
			try (JsonReader json = new JsonReader(new StringReader(text))) {
				json.beginObject();
				while (json.hasNext()) {
					switch (json.nextName()) {
					case "format" -> manifest.format = json.nextString(); //$NON-NLS-1$
					case "expediteur" -> manifest.user = json.nextString(); //$NON-NLS-1$
					case "organisme" -> manifest.trainingBody = json.peek() == JsonToken.NULL ? nullValue(json) : json.nextString(); //$NON-NLS-1$
					case "cree_le" -> manifest.created = Instant.parse(json.nextString()); //$NON-NLS-1$
					case "parties" -> { //$NON-NLS-1$
						json.beginArray();
						while (json.hasNext()) {
							Map<String, String> part = strings(json);
							String name = required(part, "nom"); //$NON-NLS-1$
							if (manifest.digests.put(name, required(part, "sha256")) != null) { //$NON-NLS-1$
								throw new IllegalStateException(name);
							}
							manifest.sizes.put(name, Long.valueOf(required(part, "octets"))); //$NON-NLS-1$
						}
						json.endArray();
					}
					default -> json.skipValue();
					}
				}
				json.endObject();
				if (json.peek() != JsonToken.END_DOCUMENT) {
					throw new IllegalStateException();
				}
			}
			if (manifest.format == null || manifest.user == null || manifest.created == null) {
				throw new IllegalStateException("format"); //$NON-NLS-1$
			}
			return manifest;
		}

		private static String nullValue(JsonReader json) throws IOException {
			json.nextNull();
			return null;
		}
	}
}
