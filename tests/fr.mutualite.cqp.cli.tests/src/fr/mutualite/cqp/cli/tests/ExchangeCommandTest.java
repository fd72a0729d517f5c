package fr.mutualite.cqp.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import fr.mutualite.cqp.cli.internal.Cli;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;

/** {@code cqp exchange export|import}: a training body's dossiers carried to the branch's database as one file. */
class ExchangeCommandTest {

	@TempDir
	static Path tmp;
	private static Path branch;
	private static String body;
	private static int registrations;
	private static int candidates;

	@BeforeAll
	static void generate() throws Exception {
		branch = tmp.resolve("branche");
		assertEquals(Cli.OK, Cqp.run("data", "generate", "--candidates", "60", "--seed", "8", "--as-of", "2026-06-30", "--db",
				branch.toString()).code());
		List<String> top = column(branch, "SELECT TRAINING_BODY_CODE || '|' || CAST(COUNT(*) AS CHAR(8)) || '|' || "
				+ "CAST(COUNT(DISTINCT CANDIDATE_ID) AS CHAR(8)) FROM REGISTRATION WHERE TRAINING_BODY_CODE IS NOT NULL "
				+ "GROUP BY TRAINING_BODY_CODE ORDER BY COUNT(*) DESC, TRAINING_BODY_CODE FETCH FIRST 1 ROWS ONLY");
		String[] fields = top.get(0).split("\\|");
		body = fields[0];
		registrations = Integer.parseInt(fields[1].strip());
		candidates = Integer.parseInt(fields[2].strip());
		assertTrue(registrations >= 3, top.toString());
	}

