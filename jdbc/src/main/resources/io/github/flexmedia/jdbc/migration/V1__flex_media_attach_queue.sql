--liquibase formatted sql
--changeset flex-media:1
-- flex-media attach queue, schema version 1. PostgreSQL 13 or later (gen_random_uuid is built in).
-- Runnable as is by Flyway (V1__...; give flex-media its own history table, see docs/fleet.md),
-- by Liquibase (formatted SQL), or by JdbcAttachStore.migrate().

-- One row per task that has pending attaches: the unit of a claim. A claim locks the row
-- (FOR UPDATE SKIP LOCKED), sets claim_id and pushes available_at to the lease's end; a lease that
-- runs out makes the row claimable again by the same "available_at <= now()" test.
CREATE TABLE flex_media_attach_task (
    workspace_sid varchar(34)  NOT NULL,
    task_sid      varchar(34)  NOT NULL,
    available_at  timestamptz  NOT NULL,
    claim_id      uuid,
    claimed_by    varchar(200),
    claims        integer      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_sid, task_sid)
);
CREATE INDEX flex_media_attach_task_available ON flex_media_attach_task (available_at);

-- One row per accepted attach. media holds MediaAttributes.toJson() while the attach is pending
-- or FAILED (to replay it) and is cleared once it has any other outcome. error_kind is an
-- exception type and an HTTP status, never a message: no URL, title or token is stored there.
CREATE TABLE flex_media_attach (
    id            varchar(64)  PRIMARY KEY,
    workspace_sid varchar(34)  NOT NULL,
    task_sid      varchar(34)  NOT NULL,
    media         text,
    deadline      timestamptz  NOT NULL,
    status        varchar(16)  NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'ATTACHED', 'UNCHANGED', 'EXPIRED', 'FAILED')),
    error_kind    varchar(200),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    completed_at  timestamptz
);
CREATE INDEX flex_media_attach_pending ON flex_media_attach (workspace_sid, task_sid)
    WHERE status = 'PENDING';
CREATE INDEX flex_media_attach_completed ON flex_media_attach (completed_at)
    WHERE status <> 'PENDING';
