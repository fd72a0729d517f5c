package fr.mutualite.cqp.store.internal;

import static fr.mutualite.cqp.store.internal.Jdbc.setString;
import static fr.mutualite.cqp.store.internal.Jdbc.setTime;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.dossier.UserRepository;
import fr.mutualite.cqp.store.DerbyNetworkServer;

/**
 * The users of a Derby database: Derby's NATIVE credentials, the Derby role of each one's
 * {@link Role}, and its row of {@code USER_ACCOUNT} (whose triggers write the audit trail), all
 * changed in one transaction by the database's owner.
 */
final class DerbyUsers implements UserRepository {

	private static final String NAME = "[A-Za-z][A-Za-z0-9_]{0,127}"; //$NON-NLS-1$

	private final DataStore data;
	private final String user;
	private final Role role;

	DerbyUsers(DataStore data, String user, Role role) {
		this.data = data;
		this.user = user;
		this.role = role;
	}

	@Override
	public List<UserAccount> list() throws CqpException {
		owner();
		return Jdbc.read(data, c -> {
			List<UserAccount> users = new ArrayList<>();
			try (Statement s = c.createStatement();
					ResultSet r = s.executeQuery("SELECT S.USERNAME, A.ROLE, A.TRAINING_BODY_CODE, A.CREATED_BY, A.CREATED_AT " //$NON-NLS-1$
							+ "FROM SYS.SYSUSERS S LEFT JOIN CQP.USER_ACCOUNT A ON A.NAME = S.USERNAME ORDER BY S.USERNAME")) { //$NON-NLS-1$
				while (r.next()) {
					Role given = r.getString(2) == null ? null : Role.valueOf(r.getString(2));
					if (!StoreSettings.OWNER.equalsIgnoreCase(r.getString(1))) {
						users.add(new UserAccount(r.getString(1), given, r.getString(3), r.getString(4), Jdbc.time(r, 5)));
					}
				}
			}
			return users;
		});
	}

