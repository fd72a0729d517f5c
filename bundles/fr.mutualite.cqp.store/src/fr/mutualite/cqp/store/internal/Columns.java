package fr.mutualite.cqp.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;

import fr.mutualite.cqp.model.dossier.DossierPackage;

/**
 * The columns holding the attributes a model class declares, driven by the metamodel: every
 * single-valued attribute of a booklet's class has the column named after it in capitals
 * ({@code startDate} in {@code START_DATE}), except the few the first schema named otherwise.
 * Adding a field to a booklet is an attribute in {@code cqp.ecore} and its column in a change set;
 * the writer and reader need no change. Keys and references stay with the writer and the reader.
 */
final class Columns {

	private static final DossierPackage P = DossierPackage.eINSTANCE;

	/** Columns the first schema named otherwise than their attribute. */
	private static final Map<EAttribute, String> NAMED = Map.ofEntries( //
			Map.entry(P.getAssessment_Date(), "ASSESSMENT_DATE"), //$NON-NLS-1$
			Map.entry(P.getAssessment_Comment(), "COMMENT_TEXT"), //$NON-NLS-1$
			Map.entry(P.getRating_Comment(), "COMMENT_TEXT"), //$NON-NLS-1$
			Map.entry(P.getOrientationInterview_TrainingBodyInterviewer(), "INTERVIEWER"), //$NON-NLS-1$
			Map.entry(P.getProgressReview_Date(), "REVIEW_DATE"), //$NON-NLS-1$
			Map.entry(P.getAnswer_Text(), "ANSWER_TEXT"), //$NON-NLS-1$
			Map.entry(P.getExperiencePeriod_Start(), "START_DATE"), //$NON-NLS-1$
			Map.entry(P.getExperiencePeriod_End(), "END_DATE"), //$NON-NLS-1$
			Map.entry(P.getCertificate_Number(), "CERTIFICATE_NUMBER"), //$NON-NLS-1$
			Map.entry(P.getCertificate_Date(), "ISSUE_DATE"), //$NON-NLS-1$
			Map.entry(P.getCertificate_Full(), "FULL_AWARD")); //$NON-NLS-1$

	private static final Map<EClass, Columns> CACHE = new ConcurrentHashMap<>();

	private final List<EAttribute> attributes;
	private final List<String> names;

	private Columns(EClass eClass) {
		attributes = new ArrayList<>();
		names = new ArrayList<>();
		for (EAttribute attribute : eClass.getEAttributes()) {
			if (attribute.isMany() || attribute.isTransient() || attribute.isDerived() || attribute.isID()) {
				continue;
			}
			Class<?> type = attribute.getEAttributeType().getInstanceClass();
			if (!(attribute.getEAttributeType() instanceof EEnum) && type != String.class && type != int.class
					&& type != boolean.class && type != LocalDate.class) {
				throw new IllegalStateException("No column type for " + eClass.getName() + '.' + attribute.getName()); //$NON-NLS-1$
			}
			attributes.add(attribute);
			names.add(name(attribute));
		}
	}

	/** The columns of the attributes {@code eClass} declares (not those it inherits). */
	static Columns of(EClass eClass) {
		return CACHE.computeIfAbsent(eClass, Columns::new);
	}

	/** {@code INSERT INTO table (keys..., columns...) VALUES (?, ...)}. */
	static String insert(String table, EClass eClass, String... keys) {
		List<String> all = new ArrayList<>(List.of(keys));
		all.addAll(of(eClass).names);
		return "INSERT INTO CQP." + table + " (" + String.join(", ", all) + ") VALUES (" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ String.join(", ", Collections.nCopies(all.size(), "?")) + ')'; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** {@code SELECT keys..., columns... FROM table WHERE where ORDER BY order}. */
	static String select(String table, EClass eClass, String where, String order, String... keys) {
		List<String> all = new ArrayList<>(List.of(keys));
		all.addAll(of(eClass).names);
		return "SELECT " + String.join(", ", all) + " FROM " + table + " WHERE " + where //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ (order == null ? "" : " ORDER BY " + order); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Sets the attributes of {@code object} from parameter {@code first} on. */
	void set(PreparedStatement s, int first, EObject object) throws SQLException {
		int index = first;
		for (EAttribute attribute : attributes) {
			Object value = object.eGet(attribute);
			if (value == null) {
				s.setNull(index, attribute.getEAttributeType().getInstanceClass() == LocalDate.class ? Types.DATE
						: Types.VARCHAR);
			} else if (value instanceof LocalDate day) {
				Jdbc.setDay(s, index, day);
			} else if (value instanceof Integer number) {
				s.setInt(index, number.intValue());
			} else if (value instanceof Boolean flag) {
				s.setBoolean(index, flag.booleanValue());
			} else if (value instanceof Enumerator literal) {
				s.setString(index, literal.getName());
			} else {
				s.setString(index, (String) value);
			}
			index++;
		}
	}

	/** Sets the attributes of {@code object} from the columns of {@code r} from {@code first} on. */
	void get(ResultSet r, int first, EObject object) throws SQLException {
		int index = first;
		for (EAttribute attribute : attributes) {
			Class<?> type = attribute.getEAttributeType().getInstanceClass();
			if (attribute.getEAttributeType() instanceof EEnum enumeration) {
				String name = r.getString(index);
				EEnumLiteral literal = name == null ? null : enumeration.getEEnumLiteral(name);
				if (literal != null) {
					object.eSet(attribute, literal.getInstance());
				}
			} else if (type == LocalDate.class) {
				object.eSet(attribute, Jdbc.day(r, index));
			} else if (type == int.class) {
				object.eSet(attribute, Integer.valueOf(r.getInt(index)));
			} else if (type == boolean.class) {
				object.eSet(attribute, Boolean.valueOf(r.getBoolean(index)));
			} else {
				object.eSet(attribute, r.getString(index));
			}
			index++;
		}
	}

	private static String name(EAttribute attribute) {
		String named = NAMED.get(attribute);
		if (named != null) {
			return named;
		}
		return attribute.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