	static List<String> column(Path db, String sql, String... values) throws Exception {
		List<String> rows = new ArrayList<>();
		try (EmbeddedDerbyStore store = EmbeddedDerbyStore.open(db); Connection c = store.connect();
				PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				s.setString(i + 1, values[i]);
			}
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					rows.add(r.getString(1));
				}
			}
		}
		return rows;
	}

	static void update(Path db, String... sql) throws Exception {
		try (EmbeddedDerbyStore store = EmbeddedDerbyStore.open(db); Connection c = store.connect(); Statement s = c.createStatement()) {
			for (String statement : sql) {
				assertEquals(1, s.executeUpdate(statement), statement);
			}
		}
	}

	private static Map<String, byte[]> entries(Path zip) throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static void zip(Path file, Map<String, byte[]> entries) throws Exception {
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue());
				out.closeEntry();
			}
		}
	}

	/** Everything the statistics and the booklets hold, as the export of registrations and a count of each table's rows. */
	private static String dump(Path db) throws Exception {
		StringBuilder dump = new StringBuilder(Cqp.run("data", "export", "--db", db.toString()).out());
		for (String table : column(db, "SELECT TABLENAME FROM SYS.SYSTABLES T JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = T.SCHEMAID "
				+ "WHERE S.SCHEMANAME = 'CQP' AND T.TABLETYPE = 'T' ORDER BY TABLENAME")) {
			dump.append(table).append(' ').append(column(db, "SELECT TRIM(CAST(COUNT(*) AS CHAR(10))) FROM CQP." + table)).append('\n');
		}
		return dump.toString();
	}

	@Test
	void aPackageCarriesATrainingBodysDossiersOnceAndOnlyIntact() throws Exception {
		Path pack = tmp.resolve("envoi/paquet.zip");
		Cqp exported = Cqp.run("exchange", "export", "--training-body", body, "--out", pack.toString(), "--db", branch.toString());
		assertEquals(Cli.OK, exported.code(), exported.err());
		assertEquals(registrations + " inscriptions de l'organisme " + body + " écrites dans le paquet d'échange " + pack + ".",
				exported.out().strip());
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pack)));
		Map<String, byte[]> entries = entries(pack);
		assertEquals(List.of("manifeste.json", "dossiers.dossiers", "versions.json"), new ArrayList<>(entries.keySet()));
		JsonObject manifest = JsonParser.parseString(new String(entries.get("manifeste.json"), StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals("cqp-paquet/1|" + System.getProperty("user.name") + "|" + body, manifest.get("format").getAsString() + '|' + manifest.get("expediteur").getAsString()
				+ '|' + manifest.get("organisme").getAsString());
		JsonArray parts = manifest.getAsJsonArray("parties");
		assertEquals(2, parts.size());
		for (JsonElement part : parts) {
			byte[] bytes = entries.get(part.getAsJsonObject().get("nom").getAsString());
			assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
					part.getAsJsonObject().get("sha256").getAsString());
			assertEquals(bytes.length, part.getAsJsonObject().get("octets").getAsInt());
		}
		assertEquals(registrations, JsonParser.parseString(new String(entries.get("versions.json"), StandardCharsets.UTF_8))
				.getAsJsonArray().size());

		// received into a new database: everything added, with the booklets' rows
		Path copy = tmp.resolve("copie");
		Cqp first = Cqp.run("exchange", "import", pack.toString(), "--db", copy.toString());
		assertEquals(Cli.OK, first.code(), first.err());
		String made = manifest.get("cree_le").getAsString();
		assertEquals("Paquet " + pack + " de " + System.getProperty("user.name") + " (organisme " + body + ", fait le " + made + ") reçu dans " + copy + " : " + candidates
				+ " candidats ajoutés, " + registrations + " inscriptions ajoutées, 0 mises à jour, 0 inchangées, 0 conflits.",
				first.out().strip());
		for (String table : List.of("ASSESSMENT", "RATING", "ANSWER", "FINAL_DOMAIN", "TRAINING_MODULE")) {
			String count = "SELECT TRIM(CAST(COUNT(*) AS CHAR(10))) FROM " + table + " T JOIN REGISTRATION R ON R.ID = T.REGISTRATION_ID "
					+ "WHERE R.TRAINING_BODY_CODE = ?";
			assertEquals(column(branch, count, body), column(copy, count, body), table);
		}
		assertEquals(List.of("0"), column(copy, "SELECT TRIM(CAST(COUNT(*) AS CHAR(10))) FROM CERTIFICATE"), "certificates are the jury's");
		// twice: nothing changes
		String before = dump(copy);
		Cqp second = Cqp.run("exchange", "import", pack.toString(), "--db", copy.toString());
		assertEquals(Cli.OK, second.code(), second.out() + second.err());
		assertTrue(second.out().strip().endsWith(" : 0 candidats ajoutés, 0 inscriptions ajoutées, 0 mises à jour, " + registrations
				+ " inchangées, 0 conflits."), second.out());
		assertEquals(before, dump(copy));
		// and back: the copy's package holds the same dossiers
		Path back = tmp.resolve("retour.zip");
		assertEquals(Cli.OK, Cqp.run("exchange", "export", "--training-body", body, "--out", back.toString(), "--db", copy.toString()).code());
		Cqp returned = Cqp.run("exchange", "import", back.toString(), "--db", branch.toString());
		assertTrue(returned.out().strip().endsWith(" : 0 candidats ajoutés, 0 inscriptions ajoutées, 0 mises à jour, " + registrations
				+ " inchangées, 0 conflits."), returned.out());

		// newer in the package: updated; newer in the database: a conflict, left as it is
		List<String> two = column(branch, "SELECT C.LAST_NAME || '|' || C.FIRST_NAME || '|' || R.ID FROM REGISTRATION R "
				+ "JOIN CANDIDATE C ON C.ID = R.CANDIDATE_ID WHERE R.TRAINING_BODY_CODE = ? AND EXISTS (SELECT 1 FROM ASSESSMENT A "
				+ "WHERE A.REGISTRATION_ID = R.ID) ORDER BY R.ID FETCH FIRST 2 ROWS ONLY", body);
		String newer = two.get(0).split("\\|")[2];
		String older = two.get(1).split("\\|")[2];
		String inCopy = "SELECT R.ID FROM REGISTRATION R JOIN CANDIDATE C ON C.ID = R.CANDIDATE_ID WHERE C.LAST_NAME = ? AND C.FIRST_NAME = ?";
		String olderInCopy = column(copy, inCopy, two.get(1).split("\\|")[0], two.get(1).split("\\|")[1]).get(0);
		String newerInCopy = column(copy, inCopy, two.get(0).split("\\|")[0], two.get(0).split("\\|")[1]).get(0);
		update(branch, "UPDATE ASSESSMENT SET COMMENT_TEXT = 'revu par l''organisme' WHERE REGISTRATION_ID = '" + newer
				+ "' AND SEQ = (SELECT MIN(SEQ) FROM ASSESSMENT WHERE REGISTRATION_ID = '" + newer + "')",
				"UPDATE REGISTRATION SET UPDATED_AT = CURRENT_TIMESTAMP WHERE ID = '" + newer + "'",
				"UPDATE ASSESSMENT SET COMMENT_TEXT = 'revu par l''organisme' WHERE REGISTRATION_ID = '" + older
						+ "' AND SEQ = (SELECT MIN(SEQ) FROM ASSESSMENT WHERE REGISTRATION_ID = '" + older + "')",
				"UPDATE REGISTRATION SET UPDATED_AT = CURRENT_TIMESTAMP WHERE ID = '" + older + "'");
		Path later = tmp.resolve("plus-tard.zip");
		assertEquals(Cli.OK, Cqp.run("exchange", "export", "--training-body", body, "--out", later.toString(), "--db", branch.toString()).code());
		update(copy, "UPDATE ASSESSMENT SET COMMENT_TEXT = 'revu par la branche' WHERE REGISTRATION_ID = '" + olderInCopy
				+ "' AND SEQ = (SELECT MIN(SEQ) FROM ASSESSMENT WHERE REGISTRATION_ID = '" + olderInCopy + "')",
				"UPDATE REGISTRATION SET UPDATED_AT = {fn TIMESTAMPADD(SQL_TSI_DAY, 1, CURRENT_TIMESTAMP)} WHERE ID = '" + olderInCopy + "'");
		Cqp third = Cqp.run("exchange", "import", later.toString(), "--db", copy.toString());
		assertEquals(Cli.FAILED, third.code(), third.err());
		List<String> lines = third.out().lines().toList();
		assertEquals(2, lines.size(), third.out());
		assertTrue(lines.get(0).startsWith("Conflit : l'inscription " + olderInCopy + " de "), lines.get(0));
		assertTrue(lines.get(0).endsWith("; elle n'est pas remplacée."), lines.get(0));
		assertTrue(lines.get(1).endsWith(" : 0 candidats ajoutés, 0 inscriptions ajoutées, 1 mises à jour, " + (registrations - 2)
				+ " inchangées, 1 conflits."), lines.get(1));
		String comment = "SELECT COMMENT_TEXT FROM ASSESSMENT WHERE REGISTRATION_ID = ? AND SEQ = (SELECT MIN(SEQ) FROM ASSESSMENT "
				+ "WHERE REGISTRATION_ID = ?)";
		assertEquals(List.of("revu par l'organisme"), column(copy, comment, newerInCopy, newerInCopy));
		assertEquals(List.of("revu par la branche"), column(copy, comment, olderInCopy, olderInCopy));

		// altered, truncated, padded, not a package: refused, the database unchanged
		before = dump(copy);
		Map<String, byte[]> altered = new LinkedHashMap<>(entries(later));
		byte[] dossiers = altered.get("dossiers.dossiers").clone();
		int at = new String(dossiers, StandardCharsets.ISO_8859_1).indexOf("revu par l'organisme");
		dossiers[at] = 'R';
		altered.put("dossiers.dossiers", dossiers);
		Path tampered = tmp.resolve("altere.zip");
		zip(tampered, altered);
		refused(tampered, copy, "la partie dossiers.dossiers ne correspond pas à son empreinte SHA-256 : le paquet a été modifié ou abîmé");
		Path truncated = tmp.resolve("tronque.zip");
		byte[] bytes = Files.readAllBytes(later);
		Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		refused(truncated, copy, "ce n'est pas un paquet d'échange complet (archive ZIP illisible ou tronquée)");
		Map<String, byte[]> padded = new LinkedHashMap<>(entries(later));
		padded.put("virus.exe", new byte[] { 1, 2, 3 });
		Path extra = tmp.resolve("ajout.zip");
		zip(extra, padded);
		refused(extra, copy, "il contient une partie inattendue, « virus.exe »");
		Map<String, byte[]> missing = new LinkedHashMap<>(entries(later));
		missing.remove("versions.json");
		Path without = tmp.resolve("incomplet.zip");
		zip(without, missing);
		refused(without, copy, "la partie versions.json manque");
		// more training hours than the rules allow, digests made to match: the validation of the booklets refuses it
		Map<String, byte[]> wrong = new LinkedHashMap<>(entries(later));
		String xmi = new String(wrong.get("dossiers.dossiers"), StandardCharsets.UTF_8);
		java.util.regex.Matcher hours = java.util.regex.Pattern.compile("hours=\"\\d+\"").matcher(xmi);
		assertTrue(hours.find(xmi.indexOf("<trainingPath>")), "the dossiers hold training hours");
		wrong.put("dossiers.dossiers", (xmi.substring(0, hours.start()) + "hours=\"9999\"" + xmi.substring(hours.end()))
				.getBytes(StandardCharsets.UTF_8));
		wrong.put("manifeste.json", redigest(wrong));
		Path invalid = tmp.resolve("invalide.zip");
		zip(invalid, wrong);
		Cqp refusedValue = Cqp.run("exchange", "import", invalid.toString(), "--db", copy.toString());
		assertEquals(Cli.FAILED, refusedValue.code(), refusedValue.out());
		assertTrue(refusedValue.err().strip().startsWith("Le paquet d'échange " + invalid + " est refusé : un de ses dossiers porte "
				+ "une valeur refusée : "), refusedValue.err());
		assertEquals(1, refusedValue.err().strip().lines().count(), refusedValue.err());
		Path text = tmp.resolve("texte.zip");
		Files.writeString(text, "identifiant;nom\n");
		refused(text, copy, "ce n'est pas un paquet d'échange complet (archive ZIP illisible ou tronquée)");
		assertEquals(before, dump(copy));
		Cqp none = Cqp.run("exchange", "export", "--training-body", "INCONNU", "--out", tmp.resolve("rien.zip").toString(), "--db",
				branch.toString());
		assertEquals(Cli.FAILED, none.code());
		assertEquals("Aucune inscription de l'organisme « INCONNU » dans la base de données " + branch
				+ " que vous puissiez voir : pas de paquet à faire.", none.err().strip());
		assertTrue(Files.notExists(tmp.resolve("rien.zip")));
	}

	/** The manifest of {@code entries} with the digests and sizes of their parts as they are now. */
	private static byte[] redigest(Map<String, byte[]> entries) throws Exception {
		JsonObject manifest = JsonParser.parseString(new String(entries.get("manifeste.json"), StandardCharsets.UTF_8)).getAsJsonObject();
		for (JsonElement part : manifest.getAsJsonArray("parties")) {
			byte[] bytes = entries.get(part.getAsJsonObject().get("nom").getAsString());
			part.getAsJsonObject().addProperty("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
			part.getAsJsonObject().addProperty("octets", bytes.length);
		}
		return manifest.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void refused(Path file, Path db, String why) {
		Cqp refused = Cqp.run("exchange", "import", file.toString(), "--db", db.toString());
		assertEquals(Cli.FAILED, refused.code(), refused.out());
		assertEquals("Le paquet d'échange " + file + " est refusé : " + why + " ; rien n'a été importé.", refused.err().strip());
	}
}
