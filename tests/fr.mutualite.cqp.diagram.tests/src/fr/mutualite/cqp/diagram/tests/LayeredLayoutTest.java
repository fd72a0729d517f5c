package fr.mutualite.cqp.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import fr.mutualite.cqp.diagram.LayeredLayout;
import fr.mutualite.cqp.diagram.LayeredLayout.Box;
import fr.mutualite.cqp.diagram.LayeredLayout.Link;
import fr.mutualite.cqp.diagram.LayeredLayout.Placement;

/** Eclipse ELK's layered algorithm, inside OSGi, on a small referential-shaped graph. */
class LayeredLayoutTest {

	/** A certification, three domains, two competences per domain; one competence shared. */
	private static final List<Box> BOXES = List.of(new Box("CQP", 160, 50), new Box("D1", 140, 40),
			new Box("D2", 140, 40), new Box("D3", 140, 40), new Box("C1.1", 120, 30), new Box("C1.2", 120, 30),
			new Box("C2.1", 120, 30), new Box("C2.2", 120, 30), new Box("C3.1", 120, 30), new Box("C3.2", 120, 30));
	private static final List<Link> LINKS = List.of(new Link("CQP", "D1"), new Link("CQP", "D2"),
			new Link("CQP", "D3"), new Link("D1", "C1.1"), new Link("D1", "C1.2"), new Link("D2", "C2.1"),
			new Link("D2", "C2.2"), new Link("D3", "C3.1"), new Link("D3", "C3.2"), new Link("D2", "C1.2"));

	@Test
	void noTwoBoxesOverlapAndEveryBoxKeepsItsSize() {
		Map<String, Placement> placed = new LayeredLayout(true, 20).place(BOXES, LINKS).boxes();
		assertEquals(BOXES.size(), placed.size());
		for (Box box : BOXES) {
			Placement p = placed.get(box.id());
			assertNotNull(p, box.id());
			assertEquals(box.width(), p.width());
			assertEquals(box.height(), p.height());
			assertTrue(p.x() >= 0 && p.y() >= 0, box.id() + " inside the diagram");
		}
		List<String> overlaps = new ArrayList<>();
		for (int i = 0; i < BOXES.size(); i++) {
			for (int j = i + 1; j < BOXES.size(); j++) {
				String a = BOXES.get(i).id(), b = BOXES.get(j).id();
				if (placed.get(a).overlaps(placed.get(b))) {
					overlaps.add(a + "/" + b);
				}
			}
		}
		assertEquals(List.of(), overlaps);
	}

	@Test
	void edgesFlowInTheChosenDirection() {
		Map<String, Placement> right = new LayeredLayout(true, 20).place(BOXES, LINKS).boxes();
		Map<String, Placement> down = new LayeredLayout(false, 20).place(BOXES, LINKS).boxes();
		for (Link link : LINKS) {
			assertTrue(right.get(link.source()).x() < right.get(link.target()).x(), link + " left to right");
			assertTrue(down.get(link.source()).y() < down.get(link.target()).y(), link + " top to bottom");
		}
	}

	@Test
	void theOverlapCheckItselfSeesOverlaps() {
		assertTrue(new Placement(0, 0, 10, 10).overlaps(new Placement(5, 5, 10, 10)));
		assertFalse(new Placement(0, 0, 10, 10).overlaps(new Placement(10, 0, 10, 10)));
	}

	@Test
	void aLinkToAnUnknownBoxIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> new LayeredLayout(true, 20).place(BOXES, List.of(new Link("CQP", "D9"))));
		assertTrue(e.getMessage().contains("D9"));
	}

	@Test
	void elkRunsFromItsOsgiBundles() {
		assertEquals("org.eclipse.elk.core",
				FrameworkUtil.getBundle(org.eclipse.elk.core.RecursiveGraphLayoutEngine.class).getSymbolicName());
	}
}
