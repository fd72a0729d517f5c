package fr.mutualite.cqp.model;

import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EFactory;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.XMLHelper;
import org.eclipse.emf.ecore.xmi.XMLParserPool;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMLParserPoolImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIHelperImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;

/**
 * Makes the resources of the product's files: referentials ({@value #REFERENTIAL_EXTENSION})
 * and dossiers ({@value #DOSSIERS_EXTENSION}). They are XMI in UTF-8; elements are referred to
 * by their codes, so that references across files read as {@code commun.referentiel#ANALYSE-SITUATION},
 * found through a map of the codes (a file of 20,000 domains resolves in linear time). Days are
 * read strictly: {@code 2013-02-31} is an error of the file, not the 3rd of March.
 */
public final class CqpResourceFactory extends ResourceFactoryImpl {

	/** File extension of referential files. */
	public static final String REFERENTIAL_EXTENSION = "referentiel"; //$NON-NLS-1$
	/** File extension of dossier files. */
	public static final String DOSSIERS_EXTENSION = "dossiers"; //$NON-NLS-1$

	/** The forms of days and times EMF writes, most precise first. */
	private static final List<String> DATE_FORMS = List.of("yyyy-MM-dd'T'HH:mm:ss'.'SSSZ", //$NON-NLS-1$
			"yyyy-MM-dd'T'HH:mm:ss'.'SSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	/** The parsers shared by every resource this factory makes (the pool is thread-safe). */
	private static final XMLParserPool PARSERS = new XMLParserPoolImpl();

	@Override
	public Resource createResource(URI uri) {
		XMIResourceImpl resource = new XMIResourceImpl(uri) {
			@Override
			protected XMLHelper createXMLHelper() {
				return new StrictHelper(this);
			}
		};
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

	/** Reads days strictly; everything else as EMF does. */
	private static final class StrictHelper extends XMIHelperImpl {
		StrictHelper(XMLResource resource) {
			super(resource);
		}

		@Override
		protected Object createFromString(EFactory factory, EDataType type, String value) {
			if (type.getInstanceClass() == Date.class && value != null) {
				return day(value.strip());
			}
			return super.createFromString(factory, type, value);
		}

		/** The date {@code text} writes in one of EMF's forms, refused when it does not exist. */
		private static Date day(String text) {
			for (String form : DATE_FORMS) {
				SimpleDateFormat format = new SimpleDateFormat(form);
				format.setLenient(false);
				ParsePosition position = new ParsePosition(0);
				Date date = format.parse(text, position);
				if (date != null && position.getIndex() == text.length()) {
					return date;
				}
			}
			throw new IllegalArgumentException(EcorePackage.Literals.EDATE.getName() + ": " + text); //$NON-NLS-1$
		}
	}
}
