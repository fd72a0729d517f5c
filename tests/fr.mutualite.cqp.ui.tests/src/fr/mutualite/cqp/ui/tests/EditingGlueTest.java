package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.Criterion;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.model.referential.ReferentialPackage;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.emf.EditHandler;
import fr.mutualite.cqp.ui.emf.ModelContentProvider;
import fr.mutualite.cqp.ui.emf.ModelEditing;
import fr.mutualite.cqp.ui.emf.ModelLabelProvider;
import fr.mutualite.cqp.ui.emf.ModelPropertySource;
import fr.mutualite.cqp.ui.emf.Values;

/**
 * The EMF.Edit to JFace glue on its own: values converted both ways and bad ones refused in one
 * sentence, the property source writing through undoable commands, the tree following the model.
 */
class EditingGlueTest {

	private static final ReferentialPackage P = ReferentialPackage.eINSTANCE;

	@Test
	void valuesAreConvertedBothWaysAndBadOnesRefused() {
		assertEquals(3, Values.parse(P.getRuleSet_RegistrationDeadlineYears(), " 3 "));
		assertEquals("3", Values.text(P.getRuleSet_RegistrationDeadlineYears(), 3));
		assertEquals("« trois » n'est pas un nombre entier.",
				assertThrows(IllegalArgumentException.class, () -> Values.parse(P.getRuleSet_RegistrationDeadlineYears(), "trois"))
						.getMessage());
		assertEquals("Une valeur est obligatoire ici.",
				assertThrows(IllegalArgumentException.class, () -> Values.parse(P.getRuleSet_RegistrationDeadlineYears(), " "))
						.getMessage());
		assertEquals(new BigDecimal("7.5"), Values.parse(P.getRuleSet_PointValue(), "7,5"));
		assertNull(Values.parse(P.getRuleSet_PointValue(), ""), "an optional number may be emptied");
		assertEquals("« 7,5,1 » n'est pas un nombre.",
				assertThrows(IllegalArgumentException.class, () -> Values.parse(P.getRuleSet_PointValue(), "7,5,1")).getMessage());
		assertEquals(LocalDate.of(2026, 9, 1), Values.parse(P.getRuleSet_ValidFrom(), "01/09/2026"));
		assertEquals("01/09/2026", Values.text(P.getRuleSet_ValidFrom(), LocalDate.of(2026, 9, 1)));
		assertEquals("« 31/02/2026 » n'est pas une date : écrivez-la comme 01/09/2026.",
				assertThrows(IllegalArgumentException.class, () -> Values.parse(P.getRuleSet_ValidFrom(), "31/02/2026")).getMessage());
		assertEquals(List.of("Conseiller", "Chargé de clientèle"),
				Values.parse(P.getCertification_JobTitles(), "Conseiller\n\n  Chargé de clientèle \n"));
		assertEquals("Une valeur est obligatoire ici.",
				assertThrows(IllegalArgumentException.class, () -> Values.parse(P.getElement_Wording(), "  ")).getMessage());
	}

