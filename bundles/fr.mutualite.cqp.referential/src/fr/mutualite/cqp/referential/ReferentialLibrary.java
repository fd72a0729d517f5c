package fr.mutualite.cqp.referential;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.ClassNotFoundException;
import org.eclipse.emf.ecore.xmi.FeatureNotFoundException;
import org.eclipse.emf.ecore.xmi.IllegalValueException;
import org.eclipse.emf.ecore.xmi.PackageNotFoundException;
import org.eclipse.emf.ecore.xmi.UnresolvedReferenceException;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.xml.sax.SAXParseException;

import fr.mutualite.cqp.model.CqpResourceFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.ReferentialPackage;
import fr.mutualite.cqp.referential.internal.Messages;

/**
 * The referentials in use: the six shipped with the product, plus any file the branch adds
 * (a seventh certification is a new {@code .referentiel} file, no code). All are loaded in one
 * resource set, so that a certification can use domains defined in another file. A file of the
 * branch that cannot be read is left out and reported in a {@link #notices() notice}, the others
 * are used. A certification may come in several versions (referential files of different
 * version numbers): all are kept, dossiers are pinned to one, and the one in force today is the
 * certification's current one. A certification code and version defined twice is used once: the
 * branch's file wins over the shipped one (it is how the branch completes or updates a
 * referential), and between two files of the branch the first in name order wins; a notice says
 * which.
 */
public final class ReferentialLibrary {

	/** Something the user should know about the files loaded: a file left out, a code defined twice. */
	public record Notice(String message, Throwable cause) {
	}

	/** Symbolic name of the bundle shipping the referentials. */
	public static final String BUNDLE = "fr.mutualite.cqp.referential"; //$NON-NLS-1$
	/** Folder of the bundle holding them. */
	public static final String FOLDER = "referentiels"; //$NON-NLS-1$

	private final ResourceSet resources;
	private final List<Notice> notices = new ArrayList<>();
	/** The certifications set aside because another file defines the same code. */
	private final Set<Certification> shadowed = new HashSet<>();

	private ReferentialLibrary(ResourceSet resources) {
		this.resources = resources;
	}

	/** The shipped referentials. */
	public static ReferentialLibrary shipped() throws ReferentialException {
		ReferentialLibrary library = new ReferentialLibrary(newResourceSet());
		library.readShipped();
		library.resolve();
		return library;
	}

	/** Reads the shipped files; a branch's copy that cannot be read leaves the shipped file in use. */
	private void readShipped() throws ReferentialException {
		for (URI uri : shippedUris()) {
			URI copy = resources.getURIConverter().getURIMap().get(uri);
			if (copy != null) {
				try {
					read(uri);
					notices.add(new Notice(NLS.bind(Messages.Load_replacesFile, copy.toFileString(), uri.lastSegment()), null));
					continue;
				} catch (ReferentialException e) {
					resources.getURIConverter().getURIMap().remove(uri);
					notices.add(new Notice(NLS.bind(Messages.Load_leftOut, e.getMessage()), e));
				}
			}
			read(uri);
		}
	}

