package fr.mutualite.cqp.ui.emf;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.emf.edit.provider.resource.ResourceItemProviderAdapterFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;

/**
 * What an editor of the model needs: the item providers of every package, and an editing domain
 * whose command stack is the editor's undo history and dirty state. Editors implement
 * {@link IEditingDomainProvider}: the Edit menu's handlers act on the domain of the active one.
 */
public final class ModelEditing {

	private ModelEditing() {
	}

	/** The item providers of the product's packages, of resources, and reflective ones for anything else. */
	public static ComposedAdapterFactory adapterFactory() {
		ComposedAdapterFactory factory = new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
		factory.addAdapterFactory(new ResourceItemProviderAdapterFactory());
		factory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
		return factory;
	}

	/** A new editing domain over {@code resources}, with a command stack of its own. */
	public static AdapterFactoryEditingDomain domain(ComposedAdapterFactory factory, ResourceSet resources) {
		AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(factory, new BasicCommandStack(), resources);
		// so that the property descriptors find the domain of an object and change it by commands
		resources.eAdapters().add(new AdapterFactoryEditingDomain.EditingDomainProvider(domain));
		return domain;
	}

	/** The editing domain of {@code part}, or {@code null} when it edits no model. */
	public static EditingDomain domainOf(IWorkbenchPart part) {
		if (part == null) {
			return null;
		}
		IEditingDomainProvider provider = part instanceof IEditingDomainProvider p ? p : part.getAdapter(IEditingDomainProvider.class);
		return provider == null ? null : provider.getEditingDomain();
	}

	/** The elements of {@code selection}, as EMF commands take them. */
	public static List<Object> elements(ISelection selection) {
		return selection instanceof IStructuredSelection structured ? new ArrayList<>(structured.toList()) : List.of();
	}

	/** Runs {@code command} on {@code domain}'s stack when it can run; says whether it did. */
	public static boolean execute(EditingDomain domain, Command command) {
		if (command != null && command.canExecute()) {
			domain.getCommandStack().execute(command);
			return true;
		}
		return false;
	}
}
