package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.PrivateFiles;
import fr.mutualite.cqp.core.dossier.BulkLoader;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DatabaseChoice;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.report.Dashboard;
import fr.mutualite.cqp.core.report.ReportInfo;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.internal.DashboardView;
import fr.mutualite.cqp.ui.internal.ReferentialsPerspective;
import fr.mutualite.cqp.ui.internal.StatisticsPerspective;
import fr.mutualite.cqp.ui.internal.StatisticsView;

/**
 * The statistics perspective of the real workbench over a real Derby database: the reports are
 * listed, run in the background, shown as HTML with the figures of the database, and a wrong
 * value is told under the buttons.
 */
class StatisticsViewTest {

	private static final long TIMEOUT_MS = TimeUnit.SECONDS.toMillis(90);

	@TempDir
	static Path tmp;
	private static BranchGenerator branch;
	private static IWorkbenchPage page;

	@BeforeAll
	static void aDatabaseWithABranch() throws Exception {
		DossierStoreFactory factory = Databases.factory();
		StoreSettings settings = StoreSettings.embedded(tmp.resolve("base"));
		branch = new BranchGenerator(ReferentialLibrary.shipped(), 5, LocalDate.of(2026, 6, 30)).keep();
		try (DossierStore store = factory.open(settings, ReferentialLibrary.shipped(),
				DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
					// a new database of the test
				});
				BulkLoader loader = store.bulkLoader()) {
			branch.generate(150, BranchGenerator.into(loader));
			loader.commit();
		}
		DatabaseChoice.write(settings, factory);
		// the application's database is now this one
		PlatformUI.getWorkbench().getService(CurrentDatabase.class).reopen();
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		page = window.getActivePage();
		window.getWorkbench().showPerspective(StatisticsPerspective.ID, window);
	}

	@AfterAll
	static void backToTheDossiers() throws Exception {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		page.closePerspective(page.getPerspective(), false, false);
		window.getWorkbench().showPerspective(ReferentialsPerspective.ID, window);
		DatabaseChoice.reset();
	}

	private static StatisticsView view() {
		StatisticsView view = (StatisticsView) page.findView(StatisticsView.ID);
		assertNotNull(view, "the statistics view is in the perspective");
		waitFor(() -> view.getList().getTable().getItemCount() == 8, "the eight reports are listed");
		return view;
	}

	@Test
	void aReportRunsInTheBackgroundAndShowsTheFiguresOfTheDatabase() throws Exception {
		StatisticsView view = view();
		select(view, "inscriptions");
		((Text) view.getFields().get("annee_debut")).setText("2024");
		((Text) view.getFields().get("annee_fin")).setText("2024");
		Combo certification = (Combo) view.getFields().get("certification");
		waitFor(() -> certification.getItemCount() == 7, "the certifications are read from the database");
		certification.select(java.util.Arrays.asList(certification.getItems()).indexOf(
				java.util.Arrays.stream(certification.getItems()).filter(i -> i.startsWith("CMI")).findFirst().orElseThrow()));
		view.runCurrent();
		waitFor(() -> view.getStatus().startsWith("Rapport « ") && view.getShown() != null
				&& Files.exists(view.getShown()), "the report is produced: " + view.getStatus());
		String html = Files.readString(view.getShown());
		long total = 0;
		for (Candidate c : branch.dossiers().getCandidates()) {
			for (Registration r : c.getRegistrations()) {
				if (r.getCertification().getCode().equals("CMI") && r.getDate().getYear() == 2024) {
					total++;
				}
			}
		}
		assertTrue(total > 0);
		assertTrue(html.contains(">CMI<") && html.contains(">" + total + "<"), "CMI 2024: " + total + " in the page");
		assertTrue(!html.contains(">CARC<"), "only the certification chosen");
		// the page shown is deleted by the next one, or when the application ends
		Path first = view.getShown();
		assertTrue(PrivateFiles.isTemporary(first), "deleted if the application ends without closing the view");
		// candidates' names, in the data folder's temporary folder, its owner's alone
		assertEquals(DataFolder.temporary().toAbsolutePath().normalize(), first.getParent());
		assertTrue(first.getFileName().toString().startsWith("apercu-" + ProcessHandle.current().pid() + "-inscriptions-"),
				first.getFileName().toString());
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first)));
		view.runCurrent();
		waitFor(() -> view.getShown() != null && !view.getShown().equals(first) && Files.exists(view.getShown()),
				"the report is produced again: " + view.getStatus());
		assertFalse(Files.exists(first));
		assertFalse(PrivateFiles.isTemporary(first));
		assertTrue(PrivateFiles.isTemporary(view.getShown()));
	}

	/**
	 * The perspective opens on the dashboard of the current year: its registrations are the
	 * branch's, year by year, with the change against the year before; its link opens the
	 * registrations report on that year in the statistics view, and runs it.
	 */
	@Test
	void theDashboardShowsTheYearsFiguresAndOpensTheirReport() throws Exception {
		DashboardView dashboard = (DashboardView) page.findView(DashboardView.ID);
		assertNotNull(dashboard, "the dashboard is in the perspective");
		waitFor(() -> !dashboard.getFigures().isEmpty(), "the key figures are computed: " + dashboard.getStatus());
		int year = LocalDate.now().getYear();
		long[] counts = new long[5];
		for (Candidate c : branch.dossiers().getCandidates()) {
			for (Registration r : c.getRegistrations()) {
				int back = year - r.getDate().getYear();
				if (back >= 0 && back < 5) {
					counts[4 - back]++;
				}
			}
		}
		Dashboard.Figure registrations = dashboard.getFigures().get(0);
		assertEquals(Dashboard.Kind.REGISTRATIONS, registrations.kind());
		assertEquals(java.util.stream.IntStream.rangeClosed(year - 4, year).mapToObj(Integer::toString).toList(),
				registrations.periods());
		assertEquals(java.util.Arrays.stream(counts).mapToObj(n -> (double) n).toList(), registrations.values());
		// the year in progress counts up to today, compared with the year before up to the same day
		String today = LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		assertEquals("Chiffres clés de " + year + " jusqu'au " + today + ", lus dans les rapports de l'observatoire "
				+ "(avec leurs réglages par défaut).", dashboard.getStatus());
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			points.append(i == 0 ? "" : "\n").append(year - 4 + i).append(" : ").append(counts[i]);
		}
		LocalDate sameDay = LocalDate.now().minusYears(1);
		long before = branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
				.filter(r -> r.getDate().getYear() == year - 1 && !r.getDate().isAfter(sameDay)).count();
		assertEquals(counts[4] + "\n" + change(counts[4], before, "à " + (year - 1) + " à la même date") + "\n" + points,
				dashboard.getCard(Dashboard.Kind.REGISTRATIONS));
		// a count of a day is compared with the same day a year before
		Dashboard.Figure near = dashboard.getFigures().get(3);
		assertEquals(Dashboard.Kind.NEAR_LIMIT, near.kind());
		String[] card = dashboard.getCard(Dashboard.Kind.NEAR_LIMIT).split("\n");
		assertEquals(change(near.value().longValue(), near.compared().longValue(), "au "
				+ LocalDate.now().minusYears(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))), card[1]);

		// in a small window the cards keep their charts whole (the dashboard scrolls): squeezed
		// below its text, a chart was seen four pixels high
		org.eclipse.swt.widgets.Shell shell = page.getWorkbenchWindow().getShell();
		org.eclipse.swt.graphics.Point size = shell.getSize();
		try {
			shell.setSize(1000, 600);
			shell.layout(true, true);
			while (shell.getDisplay().readAndDispatch()) {
				// let the views lay out
			}
			for (Dashboard.Kind kind : Dashboard.Kind.values()) {
				assertTrue(dashboard.getChart(kind).getSize().y >= 48,
						kind + " chart " + dashboard.getChart(kind).getSize().y + " pixels high");
			}
			// and the parameters of a report under them can be scrolled to (they were out of sight)
			StatisticsView reports = view();
			select(reports, "delais");
			while (shell.getDisplay().readAndDispatch()) {
				// let the parameters be laid out
			}
			org.eclipse.swt.widgets.Control last = reports.getFields().get("organisme");
			org.eclipse.swt.custom.ScrolledComposite area = scrolledArea(last);
			assertNotNull(area, "the parameters are in a scrolled area");
			area.showControl(last);
			org.eclipse.swt.graphics.Rectangle visible = shell.getDisplay().map(area, null, area.getClientArea());
			org.eclipse.swt.graphics.Rectangle field = shell.getDisplay().map(last.getParent(), null, last.getBounds());
			assertTrue(visible.contains(field.x, field.y) && visible.contains(field.x, field.y + field.height - 1),
					"the last parameter " + field + " is shown within " + visible);
		} finally {
			shell.setSize(size);
		}

		dashboard.getLink(Dashboard.Kind.REGISTRATIONS).notifyListeners(SWT.Selection, new Event());
		StatisticsView view = view();
		waitFor(() -> view.getStatus().equals("Rapport « Inscriptions par certification, année et voie » produit.") && view.getShown() != null
				&& Files.exists(view.getShown()), "the report is produced: " + view.getStatus());
		assertEquals("inscriptions", ((ReportInfo) view.getList().getStructuredSelection().getFirstElement()).name());
		assertEquals(Integer.toString(year), ((Text) view.getFields().get("annee_debut")).getText());
		assertEquals(Integer.toString(year), ((Text) view.getFields().get("annee_fin")).getText());
		// each list to act on opens its own report
		dashboard.getLink(Dashboard.Kind.EXPIRING).notifyListeners(SWT.Selection, new Event());
		waitFor(() -> view.getStatus().equals("Rapport « Validations partielles qui expirent dans les 12 mois » produit."),
				"the report is produced: " + view.getStatus());
		assertEquals("expirations", ((ReportInfo) view.getList().getStructuredSelection().getFirstElement()).name());
		dashboard.getLink(Dashboard.Kind.NEAR_LIMIT).notifyListeners(SWT.Selection, new Event());
		waitFor(() -> view.getStatus()
				.equals("Rapport « Candidats proches ou au-delà du délai pour un premier jury » produit."),
				"the report is produced: " + view.getStatus());
		assertEquals("echeances", ((ReportInfo) view.getList().getStructuredSelection().getFirstElement()).name());
	}

	/**
	 * The mouse wheel over a drop-down list of the parameters scrolls them and leaves the list's
	 * value: GTK changed it (a certification filter was seen to become CRD while scrolling).
	 */
	@Test
	void theWheelOverAListScrollsTheParametersAndLeavesItsValue() throws Exception {
		org.eclipse.swt.widgets.Shell shell = page.getWorkbenchWindow().getShell();
		org.eclipse.swt.graphics.Point size = shell.getSize();
		Display display = shell.getDisplay();
		try {
			shell.setSize(1000, 600);
			StatisticsView view = view();
			select(view, "delais");
			Combo certification = (Combo) view.getFields().get("certification");
			waitFor(() -> certification.getItemCount() == 7, "the certifications are read from the database");
			org.eclipse.swt.custom.ScrolledComposite scrolled = scrolledArea(certification);
			assertNotNull(scrolled, "the parameters are in a scrolled area");
			// the list in sight at the bottom of the parameters, with more of them under it
			scrolled.setOrigin(0, 0);
			scrolled.showControl(certification);
			shell.forceActive();
			pump(display);
			int top = scrolled.getOrigin().y;
			Wheel.downOver(certification);
			waitFor(() -> scrolled.getOrigin().y > top || certification.getSelectionIndex() != 0,
					"the wheel turned over the list is handled");
			pump(display);
			assertEquals("(sans filtre)", certification.getText(), "the list keeps its value");
			assertTrue(scrolled.getOrigin().y > top, "the parameters scrolled down from " + top + ": " + scrolled.getOrigin());
		} finally {
			shell.setSize(size);
		}
	}

	/** The scrolled area {@code control} is in, if any. */
	private static org.eclipse.swt.custom.ScrolledComposite scrolledArea(org.eclipse.swt.widgets.Control control) {
		for (org.eclipse.swt.widgets.Control c = control.getParent(); c != null; c = c.getParent()) {
			if (c instanceof org.eclipse.swt.custom.ScrolledComposite area) {
				return area;
			}
		}
		return null;
	}

	/** The change a card tells: signed, in number and percent, against {@code versus}. */
	private static String change(long now, long before, String versus) {
		String sign = now > before ? "+" : now < before ? "−" : "±";
		return sign + Math.abs(now - before) + (before == 0 ? ""
				: " (" + sign + String.format(java.util.Locale.FRANCE, "%.1f", Math.abs(100.0 * (now - before) / before))
						+ " %)")
				+ " par rapport " + versus;
	}

	/** Handles the events waiting and those that come within a tenth of a second. */
	private static void pump(Display display) {
		long end = System.currentTimeMillis() + 100;
		while (System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				Thread.onSpinWait();
			}
		}
	}

	@Test
	void aWrongValueIsToldUnderTheButtons() {
		StatisticsView view = view();
		select(view, "delais");
		((Text) view.getFields().get("annee_debut")).setText("deux mille");
		view.runCurrent();
		waitFor(() -> view.getStatus().startsWith("Rapport impossible"), "the problem is told: " + view.getStatus());
		assertTrue(view.getStatus().contains("deux mille") && view.getStatus().contains("annee_debut"), view.getStatus());
	}

	/**
	 * A design the observatory drops in the data folder is listed with the shipped reports when
	 * the view opens, and runs over the application's database; a broken one is told under the list.
	 */
	@Test
	void aDesignOfTheDataFolderIsListedAndRunsAndABrokenOneIsTold() throws Exception {
		Path folder = DataFolder.reports();
		Files.createDirectories(folder);
		Path design = folder.resolve("candidats.rptdesign"), broken = folder.resolve("brouillon.rptdesign");
		Path crossed = folder.resolve("croise.rptdesign");
		Files.writeString(design, DESIGN);
		Files.writeString(broken, DESIGN.substring(0, 250));
		// a query that runs for minutes: four tables crossed
		Files.writeString(crossed, DESIGN.replace("Candidats de la base", "Candidats croisés").replace(
				"SELECT COUNT(*) AS CANDIDATS FROM CANDIDATE", "SELECT 1 AS CANDIDATS FROM CANDIDATE A, CANDIDATE B, CANDIDATE C, CANDIDATE D"));
		try {
			page.hideView(page.findView(StatisticsView.ID));
			StatisticsView view = (StatisticsView) page.showView(StatisticsView.ID);
			waitFor(() -> view.getList().getTable().getItemCount() == 10, "the eight reports and the observatory's two");
			waitFor(() -> view.getStatus().startsWith("Le modèle de rapport"), "the broken design is told: " + view.getStatus());
			assertTrue(view.getStatus().startsWith("Le modèle de rapport " + broken + " est illisible (ligne "), view.getStatus());
			select(view, "candidats");
			view.runCurrent();
			waitFor(() -> view.getStatus().startsWith("Rapport « ") && view.getShown() != null
					&& Files.exists(view.getShown()), "the report is produced: " + view.getStatus());
			assertTrue(Files.readString(view.getShown()).contains(">" + branch.dossiers().getCandidates().size() + "<"),
					"the candidates of the application's database");

			// the long one is stopped by the button that ran it: stopped, nothing shown
			select(view, "croise");
			waitFor(() -> idle(view),
					"the button runs the report chosen");
			view.getRunButton().notifyListeners(SWT.Selection, new Event());
			String running = "Production du rapport « Candidats croisés »";
			assertEquals(running, view.getStatus());
			Job job = job(running);
			assertNotNull(job, "the report runs as a job of the workbench");
			waitFor(() -> job.getState() == Job.RUNNING && writing(view.getShown()), "the report is being written");
			assertEquals("Arrêter", view.getRunButton().getText());
			assertTrue(view.getRunButton().isEnabled());
			view.getRunButton().notifyListeners(SWT.Selection, new Event());
			waitFor(() -> view.getStatus().equals(running + " annulée.") && job.getState() == Job.NONE,
					"the report is stopped: " + view.getStatus());
			waitFor(() -> idle(view),
					"the button runs a report again");
			assertFalse(Files.exists(view.getShown()), "nothing written");

			// run again, then a report opened from the dashboard: the long one stops, the other is shown
			view.getRunButton().notifyListeners(SWT.Selection, new Event());
			Job again = job(running);
			assertNotNull(again, "the report runs again");
			waitFor(() -> again.getState() == Job.RUNNING && writing(view.getShown()), "the report is being written again");
			view.open("candidats", java.util.Map.of());
			waitFor(() -> again.getState() == Job.NONE && view.getStatus().equals("Rapport « Candidats de la base » produit.")
					&& idle(view),
					"the other report is shown: " + view.getStatus());
			assertTrue(Files.readString(view.getShown()).contains(">" + branch.dossiers().getCandidates().size() + "<"));
		} finally {
			Files.deleteIfExists(design);
			Files.deleteIfExists(broken);
			Files.deleteIfExists(crossed);
			page.hideView(page.findView(StatisticsView.ID));
			page.showView(StatisticsView.ID);
		}
	}

	/** A design as the BIRT Report Designer saves it, naming a server the branch does not have. */
	private static final String DESIGN = """
			<?xml version="1.0" encoding="UTF-8"?>
			<report xmlns="http://www.eclipse.org/birt/2005/design" version="3.2.23" id="1">
			    <text-property name="title">Candidats de la base</text-property>
			    <data-sources>
			        <oda-data-source extensionID="org.eclipse.birt.report.data.oda.jdbc" name="oemm" id="2">
			            <property name="odaDriverClass">org.apache.derby.jdbc.ClientDriver</property>
			            <property name="odaURL">jdbc:derby://oemm:1527/cqp</property>
			        </oda-data-source>
			    </data-sources>
			    <data-sets>
			        <oda-data-set extensionID="org.eclipse.birt.report.data.oda.jdbc.JdbcSelectDataSet" name="candidats" id="3">
			            <property name="dataSource">oemm</property>
			            <xml-property name="queryText"><![CDATA[SELECT COUNT(*) AS CANDIDATS FROM CANDIDATE]]></xml-property>
			        </oda-data-set>
			    </data-sets>
			    <body>
			        <table id="4">
			            <property name="dataSet">candidats</property>
			            <list-property name="boundDataColumns">
			                <structure>
			                    <property name="name">CANDIDATS</property>
			                    <expression name="expression" type="javascript">dataSetRow["CANDIDATS"]</expression>
			                    <property name="dataType">integer</property>
			                </structure>
			            </list-property>
			            <column id="5"/>
			            <detail>
			                <row id="6"><cell id="7"><data id="8"><property name="resultSetColumn">CANDIDATS</property></data></cell></row>
			            </detail>
			        </table>
			    </body>
			</report>
			""";

	/** Whether the view's run button runs a report (none being produced). */
	private static boolean idle(StatisticsView view) {
		return view.getRunButton().getText().equals("Produire") && view.getRunButton().isEnabled();
	}

	/** The workbench's job named {@code name}, or {@code null}. */
	private static Job job(String name) {
		return java.util.Arrays.stream(Job.getJobManager().find(null)).filter(j -> j.getName().equals(name)).findFirst()
				.orElse(null);
	}

	/** Whether the partial file of {@code file} is being written beside it. */
	private static boolean writing(Path file) {
		try (java.util.stream.Stream<Path> files = Files.list(file.getParent())) {
			return files.anyMatch(f -> f.getFileName().toString().startsWith("." + file.getFileName() + "."));
		} catch (java.io.IOException e) {
			return false;
		}
	}

	private static void select(StatisticsView view, String name) {
		for (Object o : (java.util.List<?>) view.getList().getInput()) {
			if (((ReportInfo) o).name().equals(name)) {
				view.getList().setSelection(new StructuredSelection(o), true);
				assertEquals(name, ((ReportInfo) view.getList().getStructuredSelection().getFirstElement()).name());
				return;
			}
		}
		fail(name + " is not listed");
	}

	private static void waitFor(BooleanSupplier condition, String what) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + TIMEOUT_MS;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				fail("timed out: " + what);
			}
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
	}
}
