package fr.mutualite.cqp.ui.emf;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.ui.emf.internal.Messages;

/**
 * How each feature of the model is edited, and the conversion of its values to and from the
 * text a user types: numbers, calendar days, lists of lines. A value that cannot be converted is
 * refused with one sentence naming what was expected.
 */
public final class Values {

	/** The kinds of editor a feature needs. */
	public enum Kind {
		TEXT, MULTI_LINE, LINES, NUMBER, DATE, BOOLEAN, ENUM, REFERENCE, REFERENCES, READ_ONLY
	}

	private Values() {
	}

	/** The editor {@code descriptor}'s feature needs on {@code object}. */
	public static Kind kind(IItemPropertyDescriptor descriptor, Object object) {
		if (!descriptor.canSetProperty(object) || !(descriptor.getFeature(object) instanceof EStructuralFeature feature)) {
			return Kind.READ_ONLY;
		}
		if (feature instanceof EReference reference) {
			return reference.isContainment() ? Kind.READ_ONLY : reference.isMany() ? Kind.REFERENCES : Kind.REFERENCE;
		}
		EDataType type = ((EAttribute) feature).getEAttributeType();
		if (feature.isMany()) {
			return type.getInstanceClass() == String.class ? Kind.LINES : Kind.READ_ONLY;
		}
		if (type instanceof EEnum) {
			return Kind.ENUM;
		}
		Class<?> c = type.getInstanceClass();
		if (c == LocalDate.class) {
			return Kind.DATE;
		}
		if (c == boolean.class || c == Boolean.class) {
			return Kind.BOOLEAN;
		}
		if (isNumber(c)) {
			return Kind.NUMBER;
		}
		return descriptor.isMultiLine(object) ? Kind.MULTI_LINE : Kind.TEXT;
	}

	private static boolean isNumber(Class<?> c) {
		return c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class
				|| c == Short.class || c == double.class || c == Double.class || c == float.class || c == Float.class
				|| c == BigDecimal.class || c == BigInteger.class;
	}

	/** The formatter of calendar days in the user's language. */
	public static DateTimeFormatter days() {
		return DateTimeFormatter.ofPattern(Messages.Values_datePattern).withResolverStyle(ResolverStyle.STRICT);
	}

	/** {@code value} of {@code feature} as a user reads and types it ("" for none). */
	public static String text(EStructuralFeature feature, Object value) {
		if (value == null) {
			return ""; //$NON-NLS-1$
		}
		if (feature.isMany() && value instanceof Collection<?> values) {
			return String.join("\n", values.stream().map(String::valueOf).toList()); //$NON-NLS-1$
		}
		if (value instanceof LocalDate day) {
			return days().format(day);
		}
		if (value instanceof EEnumLiteral literal) {
			return literal.getLiteral();
		}
		if (feature instanceof EAttribute attribute && !(value instanceof String)) {
			return EcoreUtil.convertToString(attribute.getEAttributeType(), value);
		}
		return String.valueOf(value);
	}

	/**
	 * The value of {@code feature} that {@code text} means; an empty text means no value, refused
	 * when the feature requires one.
	 *
	 * @throws IllegalArgumentException with one sentence for the user when {@code text} is not a value of the feature
	 */
	public static Object parse(EStructuralFeature feature, String text) {
		String value = text.strip();
		if (feature.isMany()) {
			List<String> lines = new ArrayList<>();
			for (String line : text.split("\\R")) { //$NON-NLS-1$
				if (!line.isBlank()) {
					lines.add(line.strip());
				}
			}
			return lines;
		}
		EDataType type = ((EAttribute) feature).getEAttributeType();
		Class<?> c = type.getInstanceClass();
		if (value.isEmpty() && c != String.class) {
			if (feature.isRequired() || c.isPrimitive()) {
				throw new IllegalArgumentException(Messages.Values_required);
			}
			return null;
		}
		if (c == String.class) {
			if (value.isEmpty() && feature.isRequired()) {
				throw new IllegalArgumentException(Messages.Values_required);
			}
			return text;
		}
		if (c == LocalDate.class) {
			try {
				return LocalDate.parse(value, days());
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException(NLS.bind(Messages.Values_notADate, value, days().format(LocalDate.of(2026, 9, 1))), e);
			}
		}
		if (isNumber(c)) {
			try {
				Object number = EcoreUtil.createFromString(type, value.replace(',', '.').replace(" ", "")); //$NON-NLS-1$ //$NON-NLS-2$
				if (number == null) {
					throw new NumberFormatException(value);
				}
				return number;
			} catch (RuntimeException e) {
				boolean whole = !(c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class);
				throw new IllegalArgumentException(NLS.bind(whole ? Messages.Values_notAWholeNumber : Messages.Values_notANumber, value), e);
			}
		}
		try {
			return EcoreUtil.createFromString(type, value);
		} catch (RuntimeException e) {
			throw new IllegalArgumentException(NLS.bind(Messages.Values_invalid, value), e);
		}
	}
}
