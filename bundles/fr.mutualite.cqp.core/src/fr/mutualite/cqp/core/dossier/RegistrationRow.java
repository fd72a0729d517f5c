package fr.mutualite.cqp.core.dossier;

import java.time.LocalDate;

import fr.mutualite.cqp.model.referential.Route;

/**
 * One registration as the observatory's spreadsheets carry it: the candidate, the company, the
 * certification, the date, the route and the training body.
 *
 * @param candidateId    the candidate's id in the product, or {@code null} for a new candidate
 * @param registrationId the registration's id, or {@code null} for a new registration
 */
public record RegistrationRow(String candidateId, String lastName, String firstName, LocalDate birthDate,
		String email, String companyName, String companyCity, String certificationCode, LocalDate registrationDate,
		Route route, String trainingBodyCode, String registrationId) {

	/** The stable key of the candidate of this row. */
	public String candidateKey() {
		return Identity.candidateKey(lastName, firstName, birthDate);
	}

	/** What identifies the registration: the candidate, the certification and the day. */
	public String registrationKey() {
		return candidateKey() + '|' + certificationCode + '|' + registrationDate;
	}
}
