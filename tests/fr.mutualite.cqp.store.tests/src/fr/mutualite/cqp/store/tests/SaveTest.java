package fr.mutualite.cqp.store.tests;

import fr.mutualite.cqp.core.dossier.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import fr.mutualite.cqp.model.dossier.FinalDomainEvaluation;
import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.Booklets;
import fr.mutualite.cqp.core.dossier.CandidateDossier;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.StaleVersionException;
import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.model.dossier.Answer;
import fr.mutualite.cqp.model.dossier.BookletState;
import fr.mutualite.cqp.model.dossier.BookletStatus;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.FormativeEvaluation;
import fr.mutualite.cqp.model.dossier.ProgressReview;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;

/** Saving is one transaction, based on a version: stale saves and failing saves change nothing. */
class SaveTest {

	@TempDir
	static Path tmp;
	private static DossierStore store;
	private static BranchGenerator branch;

	@BeforeAll
	static void fill() throws Exception {
		store = Stores.open(tmp.resolve("base"));
		branch = Stores.fill(store, 5, 40);
	}

	@AfterAll
	static void close() throws Exception {
		store.close();
	}

	/** A registration of the training path with formative evaluations. */
	private static String trained() {
		return branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
				.filter(r -> r.getFormativeEvaluations().size() > 2).findFirst().orElseThrow().getId();
	}

	@Test
	void aSaveBasedOnAnOldVersionIsRefusedSayingWhoChangedWhatAndNothingIsOverwritten() throws Exception {
		String id = trained();
		Versioned<Registration> mine = store.registrations().find(id).orElseThrow();
		Versioned<Registration> theirs = store.registrations().find(id).orElseThrow();

		FormativeEvaluation first = theirs.value().getFormativeEvaluations().get(0);
		first.setComment("Commentaire revu par l'organisme.");
		ProgressReview review = DossierFactory.eINSTANCE.createProgressReview();
		review.setWithWhom("Tuteur");
		theirs.value().getProgressReviews().add(review);
		Versioned<Registration> saved = store.registrations().save(theirs);
		assertEquals(mine.version() + 1, saved.version());

		mine.value().getOrientation().setComment("Ma version de l'entretien.");
		StaleVersionException refused = assertThrows(StaleVersionException.class,
				() -> store.registrations().save(mine));
		String message = refused.getMessage();
		assertTrue(message.contains(store.user()), message);
		assertTrue(message.contains("Évaluations par l'organisme de formation"), message);
		assertTrue(message.contains("Bilans") || refused.changedParts().size() == 2, message);
		assertTrue(message.contains(id), message);
		assertEquals(mine.version(), refused.expectedVersion());
		assertEquals(saved.version(), refused.currentVersion());

		Registration now = store.registrations().find(id).orElseThrow().value();
		assertEquals("Commentaire revu par l'organisme.", now.getFormativeEvaluations().get(0).getComment());
		assertEquals(theirs.value().getProgressReviews().size(), now.getProgressReviews().size());
		assertFalse("Ma version de l'entretien.".equals(now.getOrientation().getComment()), "nothing overwritten");
	}

	@Test
	void aSaveThatFailsHalfwayLeavesTheDossierAsItWas() throws Exception {
		String id = trained();
		Versioned<Registration> before = store.registrations().find(id).orElseThrow();
		String dump = Dump.of(before.value());
		Versioned<Registration> edited = store.registrations().find(id).orElseThrow();
		edited.value().getOrientation().setComment("Entretien complété.");
		// The final booklet, written after the others, holds a text longer than its column: Derby
		// refuses it after the header and the other booklets were written in the same transaction.
		edited.value().getFinalEvaluation().getEvaluator2().setName("N".repeat(300));
		CqpException failure = assertThrows(CqpException.class, () -> store.registrations().save(edited));
		assertTrue(failure.getMessage().contains("Rien n'a été enregistré"), failure.getMessage());
		Versioned<Registration> after = store.registrations().find(id).orElseThrow();
		assertEquals(before.version(), after.version(), "the version was not taken");
		assertEquals(dump, Dump.of(after.value()), "every booklet as before");
	}

