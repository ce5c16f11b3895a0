package dev.rapport.bench;

import dev.rapport.store.sqlite.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;

/**
 * A database of the size the benchmarks name, built with the real migrations and bulk inserts: users "u0…",
 * each with contacts "Contact u-c", each with notes. Reused when a file of the same shape already exists.
 */
final class Dataset {
    static final String PLATFORM = "bench";
    static final String WORKSPACE = "w";

    final Path file;
    final int users;
    final int contactsPerUser;
    final int notesPerContact;

    Dataset(Path file, int users, int contactsPerUser, int notesPerContact) {
        this.file = file;
        this.users = users;
        this.contactsPerUser = contactsPerUser;
        this.notesPerContact = notesPerContact;
    }

    static String userId(int user) {
        return "u" + user;
    }

    static String contactName(int user, int contact) {
        return "Contact " + user + "-" + contact;
    }

    /** Opens the dataset, building it first when missing. */
    Database open() throws Exception {
        boolean fresh = !Files.exists(file);
        Database db = Database.open(file);
        if (fresh || count(db, "users") != users) {
            if (!fresh) {
                db.close();
                Files.delete(file);
                db = Database.open(file);
            }
            long start = System.nanoTime();
            fill(db);
            System.out.printf(
                    "built %s: %d users, %d contacts, %d notes in %.1f s%n",
                    file,
                    users,
                    (long) users * contactsPerUser,
                    (long) users * contactsPerUser * notesPerContact,
                    (System.nanoTime() - start) / 1e9);
        }
        return db;
    }

    static long count(Database db, String table) {
        return db.read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void fill(Database db) {
        Random random = new Random(42);
        String created = "2026-01-01T00:00:00Z";
        db.write(c -> {
            try (PreparedStatement user = c.prepareStatement(
                            "INSERT INTO users (id, platform, workspace, platform_user_id, display_name, time_zone,"
                                    + " zone_chosen, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)");
                    PreparedStatement contact = c.prepareStatement(
                            "INSERT INTO contacts (id, owner_id, name, name_key, last_contact, created_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement note =
                            c.prepareStatement("INSERT INTO notes (owner_id, contact_id, kind, body, tags, created_at)"
                                    + " VALUES (?, ?, ?, ?, '', ?)")) {
                String[] zones = {"UTC", "America/Los_Angeles", "Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham"};
                long contactId = 0;
                for (int u = 0; u < users; u++) {
                    long userRow = u + 1;
                    user.setLong(1, userRow);
                    user.setString(2, PLATFORM);
                    user.setString(3, WORKSPACE);
                    user.setString(4, userId(u));
                    user.setString(5, "User " + u);
                    user.setString(6, zones[u % zones.length]);
                    user.setString(7, created);
                    user.addBatch();
                    for (int k = 0; k < contactsPerUser; k++) {
                        contactId++;
                        String name = contactName(u, k);
                        contact.setLong(1, contactId);
                        contact.setLong(2, userRow);
                        contact.setString(3, name);
                        contact.setString(4, name.toLowerCase());
                        contact.setString(5, "2026-10-" + String.format("%02d", 1 + random.nextInt(28)));
                        contact.setString(6, created);
                        contact.addBatch();
                        for (int n = 0; n < notesPerContact; n++) {
                            note.setLong(1, userRow);
                            note.setLong(2, contactId);
                            note.setString(3, n == 0 ? "QUESTION" : "NOTE");
                            note.setString(4, "Note " + n + " about " + name + ": likes sailing, moving to Lisbon");
                            note.setString(5, created);
                            note.addBatch();
                        }
                    }
                    if (u % 500 == 499) {
                        user.executeBatch();
                        contact.executeBatch();
                        note.executeBatch();
                    }
                }
                user.executeBatch();
                contact.executeBatch();
                note.executeBatch();
            }
            return null;
        });
    }
}
