package fr.mutualite.cqp.core.print;

import java.util.List;

/**
 * A booklet as it is printed: its title, the certification, the header fields (the candidate's
 * when it is filled), notes (its instructions, and what the referential does not describe yet),
 * then its lines, section by section. Built from the referential and the dossier by
 * {@link BookletSheets}; laid out by the report service.
 *
 * @param title the booklet's title
 * @param certification the certification, code and title, with its referential version
 * @param copy what the sheet is: a blank booklet, a filled one, or a certificate issued
 * @param header label and value of each header field, in order
 * @param notes paragraphs printed before the sections
 * @param lines the lines, in order
 */
public record BookletSheet(String title, String certification, Copy copy, List<Field> header,
		List<String> notes, List<Line> lines) {

	/** What a printed sheet is. */
	public enum Copy {
		/** A booklet to hand out and fill by hand. */
		BLANK,
		/** A booklet filled with a registration's data. */
		FILLED,
		/** A certificate, or a statement of partial award, as issued. */
		ISSUED
	}

	/** A header field. */
	public record Field(String label, String value) {
	}

	/**
	 * A line of a section.
	 *
	 * @param section the section's number, from 1
	 * @param heading the section's heading
	 * @param depth 0 for a paragraph of the section, 1 for an item (competence, criteria group,
	 *            question), 2 for a criterion, 3 for what was written about the line above
	 * @param text the booklet's words
	 * @param answer the boxes of its scale (ticked when filled) or what was written; empty when
	 *            nothing is asked on this line
	 */
	public record Line(int section, String heading, int depth, String text, String answer) {
	}
}
