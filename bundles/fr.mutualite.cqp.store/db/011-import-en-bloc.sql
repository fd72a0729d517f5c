--liquibase formatted sql

--changeset cqp:011-import-en-bloc
--comment: Table functions giving the candidates and registrations an import has staged, so that a first import loads them in bulk.

-- An import into empty tables (a branch's first) matches its rows in memory, then loads the new
-- candidates and registrations through these functions in one INSERT each: fed by a table
-- function into an empty table, Derby writes them in bulk, as its own import procedure does
-- (DERBY-4789), within the import's transaction. They give the rows of the import running in the
-- calling thread of the same process, none otherwise.
CREATE FUNCTION STAGED_CANDIDATES () RETURNS TABLE (ID VARCHAR(40), LAST_NAME VARCHAR(100),
    FIRST_NAME VARCHAR(100), BIRTH_DATE DATE, EMAIL VARCHAR(200), COMPANY_ID VARCHAR(40),
    MATCH_KEY VARCHAR(220), VERSION INT, UPDATED_BY VARCHAR(128), UPDATED_AT TIMESTAMP)
  LANGUAGE JAVA PARAMETER STYLE DERBY_JDBC_RESULT_SET NO SQL
  EXTERNAL NAME 'fr.mutualite.cqp.store.routines.StagedRows.candidates';
CREATE FUNCTION STAGED_REGISTRATIONS () RETURNS TABLE (ID VARCHAR(40), CANDIDATE_ID VARCHAR(40),
    CERTIFICATION_CODE VARCHAR(16), REFERENTIAL_VERSION VARCHAR(32), REGISTRATION_DATE DATE,
    ROUTE VARCHAR(8), COMPANY_ID VARCHAR(40), TRAINING_BODY_CODE VARCHAR(64),
    HAS_TRAINING_PATH BOOLEAN, VERSION INT, UPDATED_BY VARCHAR(128), UPDATED_AT TIMESTAMP)
  LANGUAGE JAVA PARAMETER STYLE DERBY_JDBC_RESULT_SET NO SQL
  EXTERNAL NAME 'fr.mutualite.cqp.store.routines.StagedRows.registrations';
