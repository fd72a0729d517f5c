package fr.mutualite.cqp.ui.referential;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.edit.provider.IWrapperItemProvider;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.model.referential.ActivityArea;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Element;
import fr.mutualite.cqp.ui.emf.ModelLabelProvider;

/**
 * The labels of the referential editor's trees, as the guide writes them: an element's code and
 * wording, a certification's domain by its number and its wording for that certification.
 */
final class ReferentialLabels extends ModelLabelProvider {

	private static final int LONGEST = 140;

	ReferentialLabels(AdapterFactory factory) {
		super(factory);
	}

	@Override
	public String getText(Object element) {
		String text = switch (element) {
			case DomainUse use -> NLS.bind(Messages.Label_domainUse, use.getNumber(),
					use.getWording() != null && !use.getWording().isBlank() ? use.getWording()
							: use.getDomain() == null ? "" : use.getDomain().getWording()); //$NON-NLS-1$
			case IWrapperItemProvider shared when shared.getValue() instanceof Competence c
					&& c.eContainer() instanceof CompetenceDomain home -> NLS.bind(Messages.Label_shared, getText(c), home.getCode());
			case Element e when e.getWording() != null && !e.getWording().isBlank() -> coded(e.getCode(), e.getWording());
			case BookletSection s when s.getWording() != null -> coded(s.getCode(), s.getWording());
			case BookletItem i when i.getWording() != null -> coded(i.getCode(), i.getWording());
			case Booklet b when b.getTitle() != null -> b.getTitle();
			case ActivityArea a when a.getTitle() != null -> a.getTitle();
			default -> super.getText(element);
		};
		String line = text.replaceAll("\\s+", " ").strip(); //$NON-NLS-1$ //$NON-NLS-2$
		return line.length() > LONGEST ? line.substring(0, LONGEST - 1) + '\u2026' : line;
	}

	private static String coded(String code, String wording) {
		return code == null || code.isBlank() ? wording : NLS.bind(Messages.Label_coded, code, wording);
	}
}
