package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The user-interface bundles reach the database and the reports through the core's services
 * only: none of them is wired, directly or through the bundles it uses, to the store, the report
 * engine, Derby or Liquibase.
 */
class UiLayeringTest {

	@Test
	void userInterfaceBundlesReachNeitherTheStoreNorBirt() {
		List<String> violations = new ArrayList<>();
		Set<String> checked = new TreeSet<>();
		for (Bundle bundle : FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles()) {
			String name = bundle.getSymbolicName();
			if (name.startsWith("fr.mutualite.cqp.ui") && !name.endsWith(".tests") && !name.equals("fr.mutualite.cqp.ui.nl.fr")) {
				checked.add(name);
				BundleWiring wiring = bundle.adapt(BundleWiring.class);
				assertTrue(wiring != null && wiring.isInUse(), name + " is resolved");
				walk(name, wiring, new TreeSet<>(), violations);
			}
		}
		assertTrue(checked.containsAll(Set.of("fr.mutualite.cqp.ui", "fr.mutualite.cqp.ui.diagram")), checked.toString());
		assertEquals(List.of(), violations);
	}

	private static void walk(String root, BundleWiring wiring, Set<String> visited, List<String> violations) {
		String name = wiring.getRevision().getSymbolicName();
		if (!visited.add(name)) {
			return;
		}
		if (name.equals("fr.mutualite.cqp.store") || name.equals("fr.mutualite.cqp.reports") || name.startsWith("org.eclipse.birt")
				|| name.startsWith("derby") || name.startsWith("org.apache.derby") || name.contains("liquibase")) {
			violations.add(root + " -> ... -> " + name);
			return;
		}
		for (BundleWire wire : wiring.getRequiredWires(null)) {
			walk(root, wire.getProviderWiring(), visited, violations);
		}
	}
}