	@Test
	void aSaveRecordsInTheAuditTrailTheEvaluationItChangedAndNothingItRewroteAsItWas() throws Exception {
		String id = trained();
		List<String> before = audit(id);
		store.registrations().save(store.registrations().find(id).orElseThrow());
		assertEquals(before, audit(id), "a save that changes nothing watched writes nothing");
		Versioned<Registration> edited = store.registrations().find(id).orElseThrow();
		FinalDomainEvaluation domain = edited.value().getFinalEvaluation().getDomains().get(0);
		String was = "mastered=" + domain.isMastered() + ";agreed=" + domain.isEvaluatorsAgree() + ";exercised="
				+ domain.isActivitiesExercised();
		domain.setMastered(!domain.isMastered());
		edited.value().getOrientation().setComment("Commentaire modifié, non suivi par l'audit");
		store.registrations().save(edited);
		List<String> expected = new ArrayList<>(before);
		expected.add(System.getProperty("user.name") + "|" + candidateOf(id) + "|EVALUATION|FINAL "
				+ domain.getDomain().getCode() + "|" + was + "|" + "mastered=" + domain.isMastered() + ";agreed="
				+ domain.isEvaluatorsAgree() + ";exercised=" + domain.isActivitiesExercised());
		assertEquals(expected, audit(id));
		// as the store gives it, and as CSV
		List<AuditTrail.Line> lines = store.auditTrail(candidateOf(id));
		AuditTrail.Line last = lines.get(lines.size() - 1);
		assertEquals(expected.get(expected.size() - 1), String.join("|", last.changedBy(), candidateOf(id), last.subject(),
				last.item(), last.before(), last.after()));
		assertEquals(id, last.registrationId());
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		AuditTrail.write(List.of(last), csv);
		assertEquals("numero,date,par,utilisateur_base,inscription,sujet,element,avant,apres\r\n" + last.id() + ',' + last.at()
				+ ',' + last.changedBy() + ",CQP," + id + ",EVALUATION,FINAL " + domain.getDomain().getCode() + ',' + was + ','
				+ last.after() + "\r\n", csv.toString(StandardCharsets.UTF_8));
	}

	private static String candidateOf(String registrationId) throws Exception {
		try (Connection c = store.data().connect();
				PreparedStatement s = c.prepareStatement("SELECT CANDIDATE_ID FROM REGISTRATION WHERE ID = ?")) {
			s.setString(1, registrationId);
			try (ResultSet r = s.executeQuery()) {
				r.next();
				return r.getString(1);
			}
		}
	}

