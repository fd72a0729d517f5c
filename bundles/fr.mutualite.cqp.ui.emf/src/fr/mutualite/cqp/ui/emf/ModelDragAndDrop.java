package fr.mutualite.cqp.ui.emf;

import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.common.command.UnexecutableCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.DragAndDropCommand;
import org.eclipse.emf.edit.command.DragAndDropFeedback;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.IWrapperItemProvider;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Moving and copying the model's elements by drag and drop inside a viewer, each drop an
 * undoable {@link DragAndDropCommand} (the role of EMF's {@code EditingDomainViewerDropAdapter}).
 */
public final class ModelDragAndDrop {

	private ModelDragAndDrop() {
	}

	/** Lets the user drag elements of {@code viewer} and drop them on others, through {@code domain}'s commands. */
	public static void install(StructuredViewer viewer, EditingDomain domain) {
		Transfer[] transfers = { LocalSelectionTransfer.getTransfer() };
		int operations = DND.DROP_MOVE | DND.DROP_COPY | DND.DROP_LINK;
		viewer.addDragSupport(operations, transfers, new DragSourceAdapter() {
			@Override
			public void dragStart(DragSourceEvent event) {
				LocalSelectionTransfer.getTransfer().setSelection(viewer.getSelection());
				event.doit = !viewer.getSelection().isEmpty();
			}

			@Override
			public void dragFinished(DragSourceEvent event) {
				LocalSelectionTransfer.getTransfer().setSelection(null);
			}
		});
		viewer.addDropSupport(operations, transfers, new DropTargetAdapter() {
			@Override
			public void dragEnter(DropTargetEvent event) {
				update(event);
			}

			@Override
			public void dragOver(DropTargetEvent event) {
				update(event);
			}

			@Override
			public void dragOperationChanged(DropTargetEvent event) {
				update(event);
			}

			@Override
			public void drop(DropTargetEvent event) {
				Command command = command(event);
				if (command == null || !ModelEditing.execute(domain, command)) {
					event.detail = DND.DROP_NONE;
				}
			}

			private void update(DropTargetEvent event) {
				Command command = command(event);
				event.feedback = DND.FEEDBACK_SCROLL | DND.FEEDBACK_EXPAND;
				if (command == null || !command.canExecute()) {
					event.detail = DND.DROP_NONE;
					return;
				}
				if (command instanceof DragAndDropFeedback feedback) {
					event.detail = feedback.getOperation();
					event.feedback |= feedback.getFeedback();
				}
			}

			private Command command(DropTargetEvent event) {
				ISelection dragged = LocalSelectionTransfer.getTransfer().getSelection();
				if (!(event.item instanceof Item item) || item.getData() == null) {
					return null;
				}
				return ModelDragAndDrop.drop(domain, ModelEditing.elements(dragged), item.getData(), location(event, item), event.operations,
						event.detail);
			}
		});
	}

	/**
	 * The command dropping {@code dragged} on {@code target} at {@code location} (0 its top: before
	 * it; 0.5: into it; 1 its bottom: after it), moving unless {@code operation} says otherwise;
	 * {@code null} when nothing is dragged. Elements shown through a reference (competences another
	 * domain shares) are references, not elements: see {@link #dropReferences}.
	 */
	public static Command drop(EditingDomain domain, List<Object> dragged, Object target, float location, int operations,
			int operation) {
		if (dragged.isEmpty() || target == null) {
			return null;
		}
		int chosen = operation == DND.DROP_NONE ? DND.DROP_MOVE : operation;
		if (dragged.stream().anyMatch(IWrapperItemProvider.class::isInstance)) {
			return dropReferences(domain, dragged, target, chosen);
		}
		return DragAndDropCommand.create(domain, target, location, operations, chosen, dragged);
	}

	/**
	 * Elements shown through one reference, dropped on another owner of that reference: the
	 * reference moves (or, copying, is added) there; the elements themselves stay where they are.
	 * Dropped anywhere else (where EMF would take them out of their own container) they cannot be.
	 */
	private static Command dropReferences(EditingDomain domain, List<Object> dragged, Object target, int operation) {
		Object owner = AdapterFactoryEditingDomain.unwrap(target);
		EStructuralFeature feature = dragged.get(0) instanceof IWrapperItemProvider first
				&& first.getFeature() instanceof EStructuralFeature f ? f : null;
		boolean sameReference = feature != null && dragged.stream().allMatch(d -> d instanceof IWrapperItemProvider shown
				&& shown.getFeature() == feature && shown.getOwner() != owner);
		if (!sameReference || !(owner instanceof EObject object) || !object.eClass().getEAllStructuralFeatures().contains(feature)) {
			return UnexecutableCommand.INSTANCE;
		}
		List<Object> values = dragged.stream().map(AdapterFactoryEditingDomain::unwrap).toList();
		CompoundCommand move = new CompoundCommand();
		if (operation != DND.DROP_COPY) {
			move.append(RemoveCommand.create(domain, dragged));
		}
		move.append(AddCommand.create(domain, object, feature, values));
		return move;
	}

	/** Where the pointer is on {@code item}, from 0 (its top) to 1 (its bottom). */
	private static float location(DropTargetEvent event, Item item) {
		Rectangle bounds = item instanceof TreeItem t ? t.getBounds() : item instanceof TableItem t ? t.getBounds() : null;
		if (bounds == null || bounds.height == 0) {
			return 0.5f;
		}
		int y = item instanceof TreeItem t ? t.getParent().toControl(event.x, event.y).y
				: ((TableItem) item).getParent().toControl(event.x, event.y).y;
		return Math.max(0f, Math.min(1f, (float) (y - bounds.y) / bounds.height));
	}
}
