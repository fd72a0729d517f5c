--liquibase formatted sql

--changeset cqp:004-certificats
--comment: Certificates keep their history, and their numbers come from a sequence per certification and year that never goes back; a VAE request records the decision on its admissibility; the jury gives its advice after a partial award.

-- The certificates a registration held before its current one (in CERTIFICATE): a later jury adds
-- a certificate, it never overwrites one.
CREATE TABLE CERTIFICATE_HISTORY (
  REGISTRATION_ID VARCHAR(40) NOT NULL REFERENCES REGISTRATION (ID) ON DELETE CASCADE,
  SEQ INT NOT NULL,
  CERTIFICATE_NUMBER VARCHAR(40),
  ISSUE_DATE DATE,
  FULL_AWARD BOOLEAN NOT NULL,
  BONUS_POINTS INT,
  PRIMARY KEY (REGISTRATION_ID, SEQ)
);

-- The last number given for each certification and year (prefix CODE-YEAR): numbers are taken
-- from here in the transaction that issues the certificate, so none is ever given twice, even
-- when a certificate is later deleted.
CREATE TABLE CERTIFICATE_SEQUENCE (
  PREFIX VARCHAR(40) NOT NULL PRIMARY KEY,
  LAST_NUMBER INT NOT NULL
);

-- The decision on a VAE request's admissibility: an inadmissible request is recorded with its
-- reason (the statistics count them).
ALTER TABLE VAE_DOSSIER ADD COLUMN ADMISSIBILITY VARCHAR(12) CONSTRAINT VAE_ADMISSIBILITY CHECK (ADMISSIBILITY IN ('PENDING', 'ADMISSIBLE', 'INADMISSIBLE'));
ALTER TABLE VAE_DOSSIER ADD COLUMN ADMISSIBILITY_DATE DATE;
ALTER TABLE VAE_DOSSIER ADD COLUMN ADMISSIBILITY_REASON VARCHAR(1000);

-- The jury's advice to a candidate after a partial award or a refusal.
ALTER TABLE JURY_DECISION ADD COLUMN ADVICE VARCHAR(4000);
