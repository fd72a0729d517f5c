package fr.mutualite.cqp.core.dossier;

import java.util.Locale;
import java.util.Optional;

import fr.mutualite.cqp.core.internal.Messages;

/**
 * What a user of a database may do. The database enforces it (each role but the owner is a Derby
 * role with its own privileges, views and guards); the application only hides what a role may
 * not do.
 */
public enum Role {
	/** The database's owner: the branch administrator who created it, everything allowed. */
	OWNER(true, true, true, true, true),
	/** Branch administrator: referentials, training bodies, users, every dossier. */
	ADMIN(true, true, true, true, true),
	/** OEMM analyst: reads everything, writes nothing but report files. */
	ANALYST(false, false, false, false, true),
	/** A training body: reads and writes its own candidates' dossiers only. */
	TRAINING_BODY(false, true, true, false, false),
	/** An evaluator or tutor: the booklets of the candidates assigned to them. */
	EVALUATOR(false, false, true, false, false),
	/** Jury secretary: reads every dossier, writes sessions, decisions and certificates. */
	JURY(false, false, false, true, true);

	private final boolean administers;
	private final boolean registers;
	private final boolean fillsBooklets;
	private final boolean decides;
	private final boolean seesAll;

	Role(boolean administers, boolean registers, boolean fillsBooklets, boolean decides, boolean seesAll) {
		this.administers = administers;
		this.registers = registers;
		this.fillsBooklets = fillsBooklets;
		this.decides = decides;
		this.seesAll = seesAll;
	}

	/** Changes referentials, training bodies, users; imports and generates data. */
	public boolean administers() {
		return administers;
	}

	/** Registers candidates and changes their personal data. */
	public boolean registers() {
		return registers;
	}

	/** Fills and signs booklets. */
	public boolean fillsBooklets() {
		return fillsBooklets;
	}

	/** Holds jury sessions, records decisions, issues certificates. */
	public boolean decides() {
		return decides;
	}

	/** Sees every candidate of the branch (the others see their own). */
	public boolean seesAll() {
		return seesAll;
	}

	/** The role in words, in the user's language. */
	public String label() {
		return switch (this) {
		case OWNER -> Messages.Role_owner;
		case ADMIN -> Messages.Role_admin;
		case ANALYST -> Messages.Role_analyst;
		case TRAINING_BODY -> Messages.Role_trainingBody;
		case EVALUATOR -> Messages.Role_evaluator;
		case JURY -> Messages.Role_jury;
		};
	}

	/** The name commands use: {@code training-body} for {@link #TRAINING_BODY}. */
	public String commandName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The role a command names, if any (the owner is no role one can give). */
	public static Optional<Role> ofCommandName(String name) {
		for (Role role : values()) {
			if (role != OWNER && role.commandName().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}
}
