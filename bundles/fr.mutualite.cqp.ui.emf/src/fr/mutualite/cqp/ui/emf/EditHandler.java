package fr.mutualite.cqp.ui.emf;

import java.util.List;
import java.util.Locale;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.CopyToClipboardCommand;
import org.eclipse.emf.edit.command.CutToClipboardCommand;
import org.eclipse.emf.edit.command.DeleteCommand;
import org.eclipse.emf.edit.command.PasteFromClipboardCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.IWrapperItemProvider;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * The handler of the workbench's Edit commands (undo, redo, delete, cut, copy, paste) for the
 * editors of the model: each one runs the EMF command on the active editor's editing domain
 * (undo and redo act on the active editor even while the Properties view has the focus). The
 * operation is the data of the handler's class in {@code plugin.xml}, e.g. {@code EditHandler:undo}.
 */
public final class EditHandler extends AbstractHandler implements IExecutableExtension {

	enum Operation {
		UNDO, REDO, DELETE, CUT, COPY, PASTE
	}

	private Operation operation;

	public EditHandler() {
	}

	/** A handler of {@code operation}, for tests and programmatic use. */
	public EditHandler(String operation) {
		this.operation = Operation.valueOf(operation.toUpperCase(Locale.ROOT));
	}

	@Override
	public void setInitializationData(IConfigurationElement config, String property, Object data) {
		operation = Operation.valueOf(String.valueOf(data).toUpperCase(Locale.ROOT));
	}

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchPart part = operation == Operation.UNDO || operation == Operation.REDO ? HandlerUtil.getActiveEditor(event)
				: HandlerUtil.getActivePart(event);
		run(ModelEditing.domainOf(part), HandlerUtil.getCurrentSelection(event));
		return null;
	}

	/** Runs the operation on {@code domain} with {@code selection}; says whether it ran. */
	public boolean run(EditingDomain domain, ISelection selection) {
		if (domain == null) {
			return false;
		}
		switch (operation) {
			case UNDO:
				if (domain.getCommandStack().canUndo()) {
					domain.getCommandStack().undo();
					return true;
				}
				return false;
			case REDO:
				if (domain.getCommandStack().canRedo()) {
					domain.getCommandStack().redo();
					return true;
				}
				return false;
			default:
				return ModelEditing.execute(domain, command(domain, selection));
		}
	}

	private Command command(EditingDomain domain, ISelection selection) {
		List<Object> elements = ModelEditing.elements(selection);
		if (elements.isEmpty()) {
			return null;
		}
		return switch (operation) {
			case DELETE -> delete(domain, elements);
			case CUT -> CutToClipboardCommand.create(domain, elements);
			case COPY -> CopyToClipboardCommand.create(domain, elements);
			case PASTE -> elements.size() == 1 ? PasteFromClipboardCommand.create(domain, elements.get(0), null) : null;
			default -> null;
		};
	}

	/**
	 * Deleting what is selected: an element shown through a reference (a competence another
	 * domain shares) is removed from that reference only, never deleted with everything that
	 * refers to it; the others are deleted.
	 */
	private static Command delete(EditingDomain domain, List<Object> elements) {
		List<Object> referred = elements.stream().filter(IWrapperItemProvider.class::isInstance).toList();
		List<Object> owned = elements.stream().filter(e -> !(e instanceof IWrapperItemProvider)).toList();
		if (referred.isEmpty()) {
			return DeleteCommand.create(domain, owned);
		}
		if (owned.isEmpty()) {
			return RemoveCommand.create(domain, referred);
		}
		CompoundCommand both = new CompoundCommand();
		both.append(RemoveCommand.create(domain, referred));
		both.append(DeleteCommand.create(domain, owned));
		return both;
	}

	/** Whether the operation can run on {@code domain} with {@code selection} now. */
	public boolean canRun(EditingDomain domain, ISelection selection) {
		if (domain == null) {
			return false;
		}
		return switch (operation) {
			case UNDO -> domain.getCommandStack().canUndo();
			case REDO -> domain.getCommandStack().canRedo();
			case COPY -> !ModelEditing.elements(selection).isEmpty();
			default -> {
				Command command = command(domain, selection);
				yield command != null && command.canExecute();
			}
		};
	}

	@Override
	public void setEnabled(Object context) {
		Object part = HandlerUtil.getVariable(context, operation == Operation.UNDO || operation == Operation.REDO
				? ISources.ACTIVE_EDITOR_NAME : ISources.ACTIVE_PART_NAME);
		Object selection = HandlerUtil.getVariable(context, ISources.ACTIVE_CURRENT_SELECTION_NAME);
		setBaseEnabled(part instanceof IWorkbenchPart p
				&& canRun(ModelEditing.domainOf(p), selection instanceof ISelection s ? s : null));
	}
}
