package fr.mutualite.cqp.store.tests;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import fr.mutualite.cqp.core.dossier.BulkLoader;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** Databases of the tests: opened through the store's OSGi service, filled by the generator. */
final class Stores {

	static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private static ServiceTracker<DossierStoreFactory, DossierStoreFactory> tracker;
	private static ReferentialLibrary library;

	private Stores() {
	}

	static synchronized ReferentialLibrary library() throws Exception {
		if (library == null) {
			library = ReferentialLibrary.shipped();
		}
		return library;
	}

	static synchronized DossierStoreFactory factory() throws Exception {
		if (tracker == null) {
			tracker = new ServiceTracker<>(FrameworkUtil.getBundle(Stores.class).getBundleContext(),
					DossierStoreFactory.class, null);
			tracker.open();
		}
		DossierStoreFactory factory = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
		if (factory == null) {
			throw new IllegalStateException("no DossierStoreFactory service");
		}
		return factory;
	}

	/** The embedded database in {@code folder}, created if needed. */
	static DossierStore open(Path folder) throws Exception {
		return factory().open(StoreSettings.embedded(folder), library(), DossierStoreFactory.Opening.CREATE_IF_MISSING,
				notice -> {
					// the tests look at the databases themselves
				});
	}

	/** Fills {@code store} with {@code candidates} synthetic candidates; returns the generator, which kept them. */
	static BranchGenerator fill(DossierStore store, long seed, int candidates) throws Exception {
		BranchGenerator generator = new BranchGenerator(library(), seed, AS_OF).keep();
		try (BulkLoader loader = store.bulkLoader()) {
			generator.generate(candidates, BranchGenerator.into(loader));
			loader.commit();
		}
		return generator;
	}
}
