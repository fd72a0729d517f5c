package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Every French text of the product's bundles has its English translation, and the other way
 * round; texts with placeholders double their apostrophes (as MessageFormat and NLS.bind want),
 * the others do not.
 */
class TranslationsTest {

	@Test
	void everyTextHasBothLanguagesAndWellFormedApostrophes() throws IOException {
		List<String> checked = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Bundle bundle : FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles()) {
			if (!bundle.getSymbolicName().startsWith("fr.mutualite.cqp") || bundle.getSymbolicName().endsWith(".tests")) {
				continue;
			}
			var entries = bundle.findEntries("/", "*_en.properties", true);
			for (URL english : entries == null ? List.<URL>of() : Collections.list(entries)) {
				URL french = bundle.getEntry(english.getPath().replace("_en.properties", ".properties"));
				String name = bundle.getSymbolicName() + english.getPath();
				checked.add(name);
				if (french == null) {
					problems.add(name + ": no French file");
					continue;
				}
				Properties fr = load(french), en = load(english);
				if (!fr.keySet().equals(en.keySet())) {
					TreeSet<Object> onlyFr = new TreeSet<>(fr.keySet());
					onlyFr.removeAll(en.keySet());
					TreeSet<Object> onlyEn = new TreeSet<>(en.keySet());
					onlyEn.removeAll(fr.keySet());
					problems.add(name + ": keys only in French " + onlyFr + ", only in English " + onlyEn);
				}
				for (Properties texts : List.of(fr, en)) {
					for (String key : texts.stringPropertyNames()) {
						String text = texts.getProperty(key);
						boolean formatted = text.matches("(?s).*\\{\\d\\}.*");
						if (formatted && text.replace("''", "").contains("'")) {
							problems.add(name + " " + key + ": single apostrophe in a formatted text: " + text);
						}
						if (!formatted && text.contains("''") && !english.getPath().contains("plugin")) {
							problems.add(name + " " + key + ": doubled apostrophe in a plain text: " + text);
						}
					}
				}
			}
		}
		assertTrue(checked.size() >= 8, "translations found: " + checked);
		assertEquals(List.of(), problems);
		assertFalse(checked.isEmpty());
	}

	private static Properties load(URL url) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = url.openStream()) {
			properties.load(in);
		}
		return properties;
	}
}
