--liquibase formatted sql

--changeset cqp:013-import-jours-en-texte
--comment: The staged candidates' and registrations' days and times given as text, which the import's INSERT stores in its DATE and TIMESTAMP columns, as Derby's own import procedure does.

-- A DATE or TIMESTAMP a table function gives is read by Derby through a new calendar, then cast
-- to the function's declared type through two more (VTIResultSet.cast): 400,000 values for a
-- first import of 100,000 candidates, 1.4 s in its profile. Given as text ('2026-12-02',
-- '2026-12-02 10:11:12.123'), they are parsed by the INSERT storing them, without a calendar.
DROP FUNCTION STAGED_CANDIDATES;
DROP FUNCTION STAGED_REGISTRATIONS;
CREATE FUNCTION STAGED_CANDIDATES () RETURNS TABLE (ID VARCHAR(40), LAST_NAME VARCHAR(100),
    FIRST_NAME VARCHAR(100), BIRTH_DATE VARCHAR(10), EMAIL VARCHAR(200), COMPANY_ID VARCHAR(40),
    MATCH_KEY VARCHAR(220), VERSION INT, UPDATED_BY VARCHAR(128), UPDATED_AT VARCHAR(29))
  LANGUAGE JAVA PARAMETER STYLE DERBY_JDBC_RESULT_SET NO SQL
  EXTERNAL NAME 'fr.mutualite.cqp.store.routines.StagedRows.candidates';
CREATE FUNCTION STAGED_REGISTRATIONS () RETURNS TABLE (ID VARCHAR(40), CANDIDATE_ID VARCHAR(40),
    CERTIFICATION_CODE VARCHAR(16), REFERENTIAL_VERSION VARCHAR(32), REGISTRATION_DATE VARCHAR(10),
    ROUTE VARCHAR(8), COMPANY_ID VARCHAR(40), TRAINING_BODY_CODE VARCHAR(64),
    HAS_TRAINING_PATH BOOLEAN, VERSION INT, UPDATED_BY VARCHAR(128), UPDATED_AT VARCHAR(29))
  LANGUAGE JAVA PARAMETER STYLE DERBY_JDBC_RESULT_SET NO SQL
  EXTERNAL NAME 'fr.mutualite.cqp.store.routines.StagedRows.registrations';
