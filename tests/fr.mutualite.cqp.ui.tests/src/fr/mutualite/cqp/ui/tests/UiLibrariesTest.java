package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.core.databinding.observable.value.IObservableValue;
import org.eclipse.emf.databinding.EMFProperties;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcoreFactory;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.databinding.swt.typed.WidgetProperties;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.core.databinding.DataBindingContext;
import org.junit.jupiter.api.Test;

/** The UI libraries of the target at work in the running workbench: NatTable, EMF data binding. */
class UiLibrariesTest {

	private static final Object[][] GRID = { { "Domaine 1", 3, 12 }, { "Domaine 2", 2, 9 }, { "Domaine 3", 4, 15 } };

	@Test
	void natTableShowsAGrid() {
		Shell shell = new Shell(Display.getCurrent());
		try {
			shell.setLayout(new FillLayout());
			IDataProvider data = new IDataProvider() {
				@Override
				public Object getDataValue(int column, int row) {
					return GRID[row][column];
				}

				@Override
				public void setDataValue(int column, int row, Object value) {
					GRID[row][column] = value;
				}

				@Override
				public int getColumnCount() {
					return GRID[0].length;
				}

				@Override
				public int getRowCount() {
					return GRID.length;
				}
			};
			NatTable table = new NatTable(shell, new DataLayer(data));
			shell.setSize(400, 200);
			shell.open();
			while (Display.getCurrent().readAndDispatch()) {
				// paint
			}
			assertEquals(3, table.getRowCount());
			assertEquals(3, table.getColumnCount());
			assertEquals("Domaine 2", table.getDataValueByPosition(0, 1));
			assertEquals(15, table.getDataValueByPosition(2, 2));
		} finally {
			shell.dispose();
		}
	}

	@Test
	void emfDataBindingKeepsAWidgetAndAModelInStep() {
		EcoreFactory ecore = EcoreFactory.eINSTANCE;
		EPackage pack = ecore.createEPackage();
		pack.setName("liaison");
		pack.setNsURI("http://mutualite.fr/cqp/liaison");
		EClass candidate = ecore.createEClass();
		candidate.setName("Candidat");
		EAttribute name = ecore.createEAttribute();
		name.setName("nom");
		name.setEType(EcorePackage.Literals.ESTRING);
		candidate.getEStructuralFeatures().add(name);
		pack.getEClassifiers().add(candidate);
		EObject someone = EcoreUtil.create(candidate);
		someone.eSet(name, "Dupont");

		Shell shell = new Shell(Display.getCurrent());
		try {
			Text text = new Text(shell, SWT.BORDER);
			DataBindingContext context = new DataBindingContext();
			@SuppressWarnings("unchecked")
			IObservableValue<String> model = EMFProperties.value(name).observe(someone);
			context.bindValue(WidgetProperties.text(SWT.Modify).observe(text), model);
			assertEquals("Dupont", text.getText());
			text.setText("Bérard");
			assertEquals("Bérard", someone.eGet(name));
			someone.eSet(name, "N'Diaye");
			assertEquals("N'Diaye", text.getText());
			context.dispose();
		} finally {
			shell.dispose();
		}
	}
}
