package fr.mutualite.cqp.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.HeapPeak;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.dossier.BulkLoader;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.ImportReport;
import fr.mutualite.cqp.core.dossier.Progress;
import fr.mutualite.cqp.core.dossier.RegistrationCsv;
import fr.mutualite.cqp.core.dossier.RegistrationRow;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.store.internal.DerbyDossierStore;
import fr.mutualite.cqp.store.internal.Messages;
import fr.mutualite.cqp.store.internal.SqlErrors;

/**
 * The store's benchmark, in fresh embedded databases of a work folder: generating a synthetic
 * branch, exporting its registrations, importing them into an empty database, loading the same
 * rows with Derby's own {@code SYSCS_UTIL.SYSCS_IMPORT_TABLE} (into the product's tables of another
 * empty database, and into one table without index), and listing the candidates of the busiest
 * training body.
 */
public final class StoreBenchmark {

	/**
	 * What the benchmark measured.
	 *
	 * @param candidates     candidates generated
	 * @param generatedRows  rows the generation wrote (all tables)
	 * @param generation     time to generate and write them, in one transaction
	 * @param exported       registrations exported to CSV
	 * @param export         time of the export
	 * @param imported       what the import did
	 * @param importing      time of the import, reading and checking the file included
	 * @param importHeap     peak heap during the import, in MiB
	 * @param derbyTables    time of Derby's import procedure loading the rows the import wrote
	 *                       (companies, candidates, registrations) into the same tables of an
	 *                       empty database, with their keys, constraints and indexes
	 * @param derbyRows      rows Derby's import procedure loaded into a table without index
	 * @param derbyImport    time of that load
	 * @param busiestBody    the training body whose candidates were listed
	 * @param listed         how many registrations it has
	 * @param listFirst      time of the first listing
	 * @param listAgain      best time of five more listings
	 */
	public record Figures(int candidates, long generatedRows, Duration generation, int exported, Duration export,
			ImportReport imported, Duration importing, double importHeap, Duration derbyTables, long derbyRows,
			Duration derbyImport, String busiestBody, int listed, Duration listFirst, Duration listAgain) {

		/**
		 * Lines of the file the import reads per second over the same lines per second for Derby's
		 * import procedure loading what the import wrote into the same tables.
		 */
		public double importRatio() {
			return derbyTables.toNanos() / (double) Math.max(1, importing.toNanos());
		}

		/** Rows of the import per second over rows of Derby's import procedure per second into a table without index. */
		public double withoutIndexRatio() {
			return perSecond(imported.rows(), importing) / perSecond(derbyRows, derbyImport);
		}

		public static double perSecond(long count, Duration time) {
			return count / Math.max(1e-9, time.toNanos() / 1e9);
		}
	}

	private StoreBenchmark() {
	}

