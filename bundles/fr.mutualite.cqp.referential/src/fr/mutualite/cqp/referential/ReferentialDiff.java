package fr.mutualite.cqp.referential;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.osgi.util.NLS;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.google.gson.stream.JsonWriter;

import fr.mutualite.cqp.model.edit.CqpEditPlugin;
import fr.mutualite.cqp.model.referential.ActivityArea;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Element;
import fr.mutualite.cqp.model.referential.ElementWording;
import fr.mutualite.cqp.model.referential.JuryFormat;
import fr.mutualite.cqp.model.referential.JuryPart;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.model.referential.Scale;
import fr.mutualite.cqp.model.referential.ScaleLevel;
import fr.mutualite.cqp.referential.internal.Messages;

/**
 * What changed between two versions of a certification's referential: the elements added,
 * removed and changed (certification, its referential's version and validity, activities, jury,
 * domains and all they hold, the certification's own wordings, booklets, dated rules), matched by
 * their codes (or titles, or dates where they have none), with the words changed in each wording.
 */
public final class ReferentialDiff {

	/** How an element differs. */
	public enum Kind {
		ADDED, REMOVED, CHANGED
	}

	/**
	 * One difference: {@code element} names the element (its kind and code), {@code path} where it
	 * is, {@code feature} the property changed (empty for additions and removals), with the values
	 * before and after and, for texts, the words changed ({@code [-removed-]{+added+}}).
	 */
	public record Change(Kind kind, String path, String element, String feature, String before, String after,
			String words) {
	}

	private static final Pattern WORDS = Pattern.compile("\\s+|[^\\s]+"); //$NON-NLS-1$

	private ReferentialDiff() {
	}

	/** The differences from {@code before} to {@code after}, in the order of {@code after}'s elements. */
	public static List<Change> of(Certification before, Certification after, ReferentialLibrary library) {
		return of(before, library, after, library);
	}

	/**
	 * The differences from {@code before}, as {@code beforeLibrary} has it ({@code null}: nothing,
	 * everything is added), to {@code after}, as {@code afterLibrary} has it.
	 */
	public static List<Change> of(Certification before, ReferentialLibrary beforeLibrary, Certification after,
			ReferentialLibrary afterLibrary) {
		Map<String, EObject> a = before == null ? Map.of() : index(before, beforeLibrary);
		Map<String, EObject> b = index(after, afterLibrary);
		List<Change> changes = new ArrayList<>();
		for (Map.Entry<String, EObject> entry : b.entrySet()) {
			EObject old = a.get(entry.getKey());
			if (old == null) {
				changes.add(new Change(Kind.ADDED, entry.getKey(), label(entry.getValue()), "", null, //$NON-NLS-1$
						summary(entry.getValue()), null));
			} else {
				compare(entry.getKey(), old, entry.getValue(), changes);
			}
		}
		for (Map.Entry<String, EObject> entry : a.entrySet()) {
			if (!b.containsKey(entry.getKey())) {
				changes.add(new Change(Kind.REMOVED, entry.getKey(), label(entry.getValue()), "", summary(entry.getValue()), //$NON-NLS-1$
						null, null));
			}
		}
		return changes;
	}

	/** Every element that makes up {@code certification}, by its path. */
	private static Map<String, EObject> index(Certification certification, ReferentialLibrary library) {
		Map<String, EObject> index = new LinkedHashMap<>();
		Referential file = ReferentialLibrary.referentialOf(certification);
		index.put(key(file), file);
		add(index, key(file), certification);
		for (DomainUse use : certification.getDomains()) {
			String path = key(file) + '/' + key(certification) + '/' + key(use);
			if (use.getDomain() != null) {
				add(index, path, use.getDomain());
			}
			for (Competence shared : use.getSharedCompetences()) {
				add(index, path, shared);
			}
		}
		for (Booklet booklet : library.booklets(certification)) {
			add(index, key(file), booklet);
		}
		for (RuleSet rules : file.getRuleSets()) {
			add(index, key(file), rules);
		}
		return index;
	}

	private static void add(Map<String, EObject> index, String parent, EObject object) {
		String path = parent + '/' + key(object);
		index.put(path, object);
		for (EObject child : object.eContents()) {
			add(index, path, child);
		}
	}

	/** What identifies {@code object} among its siblings, whatever its version. */
	private static String key(EObject object) {
		String id = switch (object) {
			case Referential r -> ""; //$NON-NLS-1$
			case Certification c -> c.getCode();
			case Element e -> e.getCode();
			case DomainUse u -> u.getDomain() == null ? String.valueOf(u.getNumber()) : u.getDomain().getCode();
			case ElementWording w -> w.getElement() == null ? "" : w.getElement().getCode(); //$NON-NLS-1$
			case ActivityArea a -> a.getTitle();
			case JuryFormat j -> ""; //$NON-NLS-1$
			case JuryPart p -> p.getTitle();
			case Booklet b -> b.getCode();
			case BookletSection s -> s.getCode();
			case BookletItem i -> i.getCode();
			case Scale s -> s.getCode();
			case ScaleLevel l -> l.getCode();
			case RuleSet r -> String.valueOf(r.getValidFrom());
			default -> String.valueOf(object.eContainer() == null ? 0 : object.eContainer().eContents().indexOf(object));
		};
		return object.eClass().getName() + ':' + id;
	}