	private static List<String> audit(String registrationId) throws Exception {
		List<String> lines = new ArrayList<>();
		try (Connection c = store.data().connect(); PreparedStatement s = c.prepareStatement("SELECT CHANGED_BY, CANDIDATE_ID, "
				+ "SUBJECT, ITEM, BEFORE_VALUE, AFTER_VALUE FROM AUDIT_TRAIL WHERE REGISTRATION_ID = ? ORDER BY ID")) {
			s.setString(1, registrationId);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					lines.add(String.join("|", r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
							r.getString(6)));
				}
			}
		}
		return lines;
	}

	@Test
	void twoCandidatesCannotShareNameFirstNameAndBirthDate() throws Exception {
		Candidate existing = branch.dossiers().getCandidates().get(0);
		Candidate twin = DossierFactory.eINSTANCE.createCandidate();
		twin.setLastName(existing.getLastName().toUpperCase());
		twin.setFirstName(existing.getFirstName());
		twin.setBirthDate(existing.getBirthDate());
		CqpException refused = assertThrows(CqpException.class, () -> store.candidates().create(twin));
		assertTrue(refused.getMessage().contains(existing.getFirstName()), refused.getMessage());
		int before = store.candidates().count();
		Candidate other = DossierFactory.eINSTANCE.createCandidate();
		other.setLastName("Nouveau");
		other.setFirstName("Candidat");
		Versioned<Candidate> created = store.candidates().create(other);
		assertEquals(before + 1, store.candidates().count());
		created.value().setEmail("candidat.nouveau@exemple.fr");
		Versioned<Candidate> saved = store.candidates().save(created);
		assertEquals(2, saved.version());
		assertThrows(StaleVersionException.class, () -> store.candidates().save(created));
	}

	@Test
	void everySaveIsLoggedWithWhoAndWhichParts() throws Exception {
		String id = trained();
		Versioned<Registration> edited = store.registrations().find(id).orElseThrow();
		edited.value().getTutorAssessments().get(0).setTutor("Nouveau tuteur");
		Versioned<Registration> saved = store.registrations().save(edited);
		try (Connection c = store.data().connect(); PreparedStatement s = c.prepareStatement(
				"SELECT CHANGED_BY, PARTS FROM CHANGE_LOG WHERE ENTITY = 'REGISTRATION' AND ENTITY_ID = ? AND VERSION = ?")) {
			s.setString(1, id);
			s.setInt(2, saved.version());
			try (ResultSet r = s.executeQuery()) {
				assertTrue(r.next());
				assertEquals(store.user(), r.getString(1));
				assertEquals("tutorAssessments", r.getString(2));
			}
		}
	}

	@Test
	void theFieldsOfTheBookletEditorsReadBackAndAreLogged() throws Exception {
		String id = branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
				.filter(r -> "CMI".equals(r.getCertification().getCode()) && r.getOrientation() != null
						&& r.getTrainingPath() != null && !r.getTrainingPath().getModules().isEmpty())
				.findFirst().orElseThrow().getId();
		Versioned<Registration> edited = store.registrations().find(id).orElseThrow();
		Registration registration = edited.value();
		Booklet guide = Booklets.of(registration, BookletKind.ORIENTATION_GUIDE).orElseThrow();
		assertEquals(BookletState.IN_PROGRESS, Booklets.state(registration, guide));
		BookletSection section = guide.getSections().get(0);
		Answer answer = DossierFactory.eINSTANCE.createAnswer();
		answer.setSection(section);
		answer.setQuestion(section.getQuestions().get(0));
		answer.setText("Cinq ans d'accueil des adhérents, en agence.");
		registration.getOrientation().getAnswers().add(answer);
		registration.getTrainingPath().getModules().get(0).setTrainer("Mme Formatrice");
		BookletStatus status = DossierFactory.eINSTANCE.createBookletStatus();
		status.setBooklet(guide);
		status.setState(BookletState.SIGNED);
		status.setDeclaredBy("M. Conseiller");
		status.setDeclaredOn(LocalDate.of(2024, 3, 1));
		registration.getBookletStatuses().add(status);
		assertEquals(BookletState.SIGNED, Booklets.state(registration, guide));
		String dump = Dump.of(registration);
		Versioned<Registration> saved = store.registrations().save(edited);

		Registration read = store.registrations().find(id).orElseThrow().value();
		assertEquals(dump, Dump.of(read));
		assertEquals("Cinq ans d'accueil des adhérents, en agence.", read.getOrientation().getAnswers().get(0).getText());
		assertEquals(section, read.getOrientation().getAnswers().get(0).getSection());
		assertEquals("Mme Formatrice", read.getTrainingPath().getModules().get(0).getTrainer());
		BookletStatus readStatus = read.getBookletStatuses().get(0);
		assertEquals(List.of(guide.getCode(), "SIGNED", "M. Conseiller", LocalDate.of(2024, 3, 1)), List.of(
				readStatus.getBooklet().getCode(), readStatus.getState().getName(), readStatus.getDeclaredBy(),
				readStatus.getDeclaredOn()));
		try (Connection c = store.data().connect(); PreparedStatement s = c.prepareStatement(
				"SELECT PARTS FROM CHANGE_LOG WHERE ENTITY = 'REGISTRATION' AND ENTITY_ID = ? AND VERSION = ?")) {
			s.setString(1, id);
			s.setInt(2, saved.version());
			try (ResultSet r = s.executeQuery()) {
				assertTrue(r.next());
				assertEquals("orientation,trainingPath,bookletStatuses", r.getString(1));
			}
		}
	}

	@Test
	void aDossierSavesTheIdentityAndTheBookletsTogetherOrNothing() throws Exception {
		String id = trained();
		CandidateDossier mine = store.registrations().dossier(id).orElseThrow();
		assertEquals(mine.candidate().value(), mine.registration().value().eContainer());
		mine.candidate().value().setEmail("dossier.complet@exemple.fr");
		mine.registration().value().getOrientation().setComment("Entretien repris avec le candidat.");
		CandidateDossier saved = store.registrations().save(mine);
		assertEquals(List.of(mine.candidate().version() + 1, mine.registration().version() + 1),
				List.of(saved.candidate().version(), saved.registration().version()));
		CandidateDossier read = store.registrations().dossier(id).orElseThrow();
		assertEquals(List.of("dossier.complet@exemple.fr", "Entretien repris avec le candidat."), List.of(
				read.candidate().value().getEmail(), read.registration().value().getOrientation().getComment()));

		CandidateDossier theirs = store.registrations().dossier(id).orElseThrow();
		theirs.candidate().value().setEmail("autre.adresse@exemple.fr");
		store.candidates().save(theirs.candidate());
		read.registration().value().getOrientation().setComment("Ma version, refusée.");
		StaleVersionException refused = assertThrows(StaleVersionException.class, () -> store.registrations().save(read));
		assertTrue(refused.getMessage().contains(store.user()), refused.getMessage());
		CandidateDossier now = store.registrations().dossier(id).orElseThrow();
		assertEquals(saved.registration().version(), now.registration().version(), "the registration was not written");
		assertEquals("Entretien repris avec le candidat.", now.registration().value().getOrientation().getComment());
		assertEquals("autre.adresse@exemple.fr", now.candidate().value().getEmail());
	}
}