	/** Runs the benchmark in {@code work} (which must not hold databases yet), telling {@code log} each step. */
	public static Figures run(Path work, ReferentialLibrary library, int candidates, long seed, LocalDate asOf,
			Consumer<String> log) throws CqpException {
		Path csv = work.resolve("inscriptions.csv"); //$NON-NLS-1$
		Path headless = work.resolve("inscriptions-sans-entete.csv"); //$NON-NLS-1$
		long generatedRows;
		Duration generation;
		Duration export;
		List<RegistrationRow> rows = new ArrayList<>();
		String busiest;
		int listed;
		Duration listFirst;
		Duration listAgain = Duration.ofDays(1);
		try (DossierStore source = DerbyDossierStore.open(StoreSettings.embedded(work.resolve("generee")), library,
				DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
					// a fresh database of the benchmark's work folder
				})) { //$NON-NLS-1$
			log.accept(NLS.bind(Messages.Bench_generating, Integer.valueOf(candidates)));
			long start = System.nanoTime();
			try (BulkLoader loader = source.bulkLoader()) {
				new BranchGenerator(library, seed, asOf).generate(candidates, BranchGenerator.into(loader));
				loader.commit();
				generatedRows = loader.rows();
			}
			generation = Duration.ofNanos(System.nanoTime() - start);
			log.accept(Messages.Bench_exporting);
			start = System.nanoTime();
			source.exportRegistrations(rows::add);
			write(csv, rows, true);
			export = Duration.ofNanos(System.nanoTime() - start);
			write(headless, rows, false);
			busiest = rows.stream().filter(r -> r.trainingBodyCode() != null)
					.collect(Collectors.groupingBy(RegistrationRow::trainingBodyCode, Collectors.counting())).entrySet()
					.stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(null);
			log.accept(NLS.bind(Messages.Bench_listing, busiest));
			start = System.nanoTime();
			listed = busiest == null ? 0 : source.registrations().ofTrainingBody(busiest).size();
			listFirst = Duration.ofNanos(System.nanoTime() - start);
			for (int i = 0; i < 5 && busiest != null; i++) {
				start = System.nanoTime();
				source.registrations().ofTrainingBody(busiest);
				Duration d = Duration.ofNanos(System.nanoTime() - start);
				listAgain = d.compareTo(listAgain) < 0 ? d : listAgain;
			}
		}
		int exported = rows.size();
		rows.clear(); // the import reads the file, not these rows
		ImportReport imported;
		Duration importing;
		double importHeap;
		long derbyRows;
		Duration derbyImport;
		Duration derbyTables;
		try (DossierStore target = DerbyDossierStore.open(StoreSettings.embedded(work.resolve("importee")), library,
				DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
					// a fresh database of the benchmark's work folder
				})) {
			log.accept(NLS.bind(Messages.Bench_importing, Integer.valueOf(exported)));
			Set<String> bodies = target.trainingBodies().list().stream().map(b -> b.getCode()).collect(Collectors.toSet());
			List<RegistrationCsv.Problem> problems = new ArrayList<>();
			System.gc();
			HeapPeak heap = HeapPeak.start();
			long start = System.nanoTime();
			imported = target.importRegistrations(
					each -> RegistrationCsv.read(csv, library, bodies, asOf, each, problems::add, Progress.NONE));
			importing = Duration.ofNanos(System.nanoTime() - start);
			importHeap = heap.mebibytes();
			if (!problems.isEmpty()) {
				throw new CqpException(NLS.bind(Messages.Bench_refusedRows, problems.get(0)));
			}
			log.accept(Messages.Bench_derbyTables);
			derbyTables = derbyImport(target, work, library);
			log.accept(Messages.Bench_derbyImport);
			try (Connection c = target.data().connect()) {
				try (Statement s = c.createStatement()) {
					s.executeUpdate("CREATE TABLE REGISTRATION_IMPORT (CANDIDATE_ID VARCHAR(40), LAST_NAME VARCHAR(100), " //$NON-NLS-1$
							+ "FIRST_NAME VARCHAR(100), BIRTH_DATE DATE, EMAIL VARCHAR(200), COMPANY VARCHAR(200), CITY VARCHAR(100), " //$NON-NLS-1$
							+ "CERTIFICATION_CODE VARCHAR(16), REGISTRATION_DATE DATE, ROUTE VARCHAR(9), TRAINING_BODY_CODE VARCHAR(64), " //$NON-NLS-1$
							+ "REGISTRATION_ID VARCHAR(40))"); //$NON-NLS-1$
				}
				start = System.nanoTime();
				try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE(?, ?, ?, ',', '\"', 'UTF-8', 0)")) { //$NON-NLS-1$
					call.setString(1, c.getSchema());
					call.setString(2, "REGISTRATION_IMPORT"); //$NON-NLS-1$
					call.setString(3, headless.toAbsolutePath().toString());
					call.execute();
				}
				derbyImport = Duration.ofNanos(System.nanoTime() - start);
				try (Statement s = c.createStatement();
						ResultSet r = s.executeQuery("SELECT COUNT(*) FROM REGISTRATION_IMPORT")) { //$NON-NLS-1$
					r.next();
					derbyRows = r.getLong(1);
				}
			} catch (SQLException e) {
				throw SqlErrors.failure(target.data().location(), e);
			}
		}
		return new Figures(candidates, generatedRows, generation, exported, export, imported, importing, importHeap,
				derbyTables, derbyRows, derbyImport, busiest, listed, listFirst, listAgain);
	}

	/** What the import wrote, in the order it wrote it, by table: the companies first, for the keys. */
	private static final List<String> IMPORTED = List.of("COMPANY", "CANDIDATE", "REGISTRATION"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/**
	 * The time Derby's import procedure takes to load the rows {@code imported} holds (exported
	 * by Derby's export procedure) into the same tables of another empty database.
	 */
	private static Duration derbyImport(DossierStore imported, Path work, ReferentialLibrary library) throws CqpException {
		try (Connection c = imported.data().connect()) {
			eachImported(c, "CALL SYSCS_UTIL.SYSCS_EXPORT_TABLE('CQP', ?, ?, NULL, NULL, 'UTF-8')", work); //$NON-NLS-1$
		} catch (SQLException e) {
			throw SqlErrors.failure(imported.data().location(), e);
		}
		Path folder = work.resolve("importee-par-derby"); //$NON-NLS-1$
		try (DossierStore target = DerbyDossierStore.open(StoreSettings.embedded(folder), library,
				DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
					// a fresh database of the benchmark's work folder
				}); Connection c = target.data().connect()) {
			long start = System.nanoTime();
			eachImported(c, "CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE('CQP', ?, ?, NULL, NULL, 'UTF-8', 0)", work); //$NON-NLS-1$
			return Duration.ofNanos(System.nanoTime() - start);
		} catch (SQLException e) {
			throw SqlErrors.failure(folder.toString(), e);
		}
	}

	/** Calls Derby's {@code procedure} (table, file) on each table the import wrote, with its file in {@code work}. */
	private static void eachImported(Connection c, String procedure, Path work) throws SQLException {
		for (String table : IMPORTED) {
			try (CallableStatement call = c.prepareCall(procedure)) {
				call.setString(1, table);
				call.setString(2, work.resolve(table + ".del").toAbsolutePath().toString()); //$NON-NLS-1$
				call.execute();
			}
		}
	}

	private static void write(Path file, List<RegistrationRow> rows, boolean header) throws CqpException {
		OutputFiles.write(file, out -> {
			if (header) {
				RegistrationCsv.write(rows, RegistrationCsv.Dialect.CSV, out);
			} else {
				java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
				RegistrationCsv.write(rows, RegistrationCsv.Dialect.CSV, buffer);
				String text = buffer.toString(StandardCharsets.UTF_8);
				out.write(text.substring(text.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8));
			}
		});
	}
}
