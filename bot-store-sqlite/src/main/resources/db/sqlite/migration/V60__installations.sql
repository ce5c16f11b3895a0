-- Workspaces Rapport was installed on through OAuth ("Add to Slack"), one row per platform and workspace (PostgreSQL
-- mirrors this version). workspace is the Slack team id, or the enterprise id of an organisation-wide install.
-- sealed_token is the bot token encrypted by Rapport (AES-GCM under RAPPORT_SECRET_KEY): the database never holds a
-- token in the clear. An uninstall, a revocation or a token Slack refused deletes it and says why in state/reason.
CREATE TABLE installations (
    platform          TEXT NOT NULL,
    workspace         TEXT NOT NULL,
    enterprise_id     TEXT,
    team_id           TEXT,
    bot_user_id       TEXT NOT NULL,
    bot_id            TEXT NOT NULL,
    scopes            TEXT NOT NULL,
    installer_user_id TEXT NOT NULL,
    sealed_token      TEXT,
    state             TEXT NOT NULL,
    reason            TEXT,
    installed_at      TEXT NOT NULL,
    changed_at        TEXT NOT NULL,
    PRIMARY KEY (platform, workspace)
);

-- OAuth state parameters of installs under way, by their SHA-256 only; each is used once before expires_at.
CREATE TABLE install_states (
    state_hash TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
);
CREATE INDEX install_states_expiry ON install_states (expires_at);
