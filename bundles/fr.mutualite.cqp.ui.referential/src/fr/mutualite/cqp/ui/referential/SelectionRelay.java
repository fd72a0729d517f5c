package fr.mutualite.cqp.ui.referential;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.Viewer;

/** The editor's selection for the workbench (Properties view, Edit handlers): that of the tree last used. */
final class SelectionRelay implements ISelectionProvider {

	private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
	private final ISelectionChangedListener forward = e -> fire(e.getSelection());
	private Viewer current;
	private ISelection fallback = StructuredSelection.EMPTY;

	/** Makes {@code viewer} the source of the editor's selection. */
	void follow(Viewer viewer) {
		if (viewer == current) {
			return;
		}
		if (current != null && !current.getControl().isDisposed()) {
			current.removeSelectionChangedListener(forward);
		}
		current = viewer;
		if (current != null) {
			current.addSelectionChangedListener(forward);
			fire(current.getSelection());
		}
	}

	/** Shows {@code selection} when no tree is followed (a page of forms only). */
	void show(ISelection selection) {
		follow(null);
		fallback = selection;
		fire(selection);
	}

	private void fire(ISelection selection) {
		SelectionChangedEvent event = new SelectionChangedEvent(this, selection);
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
		return current != null && !current.getControl().isDisposed() ? current.getSelection() : fallback;
	}

	@Override
	public void removeSelectionChangedListener(ISelectionChangedListener listener) {
		listeners.remove(listener);
	}

	@Override
	public void setSelection(ISelection selection) {
		if (current != null) {
			current.setSelection(selection, true);
		}
	}
}
