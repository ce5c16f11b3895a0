-- PostgreSQL mirror of SQLite's migration of the same version; TEXT is COLLATE "C" so it compares as SQLite's.
-- Which database this is: a random id made once, when the database is created or first upgraded to this version.
-- migrate-to does not copy it: a PostgreSQL database is another database than the SQLite file it was copied from.
CREATE TABLE IF NOT EXISTS database_identity (
    one BIGINT PRIMARY KEY CHECK (one = 1),
    id  TEXT COLLATE "C" NOT NULL
);
INSERT INTO database_identity (one, id) VALUES (1, md5(random()::text || clock_timestamp()::text))
ON CONFLICT (one) DO NOTHING;
