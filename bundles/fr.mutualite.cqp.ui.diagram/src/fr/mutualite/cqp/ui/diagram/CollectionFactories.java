package fr.mutualite.cqp.ui.diagram;

import java.net.URL;
import java.util.Enumeration;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Makes Eclipse Collections' factories work inside OSGi, for NatTable. Its API finds each
 * factory's implementation with {@code java.util.ServiceLoader} and the thread's context class
 * loader, once, when the factory's holder class ({@code IntSets}, {@code Lists}...) is first
 * used; inside OSGi that loader cannot see the implementation bundle's {@code META-INF/services},
 * the factories are left unusable and NatTable paints nothing. The holders are therefore
 * initialised here, once, with the implementation bundle's class loader as context loader.
 * (Aries SPI Fly would do it by weaving, but these jars declare no service-loader capability and
 * the product does not start SPI Fly: see docs/referential-editor.md.)
 */
final class CollectionFactories {

	private static final String API = "org.eclipse.collections.api", IMPL = "org.eclipse.collections.impl"; //$NON-NLS-1$ //$NON-NLS-2$
	private static boolean loaded;

	private CollectionFactories() {
	}

	static synchronized void load() {
		if (loaded) {
			return;
		}
		loaded = true;
		Bundle api = null, impl = null;
		for (Bundle bundle : FrameworkUtil.getBundle(CollectionFactories.class).getBundleContext().getBundles()) {
			if (API.equals(bundle.getSymbolicName())) {
				api = bundle;
			} else if (IMPL.equals(bundle.getSymbolicName())) {
				impl = bundle;
			}
		}
		BundleWiring apiWiring = api == null ? null : api.adapt(BundleWiring.class);
		BundleWiring implWiring = impl == null ? null : impl.adapt(BundleWiring.class);
		if (apiWiring == null || implWiring == null) {
			Platform.getLog(CollectionFactories.class).log(Status.warning("Eclipse Collections is not resolved: " + api + ", " + impl)); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		Thread thread = Thread.currentThread();
		ClassLoader context = thread.getContextClassLoader();
		thread.setContextClassLoader(implWiring.getClassLoader());
		try {
			Enumeration<URL> classes = api.findEntries("org/eclipse/collections/api/factory", "*.class", true); //$NON-NLS-1$ //$NON-NLS-2$
			while (classes != null && classes.hasMoreElements()) {
				String path = classes.nextElement().getPath();
				String name = path.substring(path.startsWith("/") ? 1 : 0, path.length() - ".class".length()).replace('/', '.'); //$NON-NLS-1$ //$NON-NLS-2$
				if (!name.contains("$") && !name.endsWith("Factory") && !name.endsWith("ServiceLoaderUtils")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					try {
						Class.forName(name, true, apiWiring.getClassLoader());
					} catch (ReflectiveOperationException | LinkageError e) {
						Platform.getLog(CollectionFactories.class).log(Status.warning(name, e));
					}
				}
			}
		} finally {
			thread.setContextClassLoader(context);
		}
	}
}
