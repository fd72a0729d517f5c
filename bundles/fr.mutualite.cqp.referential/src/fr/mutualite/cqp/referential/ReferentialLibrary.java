package fr.mutualite.cqp.referential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.common.util.WrappedException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
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
 * resource set, so that a certification can use domains defined in another file.
 */
public final class ReferentialLibrary {

	/** Symbolic name of the bundle shipping the referentials. */
	public static final String BUNDLE = "fr.mutualite.cqp.referential"; //$NON-NLS-1$
	/** Folder of the bundle holding them. */
	public static final String FOLDER = "referentiels"; //$NON-NLS-1$

	private final ResourceSet resources;

	private ReferentialLibrary(ResourceSet resources) {
		this.resources = resources;
	}

	/** The shipped referentials. */
	public static ReferentialLibrary shipped() throws ReferentialException {
		ReferentialLibrary library = new ReferentialLibrary(newResourceSet());
		for (URI uri : shippedUris()) {
			library.read(uri);
		}
		library.resolve();
		return library;
	}

	/** The shipped referentials and the {@code .referentiel} files of {@code folder}, if it exists. */
	public static ReferentialLibrary withFolder(Path folder) throws ReferentialException {
		ReferentialLibrary library = shipped();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.filter(ReferentialLibrary::isReferentialFile).sorted().toList()) {
					library.read(URI.createFileURI(file.toAbsolutePath().toString()));
				}
			} catch (IOException e) {
				throw new ReferentialException(NLS.bind(Messages.Load_unreadable, folder, e.getMessage()), e);
			}
			library.resolve();
		}
		return library;
	}

	/** Adds the referential file {@code file} to this library and returns its root. */
	public Referential add(Path file) throws ReferentialException {
		if (!Files.isRegularFile(file)) {
			throw new ReferentialException(NLS.bind(Messages.Load_missing, file));
		}
		Referential referential = read(URI.createFileURI(file.toAbsolutePath().toString()));
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

	/** The certifications, by code. */
	public List<Certification> certifications() {
		return referentials().stream().flatMap(r -> r.getCertifications().stream())
				.sorted(Comparator.comparing(Certification::getCode)).toList();
	}

	/** The certification of that code (case does not matter). */
	public Optional<Certification> certification(String code) {
		return certifications().stream().filter(c -> c.getCode().equalsIgnoreCase(code)).findFirst();
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
		String name = display(uri);
		Resource resource;
		try {
			resource = resources.getResource(uri, true);
		} catch (WrappedException | UncheckedIOException e) {
			Resource broken = resources.getResource(uri, false);
			if (broken != null) {
				resources.getResources().remove(broken);
			}
			throw new ReferentialException(NLS.bind(Messages.Load_unreadable, name, reason(e)), e);
		}
		if (!resource.getErrors().isEmpty()) {
			resources.getResources().remove(resource);
			throw new ReferentialException(NLS.bind(Messages.Load_unreadable, name, describe(resource.getErrors().get(0))));
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Referential referential)) {
			resources.getResources().remove(resource);
			throw new ReferentialException(NLS.bind(Messages.Load_notReferential, name));
		}
		return referential;
	}

	private void resolve() {
		EcoreUtil.resolveAll(resources);
	}

	private static String display(URI uri) {
		return uri.isFile() ? uri.toFileString() : uri.lastSegment();
	}

	private static String reason(Exception e) {
		Resource.Diagnostic located = null;
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof java.io.FileNotFoundException || t instanceof java.nio.file.NoSuchFileException) {
				return Messages.Load_noSuchFile;
			}
			if (t instanceof SAXParseException parse) {
				return NLS.bind(Messages.Load_atLine, new Object[] { parse.getLineNumber(), parse.getColumnNumber(),
						parse.getMessage() });
			}
			if (t instanceof Resource.Diagnostic diagnostic && (located == null || diagnostic.getLine() > 0)) {
				located = diagnostic;
			}
		}
		if (located != null) {
			return describe(located);
		}
		Throwable root = e;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}

	private static String describe(Resource.Diagnostic diagnostic) {
		String message = diagnostic.getMessage();
		// EMF appends "(uri, line, column)" to its messages: the file is named already.
		if (message != null && diagnostic.getLine() > 0) {
			int end = message.lastIndexOf(" (" + diagnostic.getLocation()); //$NON-NLS-1$
			message = end > 0 ? message.substring(0, end) : message;
		}
		if (message != null && message.startsWith("Package with uri")) { //$NON-NLS-1$
			return Messages.Load_unknownNamespace;
		}
		if (diagnostic.getLine() > 0) {
			return NLS.bind(Messages.Load_atLine, new Object[] { diagnostic.getLine(), diagnostic.getColumn(), message });
		}
		return message;
	}

	@Override
	public String toString() {
		return certifications().stream().map(c -> c.getCode().toLowerCase(Locale.ROOT)).toList().toString();
	}
}
