package dev.rapport.store.postgres;

import static dev.rapport.store.postgres.Rows.instant;
import static dev.rapport.store.postgres.Rows.optionalDate;
import static dev.rapport.store.postgres.Rows.optionalString;

import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Initiator;
import dev.rapport.core.domain.Names;
import dev.rapport.core.port.ContactStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Contacts in PostgreSQL; every statement filters by owner. */
public final class PostgresContactStore implements ContactStore {
    static final String COLUMNS = "id, owner_id, name, platform_user_id, how_met, rhythm, rhythm_next,"
            + " last_contact, last_initiator, created_at";

    private final Database db;

    public PostgresContactStore(Database db) {
        this.db = db;
    }

    @Override
    public List<Contact> all(long ownerId) {
        return db.read(c -> Rows.list(
                c,
                "SELECT " + COLUMNS + " FROM contacts WHERE owner_id = ? ORDER BY name_key",
                PostgresContactStore::map,
                ownerId));
    }

    @Override
    public Optional<Contact> byId(long ownerId, long contactId) {
        return db.read(c -> Rows.one(
                c,
                "SELECT " + COLUMNS + " FROM contacts WHERE owner_id = ? AND id = ?",
                PostgresContactStore::map,
                ownerId,
                contactId));
    }

    @Override
    public Optional<Contact> byPlatformUser(long ownerId, String platformUserId) {
        return db.read(c -> Rows.one(
                c,
                "SELECT " + COLUMNS + " FROM contacts WHERE owner_id = ? AND platform_user_id = ?",
                PostgresContactStore::map,
                ownerId,
                platformUserId));
    }

    @Override
    public Contact create(Contact contact) {
        // One row is a batch of one: the same id query and insert as an import, and no read back.
        return createAll(List.of(contact)).get(0);
    }

    @Override
    public List<Contact> createAll(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        return db.write(c -> {
            // The ids first, in one query, so the rows can go in one batch and be returned without reading them back.
            List<Long> ids = Rows.list(
                    c,
                    "SELECT nextval(pg_get_serial_sequence('contacts', 'id')) FROM generate_series(1, ?)",
                    rs -> rs.getLong(1),
                    contacts.size());
            List<Object[]> rows = new ArrayList<>();
            List<Contact> created = new ArrayList<>();
            for (int i = 0; i < contacts.size(); i++) {
                Contact contact = contacts.get(i);
                long id = ids.get(i);
                rows.add(new Object[] {
                    id,
                    contact.ownerId(),
                    contact.name(),
                    Names.fold(contact.name()),
                    contact.platformUserId(),
                    contact.howMet(),
                    contact.rhythm().map(Cadence::code),
                    contact.rhythmNext(),
                    contact.lastContact(),
                    contact.lastInitiator().map(Enum::name),
                    contact.createdAt().toString()
                });
                created.add(new Contact(
                        id,
                        contact.ownerId(),
                        contact.name(),
                        contact.platformUserId(),
                        contact.howMet(),
                        contact.rhythm(),
                        contact.rhythmNext(),
                        contact.lastContact(),
                        contact.lastInitiator(),
                        contact.createdAt()));
            }
            Rows.batch(
                    c,
                    "INSERT INTO contacts (id, owner_id, name, name_key, platform_user_id, how_met, rhythm,"
                            + " rhythm_next, last_contact, last_initiator, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
            return created;
        });
    }

    @Override
    public void update(Contact contact) {
        db.write(c -> Rows.update(
                c,
                "UPDATE contacts SET name = ?, name_key = ?, platform_user_id = ?, how_met = ?, rhythm = ?,"
                        + " rhythm_next = ?, last_contact = ?, last_initiator = ? WHERE owner_id = ? AND id = ?",
                contact.name(),
                Names.fold(contact.name()),
                contact.platformUserId(),
                contact.howMet(),
                contact.rhythm().map(Cadence::code),
                contact.rhythmNext(),
                contact.lastContact(),
                contact.lastInitiator().map(Enum::name),
                contact.ownerId(),
                contact.id()));
    }

    @Override
    public void delete(long ownerId, long contactId) {
        db.write(c -> Rows.update(c, "DELETE FROM contacts WHERE owner_id = ? AND id = ?", ownerId, contactId));
    }

    static Contact map(ResultSet rs) throws SQLException {
        return new Contact(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getString("name"),
                optionalString(rs, "platform_user_id"),
                optionalString(rs, "how_met"),
                optionalString(rs, "rhythm").flatMap(Cadence::fromCode),
                optionalDate(rs, "rhythm_next"),
                optionalDate(rs, "last_contact"),
                optionalString(rs, "last_initiator").map(Initiator::valueOf),
                instant(rs, "created_at"));
    }
}
