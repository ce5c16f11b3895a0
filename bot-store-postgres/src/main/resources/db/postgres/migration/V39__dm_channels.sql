-- The DM channel a platform opened for each person (Slack's conversations.open), so that a restart, or another
-- instance, does not look it up again. Mirrors SQLite's V39.
CREATE TABLE dm_channels (
    platform         TEXT COLLATE "C" NOT NULL,
    workspace        TEXT COLLATE "C" NOT NULL,
    platform_user_id TEXT COLLATE "C" NOT NULL,
    channel          TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (platform, workspace, platform_user_id)
);
