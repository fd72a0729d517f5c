package fr.mutualite.cqp.referential.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;

import org.eclipse.emf.edit.provider.AdapterFactoryItemDelegator;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.model.edit.CqpEditPlugin;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** The edit layer labels the model in French (the product's default language), with children and properties. */
class EditLabelsTest {

	@Test
	void itemProvidersLabelInFrench() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.shipped();
		AdapterFactoryItemDelegator items = new AdapterFactoryItemDelegator(
				new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE));
		Certification cmi = library.certification("CMI").orElseThrow();
		assertEquals("Certification (CQP) CMI", items.getText(cmi));
		var criterion = cmi.getDomains().get(0).getDomain().getCriteriaGroups().get(0).getCriteria().get(0);
		assertEquals("Critère d'évaluation ANALYSE-SITUATION.G1.1", items.getText(criterion));
		Referential file = ReferentialLibrary.referentialOf(cmi);
		Collection<?> children = items.getChildren(file);
		assertTrue(children.contains(cmi) && children.containsAll(file.getBooklets()), "the tree shows certifications and booklets");
		List<String> properties = items.getPropertyDescriptors(cmi).stream().map(d -> ((IItemPropertyDescriptor) d).getDisplayName(cmi)).toList();
		assertTrue(properties.containsAll(List.of("Code", "Intitulé", "Définition du métier", "Appellations du métier")), properties.toString());
		assertEquals("Livret d'évaluation finale en entreprise", CqpEditPlugin.INSTANCE.getString("_UI_BookletKind_FINAL_EVALUATION_literal"));
	}
}
