-- Which database this is: a random id made once, when the database is created or first upgraded to this version.
-- A backup (VACUUM INTO) carries it, so a restore can tell a backup of this database from a backup of another one.
-- migrate-to does not copy it. One row (one = 1). A restore of a backup made before this version writes the
-- database's id into the restored file before its first start, hence IF NOT EXISTS and OR IGNORE.
CREATE TABLE IF NOT EXISTS database_identity (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    id  TEXT NOT NULL
);
INSERT OR IGNORE INTO database_identity (one, id) VALUES (1, lower(hex(randomblob(16))));
