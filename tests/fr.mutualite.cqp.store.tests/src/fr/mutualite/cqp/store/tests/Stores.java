package fr.mutualite.cqp.store.tests;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import fr.mutualite.cqp.core.dossier.BulkLoader;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.store.internal.Statistics;

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

	/**
	 * Each statistics' table of the database behind {@code c} whose kept counts differ from a full
	 * recount of the dossiers, with the rows only one side has.
	 */
	static Map<String, String> drift(Connection c) throws SQLException {
		Map<String, String> drift = new TreeMap<>();
		for (Statistics.Table table : Statistics.TABLES) {
			List<List<Object>> kept = Statistics.kept(c, table), recount = Statistics.recount(c, table);
			if (!kept.equals(recount)) {
				List<List<Object>> extra = new ArrayList<>(kept), missing = new ArrayList<>(recount);
				extra.removeAll(recount);
				missing.removeAll(kept);
				drift.put(table.name(), "kept only " + extra + ", recounted only " + missing);
			}
		}
		return drift;
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
