package fr.mutualite.cqp.ui.referential;

import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;

import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.ui.emf.PropertyForm;

/**
 * The first page of the referential editor: the certification's identity and job definition,
 * and the version and validity of the referential file that defines it.
 */
final class OverviewPage extends FormPage {

	static final String ID = "overview"; //$NON-NLS-1$

	private final ReferentialEditor editor;
	private PropertyForm certification;
	private PropertyForm version;

	OverviewPage(ReferentialEditor editor) {
		super(editor, ID, Messages.Page_overview);
		this.editor = editor;
	}

	@Override
	protected void createFormContent(IManagedForm managed) {
		ScrolledForm form = managed.getForm();
		FormToolkit toolkit = managed.getToolkit();
		Certification shown = editor.certification();
		form.setText(shown.getCode() + " \u2014 " + shown.getTitle()); //$NON-NLS-1$
		toolkit.decorateFormHeading(form.getForm());
		Composite body = form.getBody();
		GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).margins(8, 8).spacing(12, 8).applyTo(body);
		certification = section(managed, body, Messages.Overview_certification, Messages.Overview_certificationHint, shown,
				Set.of("code", "title", "jobDefinition", "jobTitles", "responsibilityAndAutonomy", "vaeExperience")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		Referential file = editor.referentialOf(shown);
		version = section(managed, body, Messages.Overview_version, editor.origin(), file,
				Set.of("version", "validFrom", "validTo", "source")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		problemsChanged();
	}

	private PropertyForm section(IManagedForm managed, Composite body, String title, String hint, EObject object,
			Set<String> features) {
		Section section = managed.getToolkit().createSection(body, Section.SHORT_TITLE_BAR | Section.DESCRIPTION);
		section.setText(title);
		section.setDescription(hint);
		GridDataFactory.fillDefaults().grab(true, true).align(SWT.FILL, SWT.BEGINNING).applyTo(section);
		PropertyForm properties = new PropertyForm(section, managed.getToolkit(), editor.adapterFactory(),
				managed.getMessageManager(), features);
		properties.setInput(object);
		section.setClient(properties.getControl());
		properties.getControl().addListener(SWT.Activate, e -> editor.selections().show(new StructuredSelection(object)));
		return properties;
	}

	/** The form of the certification, once shown. */
	PropertyForm certificationForm() {
		return certification;
	}

	void problemsChanged() {
		if (certification != null && !certification.getControl().isDisposed()) {
			certification.showProblems(editor.problems());
			version.showProblems(editor.problems());
		}
	}

	@Override
	public void dispose() {
		if (certification != null) {
			certification.setInput(null);
			version.setInput(null);
		}
		super.dispose();
	}
}
