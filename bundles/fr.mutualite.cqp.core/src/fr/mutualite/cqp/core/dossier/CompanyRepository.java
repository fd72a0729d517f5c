package fr.mutualite.cqp.core.dossier;

import java.util.List;
import java.util.Optional;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.model.dossier.Company;

/** Companies (mutual insurers), matched on their name and city. */
public interface CompanyRepository {

	/** Every company, by name. */
	List<Company> list() throws CqpException;

	/** The company {@code id}. */
	Optional<Versioned<Company>> find(String id) throws CqpException;

	/** The company with this name and city (compared without accents or case). */
	Optional<Versioned<Company>> findByName(String name, String city) throws CqpException;

	/** Adds a company; an id is given when it has none. */
	Versioned<Company> create(Company company) throws CqpException;

	/** Saves an edited company; refused if it was saved since it was read. */
	Versioned<Company> save(Versioned<Company> edited) throws CqpException;
}
