package fr.mutualite.cqp.ui.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.AbstractRegistryConfiguration;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.config.EditableRule;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.edit.EditConfigAttributes;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultGridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.config.DefaultGridLayerConfiguration;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.cell.ILayerCell;
import org.eclipse.nebula.widgets.nattable.painter.cell.TextPainter;
import org.eclipse.nebula.widgets.nattable.selection.event.CellSelectionEvent;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

import fr.mutualite.cqp.model.DomainUses;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Element;
import fr.mutualite.cqp.model.referential.ElementWording;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.model.referential.ReferentialPackage;
import fr.mutualite.cqp.ui.emf.ModelEditing;
import fr.mutualite.cqp.ui.referential.ReferentialEditor;

/**
 * The certifications side by side (the role of a Sirius cross table): a row per domain and
 * competence they use, a column per certification giving the wording it uses, first the
 * element's own. A row used by several certifications says by how many (×N); a certification
 * that words an element its own way has its cell marked «≠» and coloured; a certification that
 * does not use it has an empty grey cell. Editing a cell is an EMF command on the editor's stack:
 * the element's wording in the first column, the certification's own wording in the others
 * (back to the element's wording, the certification's own one is removed).
 */
public final class CrossTableView extends ViewPart implements ReferentialFollower.Listener {

	public static final String ID = "fr.mutualite.cqp.ui.diagram.crossTable"; //$NON-NLS-1$

	private static final String DIFFERENT = "DIFFERENT", UNUSED = "UNUSED", DOMAIN = "DOMAIN"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	private static final String MARK = "\u2260 "; //$NON-NLS-1$

	/** A row: an element of a domain used by one of the certifications. */
	public record Row(Element element, int usedBy) {
	}

	private ReferentialFollower follower;
	private NatTable table;
	private DataLayer data;
	private final List<Row> rows = new ArrayList<>();
	private final List<Certification> columns = new ArrayList<>();
	private boolean pending;
	private final ElementSelection selection = new ElementSelection();
	private Color differentColor, unusedColor, domainColor;

