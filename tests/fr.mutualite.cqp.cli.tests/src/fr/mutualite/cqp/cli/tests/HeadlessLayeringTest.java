package fr.mutualite.cqp.cli.tests;

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
 * The headless bundles (everything but {@code *.ui*}) resolve and run without any user-interface
 * bundle: none of them is wired, directly or through the bundles it uses, to SWT, JFace, the
 * workbench or e4 UI.
 */
class HeadlessLayeringTest {

	private static final Set<String> HEADLESS = Set.of("fr.mutualite.cqp.model", "fr.mutualite.cqp.model.edit",
			"fr.mutualite.cqp.referential", "fr.mutualite.cqp.core", "fr.mutualite.cqp.store",
			"fr.mutualite.cqp.reports", "fr.mutualite.cqp.diagram", "fr.mutualite.cqp.cli");

	@Test
	void headlessBundlesReachNoUserInterfaceBundle() {
		Bundle[] bundles = FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles();
		Set<String> seen = new TreeSet<>();
		List<String> violations = new ArrayList<>();
		for (Bundle bundle : bundles) {
			if (HEADLESS.contains(bundle.getSymbolicName())) {
				seen.add(bundle.getSymbolicName());
				BundleWiring wiring = bundle.adapt(BundleWiring.class);
				assertTrue(wiring != null && wiring.isInUse(), bundle.getSymbolicName() + " is resolved");
				walk(bundle.getSymbolicName(), wiring, new TreeSet<>(), violations);
			}
		}
		assertEquals(HEADLESS, seen, "every headless bundle is in this runtime");
		assertEquals(List.of(), violations);
	}

	private static void walk(String root, BundleWiring wiring, Set<String> visited, List<String> violations) {
		String name = wiring.getRevision().getSymbolicName();
		if (!visited.add(name)) {
			return;
		}
		if (isUserInterface(name)) {
			violations.add(root + " -> ... -> " + name);
			return;
		}
		for (BundleWire wire : wiring.getRequiredWires(null)) {
			walk(root, wire.getProviderWiring(), visited, violations);
		}
	}

	private static boolean isUserInterface(String name) {
		return name.startsWith("org.eclipse.swt") || name.startsWith("org.eclipse.jface")
				|| name.equals("org.eclipse.ui") || name.startsWith("org.eclipse.ui.")
				|| name.startsWith("org.eclipse.e4.ui") || name.startsWith("fr.mutualite.cqp.ui");
	}
}
