package fr.mutualite.cqp.core.dossier;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.IoErrors;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.PrivateFiles;
import fr.mutualite.cqp.core.internal.Messages;
import fr.mutualite.cqp.core.print.BookletSheet;
import fr.mutualite.cqp.core.print.BookletSheets;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.BookletKind;

/**
 * A candidate's personal data handed to them (GDPR right of access), as one ZIP file: the JSON of
 * everything the database holds about them ({@value #JSON}) and, for each of their
 * registrations, the PDF of each booklet filled in and of each certificate issued
 * ({@code livrets/<registration>-<booklet>.pdf}). The file is complete or absent, readable by its
 * owner only; the PDFs are laid out in a private temporary folder removed afterwards. The export
 * is recorded in the candidate's audit trail once the file is written (and the file removed if
 * that cannot be recorded).
 */
public final class PersonalDataExport {

	/** The JSON entry of the package. */
	public static final String JSON = "donnees.json"; //$NON-NLS-1$
	/** The folder of the PDFs in the package. */
	public static final String BOOKLETS = "livrets/"; //$NON-NLS-1$

	private PersonalDataExport() {
	}

	/**
	 * Writes the personal data of candidate {@code candidateId} held by {@code store} into
	 * {@code out} (a ZIP file), the booklets printed by {@code reports}; returns the file written.
	 */
	public static Path write(DossierStore store, ReportService reports, String candidateId, Path out) throws CqpException {
		PersonalData data = store.candidates().personalData(candidateId);
		Map<String, BookletSheet> sheets = sheets(store, candidateId);
		Path folder;
		try {
			Path temporary = Path.of(System.getProperty("java.io.tmpdir")); //$NON-NLS-1$
			folder = PrivateFiles.temporary(Files.createTempDirectory(temporary, "cqp-personnel-", //$NON-NLS-1$
					PrivateFiles.attribute(PrivateFiles.FOLDER, temporary)));
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Output_cannotWrite, out.toAbsolutePath(), IoErrors.reason(e)), e);
		}
		Path written;
		try {
			Map<String, Path> pdfs = new LinkedHashMap<>();
			for (Map.Entry<String, BookletSheet> sheet : sheets.entrySet()) {
				Path pdf = folder.resolve(sheet.getKey());
				reports.print(sheet.getValue(), pdf);
				pdfs.put(BOOKLETS + sheet.getKey(), pdf);
			}
			written = OutputFiles.write(out, stream -> zip(data, pdfs, stream));
		} catch (CqpException | RuntimeException e) {
			try {
				delete(folder);
			} catch (CqpException left) {
				e.addSuppressed(left);
			}
			throw e;
		}
		delete(folder);
		try {
			store.candidates().recordPersonalDataExport(candidateId);
		} catch (CqpException e) {
			// handed over only if recorded
			try {
				Files.deleteIfExists(written);
			} catch (IOException left) {
				e.addSuppressed(left);
			}
			throw e;
		}
		return written;
	}

	private static void zip(PersonalData data, Map<String, Path> pdfs, java.io.OutputStream stream) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(stream, StandardCharsets.UTF_8);
		zip.putNextEntry(new ZipEntry(JSON));
		Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
		data.writeJson(writer);
		writer.flush();
		zip.closeEntry();
		for (Map.Entry<String, Path> pdf : pdfs.entrySet()) {
			zip.putNextEntry(new ZipEntry(pdf.getKey()));
			Files.copy(pdf.getValue(), zip);
			zip.closeEntry();
		}
		zip.finish();
	}

	/**
	 * The sheets of the candidate's registrations, by file name: each booklet with something
	 * filled in (the jury's when it decided on the registration), then its certificate.
	 */
	static Map<String, BookletSheet> sheets(DossierStore store, String candidateId) throws CqpException {
		Map<String, BookletSheet> sheets = new LinkedHashMap<>();
		List<RegistrationSummary> summaries = new ArrayList<>(store.registrations().ofCandidate(candidateId));
		summaries.sort(Comparator.comparing(RegistrationSummary::registrationDate).thenComparing(RegistrationSummary::registrationId));
		for (RegistrationSummary summary : summaries) {
			CandidateDossier dossier = store.registrations().dossier(summary.registrationId()).orElse(null);
			if (dossier == null) {
				continue;
			}
			Registration registration = dossier.registration().value();
			List<JuryDecision> decisions = store.juries().decisionsOn(registration.getId());
			String prefix = fileName(registration.getId()) + '-';
			for (BookletKind kind : BookletSheets.NAMES.values()) {
				boolean filled = kind == BookletKind.JURY_DECISION ? !decisions.isEmpty()
						: Booklets.hasContent(registration, kind);
				if (filled) {
					sheets.put(prefix + BookletSheets.name(kind) + ".pdf", BookletSheets.filled(registration, kind, decisions)); //$NON-NLS-1$
				}
			}
			BookletSheets.certificate(registration, decisions)
					.ifPresent(sheet -> sheets.put(prefix + "certificat.pdf", sheet)); //$NON-NLS-1$
		}
		return sheets;
	}

	/** {@code id} with nothing a file name may not hold. */
	private static String fileName(String id) {
		return id.replaceAll("[^A-Za-z0-9_.-]", "_"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Removes the temporary folder of the PDFs: they hold personal data, so a failure is told. */
	private static void delete(Path folder) throws CqpException {
		try {
			PrivateFiles.deleteTree(folder);
			PrivateFiles.release(folder);
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.PersonalData_temporaryLeft, folder, IoErrors.reason(e)), e);
		}
	}
}