	@Override
	public void createPartControl(Composite parent) {
		CollectionFactories.load();
		IDataProvider body = new IDataProvider() {
			@Override
			public Object getDataValue(int column, int row) {
				return text(column, row);
			}

			@Override
			public void setDataValue(int column, int row, Object value) {
				edit(column, row, value == null ? "" : value.toString()); //$NON-NLS-1$
			}

			@Override
			public int getColumnCount() {
				return columns.size() + 1;
			}

			@Override
			public int getRowCount() {
				return rows.size();
			}
		};
		IDataProvider columnHeader = new IDataProvider() {
			@Override
			public Object getDataValue(int column, int row) {
				return column == 0 ? Messages.Table_own : columns.get(column - 1).getCode();
			}

			@Override
			public void setDataValue(int column, int row, Object value) {
				// headers are not edited
			}

			@Override
			public int getColumnCount() {
				return columns.size() + 1;
			}

			@Override
			public int getRowCount() {
				return 1;
			}
		};
		IDataProvider rowHeader = new IDataProvider() {
			@Override
			public Object getDataValue(int column, int row) {
				Row r = rows.get(row);
				String code = (r.element() instanceof CompetenceDomain ? "" : "   ") + r.element().getCode(); //$NON-NLS-1$ //$NON-NLS-2$
				return r.usedBy() > 1 ? code + "  \u00d7" + r.usedBy() : code; //$NON-NLS-1$
			}

			@Override
			public void setDataValue(int column, int row, Object value) {
				// headers are not edited
			}

			@Override
			public int getColumnCount() {
				return 1;
			}

			@Override
			public int getRowCount() {
				return rows.size();
			}
		};
		DefaultGridLayer grid = new DefaultGridLayer(body, columnHeader, rowHeader,
				new DefaultCornerDataProvider(columnHeader, rowHeader), false);
		data = (DataLayer) grid.getBodyDataLayer();
		data.setDefaultColumnWidth(230);
		data.setColumnWidthByPosition(0, 320);
		((DataLayer) grid.getRowHeaderDataLayer()).setDefaultColumnWidth(150);
		data.setConfigLabelAccumulator((labels, column, row) -> {
			if (row >= rows.size()) {
				return;
			}
			// the first label's style wins: unused and different before a domain's colour
			if (column > 0) {
				String wording = wording(columns.get(column - 1), rows.get(row).element());
				if (wording == null) {
					labels.add(UNUSED);
				} else if (!Objects.equals(wording, rows.get(row).element().getWording())) {
					labels.add(DIFFERENT);
				}
			}
			if (rows.get(row).element() instanceof CompetenceDomain) {
				labels.add(DOMAIN);
			}
		});
		grid.addConfiguration(new DefaultGridLayerConfiguration(grid) {
			@Override
			protected void addExcelExportUIBindings() {
				// no export from here: a wording could run in a spreadsheet
			}

			@Override
			protected void addPrintUIBindings() {
				// printing goes through the reports
			}
		});
		table = new NatTable(parent, grid, false);
		differentColor = new Color(parent.getDisplay(), 0xFF, 0xF1, 0xC4);
		unusedColor = new Color(parent.getDisplay(), 0xEE, 0xEE, 0xEE);
		domainColor = new Color(parent.getDisplay(), 0xE6, 0xF2, 0xE1);
		DefaultNatTableStyleConfiguration defaults = new DefaultNatTableStyleConfiguration();
		defaults.hAlign = org.eclipse.nebula.widgets.nattable.style.HorizontalAlignmentEnum.LEFT;
		table.addConfiguration(defaults);
		table.addConfiguration(new AbstractRegistryConfiguration() {
			@Override
			public void configureRegistry(IConfigRegistry registry) {
				registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITABLE_RULE, new EditableRule() {
					@Override
					public boolean isEditable(int column, int row) {
						return row < rows.size() && (column == 0 || wording(columns.get(column - 1), rows.get(row).element()) != null);
					}
				}, DisplayMode.EDIT);
				registry.registerConfigAttribute(CellConfigAttributes.CELL_PAINTER, new MarkedText(), DisplayMode.NORMAL);
				registry.registerConfigAttribute(CellConfigAttributes.CELL_PAINTER, new MarkedText(), DisplayMode.SELECT);
				style(registry, DIFFERENT, differentColor);
				style(registry, UNUSED, unusedColor);
				style(registry, DOMAIN, domainColor);
			}
		});
		table.addLayerListener(event -> {
			if (event instanceof CellSelectionEvent cell) {
				int row = cell.getRowPosition();
				selection.show(row >= 0 && row < rows.size() ? rows.get(row).element() : null);
			}
		});
		table.configure();
		table.addListener(SWT.Dispose, e -> {
			differentColor.dispose();
			unusedColor.dispose();
			domainColor.dispose();
		});
		getSite().setSelectionProvider(selection);
		follower = new ReferentialFollower(getSite().getPage(), this);
		follower.start();
	}

	private static void style(IConfigRegistry registry, String label, Color background) {
		Style style = new Style();
		style.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, background);
		registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, style, DisplayMode.NORMAL, label);
	}

	/** Text wrapped in its cell, a certification's own wording marked «≠» (a sign, not colour alone). */
	private static final class MarkedText extends TextPainter {
		MarkedText() {
			super(true, true, 3, true);
		}

		@Override
		protected String convertDataType(ILayerCell cell, IConfigRegistry registry) {
			String text = super.convertDataType(cell, registry);
			return cell.getConfigLabels().hasLabel(DIFFERENT) ? MARK + text : text;
		}
	}

	@Override
	public void followed(ReferentialEditor editor) {
		refresh();
	}

	@Override
	public void changed() {
		if (!pending && table != null && !table.isDisposed()) {
			pending = true;
			table.getDisplay().asyncExec(() -> {
				pending = false;
				refresh();
			});
		}
	}

	/** Reads the rows and columns again from the followed editor's model. */
	void refresh() {
		if (table == null || table.isDisposed()) {
			return;
		}
		rows.clear();
		columns.clear();
		ReferentialEditor editor = follower.editor();
		if (editor == null || editor.getEditingDomain() == null) {
			setContentDescription(Messages.Diagram_noEditor);
			table.refresh();
			return;
		}
		Certification edited = editor.certification();
		editor.library().certifications().forEach(c -> columns.add(c.getCode().equalsIgnoreCase(edited.getCode()) ? edited : c));
		Map<Element, Integer> users = new LinkedHashMap<>();
		for (Certification c : columns) {
			for (DomainUse use : c.getDomains()) {
				if (use.getDomain() != null) {
					for (Element e : elements(use)) {
						users.merge(e, 1, Integer::sum);
					}
				}
			}
		}
		users.forEach((element, count) -> rows.add(new Row(element, count)));
		long shared = rows.stream().filter(r -> r.usedBy() > 1).count();
		long different = 0;
		for (Row row : rows) {
			for (Certification c : columns) {
				String w = wording(c, row.element());
				if (w != null && !w.equals(row.element().getWording())) {
					different++;
				}
			}
		}
		setContentDescription(NLS.bind(Messages.Table_summary, new Object[] { rows.size(), columns.size(), shared, different }));
		table.refresh();
	}

	/** The domain of a use and its competences (its own, then those it borrows). */
	private static List<Element> elements(DomainUse use) {
		List<Element> elements = new ArrayList<>();
		elements.add(use.getDomain());
		elements.addAll(DomainUses.competences(use));
		return elements;
	}

	/** The wording {@code certification} uses for {@code element}, {@code null} when it does not use it. */
	static String wording(Certification certification, Element element) {
		for (DomainUse use : certification.getDomains()) {
			if (use.getDomain() == null || !elements(use).contains(element)) {
				continue;
			}
			if (element == use.getDomain()) {
				return use.getWording() != null ? use.getWording() : element.getWording();
			}
			for (ElementWording own : use.getElementWordings()) {
				if (own.getElement() == element && own.getWording() != null) {
					return own.getWording();
				}
			}
			return element.getWording();
		}
		return null;
	}

	private String text(int column, int row) {
		Element element = rows.get(row).element();
		if (column == 0) {
			return element.getWording();
		}
		String wording = wording(columns.get(column - 1), element);
		return wording == null ? "" : wording; //$NON-NLS-1$
	}

	/** Edits a cell by an EMF command on the editor's stack; says whether the model changed. */
	boolean edit(int column, int row, String value) {
		ReferentialEditor editor = follower.editor();
		if (editor == null || row >= rows.size()) {
			return false;
		}
		EditingDomain domain = editor.getEditingDomain();
		Element element = rows.get(row).element();
		String text = value.strip();
		if (text.isEmpty()) {
			return false;
		}
		if (column == 0) {
			return ModelEditing.execute(domain, SetCommand.create(domain, element, ReferentialPackage.Literals.ELEMENT__WORDING, text));
		}
		Certification certification = columns.get(column - 1);
		DomainUse use = certification.getDomains().stream().filter(u -> u.getDomain() != null && elements(u).contains(element))
				.findFirst().orElse(null);
		if (use == null) {
			return false;
		}
		String own = text.equals(element.getWording()) ? null : text;
		Command command;
		if (element instanceof CompetenceDomain) {
			command = SetCommand.create(domain, use, ReferentialPackage.Literals.DOMAIN_USE__WORDING,
					own == null ? SetCommand.UNSET_VALUE : own);
		} else {
			ElementWording existing = use.getElementWordings().stream().filter(w -> w.getElement() == element).findFirst()
					.orElse(null);
			if (existing == null && own == null) {
				return false;
			} else if (existing == null) {
				ElementWording added = ReferentialFactory.eINSTANCE.createElementWording();
				added.setElement(element);
				added.setWording(own);
				command = AddCommand.create(domain, use, ReferentialPackage.Literals.DOMAIN_USE__ELEMENT_WORDINGS, added);
			} else if (own == null) {
				command = RemoveCommand.create(domain, use, ReferentialPackage.Literals.DOMAIN_USE__ELEMENT_WORDINGS, existing);
			} else {
				command = SetCommand.create(domain, existing, ReferentialPackage.Literals.ELEMENT_WORDING__WORDING, own);
			}
		}
		return ModelEditing.execute(domain, command);
	}

	/** The rows shown, for tests. */
	public List<Row> rows() {
		return List.copyOf(rows);
	}

	/** The certifications shown as columns, for tests. */
	public List<Certification> columns() {
		return List.copyOf(columns);
	}

	/** What the cell shows, «≠» included, for tests. */
	public String shown(int column, int row) {
		String text = text(column, row);
		if (column > 0) {
			String wording = wording(columns.get(column - 1), rows.get(row).element());
			if (wording != null && !wording.equals(rows.get(row).element().getWording())) {
				return MARK + text;
			}
		}
		return text;
	}

	/** The table's control, for tests. */
	public NatTable control() {
		return table;
	}

	/**
	 * Types {@code value} into the cell of {@code column} (0: the element's own wording) and
	 * {@code row}, as the cell editor does when its edit is committed (for tests).
	 */
	public boolean type(int column, int row, String value) {
		return data.doCommand(new org.eclipse.nebula.widgets.nattable.edit.command.UpdateDataCommand(data, column, row, value));
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		T followed = follower == null ? null : follower.adapter(adapter);
		return followed != null ? followed : super.getAdapter(adapter);
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}

	@Override
	public void dispose() {
		if (follower != null) {
			follower.dispose();
		}
		super.dispose();
	}
}
