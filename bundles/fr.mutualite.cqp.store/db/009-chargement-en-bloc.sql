--liquibase formatted sql

--changeset cqp:009-chargement-en-bloc
--comment: A table function of one row, read by the queries that fill a table all at once (the statistics counted again), so that Derby loads them in bulk.

-- Derby loads an INSERT whose rows come through a table function in bulk when the table it fills
-- is empty (DERBY-4789): rows written unlogged and indexes built by sorting, several times faster
-- than row by row; in the same transaction, undone by a rollback like any insert. Read in a
-- condition that always holds, this function of one row changes nothing in what a query gives.
CREATE FUNCTION LOAD_IN_BULK () RETURNS TABLE (N INT)
  LANGUAGE JAVA PARAMETER STYLE DERBY_JDBC_RESULT_SET READS SQL DATA
  EXTERNAL NAME 'fr.mutualite.cqp.store.routines.BulkLoad.row';
