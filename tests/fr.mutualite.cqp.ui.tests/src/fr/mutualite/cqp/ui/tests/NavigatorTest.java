package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.dossier.BulkLoader;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DatabaseChoice;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.internal.NavigatorView;

/**
 * The candidates in the navigator over a real Derby database: grouped by training body and
 * certification with the counts of the database, a page at a time, narrowed by the filter; the
 * expected figures are computed from the generated dossiers themselves.
 */
class NavigatorTest {

	@TempDir
	static Path tmp;
	private static BranchGenerator branch;
	private static NavigatorView navigator;

	@BeforeAll
	static void aDatabaseWithABranch() throws Exception {
		DossierStoreFactory factory = Databases.factory();
		StoreSettings settings = StoreSettings.embedded(tmp.resolve("base"));
		branch = new BranchGenerator(ReferentialLibrary.shipped(), 11, LocalDate.of(2026, 6, 30)).keep();
		try (DossierStore store = factory.open(settings, ReferentialLibrary.shipped(), DossierStoreFactory.Opening.CREATE_IF_MISSING,
				notice -> {
					// a new database of the test
				}); BulkLoader loader = store.bulkLoader()) {
			branch.generate(300, BranchGenerator.into(loader));
			loader.commit();
		}
		DatabaseChoice.write(settings, factory);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		navigator = (NavigatorView) page.showView(NavigatorView.ID);
		navigator.setPageSize(5);
		PlatformUI.getWorkbench().getService(CurrentDatabase.class).reopen();
		WorkbenchWindowTest.flush();
	}

	@AfterAll
	static void backToNoDatabase() throws Exception {
		navigator.setPageSize(200);
		DatabaseChoice.reset();
		PlatformUI.getWorkbench().getService(CurrentDatabase.class).reopen();
	}

	/** "training body code|certification" → registrations, from the generated dossiers, of the candidates named so. */
	private static Map<String, Integer> expectedGroups(String prefix) {
		Map<String, Integer> groups = new TreeMap<>();
		for (Registration r : registrations(prefix)) {
			groups.merge((r.getTrainingBody() == null ? null : r.getTrainingBody().getCode()) + "|" + r.getCertification().getCode(),
					1, Integer::sum);
		}
		return groups;
	}

	private static List<Registration> registrations(String prefix) {
		List<Registration> list = new ArrayList<>();
		for (Candidate c : branch.dossiers().getCandidates()) {
			if (c.getLastName().toUpperCase().startsWith(prefix) || c.getFirstName().toUpperCase().startsWith(prefix)) {
				list.addAll(c.getRegistrations());
			}
		}
		return list;
	}

	private static Map<String, Integer> shownGroups() {
		// the tree may be read again meanwhile (another database chosen): wait for the latest
		// the tree may be read again meanwhile (another database chosen): wait for the latest,
		// expanding each new one once (expanding makes events, which would hold back the reading)
		NavigatorView.Branch[] expanded = { null };
		WorkbenchWindowTest.waitUntil(() -> {
			NavigatorView.Branch latest = navigator.getRoots()[1];
			if (latest != expanded[0]) {
				navigator.getViewer().expandToLevel(latest, 1);
				expanded[0] = latest;
			}
			return latest.children() != null;
		});
		NavigatorView.Branch candidates = navigator.getRoots()[1];
		Map<String, Integer> groups = new TreeMap<>();
		for (Object child : candidates.children()) {
			NavigatorView.Body body = (NavigatorView.Body) child;
			for (Object g : body.children()) {
				NavigatorView.Group group = (NavigatorView.Group) g;
				groups.merge(body.code + "|" + group.certification, group.count, Integer::sum);
			}
		}
		return groups;
	}

	/** Types {@code text} in the filter box and waits for the tree to be read again. */
	private static void filter(String text) {
		NavigatorView.Branch before = navigator.getRoots()[1];
		navigator.getFilter().setText(text);
		WorkbenchWindowTest.waitUntil(() -> navigator.getRoots()[1] != before);
	}

	@Test
	void candidatesAreGroupedByTrainingBodyAndCertificationWithTheDatabasesCounts() {
		Map<String, Integer> expected = expectedGroups("");
		assertEquals(expected, shownGroups());
		assertEquals(branch.dossiers().getCandidates().stream().mapToInt(c -> c.getRegistrations().size()).sum(),
				expected.values().stream().mapToInt(Integer::intValue).sum());
	}

	@Test
	void aGroupIsReadAPageAtATimeInTheOrderOfNames() {
		shownGroups();
		NavigatorView.Group biggest = navigator.getRoots()[1].children().stream().map(NavigatorView.Body.class::cast)
				.flatMap(b -> b.children().stream()).map(NavigatorView.Group.class::cast)
				.max(Comparator.comparingInt((NavigatorView.Group g) -> g.count)).orElseThrow();
		assertTrue(biggest.count > 10, "a group of more than two pages: " + biggest.count);
		navigator.getViewer().expandToLevel(biggest.body, 1);
		navigator.getViewer().expandToLevel(biggest, 1);
		WorkbenchWindowTest.waitUntil(() -> biggest.children() != null);
		List<String> expected = registrations("").stream()
				.filter(r -> r.getCertification().getCode().equals(biggest.certification)
						&& java.util.Objects.equals(r.getTrainingBody() == null ? null : r.getTrainingBody().getCode(), biggest.body.code))
				.sorted(Comparator.comparing((Registration r) -> ((Candidate) r.eContainer()).getLastName())
						.thenComparing(r -> ((Candidate) r.eContainer()).getFirstName()).thenComparing(r -> r.getDate())
						.thenComparing(Registration::getId))
				.map(r -> ((Candidate) r.eContainer()).getLastName() + " " + ((Candidate) r.eContainer()).getFirstName()).toList();
		assertEquals(6, biggest.children().size(), "five candidates and the next ones");
		NavigatorView.More more = (NavigatorView.More) biggest.children().get(5);
		assertEquals(5, more.offset());
		navigator.open(more);
		long end = System.currentTimeMillis() + 10_000;
		while (biggest.children().size() == 6 && System.currentTimeMillis() < end) {
			WorkbenchWindowTest.flush();
		}
		assertEquals(biggest.count > 10 ? 11 : 10, biggest.children().size(), biggest.count + " " + biggest.children());
		List<String> shown = biggest.children().stream().filter(RegistrationSummary.class::isInstance)
				.map(RegistrationSummary.class::cast).map(r -> r.lastName() + " " + r.firstName()).toList();
		assertEquals(expected.subList(0, 10), shown);
	}

	@Test
	void theFilterKeepsTheCandidatesWhoseNameStartsWithIt() {
		String prefix = branch.dossiers().getCandidates().get(0).getLastName().substring(0, 2).toUpperCase();
		filter(prefix.toLowerCase());
		assertEquals(expectedGroups(prefix), shownGroups());
		assertTrue(expectedGroups(prefix).size() < expectedGroups("").size());
		filter("");
		assertEquals(expectedGroups(""), shownGroups());
	}
}
