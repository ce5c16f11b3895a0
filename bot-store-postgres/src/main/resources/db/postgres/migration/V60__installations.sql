-- PostgreSQL mirror of SQLite's migration of the same version; TEXT is COLLATE "C" so it compares as SQLite's.
-- Workspaces Rapport was installed on through OAuth ("Add to Slack"), one row per platform and workspace.
-- workspace is the Slack team id, or the enterprise id of an organisation-wide install. sealed_token is the bot token
-- encrypted by Rapport (AES-GCM under RAPPORT_SECRET_KEY): the database never holds a token in the clear. An
-- uninstall, a revocation or a token Slack refused deletes it and says why in state/reason.
CREATE TABLE installations (
    platform          TEXT COLLATE "C" NOT NULL,
    workspace         TEXT COLLATE "C" NOT NULL,
    enterprise_id     TEXT COLLATE "C",
    team_id           TEXT COLLATE "C",
    bot_user_id       TEXT COLLATE "C" NOT NULL,
    bot_id            TEXT COLLATE "C" NOT NULL,
    scopes            TEXT COLLATE "C" NOT NULL,
    installer_user_id TEXT COLLATE "C" NOT NULL,
    sealed_token      TEXT COLLATE "C",
    state             TEXT COLLATE "C" NOT NULL,
    reason            TEXT COLLATE "C",
    installed_at      TEXT COLLATE "C" NOT NULL,
    changed_at        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (platform, workspace)
);

-- OAuth state parameters of installs under way, by their SHA-256 only; each is used once before expires_at.
CREATE TABLE install_states (
    state_hash TEXT COLLATE "C" PRIMARY KEY,
    expires_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX install_states_expiry ON install_states (expires_at);
