-- The DM channel a platform opened for each person (Slack's conversations.open), so that a restart, or another
-- instance, does not look it up again. Keyed like users (platform, workspace, platform user id); PostgreSQL mirrors
-- this version.
CREATE TABLE dm_channels (
    platform         TEXT NOT NULL,
    workspace        TEXT NOT NULL,
    platform_user_id TEXT NOT NULL,
    channel          TEXT NOT NULL,
    PRIMARY KEY (platform, workspace, platform_user_id)
) WITHOUT ROWID;
