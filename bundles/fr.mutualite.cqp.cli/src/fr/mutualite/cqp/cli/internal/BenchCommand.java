package fr.mutualite.cqp.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.HeapPeak;
import fr.mutualite.cqp.core.CqpServices;
import fr.mutualite.cqp.core.IoErrors;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.PrivateFiles;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.ReportFormat;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.report.ReportInfo;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.diagram.DiagramFiles;
import fr.mutualite.cqp.diagram.LayeredLayout;
import fr.mutualite.cqp.diagram.ReferentialGraph;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.CriteriaGroup;
import fr.mutualite.cqp.model.referential.Criterion;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.ItemKind;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.model.referential.Scale;
import fr.mutualite.cqp.model.referential.ScaleLevel;
import fr.mutualite.cqp.model.referential.ScaleTarget;
import fr.mutualite.cqp.referential.ConsistencyReport;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.store.StoreBenchmark;
import fr.mutualite.cqp.store.StoreBenchmark.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cqp bench ...}: the product's benchmarks, printing their figures. */
@Command(name = "bench", aliases = "banc", mixinStandardHelpOptions = true, subcommands = { BenchCommand.StoreCommand.class, //$NON-NLS-1$ //$NON-NLS-2$
		BenchCommand.ReportsCommand.class, BenchCommand.CheckCommand.class, BenchCommand.DiagramCommand.class })
