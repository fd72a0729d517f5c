package fr.mutualite.cqp.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ISources;
import org.eclipse.ui.handlers.HandlerUtil;

/** "Enregistrer": saves the active editor when it has changes. */
public final class SaveHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if (editor != null && editor.isDirty()) {
			editor.getSite().getPage().saveEditor(editor, false);
		}
		return null;
	}

	@Override
	public void setEnabled(Object context) {
		setBaseEnabled(HandlerUtil.getVariable(context, ISources.ACTIVE_EDITOR_NAME) instanceof IEditorPart editor && editor.isDirty());
	}
}
