package fr.mutualite.cqp.core.dossier;

import java.time.Instant;
import java.util.List;

import fr.mutualite.cqp.core.CqpException;

/**
 * The users of a shared database and their roles, managed by its owner: a user added has a
 * password and a role (a training body's users name their body), and nothing else; a user
 * removed can no longer connect. Every change is recorded in the audit trail.
 */
public interface UserRepository {

	/** A user of the database; {@code role} is {@code null} for one the database gave no role. */
	record UserAccount(String name, Role role, String trainingBody, String createdBy, Instant createdAt) {
	}

	/** The users, by name. */
	List<UserAccount> list() throws CqpException;

	/**
	 * Adds the user {@code name} with {@code password} and {@code role}; {@code trainingBody}
	 * (the code of an existing body) for the training body role only. Refused for a name taken,
	 * a password too short, a missing or unexpected body.
	 */
	UserAccount add(String name, char[] password, Role role, String trainingBody) throws CqpException;

	/** Removes the user {@code name}: their account, their role, their password. */
	void remove(String name) throws CqpException;

	/** Assigns the registration {@code registrationId} to the evaluator {@code name}. */
	void assign(String name, String registrationId) throws CqpException;
}
