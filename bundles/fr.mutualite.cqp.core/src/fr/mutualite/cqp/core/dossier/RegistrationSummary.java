package fr.mutualite.cqp.core.dossier;

import java.time.LocalDate;

import fr.mutualite.cqp.model.referential.Route;

/**
 * One line of a list of registrations: who, to what, since when, with whom. Read in one query,
 * without the booklets.
 */
public record RegistrationSummary(String registrationId, String candidateId, String lastName, String firstName,
		LocalDate birthDate, String certificationCode, LocalDate registrationDate, Route route,
		String trainingBodyCode, String companyName) {
}
