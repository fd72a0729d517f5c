package fr.mutualite.cqp.store.internal;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.Scale;
import fr.mutualite.cqp.model.referential.ScaleLevel;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * The referential elements dossiers name by code in the database (certifications, domains,
 * booklets, their sections, items and scale levels), found back in the loaded referentials.
 */
final class ReferentialIndex {

	private final Map<String, Certification> certifications = new HashMap<>();
	private final Map<String, CompetenceDomain> domains = new HashMap<>();
	private final Map<String, Booklet> booklets = new HashMap<>();
	/** Sections, items and scale levels, by booklet code and their own code. */
	private final Map<String, EObject> bookletParts = new HashMap<>();

	ReferentialIndex(ReferentialLibrary library) {
		for (Certification certification : library.certifications()) {
			certifications.put(certification.getCode(), certification);
			for (Certification version : library.versions(certification.getCode())) {
				certifications.put(certification.getCode() + '\u0000' + ReferentialLibrary.versionOf(version), version);
			}
		}
		for (Referential referential : library.referentials()) {
			for (CompetenceDomain domain : referential.getDomains()) {
				domains.put(domain.getCode(), domain);
			}
			for (Booklet booklet : referential.getBooklets()) {
				booklets.put(booklet.getCode(), booklet);
				for (TreeIterator<EObject> i = booklet.eAllContents(); i.hasNext();) {
					EObject part = i.next();
					String code = part instanceof BookletSection s ? s.getCode()
							: part instanceof BookletItem item ? item.getCode()
									: part instanceof Scale scale ? scale.getCode()
											: part instanceof ScaleLevel level ? level.getCode() : null;
					if (code != null) {
						bookletParts.put(key(booklet.getCode(), part, code), part);
					}
				}
			}
		}
	}

	/** The certifications in their version in force. */
	Iterable<Certification> certifications() {
		return certifications.entrySet().stream().filter(e -> e.getKey().indexOf('\u0000') < 0).map(Map.Entry::getValue).toList();
	}

	/** The certification {@code code} in its version in force. */
	Certification certification(String code) throws CqpException {
		return found(certifications.get(code), code);
	}

	/** The certification {@code code} in the version {@code version} a dossier is pinned to, else in force. */
	Certification certification(String code, String version) throws CqpException {
		Certification pinned = version == null ? null : certifications.get(code + '\u0000' + version);
		return pinned != null ? pinned : certification(code);
	}

	/** The domain {@code code}, or {@code null} for a null code. */
	CompetenceDomain domain(String code) throws CqpException {
		return code == null ? null : found(domains.get(code), code);
	}

	Booklet booklet(String code) throws CqpException {
		return code == null ? null : found(booklets.get(code), code);
	}

	BookletSection section(String booklet, String code) throws CqpException {
		return code == null ? null : (BookletSection) found(bookletParts.get(booklet + "/S/" + code), code); //$NON-NLS-1$
	}

	BookletItem item(String booklet, String code) throws CqpException {
		return code == null ? null : (BookletItem) found(bookletParts.get(booklet + "/I/" + code), code); //$NON-NLS-1$
	}

	ScaleLevel level(String booklet, String scale, String code) throws CqpException {
		return code == null ? null
				: (ScaleLevel) found(bookletParts.get(booklet + "/L/" + scale + '/' + code), code); //$NON-NLS-1$
	}

	private static String key(String booklet, EObject part, String code) {
		if (part instanceof BookletSection) {
			return booklet + "/S/" + code; //$NON-NLS-1$
		}
		if (part instanceof BookletItem) {
			return booklet + "/I/" + code; //$NON-NLS-1$
		}
		if (part instanceof ScaleLevel level) {
			return booklet + "/L/" + ((Scale) level.eContainer()).getCode() + '/' + code; //$NON-NLS-1$
		}
		return booklet + "/C/" + code; //$NON-NLS-1$
	}

	private static <T> T found(T element, String code) throws CqpException {
		if (element == null) {
			throw new CqpException(NLS.bind(Messages.Store_unknownCode, code));
		}
		return element;
	}
}
