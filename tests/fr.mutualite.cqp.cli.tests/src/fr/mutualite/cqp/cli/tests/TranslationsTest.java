package fr.mutualite.cqp.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every French text of the product's bundles and features has its English translation, and the
 * other way round; texts with placeholders double their apostrophes (as MessageFormat and
 * NLS.bind want), plain texts do not. Reads the source tree, so that no bundle escapes.
 */
class TranslationsTest {

	private static Path repository() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("bundles"))) {
			dir = dir.getParent();
		}
		assertTrue(dir != null, "the tests run inside the source tree");
		return dir;
	}

	@Test
	void everyTextHasBothLanguagesAndWellFormedApostrophes() throws IOException {
		List<String> checked = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Path root = repository();
		List<Path> englishFiles;
		try (Stream<Path> files = Stream.concat(Files.walk(root.resolve("bundles")), Files.walk(root.resolve("features")))) {
			englishFiles = files.filter(p -> p.getFileName().toString().endsWith("_en.properties"))
					.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/bin/")).sorted().toList();
		}
		for (Path english : englishFiles) {
			Path french = english.resolveSibling(english.getFileName().toString().replace("_en.properties", ".properties"));
			String name = root.relativize(english).toString();
			checked.add(name);
			if (!Files.exists(french)) {
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
			boolean picocli = english.getFileName().toString().startsWith("usage");
			for (Properties texts : List.of(fr, en)) {
				for (String key : texts.stringPropertyNames()) {
					String text = texts.getProperty(key);
					boolean formatted = !picocli && text.matches("(?s).*\\{\\d\\}.*");
					if (formatted && text.replace("''", "").contains("'")) {
						problems.add(name + " " + key + ": single apostrophe in a formatted text: " + text);
					}
					if (!formatted && text.contains("''")) {
						problems.add(name + " " + key + ": doubled apostrophe in a plain text: " + text);
					}
				}
			}
		}
		assertTrue(checked.size() >= 15, "translations found: " + checked);
		assertEquals(List.of(), problems);
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		return properties;
	}
}
