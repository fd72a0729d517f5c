--liquibase formatted sql

--changeset cqp:010-echeances-datees
--comment: The registrations waiting for a first jury and the partial awards, kept with the day they stopped being so, so that the lists of deadlines are true on any reference day.

-- STAT_WAITING held only the registrations no jury has decided on today, STAT_PARTIAL only the
-- partial awards not completed today: asked about an earlier day (the report echeances with a
-- past reference day, the dashboard's previous years), the lists missed the candidates decided
-- or certified in full since. They now hold every registration with the day of its first jury
-- decision (DECIDED), and every award that acquired a domain before it was complete, with the
-- day of its certificate in full (FULL_AWARD); 9999-12-31 while there is none. A registration
-- with no rule in force on its day, left out before, is kept with the DEADLINE 9999-12-31: a
-- limit the report is given applies to it too. The tables are counted again when the database
-- is opened (the way of counting changed).
ALTER TABLE STAT_WAITING ADD COLUMN DECIDED DATE NOT NULL DEFAULT '9999-12-31';
ALTER TABLE STAT_WAITING DROP PRIMARY KEY;
ALTER TABLE STAT_WAITING ADD PRIMARY KEY (CERTIFICATION_CODE, TRAINING_BODY_CODE, REGISTRATION_DATE, DEADLINE, DECIDED);
ALTER TABLE STAT_WAITING_SHARE ADD COLUMN DECIDED DATE NOT NULL DEFAULT '9999-12-31';
ALTER TABLE STAT_WAITING_SHARE DROP PRIMARY KEY;
ALTER TABLE STAT_WAITING_SHARE ADD PRIMARY KEY (REGISTRATION_ID, CERTIFICATION_CODE, TRAINING_BODY_CODE, REGISTRATION_DATE, DEADLINE, DECIDED);

ALTER TABLE STAT_PARTIAL ADD COLUMN FULL_AWARD DATE NOT NULL DEFAULT '9999-12-31';
ALTER TABLE STAT_PARTIAL DROP PRIMARY KEY;
ALTER TABLE STAT_PARTIAL ADD PRIMARY KEY (CERTIFICATION_CODE, TRAINING_BODY_CODE, FIRST_JURY, EXPIRY, ACQUIRED, DOMAINS, FULL_AWARD);
ALTER TABLE STAT_PARTIAL_SHARE ADD COLUMN FULL_AWARD DATE NOT NULL DEFAULT '9999-12-31';
ALTER TABLE STAT_PARTIAL_SHARE DROP PRIMARY KEY;
ALTER TABLE STAT_PARTIAL_SHARE ADD PRIMARY KEY (REGISTRATION_ID, CERTIFICATION_CODE, TRAINING_BODY_CODE, FIRST_JURY, EXPIRY, ACQUIRED, DOMAINS, FULL_AWARD);
