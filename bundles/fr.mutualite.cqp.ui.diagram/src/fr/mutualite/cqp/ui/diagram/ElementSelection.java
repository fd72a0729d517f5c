package fr.mutualite.cqp.ui.diagram;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;

/** A view's selection for the workbench (Properties view, Edit commands): the model element it shows selected. */
final class ElementSelection implements ISelectionProvider {

	private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
	private ISelection current = StructuredSelection.EMPTY;

	/** Makes {@code element} ({@code null}: nothing) the selection, telling the listeners if it changed. */
	void show(EObject element) {
		ISelection next = element == null ? StructuredSelection.EMPTY : new StructuredSelection(element);
		if (next.equals(current)) {
			return;
		}
		current = next;
		SelectionChangedEvent event = new SelectionChangedEvent(this, current);
		for (ISelectionChangedListener listener : listeners) {
			listener.selectionChanged(event);
		}
	}

	@Override
	public void addSelectionChangedListener(ISelectionChangedListener listener) {
		listeners.add(listener);
	}

	@Override
	public ISelection getSelection() {
		return current;
	}

	@Override
	public void removeSelectionChangedListener(ISelectionChangedListener listener) {
		listeners.remove(listener);
	}

	@Override
	public void setSelection(ISelection selection) {
		current = selection;
	}
}
