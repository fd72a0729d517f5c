package fr.mutualite.cqp.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.util.EcoreUtil;

import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Element;

/**
 * What a certification assesses in one of its domains: the domain's own elements, and the
 * competences of another certification's domain it has attached to it (the same competences,
 * shared, not copies).
 */
public final class DomainUses {

	private DomainUses() {
	}

	/** The use of {@code domain} by {@code certification}, if it uses it. */
	public static Optional<DomainUse> of(Certification certification, CompetenceDomain domain) {
		if (certification == null || domain == null) {
			return Optional.empty();
		}
		return certification.getDomains().stream().filter(u -> u.getDomain() == domain).findFirst();
	}

	/** The domain's own competences, then those attached to it by this certification. */
	public static List<Competence> competences(DomainUse use) {
		List<Competence> competences = new ArrayList<>();
		if (use.getDomain() != null) {
			competences.addAll(use.getDomain().getCompetences());
		}
		for (Competence shared : use.getSharedCompetences()) {
			if (!shared.eIsProxy() && !competences.contains(shared)) {
				competences.add(shared);
			}
		}
		return competences;
	}

	/**
	 * Whether {@code element} is assessed in this use of a domain: it is the domain or inside it,
	 * or it is one of the competences the certification attached to it.
	 */
	public static boolean covers(DomainUse use, Element element) {
		return element != null && (use.getDomain() != null && EcoreUtil.isAncestor(use.getDomain(), element)
				|| use.getSharedCompetences().contains(element));
	}
}
