package fr.mutualite.cqp.ui.emf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.command.CommandActionDelegate;
import org.eclipse.emf.edit.command.CreateChildCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;

/**
 * The "Nouveau" submenus of the model's context menus: one item per child (or sibling) the item
 * providers allow for the selected element, each creating it with an undoable command (the role
 * of EMF's {@code CreateChildAction}). Contributed in {@code plugin.xml} as dynamic items.
 */
public abstract class NewElementItems extends CompoundContributionItem {

	private final boolean siblings;

	protected NewElementItems(boolean siblings) {
		this.siblings = siblings;
	}

	/** Children of the selected element. */
	public static final class Children extends NewElementItems {
		public Children() {
			super(false);
		}
	}

	/** Siblings of the selected element, in its container. */
	public static final class Siblings extends NewElementItems {
		public Siblings() {
			super(true);
		}
	}

	@Override
	protected IContributionItem[] getContributionItems() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null || window.getActivePage() == null) {
			return new IContributionItem[0];
		}
		IWorkbenchPart part = window.getActivePage().getActivePart();
		ISelection selection = window.getSelectionService().getSelection();
		List<IContributionItem> items = new ArrayList<>();
		for (Command command : commands(ModelEditing.domainOf(part), selection, siblings)) {
			EditingDomain domain = ModelEditing.domainOf(part);
			CommandActionDelegate delegate = (CommandActionDelegate) command;
			Action action = new Action(delegate.getText()) {
				@Override
				public void run() {
					ModelEditing.execute(domain, command);
				}
			};
			action.setToolTipText(delegate.getToolTipText());
			action.setImageDescriptor(Images.descriptor(delegate.getImage()));
			items.add(new ActionContributionItem(action));
		}
		return items.toArray(new IContributionItem[0]);
	}

	/** The commands creating each child (or sibling) allowed for the one element selected. */
	public static List<Command> commands(EditingDomain domain, ISelection selection, boolean siblings) {
		List<Object> elements = ModelEditing.elements(selection);
		if (domain == null || elements.size() != 1) {
			return List.of();
		}
		Object element = elements.get(0);
		Collection<?> descriptors = siblings ? domain.getNewChildDescriptors(null, element)
				: domain.getNewChildDescriptors(element, null);
		List<Command> commands = new ArrayList<>();
		for (Object descriptor : descriptors) {
			Command command = siblings ? CreateChildCommand.create(domain, domain.getParent(element), descriptor, elements)
					: CreateChildCommand.create(domain, element, descriptor, elements);
			if (command.canExecute()) {
				commands.add(command);
			}
		}
		return commands;
	}
}
