-- The digest sweep lets SQLite choose each user's items (issue 16): these indexes cover what the ranking reads, so
-- the lapsed rhythms, the due follow-ups and a contact's newest notes are index range scans that touch no table row.
-- PostgreSQL mirrors this version. Each replaces an index that is a prefix of it.
DROP INDEX IF EXISTS contacts_owner_rhythm;
CREATE INDEX IF NOT EXISTS contacts_owner_rhythm_due ON contacts (owner_id, rhythm_next, rhythm, name)
    WHERE rhythm_next IS NOT NULL;

CREATE INDEX IF NOT EXISTS follow_ups_open_due ON follow_ups (owner_id, due_on, contact_id) WHERE status = 'OPEN';

DROP INDEX IF EXISTS notes_owner_contact;
CREATE INDEX IF NOT EXISTS notes_owner_contact_kind ON notes (owner_id, contact_id, id, kind, answered_at);
