package fr.mutualite.cqp.core.dossier;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * The candidates' dossiers of one database, open: its repositories, bulk loading, and the
 * import and export of registrations. Obtained from a {@link DossierStoreFactory}; closing it
 * releases the database.
 */
public interface DossierStore extends AutoCloseable {

	/** The database, for reports that query it in SQL. */
	DataStore data();

	/** The referentials the dossiers refer to. */
	ReferentialLibrary library();

	/** Who saves: recorded with every change. */
	String user();

	/** What the user may do here (the database enforces it). */
	Role role();

	CandidateRepository candidates();

	RegistrationRepository registrations();

	JuryRepository juries();

	TrainingBodyRepository trainingBodies();

	CompanyRepository companies();

	/**
	 * The audit trail of the candidate {@code candidateId}, oldest first (for a training body or an
	 * evaluator, the lines of their own registrations); refused for an unknown candidate.
	 */
	List<AuditTrail.Line> auditTrail(String candidateId) throws CqpException;

	/** The users of a shared database and their roles (managed by its owner). */
	UserRepository users();

	/**
	 * Writes what an exchange package brings ({@link fr.mutualite.cqp.core.exchange.ExchangeImport}
	 * decides it), in one transaction, each change of a watched fact in the audit trail; refused
	 * whole when a registration it updates was saved since it was read. The branch's
	 * administrators only.
	 */
	void receive(fr.mutualite.cqp.core.exchange.ExchangePlan plan) throws CqpException;

	/** A loader of many new dossiers in one transaction. */
	BulkLoader bulkLoader() throws CqpException;

	/**
	 * Imports the rows of {@code source} in one transaction, each written as it comes: adds the
	 * candidates, companies and registrations the store does not have, recognising candidates by
	 * their stable key, and counts the rest as duplicates. If anything fails, the source
	 * included, nothing is imported.
	 */
	ImportReport importRegistrations(RegistrationSource source) throws CqpException;

	/** Every registration of the store as a row, by candidate and date. */
	void exportRegistrations(Consumer<RegistrationRow> sink) throws CqpException;

	/**
	 * Copies the database, while it stays in use (Derby's online backup: a consistent copy of
	 * what is committed), into {@code folder}, which must not exist or be empty; returns the
	 * folder of the copy, a database that opens as it is. For a database shared by a server, the
	 * folder is on the server's machine. Refused in one sentence: a folder inside the database,
	 * a folder that holds something, a copy that cannot be written (nothing is left of it).
	 */
	Path backup(Path folder) throws CqpException;

	@Override
	void close() throws CqpException;
}
