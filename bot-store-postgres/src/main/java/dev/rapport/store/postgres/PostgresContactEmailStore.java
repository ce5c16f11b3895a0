package dev.rapport.store.postgres;

import dev.rapport.core.port.ContactEmailStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Contacts' e-mail addresses in PostgreSQL; every statement filters by owner. */
public final class PostgresContactEmailStore implements ContactEmailStore {
    private final Database db;

    public PostgresContactEmailStore(Database db) {
        this.db = db;
    }

    @Override
    public void add(long ownerId, long contactId, String email) {
        db.write(c -> Rows.update(
                c,
                "INSERT INTO contact_emails (owner_id, contact_id, email)"
                        + " SELECT owner_id, id, ? FROM contacts WHERE owner_id = ? AND id = ? ON CONFLICT DO NOTHING",
                email.strip().toLowerCase(Locale.ROOT),
                ownerId,
                contactId));
    }

    @Override
    public void addAll(long ownerId, List<Map.Entry<Long, String>> contactAndEmail) {
        List<Object[]> rows = contactAndEmail.stream()
                .map(e -> new Object[] {e.getValue().strip().toLowerCase(Locale.ROOT), ownerId, e.getKey()})
                .toList();
        db.write(c -> {
            Rows.batch(
                    c,
                    "INSERT INTO contact_emails (owner_id, contact_id, email)"
                            + " SELECT owner_id, id, ? FROM contacts WHERE owner_id = ? AND id = ? ON CONFLICT DO NOTHING",
                    rows);
            return null;
        });
    }

    @Override
    public Map<Long, List<String>> all(long ownerId) {
        Map<Long, List<String>> byContact = new LinkedHashMap<>();
        db.read(c -> Rows.list(
                        c,
                        "SELECT contact_id, email FROM contact_emails WHERE owner_id = ? ORDER BY contact_id, ctid",
                        rs -> Map.entry(rs.getLong("contact_id"), rs.getString("email")),
                        ownerId))
                .forEach(e -> byContact
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return byContact;
    }
}
