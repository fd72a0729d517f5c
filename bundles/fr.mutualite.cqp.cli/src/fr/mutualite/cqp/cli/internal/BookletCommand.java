package fr.mutualite.cqp.cli.internal;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.CqpServices;
import fr.mutualite.cqp.core.dossier.CandidateDossier;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.core.print.BookletSheet;
import fr.mutualite.cqp.core.print.BookletSheets;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cqp booklet ...}: the booklets of a certification, on paper. */
@Command(name = "booklet", aliases = "livret", mixinStandardHelpOptions = true, subcommands = { //$NON-NLS-1$ //$NON-NLS-2$
		BookletCommand.PrintCommand.class })
final class BookletCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** What prints a candidate's certificate, beside the booklets. */
	static final String CERTIFICATE = "certificat"; //$NON-NLS-1$

	/** {@code cqp booklet print <booklet|certificat> --cqp CODE [--candidate ID] --out FILE}. */
	@Command(name = "print", aliases = "imprimer", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class PrintCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Parameters(index = "0", paramLabel = "LIVRET", descriptionKey = "booklet.print.LIVRET") //$NON-NLS-1$
		String booklet;

		@Option(names = "--cqp", required = true, paramLabel = "CODE", descriptionKey = "booklet.print.cqp") //$NON-NLS-1$
		String cqp;

		@Option(names = "--candidate", paramLabel = "ID", descriptionKey = "booklet.print.candidate") //$NON-NLS-1$
		String candidate;

		@Option(names = "--out", required = true, paramLabel = "FICHIER", descriptionKey = "booklet.print.out") //$NON-NLS-1$
		Path out;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			String name = booklet.strip().toLowerCase(java.util.Locale.ROOT);
			BookletKind kind = BookletSheets.NAMES.get(name);
			boolean certificate = CERTIFICATE.equals(name);
			if (kind == null && !certificate) {
				throw new CqpException(NLS.bind(Messages.Booklet_unknown, booklet,
						String.join(", ", BookletSheets.NAMES.keySet()) + ", " + CERTIFICATE)); //$NON-NLS-1$
			}
			if (certificate && candidate == null) {
				throw new CqpException(Messages.Booklet_certificateNeedsCandidate);
			}
			ReferentialLibrary library = ReferentialCommand.library(spec);
			Certification certification = ReferentialCommand.certification(library, cqp.strip());
			Path file = out.toAbsolutePath();
			BookletSheet sheet;
			if (candidate == null) {
				sheet = BookletSheets.blank(certification, kind);
			} else {
				try (DossierStore target = store.open(library, DossierStoreFactory.Opening.EXISTING,
						spec.commandLine().getErr())) {
					sheet = filled(target, certification, kind, certificate);
				}
			}
			CqpServices.get(ReportService.class).print(sheet, file);
			spec.commandLine().getOut().println(file);
			spec.commandLine().getOut().flush();
			return Cli.OK;
		}

		/** The booklet filled with the candidate's latest registration to the certification. */
		private BookletSheet filled(DossierStore target, Certification certification, BookletKind kind,
				boolean certificate) throws CqpException {
			String id = candidate.strip();
			if (target.candidates().find(id).isEmpty()) {
				throw new CqpException(NLS.bind(Messages.Booklet_noCandidate, id));
			}
			RegistrationSummary summary = target.registrations().ofCandidate(id).stream()
					.filter(r -> r.certificationCode().equals(certification.getCode()))
					.max(Comparator.comparing(RegistrationSummary::registrationDate)).orElse(null);
			if (summary == null) {
				throw new CqpException(NLS.bind(Messages.Booklet_noRegistration, id, certification.getCode()));
			}
			CandidateDossier dossier = target.registrations().dossier(summary.registrationId()).orElseThrow(
					() -> new CqpException(NLS.bind(Messages.Booklet_noRegistration, id, certification.getCode())));
			Registration registration = dossier.registration().value();
			List<JuryDecision> decisions = target.juries().decisionsOn(registration.getId());
			if (certificate) {
				return BookletSheets.certificate(registration, decisions).orElseThrow(
						() -> new CqpException(NLS.bind(Messages.Booklet_noCertificate, id, certification.getCode())));
			}
			return BookletSheets.filled(registration, kind, decisions);
		}
	}
}
