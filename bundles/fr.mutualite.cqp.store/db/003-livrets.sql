--liquibase formatted sql

--changeset cqp:003-livrets
--comment: What the booklet editors add: the answers of the orientation guide, the trainer of each module, the booklets declared complete or signed.

-- Answers to the orientation guide's questions (part ORIENT) join those of the final booklet and
-- VAE dossier.
ALTER TABLE ANSWER DROP CONSTRAINT ANSWER_PART;
ALTER TABLE ANSWER ADD CONSTRAINT ANSWER_PART CHECK (PART IN ('ORIENT', 'FINAL', 'VAE'));

ALTER TABLE TRAINING_MODULE ADD COLUMN TRAINER VARCHAR(200);

-- A booklet of a registration declared complete, or signed; one without a row is empty or in
-- progress, as its content says.
CREATE TABLE BOOKLET_STATUS (
  REGISTRATION_ID VARCHAR(40) NOT NULL REFERENCES REGISTRATION (ID) ON DELETE CASCADE,
  BOOKLET_CODE VARCHAR(64) NOT NULL,
  STATE VARCHAR(12) NOT NULL CONSTRAINT BOOKLET_STATE CHECK (STATE IN ('COMPLETE', 'SIGNED')),
  DECLARED_BY VARCHAR(200),
  DECLARED_ON DATE,
  PRIMARY KEY (REGISTRATION_ID, BOOKLET_CODE)
);
