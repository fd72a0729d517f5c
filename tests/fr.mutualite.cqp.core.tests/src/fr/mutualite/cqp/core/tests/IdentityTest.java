package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.core.dossier.Identity;

/** The keys that recognise a candidate or a company whatever the spelling. */
class IdentityTest {

	@Test
	void aNameIsInCapitalsWithoutAccentsItsWordsSeparatedByOneSpace() {
		assertEquals("JEAN PIERRE", Identity.normalize("  jean-PIERRE  "));
		assertEquals("N DIAYE", Identity.normalize("N'Diaye"));
		assertEquals("O NEIL 2", Identity.normalize("O'Neil\t2"));
		assertEquals("ELOISE", Identity.normalize("Éloïse"));
		assertEquals("BERARD CHLOE", Identity.normalize("bérard -- Chloé."));
		assertEquals("", Identity.normalize("--"));
		assertEquals("", Identity.normalize(""));
		assertEquals("", Identity.normalize(null));
		assertEquals("DUPONT|MARIE|1990-05-17", Identity.candidateKey("Dupont ", "marie", LocalDate.of(1990, 5, 17)));
		assertEquals("MUTUELLE DU NORD|LILLE", Identity.companyKey("Mutuelle du Nord", "LILLE"));
	}

	/**
	 * A text of ASCII alone is normalised by a pass of its own: it gives the key the general way
	 * gives, seen by adding a word with an accent (which takes the general way) to the same text.
	 */
	@Test
	void aTextOfAsciiAloneHasTheKeyTheGeneralWayGives() {
		Random random = new Random(15);
		for (int i = 0; i < 20_000; i++) {
			char[] text = new char[random.nextInt(12)];
			for (int c = 0; c < text.length; c++) {
				text[c] = (char) random.nextInt(0x80);
			}
			String ascii = new String(text);
			String alone = Identity.normalize(ascii);
			assertEquals(alone.isEmpty() ? "E" : alone + " E", Identity.normalize(ascii + " é"),
					"the text " + ascii.chars().mapToObj(Integer::toString).toList());
		}
	}
}
