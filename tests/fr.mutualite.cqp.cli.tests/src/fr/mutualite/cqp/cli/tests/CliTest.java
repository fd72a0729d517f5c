package fr.mutualite.cqp.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.cli.internal.Cli;
import fr.mutualite.cqp.core.CqpProduct;

/** The root command: version, help, and one clear sentence for what it does not know. */
class CliTest {

	@Test
	void versionPrintsTheProductNameAndTheBuildVersion() {
		Cqp r = Cqp.run("--version");
		assertEquals(Cli.OK, r.code());
		String v = CqpProduct.version().toString();
		assertTrue(v.startsWith("0.1.0."), v);
		assertEquals("CQP Mutualité 0.1.0 (version " + CqpProduct.version().getQualifier() + ")", r.out().strip());
		assertEquals("", r.err());
	}

	@Test
	void helpListsTheOptionsAndExitCodesInFrench() {
		Cqp r = Cqp.run("--help");
		assertEquals(Cli.OK, r.code());
		assertTrue(r.out().contains("Utilisation : cqp"), r.out());
		assertTrue(r.out().contains("--version"), r.out());
		assertTrue(r.out().contains("Affiche la version du produit"), r.out());
		assertTrue(r.out().contains("Codes de sortie"), r.out());
	}

	@Test
	void withoutACommandTheHelpIsShown() {
		Cqp r = Cqp.run();
		assertEquals(Cli.OK, r.code());
		assertTrue(r.out().contains("Utilisation : cqp"), r.out());
	}

	@Test
	void anUnknownCommandGetsOneSentenceAndAUsageExitCode() {
		Cqp r = Cqp.run("frobnicate", "--vite");
		assertEquals(Cli.USAGE, r.code());
		assertEquals("", r.out());
		assertEquals(1, r.err().strip().lines().count(), r.err());
		assertTrue(r.err().contains("Commande inconnue : « frobnicate »"), r.err());
		assertFalse(r.err().contains("Exception"), r.err());
	}

	@Test
	void anUnknownOptionGetsOneSentenceAndAUsageExitCode() {
		Cqp r = Cqp.run("--frobnicate");
		assertEquals(Cli.USAGE, r.code());
		assertEquals(1, r.err().strip().lines().count(), r.err());
		assertTrue(r.err().contains("Option inconnue : « --frobnicate »"), r.err());
	}
}
