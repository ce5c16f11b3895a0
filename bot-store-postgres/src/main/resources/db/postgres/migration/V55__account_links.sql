-- PostgreSQL mirror of SQLite's migration of the same version; TEXT is COLLATE "C" so it compares as SQLite's.
-- One person's accounts on several platforms (issue 12). A linked account points at its primary, whose id owns the
-- circle, the settings and the one digest; digest_here marks the linked account the primary's digest goes to (at
-- most one per primary; none: the primary's own account).
CREATE TABLE account_links (
    account_id  BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    primary_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    digest_here BIGINT NOT NULL DEFAULT 0,
    linked_at   TEXT COLLATE "C" NOT NULL
);
CREATE INDEX account_links_primary ON account_links (primary_id);
CREATE UNIQUE INDEX account_links_one_digest ON account_links (primary_id) WHERE digest_here = 1;

-- One-time link codes, by their SHA-256 only; one per user (a new one replaces it), used once before expires_at.
CREATE TABLE link_codes (
    code_hash  TEXT COLLATE "C" PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TEXT COLLATE "C" NOT NULL,
    used_at    TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX link_codes_user ON link_codes (user_id);

-- Codes an account entered that were refused, for the limit on wrong tries.
CREATE TABLE link_attempts (
    account_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    attempted_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX link_attempts_account ON link_attempts (account_id, attempted_at);