	/**
	 * The shipped referentials and the {@code .referentiel} files of {@code folder}, if it exists:
	 * a file that cannot be read is left out with a notice. A file named as a shipped one (a
	 * shipped referential the branch edited and saved) is read in its place, so that the other
	 * files' references to it reach the branch's copy.
	 */
	public static ReferentialLibrary withFolder(Path folder) throws ReferentialException {
		ReferentialLibrary library = new ReferentialLibrary(newResourceSet());
		List<Path> files = List.of();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> listed = Files.list(folder)) {
				files = listed.filter(ReferentialLibrary::isReferentialFile).sorted().toList();
			} catch (IOException | UncheckedIOException e) {
				library.notices.add(new Notice(NLS.bind(Messages.Load_folderUnreadable, folder), e));
			}
		}
		List<Path> added = new ArrayList<>();
		Map<String, URI> shipped = new HashMap<>();
		for (URI uri : shippedUris()) {
			shipped.put(uri.lastSegment(), uri);
		}
		for (Path file : files) {
			URI replaced = shipped.get(file.getFileName().toString());
			if (replaced != null && Files.isRegularFile(file)) {
				library.resources.getURIConverter().getURIMap().put(replaced, fileUri(file));
			} else {
				added.add(file);
			}
		}
		library.readShipped();
		for (Path file : added) {
			try {
				if (!Files.isRegularFile(file)) {
					throw new ReferentialException(NLS.bind(Messages.Load_notAFile, file));
				}
				library.read(fileUri(file));
			} catch (ReferentialException e) {
				library.notices.add(new Notice(NLS.bind(Messages.Load_leftOut, e.getMessage()), e));
			}
		}
		library.dropDangling();
		library.shadow();
		return library;
	}

	/**
	 * Leaves out, with a notice, each file of the branch that refers to an element no file
	 * defines (a shared domain renamed or removed...), and then the files that referred to it;
	 * a shipped file (or the branch's copy read in its place) that does is told about.
	 */
	private void dropDangling() {
		boolean dropped;
		do {
			dropped = false;
			EcoreUtil.resolveAll(resources);
			resources.getResources().removeIf(r -> r.getContents().isEmpty());
			for (Resource resource : List.copyOf(resources.getResources())) {
				String missing = dangling(resource);
				if (missing != null) {
					String name = display(resources.getURIConverter().normalize(resource.getURI()));
					String message = NLS.bind(Messages.Load_unreadable, name, missing);
					if (resource.getURI().isPlatformPlugin()) {
						notices.add(new Notice(message, null));
					} else {
						resources.getResources().remove(resource);
						notices.add(new Notice(NLS.bind(Messages.Load_leftOut, message), null));
						dropped = true;
					}
				}
			}
		} while (dropped);
	}

	/**
	 * Refuses, in one sentence naming the file and the element, a referential that refers to an
	 * element nothing loaded defines (checks list every such reference among their errors).
	 */
	public void requireResolved(Referential referential) throws ReferentialException {
		String missing = dangling(referential.eResource());
		if (missing != null) {
			throw new ReferentialException(NLS.bind(Messages.Load_unreadable,
					display(resources.getURIConverter().normalize(referential.eResource().getURI())), missing));
		}
	}

	/** The first reference of {@code resource} that nothing loaded resolves, described; {@code null} if none. */
	private static String dangling(Resource resource) {
		Map<EObject, Collection<EStructuralFeature.Setting>> proxies = EcoreUtil.ProxyCrossReferencer.find(resource);
		return proxies.keySet().stream().map(proxy -> ((InternalEObject) proxy).eProxyURI())
				.min(Comparator.comparing(URI::toString))
				.map(uri -> NLS.bind(Messages.Load_dangling, uri.fragment(), uri.trimFragment().lastSegment())).orElse(null);
	}

	/**
	 * Where the referential at {@code uri} is saved in {@code folder}, the user's referentials: a
	 * shipped file, never written, is saved under its own name there (and then read in its place).
	 */
	public static Path savedPath(URI uri, Path folder) {
		return uri.isFile() ? Path.of(uri.toFileString()) : folder.resolve(uri.lastSegment());
	}

	private static URI fileUri(Path file) {
		return URI.createFileURI(file.toAbsolutePath().toString());
	}

	/** What the user should know about the files loaded, in loading order. */
	public List<Notice> notices() {
		return List.copyOf(notices);
	}

	/** Adds the referential file {@code file} to this library and returns its root. */
	public Referential add(Path file) throws ReferentialException {
		return add(file, null);
	}

	/**
	 * Adds the referential file {@code file} to this library and returns its root, telling
	 * {@code progress} (when given) how many of its bytes were read so far.
	 */
	public Referential add(Path file, LongConsumer progress) throws ReferentialException {
		if (!Files.isRegularFile(file)) {
			throw new ReferentialException(NLS.bind(Files.exists(file) ? Messages.Load_notAFile : Messages.Load_missing, file));
		}
		Referential referential = read(URI.createFileURI(file.toAbsolutePath().toString()), progress);
		resolve();
		return referential;
	}

	/** Whether {@code file} has the extension of referential files. */
	public static boolean isReferentialFile(Path file) {
		return file.getFileName().toString().endsWith("." + CqpResourceFactory.REFERENTIAL_EXTENSION); //$NON-NLS-1$
	}

	/** A resource set that reads and writes the product's files. */
	public static ResourceSet newResourceSet() {
		ResourceSet set = new ResourceSetImpl();
		CqpResourceFactory factory = new CqpResourceFactory();
		set.getResourceFactoryRegistry().getExtensionToFactoryMap().put(CqpResourceFactory.REFERENTIAL_EXTENSION, factory);
		set.getResourceFactoryRegistry().getExtensionToFactoryMap().put(CqpResourceFactory.DOSSIERS_EXTENSION, factory);
		set.getPackageRegistry().put(ReferentialPackage.eNS_URI, ReferentialPackage.eINSTANCE);
		set.getPackageRegistry().put(DossierPackage.eNS_URI, DossierPackage.eINSTANCE);
		return set;
	}

	/** The {@code platform:/plugin} URIs of the shipped referential files, by name. */
	public static List<URI> shippedUris() {
		Bundle bundle = FrameworkUtil.getBundle(ReferentialLibrary.class);
		Enumeration<URL> entries = bundle.findEntries(FOLDER, "*." + CqpResourceFactory.REFERENTIAL_EXTENSION, false); //$NON-NLS-1$
		List<URI> uris = new ArrayList<>();
		for (URL entry : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
			String name = entry.getPath().substring(entry.getPath().lastIndexOf('/') + 1);
			uris.add(URI.createPlatformPluginURI(BUNDLE + "/" + FOLDER + "/" + name, true)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		uris.sort(Comparator.comparing(URI::toString));
		return uris;
	}

	/** The resource set holding the referentials. */
	public ResourceSet resourceSet() {
		return resources;
	}

	/** Every referential file loaded, in loading order. */
	public List<Referential> referentials() {
		return resources.getResources().stream().flatMap(r -> r.getContents().stream())
				.filter(Referential.class::isInstance).map(Referential.class::cast).toList();
	}

	/**
	 * The certifications in use, by code: for each code, the version in force today (the one of
	 * latest validity start that has started; the first one when none has), those another file
	 * replaces left out.
	 */
	public List<Certification> certifications() {
		Map<String, List<Certification>> byCode = new TreeMap<>();
		for (Certification c : usable()) {
			byCode.computeIfAbsent(c.getCode().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(c);
		}
		LocalDate today = LocalDate.now();
		List<Certification> current = new ArrayList<>();
		for (List<Certification> versions : byCode.values()) {
			versions.sort(VERSION_ORDER);
			Certification inForce = versions.get(0);
			for (Certification c : versions) {
				LocalDate from = referentialOf(c).getValidFrom();
				if (from == null || !from.isAfter(today)) {
					inForce = c;
				}
			}
			current.add(inForce);
		}
		current.sort(Comparator.comparing(Certification::getCode));
		return current;
	}

	/** The certification of that code (case does not matter), in its version in force today. */
	public Optional<Certification> certification(String code) {
		return certifications().stream().filter(c -> c.getCode().equalsIgnoreCase(code)).findFirst();
	}

	/**
	 * Every version of the certification of that code (case does not matter), the oldest first:
	 * by validity start, then version. Dossiers are pinned to one of them.
	 */
	public List<Certification> versions(String code) {
		return usable().stream().filter(c -> c.getCode().equalsIgnoreCase(code)).sorted(VERSION_ORDER).toList();
	}

	/** The certification of that code in that version of its referential. */
	public Optional<Certification> certification(String code, String version) {
		return versions(code).stream().filter(c -> Objects.equals(referentialOf(c).getVersion(), version)).findFirst();
	}

	/** The version of the referential file defining {@code certification}. */
	public static String versionOf(Certification certification) {
		Referential file = referentialOf(certification);
		return file == null ? null : file.getVersion();
	}

	private static final Comparator<Certification> VERSION_ORDER = Comparator
			.comparing((Certification c) -> referentialOf(c).getValidFrom(), Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(c -> String.valueOf(referentialOf(c).getVersion()));

	/** Every certification not replaced by another file, all versions. */
	private List<Certification> usable() {
		return referentials().stream().flatMap(r -> r.getCertifications().stream())
				.filter(c -> !shadowed.contains(c) && c.getCode() != null).toList();
	}

	/**
	 * A new version of the referential file defining {@code certification}: a copy of the whole
	 * file (certifications, own domains, booklets, rules) numbered {@code version}, valid from
	 * {@code validFrom}, added to this library as the file {@code <id>-<version>.referentiel} of
	 * {@code folder}, not yet written. The older version stays as it is: dossiers pinned to it
	 * keep it. Refuses, in one sentence, an empty version or one the certification already has.
	 */
	public Referential newVersion(Certification certification, String version, LocalDate validFrom, Path folder)
			throws ReferentialException {
		String number = version == null ? "" : version.strip(); //$NON-NLS-1$
		if (number.isEmpty() || !number.matches("[\\p{L}\\p{N}._-]{1,20}")) { //$NON-NLS-1$
			throw new ReferentialException(NLS.bind(Messages.Version_invalid, number));
		}
		if (certification(certification.getCode(), number).isPresent()) {
			throw new ReferentialException(NLS.bind(Messages.Version_exists, certification.getCode(), number));
		}
		if (validFrom == null) {
			throw new ReferentialException(Messages.Version_noStart);
		}
		Referential original = referentialOf(certification);
		Path file = folder.resolve(original.getId() + '-' + number + '.' + CqpResourceFactory.REFERENTIAL_EXTENSION);
		if (Files.exists(file)) {
			throw new ReferentialException(NLS.bind(Messages.Version_fileExists, file));
		}
		EcoreUtil.Copier copier = new EcoreUtil.Copier();
		Referential copy = (Referential) copier.copy(original);
		copier.copyReferences();
		copy.setVersion(number);
		copy.setValidFrom(validFrom);
		copy.setValidTo(null);
		Resource resource = resources.createResource(fileUri(file));
		resource.getContents().add(copy);
		resolve();
		return copy;
	}

	/** The booklets of {@code certification}, whatever file defines them. */
	public List<Booklet> booklets(Certification certification) {
		return referentials().stream().flatMap(r -> r.getBooklets().stream())
				.filter(b -> b.getCertification() == certification).toList();
	}

	/** The referential file that defines {@code object}. */
	public static Referential referentialOf(EObject object) {
		EObject root = EcoreUtil.getRootContainer(object);
		return root instanceof Referential referential ? referential : null;
	}

	private Referential read(URI uri) throws ReferentialException {
		return read(uri, null);
	}

	/**
	 * Loads the file at {@code uri}, telling {@code progress} (when given) how many bytes were
	 * read so far; a file that cannot be used is removed from the resource set.
	 */
	private Referential read(URI uri, LongConsumer progress) throws ReferentialException {
		String name = display(resources.getURIConverter().normalize(uri));
		Resource resource = resources.createResource(uri);
		try (InputStream in = resources.getURIConverter().createInputStream(uri)) {
			resource.load(progress == null ? in : new Counting(in, progress), resources.getLoadOptions());
		} catch (IOException | RuntimeException e) {
			resources.getResources().remove(resource);
			throw new ReferentialException(NLS.bind(Messages.Load_unreadable, name, reason(e)), e);
		}
		if (!resource.getErrors().isEmpty()) {
			resources.getResources().remove(resource);
			Resource.Diagnostic first = resource.getErrors().get(0);
			throw new ReferentialException(NLS.bind(Messages.Load_unreadable, name, describe(first)),
					first instanceof Throwable t ? t : null);
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Referential referential)) {
			resources.getResources().remove(resource);
			throw new ReferentialException(NLS.bind(Messages.Load_notReferential, name));
		}
		return referential;
	}

	/** Tells how many bytes went through. */
	private static final class Counting extends FilterInputStream {
		private final LongConsumer progress;
		private long read;

		Counting(InputStream in, LongConsumer progress) {
			super(in);
			this.progress = progress;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				progress.accept(++read);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				read += n;
				progress.accept(read);
			}
			return n;
		}
	}

	/**
	 * Resolves the references between files, then sets aside each certification whose code and
	 * version a file of higher precedence defines too (shipped files first, then the branch's in name
	 * order: a later file replaces a shipped one, an earlier file of the branch wins over a later one).
	 */
	private void resolve() {
		EcoreUtil.resolveAll(resources);
		shadow();
	}

	/** Sets aside, with a notice, each certification whose code and version a file of higher precedence defines too. */
	private void shadow() {
		Map<String, Certification> used = new HashMap<>();
		for (Referential referential : referentials()) {
			for (Certification c : referential.getCertifications()) {
				if (shadowed.contains(c) || c.getCode() == null) {
					continue;
				}
				String code = c.getCode().toUpperCase(Locale.ROOT) + '\u0000' + versionOf(c);
				Certification known = used.get(code);
				if (known == null) {
					used.put(code, c);
				} else if (isShipped(known) && !isShipped(c)) {
					shadowed.add(known);
					used.put(code, c);
					notices.add(new Notice(NLS.bind(Messages.Load_replaces, new Object[] { file(c), c.getCode(), file(known) }),
							null));
				} else {
					shadowed.add(c);
					notices.add(new Notice(NLS.bind(Messages.Load_ignored, new Object[] { file(c), c.getCode(), file(known) }),
							null));
				}
			}
		}
	}

	private static boolean isShipped(EObject object) {
		return object.eResource() != null && object.eResource().getURI().isPlatformPlugin();
	}

	private static String file(EObject object) {
		return object.eResource() == null ? "" : display(object.eResource().getURI()); //$NON-NLS-1$
	}

	private static String display(URI uri) {
		return uri.isFile() ? uri.toFileString() : uri.lastSegment();
	}

	/** Why a file could not be read, in the user's language, with its line when there is one. */
	private static String reason(Exception e) {
		Resource.Diagnostic located = null;
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof java.io.FileNotFoundException || t instanceof java.nio.file.NoSuchFileException) {
				return Messages.Load_noSuchFile;
			}
			if (t instanceof java.nio.file.AccessDeniedException) {
				return Messages.Load_denied;
			}
			if (t instanceof SAXParseException parse) {
				return NLS.bind(Messages.Load_atLine, new Object[] { parse.getLineNumber(), parse.getColumnNumber(),
						Messages.Load_malformedXml });
			}
			if (t instanceof Resource.Diagnostic diagnostic && (located == null || diagnostic.getLine() > 0)) {
				located = diagnostic;
			}
		}
		if (located != null) {
			return describe(located);
		}
		return Messages.Load_malformedXml;
	}

	/** An EMF load diagnostic in the user's language: what is wrong, and where. */
	private static String describe(Resource.Diagnostic diagnostic) {
		String what;
		if (diagnostic instanceof PackageNotFoundException) {
			return Messages.Load_unknownNamespace;
		} else if (diagnostic instanceof IllegalValueException illegal) {
			what = NLS.bind(Messages.Load_illegalValue, String.valueOf(illegal.getValue()),
					illegal.getFeature() == null ? "" : illegal.getFeature().getName()); //$NON-NLS-1$
		} else if (diagnostic instanceof UnresolvedReferenceException unresolved) {
			what = NLS.bind(Messages.Load_unresolved, unresolved.getReference());
		} else if (diagnostic instanceof FeatureNotFoundException feature) {
			what = NLS.bind(Messages.Load_unknownFeature, feature.getName());
		} else if (diagnostic instanceof ClassNotFoundException type) {
			what = NLS.bind(Messages.Load_unknownElement, type.getName());
		} else if (diagnostic instanceof Exception e && hasSaxCause(e)) {
			what = Messages.Load_malformedXml;
		} else {
			what = Messages.Load_invalidContent;
		}
		if (diagnostic.getLine() > 0) {
			return NLS.bind(Messages.Load_atLine, new Object[] { diagnostic.getLine(), diagnostic.getColumn(), what });
		}
		return what;
	}

	private static boolean hasSaxCause(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof org.xml.sax.SAXException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return certifications().stream().map(c -> c.getCode().toLowerCase(Locale.ROOT)).toList().toString();
	}
}
