--liquibase formatted sql

--changeset cqp:012-parts-indexees
--comment: Each registration's shares of the statistics found by an index of its id alone, instead of a primary key over every key column, so that counting everything again (after a bulk load or a first import) builds a narrower index.

-- The shares are only ever read, deleted and replaced by registration (Statistics): a key over
-- the registration and every key column of the counts added nothing to those lookups, and
-- building it after a bulk load sorted rows of six to eight columns, where an index of the
-- registration sorts one (103,490 registrations: 1.8-1.9 s for STAT_WAITING_SHARE's key, 1.1 s
-- for this index, in ij). A registration still has one share per key of the counts: the query
-- of its shares groups by that key.
ALTER TABLE STAT_REGISTRATION_SHARE DROP PRIMARY KEY;
CREATE INDEX STAT_REGISTRATION_SHARE_BY_REGISTRATION ON STAT_REGISTRATION_SHARE (REGISTRATION_ID);
ALTER TABLE STAT_DECISION_SHARE DROP PRIMARY KEY;
CREATE INDEX STAT_DECISION_SHARE_BY_REGISTRATION ON STAT_DECISION_SHARE (REGISTRATION_ID);
ALTER TABLE STAT_DOMAIN_SHARE DROP PRIMARY KEY;
CREATE INDEX STAT_DOMAIN_SHARE_BY_REGISTRATION ON STAT_DOMAIN_SHARE (REGISTRATION_ID);
ALTER TABLE STAT_AWARD_SHARE DROP PRIMARY KEY;
CREATE INDEX STAT_AWARD_SHARE_BY_REGISTRATION ON STAT_AWARD_SHARE (REGISTRATION_ID);
ALTER TABLE STAT_SESSION_SHARE DROP PRIMARY KEY;
CREATE INDEX STAT_SESSION_SHARE_BY_REGISTRATION ON STAT_SESSION_SHARE (REGISTRATION_ID);
ALTER TABLE STAT_WAITING_SHARE DROP PRIMARY KEY;
CREATE INDEX STAT_WAITING_SHARE_BY_REGISTRATION ON STAT_WAITING_SHARE (REGISTRATION_ID);
ALTER TABLE STAT_PARTIAL_SHARE DROP PRIMARY KEY;
CREATE INDEX STAT_PARTIAL_SHARE_BY_REGISTRATION ON STAT_PARTIAL_SHARE (REGISTRATION_ID);
