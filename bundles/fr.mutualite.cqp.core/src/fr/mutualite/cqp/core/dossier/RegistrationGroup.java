package fr.mutualite.cqp.core.dossier;

/**
 * The registrations of one training body to one certification, counted: a branch of the
 * navigator. The training body is {@code null} for registrations that have none (VAE...).
 */
public record RegistrationGroup(String trainingBodyCode, String trainingBodyName, String certificationCode, int count) {
}