	@Override
	public UserAccount add(String name, char[] password, Role given, String trainingBody) throws CqpException {
		owner();
		String id = id(name);
		if (given == Role.OWNER) {
			throw new CqpException(NLS.bind(Messages.Users_notARole, given.commandName()));
		}
		DerbyNetworkServer.checkNewPassword(name, password);
		boolean needsBody = given == Role.TRAINING_BODY;
		if (needsBody != (trainingBody != null)) {
			throw new CqpException(needsBody ? NLS.bind(Messages.Users_bodyNeeded, name)
					: NLS.bind(Messages.Users_bodyUnexpected, given.commandName()));
		}
		Instant now = Instant.now();
		Jdbc.transaction(data, c -> {
			if (Jdbc.exists(c, "SELECT 1 FROM SYS.SYSUSERS WHERE USERNAME = ?", id)) { //$NON-NLS-1$
				throw new CqpException(NLS.bind(Messages.Users_exists, id, data.location()));
			}
			if (needsBody && !Jdbc.exists(c, "SELECT 1 FROM CQP.TRAINING_BODY WHERE CODE = ?", trainingBody)) { //$NON-NLS-1$
				throw new CqpException(NLS.bind(Messages.Users_unknownBody, trainingBody, data.location()));
			}
			try (CallableStatement s = c.prepareCall("CALL SYSCS_UTIL.SYSCS_CREATE_USER(?, ?)")) { //$NON-NLS-1$
				s.setString(1, id);
				s.setString(2, new String(password));
				s.execute();
			}
			try (PreparedStatement s = c.prepareStatement(
					"INSERT INTO CQP.USER_ACCOUNT (NAME, ROLE, TRAINING_BODY_CODE, CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?)")) { //$NON-NLS-1$
				s.setString(1, id);
				s.setString(2, given.name());
				setString(s, 3, trainingBody);
				s.setString(4, user);
				setTime(s, 5, now);
				s.executeUpdate();
			}
			try (Statement s = c.createStatement()) {
				s.executeUpdate("GRANT " + AccessRules.derbyRole(given) + " TO \"" + id + '"'); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return null;
		});
		return new UserAccount(id, given, trainingBody, user, now);
	}

	@Override
	public void remove(String name) throws CqpException {
		owner();
		String id = id(name);
		Jdbc.transaction(data, c -> {
			if (!Jdbc.exists(c, "SELECT 1 FROM SYS.SYSUSERS WHERE USERNAME = ?", id)) { //$NON-NLS-1$
				throw new CqpException(NLS.bind(Messages.Users_unknown, id, data.location()));
			}
			try (PreparedStatement s = c.prepareStatement("DELETE FROM CQP.USER_ACCOUNT WHERE NAME = ?")) { //$NON-NLS-1$
				s.setString(1, id);
				s.executeUpdate();
			}
			List<String> roles = new ArrayList<>();
			try (PreparedStatement s = c.prepareStatement("SELECT ROLEID FROM SYS.SYSROLES WHERE GRANTEE = ? AND ISDEF = 'N'")) { //$NON-NLS-1$
				s.setString(1, id);
				try (ResultSet r = s.executeQuery()) {
					while (r.next()) {
						roles.add(r.getString(1));
					}
				}
			}
			try (Statement s = c.createStatement()) {
				for (String derbyRole : roles) {
					s.executeUpdate("REVOKE \"" + derbyRole + "\" FROM \"" + id + '"'); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			try (CallableStatement s = c.prepareCall("CALL SYSCS_UTIL.SYSCS_DROP_USER(?)")) { //$NON-NLS-1$
				s.setString(1, id);
				s.execute();
			}
			return null;
		});
	}

	@Override
	public void assign(String name, String registrationId) throws CqpException {
		owner();
		String id = id(name);
		Jdbc.transaction(data, c -> {
			if (!Jdbc.exists(c, "SELECT 1 FROM CQP.USER_ACCOUNT WHERE NAME = ? AND ROLE = 'EVALUATOR'", id)) { //$NON-NLS-1$
				throw new CqpException(NLS.bind(Messages.Users_notEvaluator, id));
			}
			if (!Jdbc.exists(c, "SELECT 1 FROM CQP.REGISTRATION WHERE ID = ?", registrationId)) { //$NON-NLS-1$
				throw new CqpException(NLS.bind(Messages.Store_unknownRegistration, registrationId, data.location()));
			}
			if (!Jdbc.exists(c, "SELECT 1 FROM CQP.EVALUATOR_ASSIGNMENT WHERE USER_NAME = ? AND REGISTRATION_ID = ?", id, //$NON-NLS-1$
					registrationId)) {
				try (PreparedStatement s = c.prepareStatement(
						"INSERT INTO CQP.EVALUATOR_ASSIGNMENT (USER_NAME, REGISTRATION_ID) VALUES (?, ?)")) { //$NON-NLS-1$
					s.setString(1, id);
					s.setString(2, registrationId);
					s.executeUpdate();
				}
			}
			return null;
		});
	}

	/** Refuses anyone but the owner: Derby lets the owner alone create users and give roles. */
	private void owner() throws CqpException {
		if (role != Role.OWNER) {
			throw new CqpException(NLS.bind(Messages.Users_ownerOnly, data.location()));
		}
	}

	/** The name Derby knows the user by (an ordinary identifier, in upper case). */
	private static String id(String name) throws CqpException {
		if (name == null || !name.matches(NAME)) {
			throw new CqpException(NLS.bind(Messages.Users_badName, name));
		}
		String id = name.toUpperCase(Locale.ROOT);
		if (StoreSettings.OWNER.equalsIgnoreCase(id)) {
			throw new CqpException(NLS.bind(Messages.Users_isOwner, id));
		}
		return id;
	}

}
