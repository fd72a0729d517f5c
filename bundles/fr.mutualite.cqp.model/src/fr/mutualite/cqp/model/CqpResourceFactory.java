package fr.mutualite.cqp.model;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.XMLParserPool;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMLParserPoolImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;

/**
 * Makes the resources of the product's files: referentials ({@value #REFERENTIAL_EXTENSION})
 * and dossiers ({@value #DOSSIERS_EXTENSION}). They are XMI in UTF-8; elements are referred to
 * by their codes, so that references across files read as {@code commun.referentiel#ANALYSE-SITUATION},
 * found through a map of the codes (a file of 20,000 domains resolves in linear time). Days are
 * calendar days, read strictly ({@link Days}): {@code 2013-02-31} is an error of the file, not the
 * 3rd of March.
 */
public final class CqpResourceFactory extends ResourceFactoryImpl {

	/** File extension of referential files. */
	public static final String REFERENTIAL_EXTENSION = "referentiel"; //$NON-NLS-1$
	/** File extension of dossier files. */
	public static final String DOSSIERS_EXTENSION = "dossiers"; //$NON-NLS-1$

	/** The parsers shared by every resource this factory makes (the pool is thread-safe). */
	private static final XMLParserPool PARSERS = new XMLParserPoolImpl();

	@Override
	public Resource createResource(URI uri) {
		XMIResourceImpl resource = new XMIResourceImpl(uri);
		resource.setIntrinsicIDToEObjectMap(new HashMap<>());
		Map<Object, Object> save = resource.getDefaultSaveOptions();
		save.put(XMLResource.OPTION_ENCODING, "UTF-8"); //$NON-NLS-1$
		save.put(XMLResource.OPTION_USE_ENCODED_ATTRIBUTE_STYLE, Boolean.TRUE);
		save.put(XMLResource.OPTION_LINE_WIDTH, Integer.valueOf(100));
		save.put(XMLResource.OPTION_SAVE_ONLY_IF_CHANGED, XMLResource.OPTION_SAVE_ONLY_IF_CHANGED_MEMORY_BUFFER);
		Map<Object, Object> load = resource.getDefaultLoadOptions();
		load.put(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE);
		load.put(XMLResource.OPTION_RECORD_UNKNOWN_FEATURE, Boolean.FALSE);
		// SAX parsers made once and reused by every load, on any thread
		load.put(XMLResource.OPTION_USE_PARSER_POOL, PARSERS);
		load.put(XMLResource.OPTION_USE_DEPRECATED_METHODS, Boolean.FALSE);
		return resource;
	}
}
