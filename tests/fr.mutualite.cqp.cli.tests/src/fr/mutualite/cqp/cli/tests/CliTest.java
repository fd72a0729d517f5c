package fr.mutualite.cqp.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.cli.internal.Cli;
import fr.mutualite.cqp.core.CqpProduct;

/** The root command: version, help, and one clear sentence for what it does not know. */
class CliTest {

	private record Result(int code, String out, String err) {
	}

	private static Result cqp(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void versionPrintsTheProductNameAndTheBuildVersion() {
		Result r = cqp("--version");
		assertEquals(Cli.OK, r.code());
		String v = CqpProduct.version().toString();
		assertTrue(v.startsWith("0.1.0."), v);
		assertEquals("CQP Mutualité 0.1.0 (version " + CqpProduct.version().getQualifier() + ")", r.out().strip());
		assertEquals("", r.err());
	}

	@Test
	void helpListsTheOptionsAndExitCodesInFrench() {
		Result r = cqp("--help");
		assertEquals(Cli.OK, r.code());
		assertTrue(r.out().contains("Utilisation : cqp"), r.out());
		assertTrue(r.out().contains("--version"), r.out());
		assertTrue(r.out().contains("Affiche la version du produit"), r.out());
		assertTrue(r.out().contains("Codes de sortie"), r.out());
	}

	@Test
	void withoutACommandTheHelpIsShown() {
		Result r = cqp();
		assertEquals(Cli.OK, r.code());
		assertTrue(r.out().contains("Utilisation : cqp"), r.out());
	}

	@Test
	void anUnknownCommandGetsOneSentenceAndAUsageExitCode() {
		Result r = cqp("frobnicate", "--vite");
		assertEquals(Cli.USAGE, r.code());
		assertEquals("", r.out());
		assertEquals(1, r.err().strip().lines().count(), r.err());
		assertTrue(r.err().contains("Commande inconnue : « frobnicate »"), r.err());
		assertFalse(r.err().contains("Exception"), r.err());
	}

	@Test
	void anUnknownOptionGetsOneSentenceAndAUsageExitCode() {
		Result r = cqp("--frobnicate");
		assertEquals(Cli.USAGE, r.code());
		assertEquals(1, r.err().strip().lines().count(), r.err());
		assertTrue(r.err().contains("Option inconnue : « --frobnicate »"), r.err());
	}
}
