package fr.mutualite.cqp.ui.diagram;

import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.views.properties.IPropertySheetPage;

import fr.mutualite.cqp.ui.referential.ReferentialEditor;

/**
 * Follows the active referential editor for a view: tells it when another editor becomes the
 * one followed (or none is left), after each command on the followed editor's model (at once,
 * so that the view is redrawn without waiting for the validation) and after each of its
 * validations (the problems shown change).
 */
final class ReferentialFollower {

	/** What the view does. */
	interface Listener {
		/** Another editor is followed ({@code null}: none). */
		void followed(ReferentialEditor editor);

		/** The followed editor's model changed, or its problems did. */
		void changed();
	}

	private final IWorkbenchPage page;
	private final Listener listener;
	private ReferentialEditor editor;
	private final Runnable problems;
	private final CommandStackListener commands;
	private final IPartListener2 parts = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof ReferentialEditor part) {
				follow(part);
			}
		}

		@Override
		public void partClosed(IWorkbenchPartReference ref) {
			if (ref.getPart(false) == editor) {
				IEditorPart active = page.getActiveEditor();
				follow(active instanceof ReferentialEditor other && other != editor ? other : null);
			}
		}
	};

	ReferentialFollower(IWorkbenchPage page, Listener listener) {
		this.page = page;
		this.listener = listener;
		this.problems = listener::changed;
		this.commands = event -> listener.changed();
		page.addPartListener(parts);
	}

	/** Starts with the page's active editor (or none), telling the view. */
	void start() {
		follow(page.getActiveEditor() instanceof ReferentialEditor active ? active : null);
		if (editor == null) {
			listener.followed(null);
		}
	}

	/** The editor followed, or {@code null}. */
	ReferentialEditor editor() {
		return editor;
	}

	private void follow(ReferentialEditor next) {
		if (next == editor) {
			return;
		}
		unhook();
		editor = next;
		if (editor != null) {
			editor.addProblemListener(problems);
			editor.getEditingDomain().getCommandStack().addCommandStackListener(commands);
		}
		listener.followed(editor);
	}

	private void unhook() {
		if (editor != null) {
			editor.removeProblemListener(problems);
			if (editor.getEditingDomain() != null) {
				editor.getEditingDomain().getCommandStack().removeCommandStackListener(commands);
			}
		}
	}

	/**
	 * What a view following the editor adapts to, as the editor: its editing domain (so that the
	 * workbench's Edit commands act on it from the view) and its Properties page; {@code null}
	 * otherwise, or with no editor followed.
	 */
	<T> T adapter(Class<T> adapter) {
		if (editor == null) {
			return null;
		}
		if (adapter == IEditingDomainProvider.class) {
			return adapter.cast(editor);
		}
		return adapter == IPropertySheetPage.class ? editor.getAdapter(adapter) : null;
	}

	void dispose() {
		page.removePartListener(parts);
		unhook();
		editor = null;
	}
}
