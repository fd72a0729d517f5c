package fr.mutualite.cqp.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.cli.internal.Cli;
import fr.mutualite.cqp.core.DataFolder;

/** {@code cqp report}: the observatory's own designs of the data folder, listed and run headless. */
class ReportCommandTest {

	@TempDir
	static Path tmp;
	/** A branch of 20 candidates, generated once for the class. */
	private static String db;

	@BeforeAll
	static void aBranch() {
		db = tmp.resolve("base").toString();
		Cqp generated = Cqp.run("data", "generate", "--candidates", "20", "--seed", "2", "--as-of", "2026-06-30", "--db", db);
		assertEquals(Cli.OK, generated.code(), generated.err());
	}

	/** Drops the design {@code text} in the data folder's reports as {@code name.rptdesign}. */
	private static Path drop(String name, String text) throws java.io.IOException {
		Path folder = Files.createDirectories(DataFolder.reports());
		return Files.writeString(folder.resolve(name + ".rptdesign"), text);
	}

	/** A design as the BIRT Report Designer saves it, naming a server the branch does not have. */
	private static final String DESIGN = """
			<?xml version="1.0" encoding="UTF-8"?>
			<report xmlns="http://www.eclipse.org/birt/2005/design" version="3.2.23" id="1">
			    <text-property name="title">Candidats de la base</text-property>
			    <data-sources>
			        <oda-data-source extensionID="org.eclipse.birt.report.data.oda.jdbc" name="oemm" id="2">
			            <property name="odaDriverClass">org.apache.derby.jdbc.ClientDriver</property>
			            <property name="odaURL">jdbc:derby://oemm:1527/cqp</property>
			        </oda-data-source>
			    </data-sources>
			    <data-sets>
			        <oda-data-set extensionID="org.eclipse.birt.report.data.oda.jdbc.JdbcSelectDataSet" name="lieux" id="3">
			            <property name="dataSource">oemm</property>
			            <xml-property name="queryText"><![CDATA[SELECT COUNT(*) AS CANDIDATS FROM CANDIDATE]]></xml-property>
			        </oda-data-set>
			    </data-sets>
			    <body>
			        <table id="4">
			            <property name="dataSet">lieux</property>
			            <list-property name="boundDataColumns">
			                <structure>
			                    <property name="name">CANDIDATS</property>
			                    <expression name="expression" type="javascript">dataSetRow["CANDIDATS"]</expression>
			                    <property name="dataType">integer</property>
			                </structure>
			            </list-property>
			            <column id="5"/>
			            <detail>
			                <row id="6"><cell id="7"><data id="8"><property name="resultSetColumn">CANDIDATS</property></data></cell></row>
			            </detail>
			        </table>
			    </body>
			</report>
			""";

	@Test
	void aDesignOfTheDataFolderIsListedAndRunAndABrokenOneIsSaid() throws Exception {
		Path design = drop("candidats-de-la-base", DESIGN), broken = drop("brouillon", DESIGN.substring(0, 300));
		try {
			Cqp list = Cqp.run("report", "list");
			assertEquals(Cli.OK, list.code(), list.err());
			List<String> lines = list.out().lines().toList();
			assertEquals("candidats-de-la-base : Candidats de la base", lines.get(lines.size() - 1), list.out());
			assertTrue(list.err().strip().startsWith("Le modèle de rapport " + broken + " est illisible (ligne "), list.err());

			Path out = tmp.resolve("rapports");
			Cqp run = Cqp.run("report", "run", "candidats-de-la-base", "--format", "html", "--out", out.toString(), "--db", db);
			assertEquals(Cli.OK, run.code(), run.err());
			Path html = out.resolve("candidats-de-la-base.html");
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(html)));
			String page = Files.readString(html);
			java.util.regex.Matcher cell = java.util.regex.Pattern.compile(">\\s*(\\d+)\\s*<").matcher(page);
			assertTrue(cell.find(), page);
			assertEquals("20", cell.group(1), "the candidates of the database given, not of the design's server");
			assertTrue(!cell.find(), "one figure only");
		} finally {
			Files.deleteIfExists(design);
			Files.deleteIfExists(broken);
		}
	}

	/**
	 * All the reports, the last of which fails while it runs (a division by zero of the
	 * observatory's design): the files written before it are complete, and each was said on the
	 * standard output as soon as it was; the failure is one sentence, exit 1, its file absent.
	 */
	@Test
	void theFilesWrittenBeforeAFailureAreSaid() throws Exception {
		Path design = drop("zero", DESIGN.replace("SELECT COUNT(*) AS CANDIDATS FROM CANDIDATE",
				"SELECT 1 / (COUNT(*) - COUNT(*)) AS CANDIDATS FROM CANDIDATE"));
		try {
			Path out = tmp.resolve("tous");
			Cqp run = Cqp.run("report", "run", "all", "--format", "pdf", "--out", out.toString(), "--db", db);
			assertEquals(Cli.FAILED, run.code(), run.out());
			List<String> shipped = List.of("delais", "domaines", "echeances", "expirations", "inscriptions", "organismes",
					"resultats-jurys", "sessions-jury");
			assertEquals(shipped.stream().map(n -> out.resolve(n + ".pdf").toString()).toList(), run.out().lines().toList());
			try (java.util.stream.Stream<Path> files = Files.list(out)) {
				assertEquals(shipped.stream().map(n -> out.resolve(n + ".pdf")).toList(), files.sorted().toList());
			}
			List<String> said = run.err().lines().toList();
			assertEquals(1, said.size(), run.err());
			assertEquals("Le rapport « zero » n'a pas pu être produit : une requête divise par zéro (erreur 22012 de Derby, "
					+ "le détail est dans le journal).", said.get(0));
		} finally {
			Files.deleteIfExists(design);
		}
	}
}