	private static void compare(String path, EObject before, EObject after, List<Change> changes) {
		for (EStructuralFeature feature : after.eClass().getEAllStructuralFeatures()) {
			if (feature.isDerived() || feature.isTransient() || feature instanceof EReference r && r.isContainment()
					|| feature.getName().equals("id")) { //$NON-NLS-1$
				continue;
			}
			String old = text(before.eGet(feature));
			String now = text(after.eGet(feature));
			if (!Objects.equals(old, now)) {
				changes.add(new Change(Kind.CHANGED, path, label(after), featureLabel(feature), old, now,
						feature instanceof EAttribute && old != null && now != null ? words(old, now) : null));
			}
		}
	}

	/** {@code before} and {@code after} as one text marking the words removed and added. */
	public static String words(String before, String after) {
		List<String> a = tokens(before);
		List<String> b = tokens(after);
		Patch<String> patch = DiffUtils.diff(a, b);
		StringBuilder text = new StringBuilder();
		int at = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			int start = delta.getSource().getPosition();
			text.append(String.join("", a.subList(at, start))); //$NON-NLS-1$
			if (!delta.getSource().getLines().isEmpty()) {
				text.append("[-").append(String.join("", delta.getSource().getLines())).append("-]"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			if (!delta.getTarget().getLines().isEmpty()) {
				text.append("{+").append(String.join("", delta.getTarget().getLines())).append("+}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			at = start + delta.getSource().size();
		}
		text.append(String.join("", a.subList(at, a.size()))); //$NON-NLS-1$
		return text.toString();
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher m = WORDS.matcher(text);
		while (m.find()) {
			tokens.add(m.group());
		}
		return tokens;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Collection<?> values) {
			return values.isEmpty() ? null : String.join("\n", values.stream().map(ReferentialDiff::text).toList()); //$NON-NLS-1$
		}
		if (value instanceof EObject object) {
			return object.eIsProxy() ? String.valueOf(((org.eclipse.emf.ecore.InternalEObject) object).eProxyURI().fragment())
					: key(object).substring(key(object).indexOf(':') + 1);
		}
		return String.valueOf(value);
	}

	/** What an added or removed element is: its wording or title. */
	private static String summary(EObject object) {
		for (String name : List.of("wording", "title", "version")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			EStructuralFeature feature = object.eClass().getEStructuralFeature(name);
			if (feature != null && object.eGet(feature) != null) {
				return text(object.eGet(feature));
			}
		}
		return ""; //$NON-NLS-1$
	}

	/** The element's kind and code as users read them, e.g. "Compétence ANALYSE-SITUATION.C1". */
	private static String label(EObject object) {
		String type = string("_UI_" + object.eClass().getName() + "_type", object.eClass().getName()); //$NON-NLS-1$ //$NON-NLS-2$
		String id = key(object);
		id = id.substring(id.indexOf(':') + 1);
		return id.isEmpty() ? type : type + ' ' + id;
	}

	private static String featureLabel(EStructuralFeature feature) {
		return string("_UI_" + feature.getEContainingClass().getName() + '_' + feature.getName() + "_feature", //$NON-NLS-1$ //$NON-NLS-2$
				feature.getName());
	}

	private static String string(String key, String fallback) {
		try {
			return CqpEditPlugin.INSTANCE.getString(key);
		} catch (MissingResourceException e) {
			return fallback;
		}
	}

	/** Writes {@code changes} as text, one line per change, after a line naming both versions. */
	public static void text(List<Change> changes, String before, String after, Writer out) throws IOException {
		out.write(NLS.bind(Messages.Diff_header, new Object[] { before, after, changes.size() }));
		out.write('\n');
		for (Change change : changes) {
			String line = switch (change.kind()) {
				case ADDED -> NLS.bind(Messages.Diff_added, change.element(), oneLine(change.after()));
				case REMOVED -> NLS.bind(Messages.Diff_removed, change.element(), oneLine(change.before()));
				case CHANGED -> NLS.bind(Messages.Diff_changed, new Object[] { change.element(), change.feature(),
						oneLine(change.words() != null ? change.words() : NLS.bind(Messages.Diff_fromTo, value(change.before()),
								value(change.after()))) });
			};
			out.write(line);
			out.write('\n');
		}
		out.flush();
	}

	private static String value(String value) {
		return value == null || value.isEmpty() ? Messages.Diff_none : value;
	}

	private static String oneLine(String text) {
		return text == null ? "" : text.replace('\n', '|'); //$NON-NLS-1$
	}

	/** Writes {@code changes} as JSON: the versions compared and one object per change. */
	public static void json(List<Change> changes, String before, String after, Writer out) throws IOException {
		JsonWriter json = new JsonWriter(out);
		json.setIndent("  "); //$NON-NLS-1$
		json.beginObject().name("before").value(before).name("after").value(after).name("changes").beginArray(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		for (Change change : changes) {
			json.beginObject().name("kind").value(change.kind().name().toLowerCase(java.util.Locale.ROOT)) //$NON-NLS-1$
					.name("path").value(change.path()).name("element").value(change.element()); //$NON-NLS-1$ //$NON-NLS-2$
			if (!change.feature().isEmpty()) {
				json.name("feature").value(change.feature()); //$NON-NLS-1$
			}
			json.name("before").value(change.before()).name("after").value(change.after()); //$NON-NLS-1$ //$NON-NLS-2$
			if (change.words() != null) {
				json.name("words").value(change.words()); //$NON-NLS-1$
			}
			json.endObject();
		}
		json.endArray().endObject();
		json.flush();
		out.write('\n');
		out.flush();
	}
}