	@Test
	void thePropertySourceWritesThroughUndoableCommands() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.shipped();
		ResourceSet resources = library.resourceSet();
		ComposedAdapterFactory factory = ModelEditing.adapterFactory();
		AdapterFactoryEditingDomain domain = ModelEditing.domain(factory, resources);
		RuleSet rules = library.referentials().stream().flatMap(r -> r.getRuleSets().stream()).findFirst().orElseThrow();
		int years = rules.getRegistrationDeadlineYears();
		IPropertySource source = ModelPropertySource.provider(factory).getPropertySource(rules);
		IPropertyDescriptor deadline = Arrays.stream(source.getPropertyDescriptors())
				.filter(d -> d.getDisplayName().equals(new ModelLabelProviderProbe().name(factory, rules, "registrationDeadlineYears")))
				.findFirst().orElseThrow();
		source.setPropertyValue(deadline.getId(), years + 2);
		assertEquals(years + 2, rules.getRegistrationDeadlineYears());
		assertEquals(years + 2, source.getPropertyValue(deadline.getId()));
		domain.getCommandStack().undo();
		assertEquals(years, rules.getRegistrationDeadlineYears());
		factory.dispose();
	}

	@Test
	void eachCellEditorConvertsAndRefusesBadValues() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.shipped();
		ComposedAdapterFactory factory = ModelEditing.adapterFactory();
		ModelEditing.domain(factory, library.resourceSet());
		RuleSet rules = library.referentials().stream().flatMap(r -> r.getRuleSets().stream()).findFirst().orElseThrow();
		IPropertySource source = ModelPropertySource.provider(factory).getPropertySource(rules);
		Shell shell = new Shell();
		try {
			org.eclipse.jface.viewers.CellEditor years = editor(source, shell, "Délai avant le premier jury (années)");
			assertEquals(org.eclipse.jface.viewers.TextCellEditor.class, years.getClass().getSuperclass());
			years.setValue(3);
			org.eclipse.swt.widgets.Text text = (org.eclipse.swt.widgets.Text) years.getControl();
			assertEquals("3", text.getText());
			text.setText("4");
			assertEquals(true, years.isValueValid());
			assertEquals(4, years.getValue());
			text.setText("quatre");
			assertEquals(false, years.isValueValid());
			assertEquals("« quatre » n'est pas un nombre entier.", years.getErrorMessage());

			org.eclipse.jface.viewers.CellEditor from = editor(source, shell, "Valable à partir du");
			assertTrue(from instanceof org.eclipse.jface.viewers.DialogCellEditor, "a date is chosen on a calendar");
			from.setValue(LocalDate.of(2026, 9, 1));
			assertEquals(LocalDate.of(2026, 9, 1), from.getValue());

			org.eclipse.jface.viewers.CellEditor alternating = editor(source, shell, "Présidence alternée");
			assertTrue(alternating instanceof org.eclipse.jface.viewers.ComboBoxCellEditor, "yes or no from a list");
			alternating.setValue(Boolean.FALSE);
			assertEquals(List.of("Oui", "Non"), List.of(((org.eclipse.jface.viewers.ComboBoxCellEditor) alternating).getItems()));
			assertEquals(Boolean.FALSE, alternating.getValue());
		} finally {
			shell.dispose();
			factory.dispose();
		}
	}

	/** A domain with two criteria groups, the first holding two criteria, in a resource of its own. */
	private static CompetenceDomain domain(AdapterFactoryEditingDomain editing) {
		CompetenceDomain domain = ReferentialFactory.eINSTANCE.createCompetenceDomain();
		domain.setCode("D");
		domain.setWording("Domaine");
		for (String g : List.of("G1", "G2")) {
			var group = ReferentialFactory.eINSTANCE.createCriteriaGroup();
			group.setCode("D." + g);
			group.setWording("Groupe " + g);
			domain.getCriteriaGroups().add(group);
		}
		for (String c : List.of("1", "2")) {
			Criterion criterion = ReferentialFactory.eINSTANCE.createCriterion();
			criterion.setCode("D.G1." + c);
			criterion.setWording("Critère " + c);
			domain.getCriteriaGroups().get(0).getCriteria().add(criterion);
		}
		editing.getResourceSet().createResource(org.eclipse.emf.common.util.URI.createURI("memoire:/d.referentiel")).getContents()
				.add(domain);
		return domain;
	}

	private static List<String> codes(CompetenceDomain domain, int group) {
		return domain.getCriteriaGroups().get(group).getCriteria().stream().map(Criterion::getCode).toList();
	}

	@Test
	void dragAndDropMovesAndCopiesThroughUndoableCommands() {
		ComposedAdapterFactory factory = ModelEditing.adapterFactory();
		AdapterFactoryEditingDomain editing = ModelEditing.domain(factory, new org.eclipse.emf.ecore.resource.impl.ResourceSetImpl());
		CompetenceDomain domain = domain(editing);
		Criterion first = domain.getCriteriaGroups().get(0).getCriteria().get(0);
		var second = domain.getCriteriaGroups().get(1);
		// dropped into the second group (the middle of its line): moved
		assertTrue(ModelEditing.execute(editing, fr.mutualite.cqp.ui.emf.ModelDragAndDrop.drop(editing, List.of(first), second, 0.5f,
				org.eclipse.swt.dnd.DND.DROP_MOVE | org.eclipse.swt.dnd.DND.DROP_COPY, org.eclipse.swt.dnd.DND.DROP_NONE)));
		assertEquals(List.of("D.G1.2"), codes(domain, 0));
		assertEquals(List.of("D.G1.1"), codes(domain, 1));
		editing.getCommandStack().undo();
		assertEquals(List.of("D.G1.1", "D.G1.2"), codes(domain, 0));
		assertEquals(List.of(), codes(domain, 1));
		// dropped below the second criterion (the bottom of its line): moved after it
		Criterion last = domain.getCriteriaGroups().get(0).getCriteria().get(1);
		assertTrue(ModelEditing.execute(editing, fr.mutualite.cqp.ui.emf.ModelDragAndDrop.drop(editing, List.of(first), last, 0.9f,
				org.eclipse.swt.dnd.DND.DROP_MOVE, org.eclipse.swt.dnd.DND.DROP_MOVE)));
		assertEquals(List.of("D.G1.2", "D.G1.1"), codes(domain, 0));
		// copied with the copy operation: the original stays
		assertTrue(ModelEditing.execute(editing, fr.mutualite.cqp.ui.emf.ModelDragAndDrop.drop(editing, List.of(first), second, 0.5f,
				org.eclipse.swt.dnd.DND.DROP_COPY, org.eclipse.swt.dnd.DND.DROP_COPY)));
		assertEquals(List.of("D.G1.2", "D.G1.1"), codes(domain, 0));
		assertEquals(List.of("D.G1.1"), codes(domain, 1));
		assertTrue(domain.getCriteriaGroups().get(1).getCriteria().get(0) != first, "a copy");
		factory.dispose();
	}

	@Test
	void theClipboardCutsCopiesAndPastesThroughTheEditCommands() {
		ComposedAdapterFactory factory = ModelEditing.adapterFactory();
		AdapterFactoryEditingDomain editing = ModelEditing.domain(factory, new org.eclipse.emf.ecore.resource.impl.ResourceSetImpl());
		CompetenceDomain domain = domain(editing);
		Criterion first = domain.getCriteriaGroups().get(0).getCriteria().get(0);
		var second = domain.getCriteriaGroups().get(1);
		org.eclipse.jface.viewers.StructuredSelection criterion = new org.eclipse.jface.viewers.StructuredSelection(first);
		org.eclipse.jface.viewers.StructuredSelection group = new org.eclipse.jface.viewers.StructuredSelection(second);
		EditHandler paste = new EditHandler("paste");
		assertEquals(false, paste.canRun(editing, group), "nothing to paste yet");
		assertTrue(new EditHandler("copy").run(editing, criterion));
		assertTrue(paste.canRun(editing, group));
		assertTrue(paste.run(editing, group));
		assertEquals(List.of("D.G1.1", "D.G1.2"), codes(domain, 0));
		assertEquals(List.of("D.G1.1"), codes(domain, 1));
		assertTrue(new EditHandler("undo").run(editing, null));
		assertEquals(List.of(), codes(domain, 1));
		assertTrue(new EditHandler("cut").run(editing, criterion));
		assertEquals(List.of("D.G1.2"), codes(domain, 0));
		assertTrue(paste.run(editing, group));
		assertEquals(List.of("D.G1.1"), codes(domain, 1));
		assertTrue(new EditHandler("delete").run(editing, new org.eclipse.jface.viewers.StructuredSelection(
				domain.getCriteriaGroups().get(1).getCriteria().get(0))));
		assertEquals(List.of(), codes(domain, 1));
		assertTrue(new EditHandler("undo").run(editing, null));
		assertTrue(new EditHandler("redo").run(editing, null));
		assertEquals(List.of(), codes(domain, 1));
		assertEquals(false, new EditHandler("redo").canRun(editing, null), "nothing left to redo");
		factory.dispose();
	}

	/** The cell editor of the row named {@code name}. */
	private static org.eclipse.jface.viewers.CellEditor editor(IPropertySource source, Shell shell, String name) {
		IPropertyDescriptor row = Arrays.stream(source.getPropertyDescriptors()).filter(d -> d.getDisplayName().equals(name))
				.findFirst().orElseThrow(() -> new AssertionError(name + " in " + Arrays.stream(source.getPropertyDescriptors())
						.map(IPropertyDescriptor::getDisplayName).toList()));
		return row.createPropertyEditor(shell);
	}

	@Test
	void theTreeFollowsTheModel() {
		ComposedAdapterFactory factory = ModelEditing.adapterFactory();
		Shell shell = new Shell();
		try {
			TreeViewer tree = new TreeViewer(shell, SWT.NONE);
			tree.setContentProvider(new ModelContentProvider(factory));
			ModelLabelProvider labels = new ModelLabelProvider(factory);
			tree.setLabelProvider(labels);
			CompetenceDomain domain = ReferentialFactory.eINSTANCE.createCompetenceDomain();
			domain.setCode("D1");
			domain.setWording("Domaine d'essai");
			tree.setInput(List.of(domain));
			tree.expandAll();
			assertEquals(0, tree.getTree().getItem(0).getItemCount());
			var group = ReferentialFactory.eINSTANCE.createCriteriaGroup();
			group.setCode("G1");
			group.setWording("Groupe");
			domain.getCriteriaGroups().add(group);
			tree.expandAll();
			assertEquals(1, tree.getTree().getItem(0).getItemCount(), "a child added shows at once");
			Criterion criterion = ReferentialFactory.eINSTANCE.createCriterion();
			criterion.setCode("C1");
			criterion.setWording("Avant");
			group.getCriteria().add(criterion);
			tree.expandAll();
			String before = tree.getTree().getItem(0).getItem(0).getItem(0).getText();
			criterion.setWording("Après");
			String after = tree.getTree().getItem(0).getItem(0).getItem(0).getText();
			assertEquals(before.replace("Avant", "Après"), after, "a label changed shows at once");
			labels.dispose();
		} finally {
			shell.dispose();
			factory.dispose();
		}
	}

	/** The display name the item provider gives a feature. */
	private static final class ModelLabelProviderProbe {
		String name(ComposedAdapterFactory factory, org.eclipse.emf.ecore.EObject object, String feature) {
			var source = (org.eclipse.emf.edit.provider.IItemPropertySource) factory.adapt(object,
					org.eclipse.emf.edit.provider.IItemPropertySource.class);
			return source.getPropertyDescriptors(object).stream()
					.filter(d -> ((org.eclipse.emf.ecore.EStructuralFeature) d.getFeature(object)).getName().equals(feature))
					.findFirst().orElseThrow().getDisplayName(object);
		}
	}
}
