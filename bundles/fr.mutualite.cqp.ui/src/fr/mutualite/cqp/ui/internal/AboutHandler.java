package fr.mutualite.cqp.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import fr.mutualite.cqp.core.CqpProduct;

/** "À propos": the product's version and those of the main components it runs on. */
public final class AboutHandler extends AbstractHandler {

	/** The components named, by bundle: the platform, EMF, the database, the reports. */
	private static final String[][] COMPONENTS = { { "org.eclipse.ui.workbench", "Eclipse" }, //$NON-NLS-1$ //$NON-NLS-2$
			{ "org.eclipse.swt", "SWT" }, { "org.eclipse.emf.ecore", "EMF" }, { "org.eclipse.emf.edit", "EMF.Edit" }, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			{ "derby", "Apache Derby" }, { "org.eclipse.birt.report.engine", "BIRT" }, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			{ "org.eclipse.osgi", "Equinox" } }; //$NON-NLS-1$ //$NON-NLS-2$

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		MessageDialog.openInformation(HandlerUtil.getActiveShellChecked(event), NLS.bind(Messages.About_title, CqpProduct.name()),
				text());
		return null;
	}

	/** The dialog's text: the product's version line, then one line per component found. */
	public static String text() {
		List<String> lines = new ArrayList<>();
		for (String[] component : COMPONENTS) {
			String version = version(component[0]);
			if (version != null) {
				lines.add(NLS.bind(Messages.About_component, component[1], version));
			}
		}
		lines.add(NLS.bind(Messages.About_java, System.getProperty("java.version"), System.getProperty("java.vendor"))); //$NON-NLS-1$ //$NON-NLS-2$
		return NLS.bind(Messages.About_text, CqpProduct.versionLine(), String.join("\n", lines)); //$NON-NLS-1$
	}

	private static String version(String symbolicName) {
		Bundle self = FrameworkUtil.getBundle(AboutHandler.class);
		for (Bundle bundle : self.getBundleContext().getBundles()) {
			if (bundle.getSymbolicName() != null && bundle.getSymbolicName().equals(symbolicName)) {
				org.osgi.framework.Version v = bundle.getVersion();
				return v.getMajor() + "." + v.getMinor() + "." + v.getMicro(); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return null;
	}
}