final class BenchCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** A new temporary folder, its owner's alone, for a benchmark's files. */
	static Path temporaryFolder(String prefix) throws CqpException {
		try {
			return PrivateFiles.temporary(Files.createTempDirectory(prefix));
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Bench_noWork, System.getProperty("java.io.tmpdir"), IoErrors.reason(e)), e); //$NON-NLS-1$
		}
	}

	/** {@code cqp bench store [--candidates N] [--seed S] [--work DIR]}. */
	@Command(name = "store", aliases = "stockage", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class StoreCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Option(names = "--candidates", paramLabel = "N", defaultValue = "100000", descriptionKey = "bench.store.candidates")
		int candidates;

		@Option(names = "--seed", paramLabel = "GRAINE", defaultValue = "1", descriptionKey = "data.generate.seed")
		long seed;

		@Option(names = "--work", paramLabel = "DOSSIER", descriptionKey = "bench.store.work")
		Path work;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			Path folder;
			try {
				if (work != null && Files.exists(work) && Files.list(work).findAny().isPresent()) {
					throw new CqpException(NLS.bind(Messages.Bench_workNotEmpty, work));
				}
				folder = work != null ? PrivateFiles.createFolders(work) : temporaryFolder("cqp-banc-"); //$NON-NLS-1$
			} catch (IOException e) {
				throw new CqpException(NLS.bind(Messages.Bench_noWork, work, IoErrors.reason(e)), e);
			}
			LocalDate today = LocalDate.now();
			Figures f;
			try {
				f = StoreBenchmark.run(folder, ReferentialCommand.library(spec), candidates, seed, today, line -> {
					err.println(line);
					err.flush();
				});
			} finally {
				if (work == null) {
					delete(folder);
				}
			}
			out.println(NLS.bind(Messages.Bench_title, Format.number(f.candidates()), Long.valueOf(seed)));
			out.println(NLS.bind(Messages.Bench_generation, new Object[] { Format.number(f.candidates()),
					Format.number(f.generatedRows()), Format.seconds(f.generation()),
					Format.number(Figures.perSecond(f.candidates(), f.generation())),
					Format.number(Figures.perSecond(f.generatedRows(), f.generation())) }));
			out.println(NLS.bind(Messages.Bench_export, Format.number(f.exported()), Format.seconds(f.export())));
			out.println(NLS.bind(Messages.Bench_import, new Object[] { Format.number(f.imported().rows()),
					Format.seconds(f.importing()), Format.number(Figures.perSecond(f.imported().rows(), f.importing())),
					Format.number(f.imported().registrationsAdded()) }));
			out.println(NLS.bind(Messages.Bench_derbyTables, new Object[] { Format.number(f.imported().rows()),
					Format.seconds(f.derbyTables()), Format.number(Figures.perSecond(f.imported().rows(), f.derbyTables())) }));
			out.println(NLS.bind(Messages.Bench_derby, new Object[] { Format.number(f.derbyRows()),
					Format.seconds(f.derbyImport()), Format.number(Figures.perSecond(f.derbyRows(), f.derbyImport())) }));
			out.println(NLS.bind(Messages.Bench_ratio, Format.ratio(f.importRatio()), Format.ratio(f.withoutIndexRatio())));
			out.println(NLS.bind(Messages.Bench_importHeap, Format.number(f.importHeap()), Format.number(HeapPeak.maximum())));
			out.println(NLS.bind(Messages.Bench_list, new Object[] { f.busiestBody(), Format.number(f.listed()),
					Format.millis(f.listFirst()), Format.millis(f.listAgain()) }));
			if (work != null) {
				out.println(NLS.bind(Messages.Bench_kept, folder));
			}
			out.flush();
			return Cli.OK;
		}

		static void delete(Path folder) {
			try {
				PrivateFiles.deleteTree(folder);
			} catch (IOException e) {
				// a temporary folder left behind is harmless
			}
			PrivateFiles.release(folder);
		}
	}

	/**
	 * {@code cqp bench reports [--candidates N] [--db DIR] [--format ...]}: the report pack over a
	 * large synthetic branch, cold then warm, against the same SQL aggregates run alone.
	 */
	@Command(name = "reports", aliases = "rapports", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class ReportsCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Option(names = "--candidates", paramLabel = "N", defaultValue = "100000", descriptionKey = "bench.store.candidates")
		int candidates;

		@Option(names = "--seed", paramLabel = "GRAINE", defaultValue = "1", descriptionKey = "data.generate.seed")
		long seed;

		@Option(names = "--db", paramLabel = "DOSSIER", descriptionKey = "bench.reports.db")
		Path db;

		@Option(names = "--format", paramLabel = "pdf|html|xlsx", split = ",", defaultValue = "pdf,html,xlsx", //$NON-NLS-1$
				descriptionKey = "bench.reports.format")
		List<String> formats;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			List<ReportFormat> chosen = ReportCommand.formats(formats);
			Path folder = temporaryFolder("cqp-banc-rapports-"); //$NON-NLS-1$
			Path database = db != null ? db.toAbsolutePath() : folder.resolve("base"); //$NON-NLS-1$
			ReferentialLibrary library = ReferentialCommand.library(spec);
			ReportService service = CqpServices.get(ReportService.class);
			try (DossierStore store = CqpServices.get(DossierStoreFactory.class).open(
					StoreSettings.embedded(database, StoreSettings.OWNER, null), library,
					DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
						err.println(notice);
						err.flush();
					})) {
				int present = store.candidates().count();
				if (present == 0) {
					long start = System.nanoTime();
					DataCommand.generate(store, library, candidates, seed, LocalDate.now(), err);
					err.println(NLS.bind(Messages.BenchReports_generated, Format.number(store.candidates().count()),
							Format.seconds(Duration.ofNanos(System.nanoTime() - start))));
				}
				DataStore data = store.data();
				List<String> names = service.reports().stream().map(ReportInfo::name).toList();
				Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
				for (String name : names) {
					parameters.put(name, service.parameters(name, Map.of(), data));
				}
				HeapPeak heap = HeapPeak.start();
				err.println(Messages.BenchReports_cold);
				err.flush();
				Map<String, Duration> cold = byReport(pack(service, data, names, chosen, parameters, folder.resolve("froid"))); //$NON-NLS-1$
				err.println(Messages.BenchReports_warm);
				err.flush();
				Map<String, Map<ReportFormat, Duration>> warmEach = pack(service, data, names, chosen, parameters, folder.resolve("chaud")); //$NON-NLS-1$
				Map<String, Duration> warm = byReport(warmEach);
				double peak = heap.mebibytes();
				err.println(Messages.BenchReports_sql);
				err.flush();
				Map<String, Duration> sql = new LinkedHashMap<>();
				long rows = 0;
				for (String name : names) {
					long start = System.nanoTime();
					for (int n = 0; n < chosen.size(); n++) {
						rows += service.query(name, data, parameters.get(name));
					}
					sql.put(name, Duration.ofNanos(System.nanoTime() - start));
				}
				Duration coldTotal = total(cold), warmTotal = total(warm), sqlTotal = total(sql);
				out.println(NLS.bind(Messages.BenchReports_title, new Object[] { Format.number(store.candidates().count()),
						Integer.valueOf(names.size()), String.join(", ", chosen.stream().map(ReportFormat::extension).toList()) })); //$NON-NLS-1$
				String slowest = null;
				ReportFormat slowestFormat = null;
				Duration slowestTime = Duration.ZERO;
				for (String name : names) {
					List<String> each = new ArrayList<>();
					for (Map.Entry<ReportFormat, Duration> one : warmEach.get(name).entrySet()) {
						each.add(one.getKey().extension() + ' ' + Format.millis(one.getValue()));
						if (slowest == null || one.getValue().compareTo(slowestTime) > 0) {
							slowest = name;
							slowestFormat = one.getKey();
							slowestTime = one.getValue();
						}
					}
					out.println(NLS.bind(Messages.BenchReports_report, new Object[] { name, Format.millis(cold.get(name)),
							Format.millis(warm.get(name)), Format.millis(sql.get(name)), String.join(", ", each) })); //$NON-NLS-1$
				}
				out.println(NLS.bind(Messages.BenchReports_pack, new Object[] { Format.seconds(coldTotal),
						Format.seconds(warmTotal), Integer.valueOf(names.size() * chosen.size()) }));
				out.println(NLS.bind(Messages.BenchReports_slowest, new Object[] { slowest, slowestFormat.extension(),
						Format.millis(slowestTime) }));
				out.println(NLS.bind(Messages.BenchReports_sqlAlone, Format.seconds(sqlTotal), Format.number(rows)));
				out.println(NLS.bind(Messages.BenchReports_ratio,
						Format.number(warmTotal.toNanos() / (double) Math.max(1, sqlTotal.toNanos()))));
				out.println(NLS.bind(Messages.BenchReports_heap, Format.number(peak), Format.number(HeapPeak.maximum())));
				out.flush();
			} finally {
				StoreCommand.delete(folder);
			}
			return Cli.OK;
		}

		/** Renders every report in every format into {@code folder}: the time of each rendering, by report and format. */
		private static Map<String, Map<ReportFormat, Duration>> pack(ReportService service, DataStore data, List<String> names,
				List<ReportFormat> formats, Map<String, Map<String, Object>> parameters, Path folder) throws CqpException {
			Map<String, Map<ReportFormat, Duration>> times = new LinkedHashMap<>();
			for (String name : names) {
				Map<ReportFormat, Duration> each = new LinkedHashMap<>();
				for (ReportFormat format : formats) {
					long start = System.nanoTime();
					service.render(name, data, format, parameters.get(name), folder.resolve(name + '.' + format.extension()));
					each.put(format, Duration.ofNanos(System.nanoTime() - start));
				}
				times.put(name, each);
			}
			return times;
		}

		/** The time of each report in all its formats. */
		private static Map<String, Duration> byReport(Map<String, Map<ReportFormat, Duration>> times) {
			Map<String, Duration> sums = new LinkedHashMap<>();
			times.forEach((name, each) -> sums.put(name, total(each)));
			return sums;
		}

		private static Duration total(Map<?, Duration> times) {
			return times.values().stream().reduce(Duration.ZERO, Duration::plus);
		}
	}

	/**
	 * {@code cqp bench check [--domains N]}: {@code cqp referential check} on referential files of
	 * N/4, N/2 and N domains (each with competences, criteria and a booklet section), timing the
	 * reading, the guide's rules and the wording report; the ratio of the two largest tells
	 * whether the check grows linearly (2) or with the square of the file (4).
	 */
	@Command(name = "check", aliases = "verification", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class CheckCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Option(names = "--domains", paramLabel = "N", defaultValue = "40000", descriptionKey = "bench.check.domains")
		int domains;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			if (domains < 8) {
				throw new CqpException(NLS.bind(Messages.BenchCheck_badCount, Integer.valueOf(domains)));
			}
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			Path folder = temporaryFolder("cqp-banc-verification-"); //$NON-NLS-1$
			try {
				check(folder, domains / 8); // warms the JIT up; not shown
				out.println(Messages.BenchCheck_title);
				Duration previous = null;
				for (int n : new int[] { domains / 4, domains / 2, domains }) {
					err.println(NLS.bind(Messages.BenchCheck_running, Format.number(n)));
					err.flush();
					Measure m = check(folder, n);
					out.println(NLS.bind(Messages.BenchCheck_size, new Object[] { Format.number(n),
							Format.number(m.bytes() / 1_000_000.0), Format.seconds(m.reading()), Format.seconds(m.rules()),
							Format.seconds(m.wordings()), Format.seconds(m.total()),
							Format.millis(m.total().dividedBy(Math.max(1, n / 1000))) }));
					if (n == domains) {
						out.println(NLS.bind(Messages.BenchCheck_ratio, new Object[] { Format.number(n),
								Format.number(domains / 2), Format.number(m.total().toNanos() / (double) previous.toNanos()) }));
					}
					previous = m.total();
				}
				out.flush();
			} finally {
				StoreCommand.delete(folder);
			}
			return Cli.OK;
		}

		/** The size of a referential file and the times of its check. */
		private record Measure(long bytes, Duration reading, Duration rules, Duration wordings) {
			Duration total() {
				return reading.plus(rules).plus(wordings);
			}
		}

		/** Writes, reads and checks a referential of {@code n} domains. */
		private static Measure check(Path folder, int n) throws CqpException, ReferentialException {
			Path file = folder.resolve("banc-" + n + ".referentiel"); //$NON-NLS-1$ //$NON-NLS-2$
			OutputFiles.write(file, out -> referential(n, file).save(out, null));
			long size;
			try {
				size = Files.size(file);
			} catch (IOException e) {
				throw new CqpException(NLS.bind(Messages.Bench_noWork, folder, IoErrors.reason(e)), e);
			}
			ReferentialLibrary library = ReferentialLibrary.shipped();
			long start = System.nanoTime();
			Referential loaded = library.add(file);
			Duration reading = Duration.ofNanos(System.nanoTime() - start);
			start = System.nanoTime();
			List<Validation.Problem> problems = Validation.validate(loaded, LocalDate.now());
			Duration rules = Duration.ofNanos(System.nanoTime() - start);
			start = System.nanoTime();
			int differences = ConsistencyReport.of(loaded.getCertifications().get(0), library).size();
			Duration wordings = Duration.ofNanos(System.nanoTime() - start);
			List<String> errors = problems.stream().filter(p -> p.severity() == Validation.Severity.ERROR)
					.map(Validation.Problem::message).toList();
			if (!errors.isEmpty() || differences != 0) {
				throw new CqpException(NLS.bind(Messages.BenchCheck_unexpected, Integer.valueOf(n),
						errors.isEmpty() ? String.valueOf(differences) : errors.get(0)));
			}
			return new Measure(size, reading, rules, wordings);
		}

		/** A referential of one certification of {@code n} domains, in a resource of its own for {@code file}. */
		private static Resource referential(int n, Path file) {
			ReferentialFactory f = ReferentialFactory.eINSTANCE;
			Referential referential = f.createReferential();
			referential.setId("banc"); //$NON-NLS-1$
			referential.setTitle("Banc de vérification"); //$NON-NLS-1$
			referential.setVersion("1.0"); //$NON-NLS-1$
			referential.setValidFrom(LocalDate.of(2020, 1, 1));
			Certification certification = f.createCertification();
			certification.setCode("BANC"); //$NON-NLS-1$
			certification.setTitle("Banc"); //$NON-NLS-1$
			referential.getCertifications().add(certification);
			Booklet booklet = f.createBooklet();
			booklet.setCode("BANC-TRA"); //$NON-NLS-1$
			booklet.setKind(BookletKind.TRAINING_EVALUATION);
			booklet.setTitle("Livret"); //$NON-NLS-1$
			booklet.setCertification(certification);
			Scale scale = f.createScale();
			scale.setCode("BANC-S"); //$NON-NLS-1$
			scale.setTitle("Échelle"); //$NON-NLS-1$
			scale.setTarget(ScaleTarget.CRITERIA_GROUP);
			for (String level : List.of("A", "NA")) { //$NON-NLS-1$ //$NON-NLS-2$
				ScaleLevel l = f.createScaleLevel();
				l.setCode("BANC-S-" + level); //$NON-NLS-1$
				l.setLabel(level);
				l.setAchieved("A".equals(level)); //$NON-NLS-1$
				scale.getLevels().add(l);
			}
			booklet.getScales().add(scale);
			referential.getBooklets().add(booklet);
			for (int i = 1; i <= n; i++) {
				CompetenceDomain domain = f.createCompetenceDomain();
				domain.setCode("D" + i); //$NON-NLS-1$
				domain.setWording("Domaine " + i); //$NON-NLS-1$
				for (int c = 1; c <= 2; c++) {
					Competence competence = f.createCompetence();
					competence.setCode("D" + i + ".C" + c); //$NON-NLS-1$ //$NON-NLS-2$
					competence.setWording("Compétence " + c + " du domaine " + i); //$NON-NLS-1$ //$NON-NLS-2$
					domain.getCompetences().add(competence);
				}
				BookletSection section = f.createBookletSection();
				section.setCode("BANC-D" + i); //$NON-NLS-1$
				section.setDomain(domain);
				section.setWording(domain.getWording());
				for (int g = 1; g <= 2; g++) {
					CriteriaGroup group = f.createCriteriaGroup();
					group.setCode("D" + i + ".G" + g); //$NON-NLS-1$ //$NON-NLS-2$
					group.setWording("Groupe " + g); //$NON-NLS-1$
					for (int k = 1; k <= 2; k++) {
						Criterion criterion = f.createCriterion();
						criterion.setCode(group.getCode() + '.' + k);
						criterion.setWording("Critère " + k); //$NON-NLS-1$
						group.getCriteria().add(criterion);
					}
					domain.getCriteriaGroups().add(group);
					BookletItem item = f.createBookletItem();
					item.setCode(section.getCode() + "-G" + g); //$NON-NLS-1$
					item.setKind(ItemKind.CRITERIA_GROUP);
					item.setWording(group.getWording());
					item.setRates(group);
					item.setScale(scale);
					section.getItems().add(item);
				}
				referential.getDomains().add(domain);
				booklet.getSections().add(section);
				DomainUse use = f.createDomainUse();
				use.setNumber(i);
				use.setDomain(domain);
				certification.getDomains().add(use);
			}
			Resource resource = ReferentialLibrary.newResourceSet().createResource(
					org.eclipse.emf.common.util.URI.createFileURI(file.toAbsolutePath().toString()));
			resource.getContents().add(referential);
			return resource;
		}
	}

	/**
	 * {@code cqp bench diagram [--runs N]}: the diagram of the six certifications with every
	 * criterion, built and laid out, then drawn; and the time from an edit of the model (a wording
	 * changed, a competence added) to the diagram drawn again. Medians of N runs, after as many
	 * to warm up.
	 */
	@Command(name = "diagram", aliases = "diagramme", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class DiagramCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Option(names = "--runs", paramLabel = "N", defaultValue = "15", descriptionKey = "bench.diagram.runs")
		int runs;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			if (runs < 1 || runs > 1000) {
				throw new CqpException(NLS.bind(Messages.BenchDiagram_badRuns, runs));
			}
			PrintWriter out = spec.commandLine().getOut();
			ReferentialLibrary library = ReferentialLibrary.shipped();
			List<Certification> six = library.certifications();
			ReferentialGraph.Filter all = new ReferentialGraph.Filter(null, true, java.util.Set.of());
			ReferentialGraph[] graph = new ReferentialGraph[1];
			LayeredLayout.Layout[] layout = new LayeredLayout.Layout[1];
			long layoutTime = median(() -> {
				graph[0] = ReferentialGraph.of(six, all, e -> null);
				layout[0] = graph[0].layout(null);
			});
			long drawTime = median(() -> DiagramFiles.image(graph[0], layout[0], 1));
			Competence competence = six.stream().filter(c -> c.getCode().equals("CMI")).findFirst().orElseThrow() //$NON-NLS-1$
					.getDomains().get(0).getDomain().getCompetences().get(0);
			String wording = competence.getWording();
			LayeredLayout.Layout base = layout[0];
			int[] turn = { 0 };
			long editTime = median(() -> {
				competence.setWording((turn[0]++ % 2 == 0 ? "X" : "Y") + wording.substring(1)); //$NON-NLS-1$ //$NON-NLS-2$
				redraw(six, all, base);
			});
			competence.setWording(wording);
			CompetenceDomain domain = (CompetenceDomain) competence.eContainer();
			long addTime = median(() -> {
				Competence added = ReferentialFactory.eINSTANCE.createCompetence();
				added.setCode("BENCH-" + turn[0]++); //$NON-NLS-1$
				added.setWording(wording);
				domain.getCompetences().add(added);
				redraw(six, all, base);
				domain.getCompetences().remove(added);
			});
			out.println(NLS.bind(Messages.BenchDiagram_title, new Object[] { six.size(), graph[0].nodes().size(),
					graph[0].edges().size(), runs }));
			out.println(NLS.bind(Messages.BenchDiagram_layout, millis(layoutTime), aim(layoutTime, 300)));
			out.println(NLS.bind(Messages.BenchDiagram_drawing, new Object[] { millis(drawTime),
					(int) layout[0].width(), (int) layout[0].height() }));
			out.println(NLS.bind(Messages.BenchDiagram_first, millis(layoutTime + drawTime), aim(layoutTime + drawTime, 300)));
			out.println(NLS.bind(Messages.BenchDiagram_edit, millis(editTime), aim(editTime, 100)));
			out.println(NLS.bind(Messages.BenchDiagram_add, millis(addTime), aim(addTime, 100)));
			out.flush();
			return Cli.OK;
		}

		/** What the diagram view does after a change: the graph again, laid out keeping the layout, drawn. */
		private static void redraw(List<Certification> six, ReferentialGraph.Filter filter, LayeredLayout.Layout previous) {
			ReferentialGraph graph = ReferentialGraph.of(six, filter, e -> null);
			DiagramFiles.image(graph, graph.layout(previous), 1);
		}

		private long median(Runnable run) {
			for (int i = 0; i < runs; i++) {
				run.run();
			}
			long[] times = new long[runs];
			for (int i = 0; i < runs; i++) {
				long start = System.nanoTime();
				run.run();
				times[i] = System.nanoTime() - start;
			}
			java.util.Arrays.sort(times);
			return times[runs / 2];
		}

		private static String millis(long nanos) {
			return Format.number(Math.round(nanos / 1e6));
		}

		private static String aim(long nanos, int millis) {
			return NLS.bind(nanos / 1e6 <= millis ? Messages.BenchDiagram_met : Messages.BenchDiagram_missed, millis);
		}
	}
}
