package fr.mutualite.cqp.ui.emf;

import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.edit.provider.IChangeNotifier;
import org.eclipse.emf.edit.provider.INotifyChangedListener;
import org.eclipse.emf.edit.provider.IStructuredItemContentProvider;
import org.eclipse.emf.edit.provider.ITreeItemContentProvider;
import org.eclipse.emf.edit.provider.IViewerNotification;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.widgets.Display;

/**
 * A JFace tree content provider over EMF.Edit item providers: the children an item provider
 * gives, refreshed when the model notifies a change (the role of EMF's
 * {@code AdapterFactoryContentProvider}, whose bundle cannot be obtained here).
 * <p>
 * The input may be a model object (its item provider's elements are shown) or an array or
 * collection of objects (shown as they are). Subclasses may redirect children, for instance to
 * show the elements a reference points to.
 */
public class ModelContentProvider implements ITreeContentProvider, INotifyChangedListener {

	protected final AdapterFactory factory;
	private StructuredViewer viewer;

	public ModelContentProvider(AdapterFactory factory) {
		this.factory = factory;
		if (factory instanceof IChangeNotifier notifier) {
			notifier.addListener(this);
		}
	}

	@Override
	public Object[] getElements(Object input) {
		if (input instanceof Object[] array) {
			return array;
		}
		if (input instanceof Collection<?> collection) {
			return collection.toArray();
		}
		IStructuredItemContentProvider provider = adapt(input, IStructuredItemContentProvider.class);
		return provider == null ? new Object[0] : provider.getElements(input).toArray();
	}

	@Override
	public Object[] getChildren(Object parent) {
		ITreeItemContentProvider provider = adapt(parent, ITreeItemContentProvider.class);
		return provider == null ? new Object[0] : provider.getChildren(parent).toArray();
	}

	@Override
	public boolean hasChildren(Object element) {
		ITreeItemContentProvider provider = adapt(element, ITreeItemContentProvider.class);
		return provider != null && provider.hasChildren(element);
	}

	@Override
	public Object getParent(Object element) {
		ITreeItemContentProvider provider = adapt(element, ITreeItemContentProvider.class);
		return provider == null ? null : provider.getParent(element);
	}

	@Override
	public void inputChanged(Viewer changed, Object oldInput, Object newInput) {
		viewer = changed instanceof StructuredViewer structured ? structured : null;
	}

	/** Refreshes what the notification names: the element's children, its label, or both. */
	@Override
	public void notifyChanged(Notification notification) {
		if (!(notification instanceof IViewerNotification change) || viewer == null) {
			return;
		}
		Runnable refresh = () -> {
			if (viewer == null || viewer.getControl().isDisposed()) {
				return;
			}
			if (change.getElement() == null) {
				viewer.refresh(change.isLabelUpdate());
				return;
			}
			for (Object element : shownFor(change.getElement())) {
				if (change.isContentRefresh()) {
					viewer.refresh(element, change.isLabelUpdate());
				} else if (change.isLabelUpdate()) {
					viewer.update(element, null);
				}
			}
		};
		if (Display.getCurrent() != null) {
			refresh.run();
		} else if (!viewer.getControl().isDisposed()) {
			viewer.getControl().getDisplay().asyncExec(refresh);
		}
	}

	/**
	 * The elements of the tree that show {@code element}: itself, and for a subclass that shows
	 * an element's children under another element, that one too.
	 */
	protected List<Object> shownFor(Object element) {
		return List.of(element);
	}

	/** The viewer's input. */
	protected Object input() {
		return viewer == null ? null : viewer.getInput();
	}

	@SuppressWarnings("unchecked")
	protected <T> T adapt(Object object, Class<T> type) {
		return (T) factory.adapt(object, type);
	}

	@Override
	public void dispose() {
		if (factory instanceof IChangeNotifier notifier) {
			notifier.removeListener(this);
		}
		viewer = null;
	}
}
